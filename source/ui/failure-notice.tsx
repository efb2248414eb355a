import {Box, Text} from 'ink';
import type {HaloWizardError} from '../errors.js';
import {toSingleLine} from '../text/strip-control.js';

const fieldLabels = {
  workspace: 'Workspace',
  baseUri: 'Base URI',
  tenant: 'Tenant',
  clientId: 'Client ID',
  redirectUri: 'Login Redirect URL',
} as const;

export type FailureNoticeProps = {
  error: HaloWizardError;
};

/** Draws a failure: its message, the field it concerns and the next step, one per line. */
export function FailureNotice({error}: FailureNoticeProps) {
  return (
    <Box flexDirection="column">
      <Text color="red">✖ {toSingleLine(error.message)}</Text>
      {error.field === null ? null : <Text>  Field: {fieldLabels[error.field]}</Text>}
      {error.nextStep === undefined ? null : (
        <Text>  Next step: {toSingleLine(error.nextStep)}</Text>
      )}
    </Box>
  );
}
