import type {DiscoveryResult} from './wizard-services.js';
import {reduceChecklist} from './checklist-reducer.js';
import {reduceRuns} from './run-reducer.js';
import {reduceSignInWait} from './sign-in-reducer.js';
import type {WizardEvent} from './step-events.js';
import {enterStep, previousStep} from './step-navigation.js';
import type {FailureField} from '../errors.js';
import {
  createWizardState,
  stepForField,
  type WizardState,
  type WizardValues,
} from './wizard-state.js';

/**
 * Returns the wizard state after `event`: which step follows, what a result changes, where
 * Esc and "edit the failing field" lead. Pure: no I/O, no timers, no React.
 */
export function wizardReducer(state: WizardState, event: WizardEvent): WizardState {
  switch (event.type) {
    case 'change': {
      const values = {...state.values, [event.field]: event.value};
      if (event.field === 'workspace') {
        return {...state, values, instanceCheck: {status: 'idle'}};
      }

      return {...state, values};
    }

    case 'back': {
      return state.step === 'workspace' ? state : enterStep(state, previousStep(state.step));
    }

    case 'edit-field': {
      return editField(state, event.field);
    }

    case 'submit-workspace': {
      return submitWorkspace(state, event.instanceUrl);
    }

    case 'instance-checked': {
      const check = state.instanceCheck;
      if (check.status !== 'running' || check.instanceUrl !== event.instanceUrl) {
        return state;
      }

      if (event.ok) {
        const instanceCheck = {
          status: 'answered' as const,
          instanceUrl: event.instanceUrl,
          detail: event.detail,
        };
        return enterStep({...state, instanceCheck}, 'base-uri');
      }

      return {
        ...state,
        instanceCheck: {
          status: 'unreachable',
          instanceUrl: event.instanceUrl,
          detail: event.detail,
          error: event.error,
        },
      };
    }

    case 'discovery-finished': {
      return finishDiscovery(state, event.instanceUrl, event.result);
    }

    case 'discovery-failed': {
      const {discovery} = state;
      if (discovery.status !== 'running' || discovery.instanceUrl !== event.instanceUrl) {
        return state;
      }

      return {
        ...state,
        discovery: {status: 'failed', instanceUrl: event.instanceUrl, message: event.message},
      };
    }

    case 'submit-base-uri': {
      if (state.step !== 'base-uri') {
        return state;
      }

      return enterStep({...state, values: {...state.values, baseUri: event.baseUri}}, 'checklist');
    }

    default: {
      return (
        reduceChecklist(state, event) ??
        reduceSignInWait(state, event) ??
        reduceRuns(state, event)
      );
    }
  }
}

/**
 * Returns the state for retrying a saved connection after a failure: the values filled in, the
 * instance resolved and the checklist done, opened at the failing field's step (at sign-in when
 * no field is to blame). Only the steps from there on run again.
 */
export function createRetryState(
  values: WizardValues,
  retry: {instanceUrl: string; field: FailureField},
): WizardState {
  const fresh = createWizardState(values);
  const prepared: WizardState = {
    ...fresh,
    instanceUrl: retry.instanceUrl,
    checklist: {...fresh.checklist, ticked: fresh.checklist.ticked.map(() => true)},
  };

  return stepForField(retry.field) === null
    ? enterStep(prepared, 'sign-in')
    : editField(prepared, retry.field);
}

function editField(state: WizardState, field: WizardState['editField']): WizardState {
  const step = stepForField(field);
  if (step === null) {
    return state;
  }

  const next = {...enterStep(state, step), editField: field};
  if (step !== 'checklist') {
    return next;
  }

  // The redirect URL is edited on the checklist, so open its editor straight away.
  return {...next, checklist: {...next.checklist, isEditingRedirect: true}};
}

function submitWorkspace(state: WizardState, instanceUrl: string): WizardState {
  if (state.step !== 'workspace') {
    return state;
  }

  const check = state.instanceCheck;
  // A second Enter after a failed instance check confirms continuing anyway.
  if (check.status === 'unreachable' && check.instanceUrl === instanceUrl) {
    return enterStep({...state, instanceUrl}, 'base-uri');
  }

  if (check.status === 'running' && check.instanceUrl === instanceUrl) {
    return state;
  }

  return {...state, instanceUrl, instanceCheck: {status: 'running', instanceUrl}};
}

function finishDiscovery(
  state: WizardState,
  instanceUrl: string,
  result: DiscoveryResult,
): WizardState {
  const {discovery, values} = state;
  if (discovery.status !== 'running' || discovery.instanceUrl !== instanceUrl) {
    return state;
  }

  // A value the person typed wins; one that an earlier discovery filled in is replaced.
  const isBaseUriUntouched =
    values.baseUri === '' || values.baseUri === discovery.previous?.baseUri;
  const isTenantUntouched =
    values.tenant === '' || values.tenant === (discovery.previous?.tenant ?? '');
  return {
    ...state,
    values: {
      ...values,
      baseUri: isBaseUriUntouched ? result.baseUri : values.baseUri,
      tenant: isTenantUntouched ? (result.tenant ?? '') : values.tenant,
    },
    discovery: {status: 'done', instanceUrl, result},
  };
}
