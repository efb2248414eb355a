import {Box, Text} from 'ink';
import {diagnose} from '../diagnosis/diagnose.js';
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

/**
 * Draws a failure: its message, the likely cause from the symptom table, the field it
 * concerns and the next step, one per line.
 */
export function FailureNotice({error}: FailureNoticeProps) {
  const {cause} = diagnose(error);
  return (
    <Box flexDirection="column">
      <Text color="red">✖ {toSingleLine(error.message)}</Text>
      {cause === null ? null : <Text>  Likely cause: {cause}</Text>}
      {error.field === null ? null : <Text>  Field: {fieldLabels[error.field]}</Text>}
      {error.nextStep === undefined ? null : (
        <Text>  Next step: {toSingleLine(error.nextStep)}</Text>
      )}
    </Box>
  );
}
