import {useEffect, type Dispatch} from 'react';
import type {StatusCheck} from '../halo/types.js';
import type {WizardEvent} from './step-events.js';
import {toWizardError} from './to-wizard-error.js';
import {toConnectionSettings, type WizardState} from './wizard-state.js';
import type {WizardServices} from './wizard-services.js';

/**
 * Saves the connection and runs the live status checks each time step 6 starts, dispatching
 * every update. Leaving the step aborts the checks.
 */
export function useStatusChecks(
  state: WizardState,
  dispatch: Dispatch<WizardEvent>,
  services: WizardServices,
): void {
  // Entering step 6 starts a new run, so the run lives as long as its runId.
  const runKey = state.step === 'status' ? state.runId : null;

  // The run reads the state of the render that started it; later renders do not restart it.
  useEffect(() => {
    const {signIn} = state;
    if (runKey === null || signIn.phase !== 'signed-in' || state.status.phase !== 'saving') {
      return;
    }

    const runId = runKey;
    const {tokens} = signIn;
    const settings = toConnectionSettings(state);
    const controller = new AbortController();
    let isSaved = false;

    const run = async () => {
      await services.saveConnection(settings, tokens);
      isSaved = true;
      if (controller.signal.aborted) return;
      dispatch({type: 'connection-saved', runId});

      const onUpdate = (checks: StatusCheck[]) => {
        if (!controller.signal.aborted) {
          dispatch({type: 'checks-updated', runId, checks});
        }
      };
      const report = await services.runStatusChecks(settings, tokens, onUpdate, controller.signal);
      if (controller.signal.aborted) return;
      dispatch({type: 'checks-finished', runId, report});
    };

    run().catch((error: unknown) => {
      if (!controller.signal.aborted) {
        const context = isSaved ? 'The status checks failed' : 'Saving the connection failed';
        dispatch({type: 'status-failed', runId, error: toWizardError(error, context), isSaved});
      }
    });

    return () => {
      controller.abort();
    };
  }, [runKey, dispatch, services]);
}
