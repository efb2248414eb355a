import {useEffect, type Dispatch} from 'react';
import type {WizardEvent} from './step-events.js';
import {toWizardError} from './to-wizard-error.js';
import type {WizardState} from './wizard-state.js';
import type {WizardServices} from './wizard-services.js';

/**
 * Runs the instance check of step 1 and the discovery of step 2 whenever the state marks them
 * running, and dispatches their results. A result for an address no longer current is dropped.
 */
export function useSetupChecks(
  state: WizardState,
  dispatch: Dispatch<WizardEvent>,
  services: WizardServices,
): void {
  const {instanceCheck, discovery} = state;
  const checkUrl = instanceCheck.status === 'running' ? instanceCheck.instanceUrl : null;
  const discoveryUrl = discovery.status === 'running' ? discovery.instanceUrl : null;

  useEffect(() => {
    if (checkUrl === null) {
      return;
    }

    let isCurrent = true;
    services.checkInstance(checkUrl).then(
      result => {
        if (isCurrent) {
          dispatch({type: 'instance-checked', instanceUrl: checkUrl, ...result});
        }
      },
      (error: unknown) => {
        if (isCurrent) {
          const wizardError = toWizardError(error, 'The instance check failed');
          dispatch({
            type: 'instance-checked',
            instanceUrl: checkUrl,
            ok: false,
            detail: wizardError.message,
            error: wizardError,
          });
        }
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [checkUrl, dispatch, services]);

  useEffect(() => {
    if (discoveryUrl === null) {
      return;
    }

    let isCurrent = true;
    services.discoverAuthServer(discoveryUrl).then(
      result => {
        if (isCurrent) {
          dispatch({type: 'discovery-finished', instanceUrl: discoveryUrl, result});
        }
      },
      (error: unknown) => {
        if (isCurrent) {
          const {message} = toWizardError(error, 'Discovery failed');
          dispatch({type: 'discovery-failed', instanceUrl: discoveryUrl, message});
        }
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [discoveryUrl, dispatch, services]);
}
