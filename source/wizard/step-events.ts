import type {FailureField, HaloWizardError} from '../errors.js';
import type {StatusCheck, TokenSet} from '../halo/types.js';
import type {EditableField} from './wizard-state.js';
import type {DiscoveryResult, StatusReport} from './wizard-services.js';

/** Whether `openUrl` started a browser, and why not when it did not. */
export type BrowserResult = {opened: boolean; reason: string | null};

/**
 * Something that happened: a key the person pressed or a result an effect produced.
 * Results of sign-in and the checks carry the `runId` they started under, so a result that
 * arrives after the person left the step is dropped.
 */
export type WizardEvent =
  | {type: 'change'; field: EditableField; value: string}
  | {type: 'back'}
  | {type: 'edit-field'; field: FailureField}
  | {type: 'submit-workspace'; instanceUrl: string}
  | {
      type: 'instance-checked';
      instanceUrl: string;
      ok: boolean;
      detail: string;
      error: HaloWizardError | null;
    }
  | {type: 'discovery-finished'; instanceUrl: string; result: DiscoveryResult}
  | {type: 'discovery-failed'; instanceUrl: string; message: string}
  | {type: 'submit-base-uri'; baseUri: string}
  | {type: 'checklist-move'; delta: number}
  | {type: 'checklist-toggle'}
  | {type: 'checklist-submit'}
  | {type: 'checklist-confirm-skip'; isConfirmed: boolean}
  | {type: 'checklist-browser'; result: BrowserResult}
  | {type: 'redirect-edit-start'}
  | {type: 'redirect-edit-cancel'}
  | {type: 'submit-redirect-uri'; redirectUri: string}
  | {type: 'submit-client-id'; clientId: string}
  | {type: 'preflight-passed'; runId: number; detail: string}
  | {type: 'sign-in-started'; runId: number; authorizationUrl: string}
  | {type: 'sign-in-browser'; runId: number; result: BrowserResult}
  | {type: 'signed-in'; runId: number; tokens: TokenSet}
  | {type: 'sign-in-failed'; runId: number; error: HaloWizardError}
  | {type: 'retry-sign-in'}
  | {type: 'sign-in-timed-out'; runId: number; waitCount: number}
  | {type: 'sign-in-wait-again'; isReprinted: boolean}
  | {type: 'paste-open'}
  | {type: 'paste-close'}
  | {type: 'paste-submit'; address: string}
  | {type: 'paste-rejected'; runId: number; error: HaloWizardError}
  | {type: 'connection-saved'; runId: number}
  | {type: 'checks-updated'; runId: number; checks: StatusCheck[]}
  | {type: 'checks-finished'; runId: number; report: StatusReport}
  | {type: 'status-failed'; runId: number; error: HaloWizardError; isSaved: boolean};
