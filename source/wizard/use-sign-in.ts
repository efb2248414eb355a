import {useEffect, useRef, type Dispatch} from 'react';
import {isHaloWizardError} from '../errors.js';
import type {WizardEvent} from './step-events.js';
import {toWizardError} from './to-wizard-error.js';
import {toConnectionSettings, type WizardState} from './wizard-state.js';
import type {SignInSession, WizardServices} from './wizard-services.js';

// After a timeout the receiver keeps listening while the choices show, so a browser that
// comes back late still completes the sign-in. Node timers take at most 2^31-1 ms (24.8 days).
const lateWaitMs = 2_147_483_647;

/**
 * Runs one sign-in each time step 5 starts or is retried: preflight, the loopback session
 * and the browser. A timed wait for tokens runs on each wait, and a pasted address is checked
 * while the receiver keeps listening: whichever completes the sign-in first wins. Leaving the
 * step aborts the wait and closes the session.
 */
export function useSignIn(
  state: WizardState,
  dispatch: Dispatch<WizardEvent>,
  services: WizardServices,
  timeoutMs: number,
): void {
  const sessionRef = useRef<SignInSession | null>(null);

  // Entering step 5 and each retry start a new run, so the run lives as long as its runId.
  const runKey = state.step === 'sign-in' ? state.runId : null;
  const {signIn} = state;
  const waiting = signIn.phase === 'waiting' ? signIn : null;
  const waitKey = waiting === null ? null : `${waiting.waitCount}:${waiting.isTimedOut}`;
  const pasted = waiting?.paste.status === 'checking' ? waiting.paste : null;

  // The run reads the state of the render that started it; later renders do not restart it.
  useEffect(() => {
    if (runKey === null || state.signIn.phase !== 'preflight') {
      return;
    }

    const runId = runKey;
    const settings = toConnectionSettings(state);
    const controller = new AbortController();

    const run = async () => {
      const preflight = await services.preflight(settings);
      if (controller.signal.aborted) return;
      dispatch({type: 'preflight-passed', runId, detail: preflight.detail});

      const session = await services.startSignIn(settings);
      if (controller.signal.aborted) {
        await session.close();
        return;
      }

      sessionRef.current = session;
      const {authorizationUrl} = session;
      dispatch({type: 'sign-in-started', runId, authorizationUrl});
      openBrowser(services, authorizationUrl, runId, dispatch);
    };

    run().catch((error: unknown) => {
      if (!controller.signal.aborted) {
        dispatch({type: 'sign-in-failed', runId, error: toWizardError(error, 'Sign-in failed')});
      }
    });

    return () => {
      controller.abort();
      // A receiver that fails to close leaves nothing the person can act on, so it is ignored.
      sessionRef.current?.close().catch(() => undefined);
      sessionRef.current = null;
    };
  }, [runKey, dispatch, services]);

  useEffect(() => {
    const session = sessionRef.current;
    if (runKey === null || waiting === null || session === null) {
      return;
    }

    const runId = runKey;
    const {waitCount, isTimedOut} = waiting;
    const controller = new AbortController();
    const {signal} = controller;

    session.waitForTokens({signal, timeoutMs: isTimedOut ? lateWaitMs : timeoutMs}).then(
      (tokens) => {
        if (signal.aborted) return;
        dispatch({type: 'signed-in', runId, tokens});
        session.close().catch(() => undefined);
      },
      (error: unknown) => {
        if (signal.aborted) return;
        if (isHaloWizardError(error) && error.code === 'sign-in-timed-out' && !isTimedOut) {
          dispatch({type: 'sign-in-timed-out', runId, waitCount});
          return;
        }

        dispatch({type: 'sign-in-failed', runId, error: toWizardError(error, 'Sign-in failed')});
        session.close().catch(() => undefined);
      },
    );

    return () => {
      controller.abort();
    };
    // waitKey stands for the waiting fields this effect reads.
  }, [runKey, waitKey, dispatch, timeoutMs]);

  useEffect(() => {
    const session = sessionRef.current;
    if (runKey === null || pasted === null || session === null) {
      return;
    }

    const runId = runKey;
    let isCurrent = true;
    session.completeFromPastedUrl(pasted.address).then(
      (tokens) => {
        if (isCurrent) dispatch({type: 'signed-in', runId, tokens});
      },
      (error: unknown) => {
        if (!isCurrent) return;
        const failure = toWizardError(error, 'Checking the pasted address failed');
        const isPasteProblem =
          failure.code === 'pasted-address-invalid' || failure.code === 'state-mismatch';
        dispatch(
          isPasteProblem
            ? {type: 'paste-rejected', runId, error: failure}
            : {type: 'sign-in-failed', runId, error: failure},
        );
      },
    );

    return () => {
      isCurrent = false;
    };
  }, [runKey, pasted, dispatch]);
}

/** Opens `url` in the browser and reports the result, also when opening throws. */
export function openBrowser(
  services: WizardServices,
  url: string,
  runId: number,
  dispatch: Dispatch<WizardEvent>,
): void {
  services.openUrl(url).then(
    (result) => dispatch({type: 'sign-in-browser', runId, result}),
    (error: unknown) => {
      const reason = toWizardError(error, 'Opening the browser failed').message;
      dispatch({type: 'sign-in-browser', runId, result: {opened: false, reason}});
    },
  );
}
