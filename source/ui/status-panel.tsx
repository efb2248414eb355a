import {Box, Text} from 'ink';
import Spinner from 'ink-spinner';
import {diagnose} from '../diagnosis/diagnose.js';
import type {HaloWizardError} from '../errors.js';
import type {StatusCheck, StatusCheckId} from '../halo/types.js';
import {toSingleLine} from '../text/strip-control.js';

/** Formats a check's duration: milliseconds below one second, else seconds to one decimal. */
export function formatDuration(durationMs: number | null): string {
  if (durationMs === null) {
    return '';
  }

  return durationMs < 1000 ? `${Math.round(durationMs)} ms` : `${(durationMs / 1000).toFixed(1)} s`;
}

function StateMark({state}: {state: StatusCheck['state']}) {
  switch (state) {
    case 'running': {
      return (
        <Text color="cyan">
          <Spinner />
        </Text>
      );
    }

    case 'passed': {
      return <Text color="green">✔</Text>;
    }

    case 'failed': {
      return <Text color="red">✖</Text>;
    }

    case 'skipped': {
      return <Text dimColor>–</Text>;
    }

    case 'pending': {
      return <Text dimColor>·</Text>;
    }
  }
}

function FailureHint({error}: {error: HaloWizardError}) {
  const {cause, fix} = diagnose(error);
  return (
    <>
      {cause === null ? null : <Text>  Likely cause: {cause}</Text>}
      {fix === null ? null : <Text>  Next step: {fix}</Text>}
    </>
  );
}

export type StatusPanelProps = {
  /** The checks in the order they run, as `runStatusChecks` last reported them. */
  checks: StatusCheck[];
  /** Checks to mark "changed", such as those that differ from the last round of --watch. */
  changed?: ReadonlySet<StatusCheckId>;
};

/** Draws one line per status check: its state, label, detail and time taken. */
export function StatusPanel({checks, changed}: StatusPanelProps) {
  return (
    <Box flexDirection="column">
      {checks.map(check => (
        <Box key={check.id} flexDirection="column">
          {/* One Text, so a row wider than the terminal wraps as a sentence: boxes side by
              side shrink into columns and lose the spaces between them. */}
          <Text>
            <StateMark state={check.state} />{' '}
            <Text bold={check.state === 'failed'}>{toSingleLine(check.label)}</Text>
            {check.detail === '' ? null : <Text dimColor> {toSingleLine(check.detail)}</Text>}
            {check.durationMs === null ? null : (
              <Text dimColor> ({formatDuration(check.durationMs)})</Text>
            )}
            {changed?.has(check.id) === true ? <Text color="yellow"> changed</Text> : null}
          </Text>
          {check.state === 'failed' && check.error !== null ? (
            <FailureHint error={check.error} />
          ) : null}
        </Box>
      ))}
    </Box>
  );
}
