import type {HaloWizardError} from '../errors.js';
import type {Account, ConnectionSettings, StatusCheck, TokenSet} from '../halo/types.js';

/** Result of auth server discovery: the Base URI offered on step 2 and its source. */
export type DiscoveryResult = {
  baseUri: string;
  tenant: string | null;
  /** `authinfo` when `GET <instance>/api/authinfo` returned it, else `fallback`. */
  source: 'authinfo' | 'fallback';
  detail: string;
};

/** A started browser sign-in: the loopback receiver is already listening. */
export type SignInSession = {
  authorizationUrl: string;
  waitForTokens(options: {signal: AbortSignal; timeoutMs: number}): Promise<TokenSet>;
  /**
   * Completes the sign-in from the address the browser ended on. A paste that is not a
   * sign-in response (`pasted-address-invalid`) or belongs to another attempt
   * (`state-mismatch`) leaves the sign-in waiting; anything else settles it.
   */
  completeFromPastedUrl(address: string): Promise<TokenSet>;
  close(): Promise<void>;
};

/** The result of the live status checks: every check in its final state, and the accounts. */
export type StatusReport = {ok: boolean; checks: StatusCheck[]; accounts: Account[]};

/**
 * Everything the wizard does to the world. The real implementation wires the halo/ and
 * auth/ modules; tests pass fakes. Validators throw `HaloWizardError` for invalid input.
 */
export type WizardServices = {
  resolveWorkspace(input: string): {instanceUrl: string; workspaceKey: string | null};
  checkInstance(
    instanceUrl: string,
  ): Promise<{ok: boolean; detail: string; error: HaloWizardError | null}>;
  discoverAuthServer(instanceUrl: string): Promise<DiscoveryResult>;
  validateBaseUri(input: string): string;
  validateRedirectUri(input: string): string;
  validateClientId(input: string): {clientId: string; warning: string | null};
  openUrl(url: string): Promise<{opened: boolean; reason: string | null}>;
  preflight(settings: ConnectionSettings): Promise<{verdict: 'ok' | 'unknown'; detail: string}>;
  startSignIn(settings: ConnectionSettings): Promise<SignInSession>;
  saveConnection(settings: ConnectionSettings, tokens: TokenSet): Promise<void>;
  runStatusChecks(
    settings: ConnectionSettings,
    tokens: TokenSet,
    onUpdate: (checks: StatusCheck[]) => void,
    signal: AbortSignal,
  ): Promise<StatusReport>;
};

/** Outcome of the wizard, passed once to `onExit`. The caller turns it into an exit code. */
export type WizardOutcome =
  | {status: 'connected'; settings: ConnectionSettings; accounts: Account[]; ok: boolean}
  | {status: 'cancelled'}
  | {status: 'failed'; error: HaloWizardError};
