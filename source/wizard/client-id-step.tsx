import {Box, Text, useInput} from 'ink';
import {FieldInput} from '../ui/field-input.js';
import {toSingleLine} from '../text/strip-control.js';
import type {StepProps} from './step-props.js';
import {tryValidate} from './try-validate.js';
import {WizardFrame} from './wizard-frame.js';

export type ClientIdStepProps = StepProps & {
  /** A line under the field, e.g. the emulator's client ID in demo mode. */
  hint: string | undefined;
};

/** Step 4: the Client ID pasted from Halo; a warning is shown but does not block. */
export function ClientIdStep({state, dispatch, services, canRead, hint}: ClientIdStepProps) {
  const value = state.values.clientId;
  const validated = tryValidate(() => services.validateClientId(value.trim()));

  useInput(
    (_input, key) => {
      if (key.escape) {
        dispatch({type: 'back'});
      }
    },
    {isActive: canRead},
  );

  const submit = () => {
    if (validated.ok) {
      dispatch({type: 'submit-client-id', clientId: validated.value.clientId});
    }
  };

  return (
    <WizardFrame step="client-id" keys="Enter: continue · Esc: back">
      <Text>Paste the Client ID that Halo shows after saving the application:</Text>
      <Box>
        <Text color="cyan">› </Text>
        <FieldInput
          value={value}
          focus={canRead}
          onChange={text => dispatch({type: 'change', field: 'clientId', value: text})}
          onSubmit={submit}
        />
      </Box>
      {hint === undefined ? null : <Text dimColor>{toSingleLine(hint)}</Text>}
      {value.trim() === '' ? null : validated.ok ? (
        validated.value.warning === null ? null : (
          <Text color="yellow">! {toSingleLine(validated.value.warning)}</Text>
        )
      ) : (
        <Text color="red">{toSingleLine(validated.error.message)}</Text>
      )}
    </WizardFrame>
  );
}
