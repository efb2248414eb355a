import type {WizardEvent} from './step-events.js';
import type {SignInState, WizardState} from './wizard-state.js';

type Waiting = Extract<SignInState, {phase: 'waiting'}>;

/**
 * Returns the state after a timeout choice or a paste-field event on step 5, or null for
 * any other event. Events that do not fit the current phase change nothing.
 */
export function reduceSignInWait(state: WizardState, event: WizardEvent): WizardState | null {
  switch (event.type) {
    case 'sign-in-timed-out': {
      return update(state, (waiting) =>
        event.runId === state.runId && event.waitCount === waiting.waitCount
          ? {...waiting, isTimedOut: true}
          : waiting,
      );
    }

    case 'sign-in-wait-again': {
      return update(state, (waiting) => ({
        ...waiting,
        isTimedOut: false,
        waitCount: waiting.waitCount + 1,
        printCount: waiting.printCount + (event.isReprinted ? 1 : 0),
        browser: event.isReprinted ? waiting.browser : null,
      }));
    }

    case 'paste-open': {
      return update(state, (waiting) =>
        waiting.paste.status === 'closed'
          ? {...waiting, paste: {status: 'editing', error: null}}
          : waiting,
      );
    }

    case 'paste-close': {
      return update(state, (waiting) =>
        waiting.paste.status === 'editing' ? {...waiting, paste: {status: 'closed'}} : waiting,
      );
    }

    case 'paste-submit': {
      return update(state, (waiting) => {
        if (waiting.paste.status !== 'editing' || event.address.trim() === '') {
          return waiting;
        }

        return {...waiting, paste: {status: 'checking', address: event.address.trim()}};
      });
    }

    case 'paste-rejected': {
      return update(state, (waiting) =>
        event.runId === state.runId && waiting.paste.status === 'checking'
          ? {...waiting, paste: {status: 'editing', error: event.error}}
          : waiting,
      );
    }

    default: {
      return null;
    }
  }
}

function update(state: WizardState, change: (waiting: Waiting) => Waiting): WizardState {
  if (state.step !== 'sign-in' || state.signIn.phase !== 'waiting') {
    return state;
  }

  const next = change(state.signIn);
  return next === state.signIn ? state : {...state, signIn: next};
}
