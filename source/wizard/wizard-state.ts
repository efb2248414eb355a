import type {FailureField, HaloWizardError} from '../errors.js';
import type {ConnectionSettings, StatusCheck, TokenSet} from '../halo/types.js';
import type {DiscoveryResult, StatusReport} from './wizard-services.js';

/** The six wizard steps, in order. */
export type StepId = 'workspace' | 'base-uri' | 'checklist' | 'client-id' | 'sign-in' | 'status';

/** Each step with the title drawn in the progress line. */
export const steps: ReadonlyArray<{id: StepId; title: string}> = [
  {id: 'workspace', title: 'Workspace'},
  {id: 'base-uri', title: 'Authorisation server'},
  {id: 'checklist', title: 'Register the application in Halo'},
  {id: 'client-id', title: 'Client ID'},
  {id: 'sign-in', title: 'Sign in'},
  {id: 'status', title: 'Integration status and accounts'},
];

/** Field values the person typed or accepted, kept across Esc so going back loses nothing. */
export type WizardValues = {
  workspace: string;
  baseUri: string;
  /** Empty when no tenant is sent. */
  tenant: string;
  clientId: string;
  redirectUri: string;
  scope: string;
};

/** The field names a text input edits. */
export type EditableField = Exclude<keyof WizardValues, 'scope'>;

/** The number of checklist items on step 3; `checklist-items.ts` draws them. */
export const checklistLength = 7;

export type InstanceCheckState =
  | {status: 'idle'}
  | {status: 'running'; instanceUrl: string}
  | {status: 'answered'; instanceUrl: string; detail: string}
  | {status: 'unreachable'; instanceUrl: string; detail: string; error: HaloWizardError | null};

export type DiscoveryState =
  | {status: 'idle'}
  /** `previous` is the last result, so a value it filled in can be replaced by the new one. */
  | {status: 'running'; instanceUrl: string; previous: DiscoveryResult | null}
  | {status: 'done'; instanceUrl: string; result: DiscoveryResult}
  | {status: 'failed'; instanceUrl: string; message: string};

export type ChecklistState = {
  ticked: readonly boolean[];
  cursor: number;
  isConfirmingSkip: boolean;
  isEditingRedirect: boolean;
  /** The outcome of the last `o` press, or null before one. */
  browser: {opened: boolean; reason: string | null} | null;
};

export type SignInState =
  | {phase: 'idle'}
  | {phase: 'preflight'}
  | {phase: 'starting'; preflightDetail: string}
  | {
      phase: 'waiting';
      preflightDetail: string;
      authorizationUrl: string;
      browser: {opened: boolean; reason: string | null} | null;
      /** Grows with each timed wait, so the countdown starts again. */
      waitCount: number;
      /** Grows each time the address is printed again above the screen. */
      printCount: number;
      /** The timed wait ran out; the receiver still listens while the choices show. */
      isTimedOut: boolean;
      paste: PasteState;
    }
  | {phase: 'failed'; error: HaloWizardError}
  | {phase: 'signed-in'; tokens: TokenSet};

/** The field for the address the browser ended on, opened with `p` or a timeout choice. */
export type PasteState =
  | {status: 'closed'}
  | {status: 'editing'; error: HaloWizardError | null}
  | {status: 'checking'; address: string};

export type StatusState =
  | {phase: 'idle'}
  | {phase: 'saving'}
  | {phase: 'checking'; checks: StatusCheck[]}
  | {phase: 'done'; report: StatusReport}
  | {phase: 'failed'; error: HaloWizardError; isSaved: boolean};

/** The whole wizard: the step shown, the values, and the progress of each step's work. */
export type WizardState = {
  step: StepId;
  values: WizardValues;
  /** The instance URL resolved when step 1 was submitted. */
  instanceUrl: string | null;
  instanceCheck: InstanceCheckState;
  discovery: DiscoveryState;
  checklist: ChecklistState;
  signIn: SignInState;
  status: StatusState;
  /** The field a failure sent the person back to edit, so its step can focus it. */
  editField: FailureField;
  /** Grows on every step change and retry, so effects restart and stale results are dropped. */
  runId: number;
};

/** Returns the state of a fresh wizard showing step 1 with `values` filled in. */
export function createWizardState(values: WizardValues): WizardState {
  return {
    step: 'workspace',
    values,
    instanceUrl: null,
    instanceCheck: {status: 'idle'},
    discovery: {status: 'idle'},
    checklist: {
      ticked: Array.from({length: checklistLength}, () => false),
      cursor: 0,
      isConfirmingSkip: false,
      isEditingRedirect: false,
      browser: null,
    },
    signIn: {phase: 'idle'},
    status: {phase: 'idle'},
    editField: null,
    runId: 0,
  };
}

/** Returns the 1-based position of `step` for the "Step N of 6" line. */
export function stepNumber(step: StepId): number {
  return steps.findIndex(entry => entry.id === step) + 1;
}

/** Returns the step where the person edits `field`, or null when no step owns it. */
export function stepForField(field: FailureField): StepId | null {
  switch (field) {
    case 'workspace': {
      return 'workspace';
    }

    case 'baseUri':
    case 'tenant': {
      return 'base-uri';
    }

    case 'redirectUri': {
      return 'checklist';
    }

    case 'clientId': {
      return 'client-id';
    }

    case null: {
      return null;
    }
  }
}

/** Builds the settings that sign-in and the checks use from the submitted values. */
export function toConnectionSettings(state: WizardState): ConnectionSettings {
  const tenant = state.values.tenant.trim();
  return {
    workspace: state.values.workspace.trim(),
    instanceUrl: state.instanceUrl ?? '',
    baseUri: state.values.baseUri,
    tenant: tenant === '' ? null : tenant,
    clientId: state.values.clientId.trim(),
    redirectUri: state.values.redirectUri,
    scope: state.values.scope,
  };
}
