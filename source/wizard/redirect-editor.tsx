import {Box, Text, useInput} from 'ink';
import {FieldInput} from '../ui/field-input.js';
import {useState} from 'react';
import {toSingleLine} from '../text/strip-control.js';
import {tryValidate} from './try-validate.js';
import type {WizardServices} from './wizard-services.js';

export type RedirectEditorProps = {
  initial: string;
  services: WizardServices;
  canRead: boolean;
  onSubmit: (redirectUri: string) => void;
  onCancel: () => void;
};

/** Draws a field for a new Login Redirect URL, validated as typed. Enter keeps it, Esc drops it. */
export function RedirectEditor(props: RedirectEditorProps) {
  const {initial, services, canRead, onSubmit, onCancel} = props;
  const [draft, setDraft] = useState(initial);
  const validated = tryValidate(() => services.validateRedirectUri(draft));

  useInput(
    (_input, key) => {
      if (key.escape) {
        onCancel();
      }
    },
    {isActive: canRead},
  );

  return (
    <Box flexDirection="column">
      <Box>
        <Text color="cyan">New Login Redirect URL: </Text>
        <FieldInput
          value={draft}
          focus={canRead}
          onChange={setDraft}
          onSubmit={() => {
            if (validated.ok) {
              onSubmit(validated.value);
            }
          }}
        />
      </Box>
      {validated.ok ? null : <Text color="red">{toSingleLine(validated.error.message)}</Text>}
      <Text dimColor>Enter: keep this address · Esc: cancel the edit</Text>
    </Box>
  );
}
