import {Box, Text, useInput} from 'ink';
import Spinner from 'ink-spinner';
import {Countdown} from '../ui/countdown.js';
import {FailureNotice} from '../ui/failure-notice.js';
import {toSingleLine} from '../text/strip-control.js';
import type {StepProps} from './step-props.js';
import {PasteField, TimeoutChoices, type TimeoutChoice} from './sign-in-wait.js';
import {openBrowser} from './use-sign-in.js';
import {stepForField, type SignInState} from './wizard-state.js';
import {WizardFrame} from './wizard-frame.js';

export type SignInStepProps = StepProps & {
  timeoutMs: number;
  /** Ends the wizard with the failure on screen. */
  onQuit: () => void;
};

function keysFor(signIn: SignInState): string {
  if (signIn.phase === 'waiting') {
    if (signIn.paste.status !== 'closed') {
      return 'Enter: check the address · Esc: close the field';
    }

    return signIn.isTimedOut
      ? '↑↓: choose · Enter: select · Esc: back'
      : 'p: paste the address the browser ended on · Esc: back';
  }

  if (signIn.phase !== 'failed') {
    return 'Esc: back';
  }

  const edit = stepForField(signIn.error.field) === null ? '' : ' · Enter: edit the field';
  return `r: retry sign-in${edit} · Esc: back · q: quit`;
}

type Waiting = Extract<SignInState, {phase: 'waiting'}>;

function Waiting({signIn, timeoutMs}: {signIn: Waiting; timeoutMs: number}) {
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
      {signIn.isTimedOut ? null : (
        <Text>
          <Spinner /> Waiting for you to sign in ·{' '}
          <Countdown key={signIn.waitCount} durationMs={timeoutMs} /> left
        </Text>
      )}
    </Box>
  );
}

/** Step 5: preflight, then the browser sign-in with a countdown, or the failure and ways on. */
export function SignInStep({
  state,
  dispatch,
  services,
  canRead,
  timeoutMs,
  onQuit,
}: SignInStepProps) {
  const {signIn} = state;
  const waiting = signIn.phase === 'waiting' ? signIn : null;
  const isPasting = waiting !== null && waiting.paste.status !== 'closed';

  useInput(
    (input, key) => {
      if (key.escape) {
        dispatch(isPasting ? {type: 'paste-close'} : {type: 'back'});
      } else if (waiting !== null) {
        if (input === 'p' && !isPasting && !waiting.isTimedOut) {
          dispatch({type: 'paste-open'});
        }
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

  const choose = (choice: TimeoutChoice) => {
    if (waiting === null) return;
    if (choice === 'back') {
      dispatch({type: 'back'});
    } else if (choice === 'paste-address') {
      dispatch({type: 'paste-open'});
    } else {
      const isReprinted = choice === 'print-address';
      dispatch({type: 'sign-in-wait-again', isReprinted});
      if (!isReprinted) {
        openBrowser(services, waiting.authorizationUrl, state.runId, dispatch);
      }
    }
  };

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
      {waiting === null ? null : <Waiting signIn={waiting} timeoutMs={timeoutMs} />}
      {waiting?.isTimedOut === true && !isPasting ? (
        <TimeoutChoices focus={canRead} onChoose={choose} />
      ) : null}
      {waiting !== null && waiting.paste.status !== 'closed' ? (
        <PasteField
          paste={waiting.paste}
          focus={canRead}
          onSubmit={address => dispatch({type: 'paste-submit', address})}
        />
      ) : null}
      {signIn.phase === 'signed-in' ? <Text color="green">✔ Signed in.</Text> : null}
      {signIn.phase === 'failed' ? <FailureNotice error={signIn.error} /> : null}
    </WizardFrame>
  );
}
