import {useEffect, type Dispatch} from 'react';
import type {WizardEvent} from './step-events.js';
import {toWizardError} from './to-wizard-error.js';
import {toConnectionSettings, type WizardState} from './wizard-state.js';
import type {SignInSession, WizardServices} from './wizard-services.js';

/**
 * Runs one sign-in each time step 5 starts or is retried: preflight, the loopback session,
 * the browser, then the wait for tokens. Leaving the step aborts the wait and closes the
 * session.
 */
export function useSignIn(
  state: WizardState,
  dispatch: Dispatch<WizardEvent>,
  services: WizardServices,
  timeoutMs: number,
): void {
  // Entering step 5 and each retry start a new run, so the run lives as long as its runId.
  const runKey = state.step === 'sign-in' ? state.runId : null;

  // The run reads the state of the render that started it; later renders do not restart it.
  useEffect(() => {
    if (runKey === null || state.signIn.phase !== 'preflight') {
      return;
    }

    const runId = runKey;
    const settings = toConnectionSettings(state);
    const controller = new AbortController();
    let session: SignInSession | null = null;

    const run = async () => {
      const preflight = await services.preflight(settings);
      if (controller.signal.aborted) return;
      dispatch({type: 'preflight-passed', runId, detail: preflight.detail});

      session = await services.startSignIn(settings);
      if (controller.signal.aborted) return;
      const {authorizationUrl} = session;
      dispatch({type: 'sign-in-started', runId, authorizationUrl});

      services.openUrl(authorizationUrl).then(
        result => dispatch({type: 'sign-in-browser', runId, result}),
        (error: unknown) => {
          const reason = toWizardError(error, 'Opening the browser failed').message;
          dispatch({type: 'sign-in-browser', runId, result: {opened: false, reason}});
        },
      );

      const tokens = await session.waitForTokens({signal: controller.signal, timeoutMs});
      if (controller.signal.aborted) return;
      dispatch({type: 'signed-in', runId, tokens});
    };

    run()
      .catch((error: unknown) => {
        if (!controller.signal.aborted) {
          dispatch({type: 'sign-in-failed', runId, error: toWizardError(error, 'Sign-in failed')});
        }
      })
      .finally(() => {
        // A receiver that fails to close leaves nothing the person can act on, so it is ignored.
        session?.close().catch(() => undefined);
      });

    return () => {
      controller.abort();
    };
  }, [runKey, dispatch, services, timeoutMs]);
}
