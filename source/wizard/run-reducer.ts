import type {WizardEvent} from './step-events.js';
import {enterStep} from './step-navigation.js';
import type {WizardState} from './wizard-state.js';

/**
 * Returns the state after a sign-in or status-check event. A result from an earlier run
 * (another `runId`) or for a phase already left changes nothing.
 */
export function reduceRuns(state: WizardState, event: WizardEvent): WizardState {
  if ('runId' in event && event.runId !== state.runId) {
    return state;
  }

  const {signIn, status} = state;
  switch (event.type) {
    case 'preflight-passed': {
      if (signIn.phase !== 'preflight') {
        return state;
      }

      return {...state, signIn: {phase: 'starting', preflightDetail: event.detail}};
    }

    case 'sign-in-started': {
      if (signIn.phase !== 'starting') {
        return state;
      }

      const waiting = {
        phase: 'waiting' as const,
        preflightDetail: signIn.preflightDetail,
        authorizationUrl: event.authorizationUrl,
        browser: null,
        waitCount: 0,
        printCount: 0,
        isTimedOut: false,
        paste: {status: 'closed' as const},
      };
      return {...state, signIn: waiting};
    }

    case 'sign-in-browser': {
      if (signIn.phase !== 'waiting') {
        return state;
      }

      return {...state, signIn: {...signIn, browser: event.result}};
    }

    case 'signed-in': {
      if (signIn.phase !== 'waiting') {
        return state;
      }

      return enterStep({...state, signIn: {phase: 'signed-in', tokens: event.tokens}}, 'status');
    }

    case 'sign-in-failed': {
      if (state.step !== 'sign-in') {
        return state;
      }

      return {...state, signIn: {phase: 'failed', error: event.error}};
    }

    case 'retry-sign-in': {
      if (state.step !== 'sign-in' || signIn.phase !== 'failed') {
        return state;
      }

      return enterStep(state, 'sign-in');
    }

    case 'connection-saved': {
      if (status.phase !== 'saving') {
        return state;
      }

      return {...state, status: {phase: 'checking', checks: []}};
    }

    case 'checks-updated': {
      if (status.phase !== 'checking') {
        return state;
      }

      return {...state, status: {phase: 'checking', checks: event.checks}};
    }

    case 'checks-finished': {
      if (status.phase !== 'checking') {
        return state;
      }

      return {...state, status: {phase: 'done', report: event.report}};
    }

    case 'status-failed': {
      if (state.step !== 'status') {
        return state;
      }

      return {...state, status: {phase: 'failed', error: event.error, isSaved: event.isSaved}};
    }

    default: {
      return state;
    }
  }
}
