import {Box, Text, useInput} from 'ink';
import Spinner from 'ink-spinner';
import {useState} from 'react';
import type {FailureField} from '../errors.js';
import type {StatusCheck} from '../halo/types.js';
import {AccountTable} from '../ui/account-table.js';
import {FailureNotice} from '../ui/failure-notice.js';
import {StatusPanel} from '../ui/status-panel.js';
import type {StepProps} from './step-props.js';
import {stepForField, type StatusState} from './wizard-state.js';
import {WizardFrame} from './wizard-frame.js';

// Lines above and below the table: progress line, summary, key help and the gaps between.
const reservedLines = 8;
const minimumTableHeight = 6;

export type StatusStepProps = StepProps & {
  /** Terminal size the table fits into. */
  width: number;
  height: number;
  /** Ends the wizard with the outcome of what is on screen. */
  onQuit: () => void;
};

function checksOf(status: StatusState): StatusCheck[] {
  if (status.phase === 'checking') {
    return status.checks;
  }

  return status.phase === 'done' ? status.report.checks : [];
}

/** Returns the field to edit for the failure on screen, or null when none names one. */
export function failingField(status: StatusState): FailureField {
  if (status.phase === 'failed') {
    return status.error.field;
  }

  const failed = checksOf(status).find(
    check => check.state === 'failed' && stepForField(check.error?.field ?? null) !== null,
  );
  return failed?.error?.field ?? null;
}

/** Step 6: saves the connection, runs the live checks, then shows the account table. */
export function StatusStep(props: StatusStepProps) {
  const {state, dispatch, canRead, width, height, onQuit} = props;
  const {status} = state;
  const [isFiltering, setIsFiltering] = useState(false);
  const field = failingField(status);
  const checks = checksOf(status);

  useInput(
    (input, key) => {
      if (input === 'q') {
        onQuit();
      } else if (key.return && field !== null) {
        dispatch({type: 'edit-field', field});
      } else if (key.escape) {
        dispatch({type: 'back'});
      }
    },
    {isActive: canRead && !isFiltering},
  );

  const keys = `${field === null ? '' : 'Enter: edit the failing field · '}Esc: back · q: quit`;
  const tableHeight = Math.max(height - checks.length - reservedLines, minimumTableHeight);
  return (
    <WizardFrame step="status" keys={keys}>
      {status.phase === 'saving' ? (
        <Text>
          <Spinner /> Saving the connection…
        </Text>
      ) : null}
      {status.phase === 'failed' ? <FailureNotice error={status.error} /> : null}
      <StatusPanel checks={checks} />
      {status.phase === 'done' ? (
        <Box flexDirection="column" marginTop={1}>
          {status.report.ok ? (
            <Text color="green">✔ Connected. Every check passed.</Text>
          ) : (
            <Text color="red">✖ Connected, but some checks failed.</Text>
          )}
          <AccountTable
            accounts={status.report.accounts}
            width={width}
            height={tableHeight}
            isFocused={canRead}
            onFilterModeChange={setIsFiltering}
          />
        </Box>
      ) : null}
    </WizardFrame>
  );
}
