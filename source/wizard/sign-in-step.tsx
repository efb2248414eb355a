import {Box, Text, useInput} from 'ink';
import Spinner from 'ink-spinner';
import {Countdown} from '../ui/countdown.js';
import {FailureNotice} from '../ui/failure-notice.js';
import {toSingleLine} from '../text/strip-control.js';
import type {StepProps} from './step-props.js';
import {stepForField, type SignInState} from './wizard-state.js';
import {WizardFrame} from './wizard-frame.js';

export type SignInStepProps = StepProps & {
  timeoutMs: number;
  /** Ends the wizard with the failure on screen. */
  onQuit: () => void;
};

function keysFor(signIn: SignInState): string {
  if (signIn.phase !== 'failed') {
    return 'Esc: back';
  }

  const edit = stepForField(signIn.error.field) === null ? '' : ' · Enter: edit the field';
  return `r: retry sign-in${edit} · Esc: back · q: quit`;
}

function Waiting({signIn, timeoutMs}: {signIn: SignInState; timeoutMs: number}) {
  if (signIn.phase !== 'waiting') {
    return null;
  }

  const {browser} = signIn;
  const reason = browser?.reason ? `: ${toSingleLine(browser.reason)}` : '';
  return (
    <Box flexDirection="column">
      <Text>{toSingleLine(signIn.preflightDetail)}</Text>
      <Text>The sign-in address is printed in full above this screen.</Text>
      {browser === null ? <Text>Opening the browser…</Text> : null}
      {browser?.opened === true ? <Text color="green">✔ Opened it in your browser.</Text> : null}
      {browser?.opened === false ? (
        <Text color="yellow">
          The browser did not open{reason}.
          Open this address in a browser on any machine.
        </Text>
      ) : null}
      <Text>
        <Spinner /> Waiting for you to sign in · <Countdown durationMs={timeoutMs} /> left
      </Text>
    </Box>
  );
}

/** Step 5: preflight, then the browser sign-in with a countdown, or the failure and ways on. */
export function SignInStep({state, dispatch, canRead, timeoutMs, onQuit}: SignInStepProps) {
  const {signIn} = state;

  useInput(
    (input, key) => {
      if (key.escape) {
        dispatch({type: 'back'});
      } else if (signIn.phase !== 'failed') {
        return;
      } else if (input === 'r') {
        dispatch({type: 'retry-sign-in'});
      } else if (key.return) {
        dispatch({type: 'edit-field', field: signIn.error.field});
      } else if (input === 'q') {
        onQuit();
      }
    },
    {isActive: canRead},
  );

  return (
    <WizardFrame step="sign-in" keys={keysFor(signIn)}>
      {signIn.phase === 'preflight' ? (
        <Text>
          <Spinner /> Checking the settings before sign-in…
        </Text>
      ) : null}
      {signIn.phase === 'starting' ? (
        <Text>
          <Spinner /> Starting the sign-in receiver…
        </Text>
      ) : null}
      <Waiting signIn={signIn} timeoutMs={timeoutMs} />
      {signIn.phase === 'signed-in' ? <Text color="green">✔ Signed in.</Text> : null}
      {signIn.phase === 'failed' ? <FailureNotice error={signIn.error} /> : null}
    </WizardFrame>
  );
}
