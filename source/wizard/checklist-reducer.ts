import type {WizardEvent} from './step-events.js';
import {enterStep} from './step-navigation.js';
import {checklistLength, type WizardState} from './wizard-state.js';

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/**
 * Returns the state after a checklist or client ID event, or null for any other event.
 * The checklist moves on when every item is ticked or after a confirmed skip.
 */
export function reduceChecklist(state: WizardState, event: WizardEvent): WizardState | null {
  const {checklist} = state;
  switch (event.type) {
    case 'checklist-move': {
      const cursor = clamp(checklist.cursor + event.delta, 0, checklistLength - 1);
      return {...state, checklist: {...checklist, cursor}};
    }

    case 'checklist-toggle': {
      const ticked = checklist.ticked.map((isTicked, index) =>
        index === checklist.cursor ? !isTicked : isTicked,
      );
      return {...state, checklist: {...checklist, ticked, isConfirmingSkip: false}};
    }

    case 'checklist-submit': {
      if (state.step !== 'checklist' || checklist.isEditingRedirect) {
        return state;
      }

      if (checklist.ticked.every(Boolean)) {
        return enterStep(state, 'client-id');
      }

      return {...state, checklist: {...checklist, isConfirmingSkip: true}};
    }

    case 'checklist-confirm-skip': {
      if (!checklist.isConfirmingSkip) {
        return state;
      }

      const cleared = {...state, checklist: {...checklist, isConfirmingSkip: false}};
      return event.isConfirmed ? enterStep(cleared, 'client-id') : cleared;
    }

    case 'checklist-browser': {
      return {...state, checklist: {...checklist, browser: event.result}};
    }

    case 'redirect-edit-start': {
      const edited = {...checklist, isEditingRedirect: true, isConfirmingSkip: false};
      return {...state, checklist: edited};
    }

    case 'redirect-edit-cancel': {
      return {...state, checklist: {...checklist, isEditingRedirect: false}};
    }

    case 'submit-redirect-uri': {
      return {
        ...state,
        values: {...state.values, redirectUri: event.redirectUri},
        checklist: {...checklist, isEditingRedirect: false},
      };
    }

    case 'submit-client-id': {
      if (state.step !== 'client-id') {
        return state;
      }

      const values = {...state.values, clientId: event.clientId};
      return enterStep({...state, values}, 'sign-in');
    }

    default: {
      return null;
    }
  }
}
