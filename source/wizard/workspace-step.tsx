import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import {FieldInput} from '../ui/field-input.js';
import {FailureNotice} from '../ui/failure-notice.js';
import {toSingleLine} from '../text/strip-control.js';
import type {StepProps} from './step-props.js';
import {tryValidate} from './try-validate.js';
import {WizardFrame} from './wizard-frame.js';

export type WorkspaceStepProps = StepProps & {
  /** A line under the field, e.g. the emulator's address in demo mode. */
  hint: string | undefined;
};

/** Step 1: the workspace key or instance URL, resolved as typed, then checked on Enter. */
export function WorkspaceStep({state, dispatch, services, canRead, hint}: WorkspaceStepProps) {
  const value = state.values.workspace;
  const resolved = tryValidate(() => services.resolveWorkspace(value));
  const check = state.instanceCheck;

  const submit = () => {
    if (resolved.ok) {
      dispatch({type: 'submit-workspace', instanceUrl: resolved.value.instanceUrl});
    }
  };

  return (
    <WizardFrame step="workspace" keys="Enter: check and continue">
      <Text>Your HaloPSA workspace key (acme for https://acme.halopsa.com) or instance URL:</Text>
      <Box>
        <Text color="cyan">› </Text>
        <FieldInput
          value={value}
          focus={canRead}
          onChange={text => dispatch({type: 'change', field: 'workspace', value: text})}
          onSubmit={submit}
        />
      </Box>
      {hint === undefined ? null : <Text dimColor>{toSingleLine(hint)}</Text>}
      {value.trim() === '' ? null : resolved.ok ? (
        <Text>Instance URL: {toSingleLine(resolved.value.instanceUrl)}</Text>
      ) : (
        <Text color="red">{toSingleLine(resolved.error.message)}</Text>
      )}
      {check.status === 'running' ? (
        <Text>
          <Spinner /> Checking that {toSingleLine(check.instanceUrl)} answers…
        </Text>
      ) : null}
      {check.status === 'unreachable' ? (
        <Box flexDirection="column" marginTop={1}>
          <Text color="yellow">
            {toSingleLine(check.instanceUrl)} did not answer: {toSingleLine(check.detail)}
          </Text>
          {check.error === null ? null : <FailureNotice error={check.error} />}
          <Text>Edit the address, or press Enter again to continue anyway.</Text>
        </Box>
      ) : null}
    </WizardFrame>
  );
}
