import {toConnectionSettings, type WizardState} from './wizard-state.js';
import type {WizardOutcome} from './wizard-services.js';

/**
 * Returns the outcome of quitting in `state`. Once the connection is saved, the outcome is
 * `connected`, and `ok` is false while checks are unfinished or failed. A sign-in or save
 * failure on screen gives `failed`, and quitting any earlier gives `cancelled`.
 */
export function outcomeOnQuit(state: WizardState): WizardOutcome {
  if (state.step === 'sign-in' && state.signIn.phase === 'failed') {
    return {status: 'failed', error: state.signIn.error};
  }

  if (state.step !== 'status') {
    return {status: 'cancelled'};
  }

  const settings = toConnectionSettings(state);
  const {status} = state;
  switch (status.phase) {
    case 'done': {
      const {accounts, ok} = status.report;
      return {status: 'connected', settings, accounts, ok};
    }

    case 'checking': {
      return {status: 'connected', settings, accounts: [], ok: false};
    }

    case 'failed': {
      if (status.isSaved) {
        return {status: 'connected', settings, accounts: [], ok: false};
      }

      return {status: 'failed', error: status.error};
    }

    default: {
      return {status: 'cancelled'};
    }
  }
}
