import {steps, type StepId, type WizardState} from './wizard-state.js';

/**
 * Moves to `step`: starts the work the step does on entry (discovery, sign-in, saving) and
 * drops the work of the step left behind. Values are kept.
 */
export function enterStep(state: WizardState, step: StepId): WizardState {
  const next: WizardState = {
    ...state,
    step,
    editField: null,
    runId: state.runId + 1,
    // The tokens of a finished sign-in stay only for the status step that uses them.
    signIn: step === 'status' ? state.signIn : {phase: 'idle'},
    status: {phase: 'idle'},
  };

  switch (step) {
    case 'base-uri': {
      return {...next, discovery: startDiscovery(state)};
    }

    case 'sign-in': {
      return {...next, signIn: {phase: 'preflight'}};
    }

    case 'status': {
      return {...next, status: {phase: 'saving'}};
    }

    default: {
      return next;
    }
  }
}

/**
 * Returns the step before `step`, or step 1 itself. From the status step it is the Client ID:
 * the sign-in step between them is an action, and entering it would start a new sign-in.
 */
export function previousStep(step: StepId): StepId {
  if (step === 'status') {
    return 'client-id';
  }

  const index = steps.findIndex(entry => entry.id === step);
  return steps[Math.max(index - 1, 0)]?.id ?? step;
}

// Discovery runs once per instance URL, so going back and forth keeps its result. A failed
// discovery runs again.
function startDiscovery(state: WizardState): WizardState['discovery'] {
  const instanceUrl = state.instanceUrl ?? '';
  const {discovery} = state;
  const isKept = discovery.status === 'running' || discovery.status === 'done';
  if (isKept && discovery.instanceUrl === instanceUrl) {
    return discovery;
  }

  const previous = state.discovery.status === 'done' ? state.discovery.result : null;
  return {status: 'running', instanceUrl, previous};
}
