import {Box, Text} from 'ink';
import SelectInput from 'ink-select-input';
import {useState} from 'react';
import {FailureNotice} from '../ui/failure-notice.js';
import {FieldInput} from '../ui/field-input.js';
import type {PasteState} from './wizard-state.js';

/** A choice offered once the timed wait for the browser has run out. */
export type TimeoutChoice = 'open-browser' | 'print-address' | 'paste-address' | 'back';

const timeoutChoices: Array<{label: string; value: TimeoutChoice}> = [
  {label: 'Open the browser again', value: 'open-browser'},
  {label: 'Print the sign-in address again', value: 'print-address'},
  {label: 'Paste the address the browser ended on', value: 'paste-address'},
  {label: 'Go back to the Client ID', value: 'back'},
];

export type TimeoutChoicesProps = {
  /** Whether the list reads keys. */
  focus: boolean;
  onChoose: (choice: TimeoutChoice) => void;
};

/** Draws the choices after the wait timed out, while the receiver still listens. */
export function TimeoutChoices({focus, onChoose}: TimeoutChoicesProps) {
  return (
    <Box flexDirection="column">
      <Text color="yellow">
        No sign-in response arrived in time. The sign-in still listens, so a late one counts.
      </Text>
      <SelectInput items={timeoutChoices} isFocused={focus} onSelect={item => onChoose(item.value)} />
    </Box>
  );
}

export type PasteFieldProps = {
  paste: Exclude<PasteState, {status: 'closed'}>;
  /** Whether the field reads keys. */
  focus: boolean;
  onSubmit: (address: string) => void;
};

/**
 * Draws the field for the address the browser ended on, for when the redirect could not
 * reach this machine. A rejected paste shows its failure under the field and keeps the text.
 */
export function PasteField({paste, focus, onSubmit}: PasteFieldProps) {
  const [value, setValue] = useState('');
  const isChecking = paste.status === 'checking';

  return (
    <Box flexDirection="column">
      <Text>Paste the whole address from the browser tab where the sign-in ended:</Text>
      <Box>
        <Text color="cyan">› </Text>
        <FieldInput value={value} focus={focus && !isChecking} onChange={setValue} onSubmit={onSubmit} />
      </Box>
      {isChecking ? <Text>Checking the pasted address…</Text> : null}
      {paste.status === 'editing' && paste.error !== null ? (
        <FailureNotice error={paste.error} />
      ) : null}
    </Box>
  );
}
