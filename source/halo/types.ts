import type {HaloWizardError} from '../errors.js';

/** One row of the account table: an agent or an end user, already safe to draw. */
export type Account = {
  type: 'agent' | 'user';
  id: number;
  /** Display name, passed through `toSingleLine`. */
  name: string;
  email: string | null;
  /** The agent's team, or the user's client and site as "Client / Site". */
  organisation: string | null;
  /** False for a disabled agent or an inactive user. */
  active: boolean;
  /** Last sign-in as Halo sends it (ISO 8601), where the listing includes it. */
  lastLogin: string | null;
};

/** Everything needed to reach one HaloPSA instance; saved per profile, never secret. */
export type ConnectionSettings = {
  /** The workspace as typed: a key such as "acme", or a URL. */
  workspace: string;
  /** Normalised instance URL without a trailing slash, e.g. "https://acme.halopsa.com". */
  instanceUrl: string;
  /** Authorisation server without a trailing slash, e.g. "https://acme.halopsa.com/auth". */
  baseUri: string;
  /** Sent as `?tenant=` on authorise and token requests only when non-empty. */
  tenant: string | null;
  clientId: string;
  /** Loopback Login Redirect URL registered in Halo, used byte for byte. */
  redirectUri: string;
  /** Space-separated scopes requested at sign-in. */
  scope: string;
};

/** Tokens from the token endpoint. Stored only in the config store, never printed. */
export type TokenSet = {
  accessToken: string;
  refreshToken: string | null;
  /** Epoch milliseconds: the local clock at receipt plus `expires_in`. */
  expiresAt: number;
  /** Scopes as granted, space-separated, when the response names them. */
  scope: string | null;
};

/** The real world, passed in so tests can substitute the emulator, a fixed clock or env. */
export type Environment = {
  fetch: typeof globalThis.fetch;
  /** Epoch milliseconds. */
  now: () => number;
  env: NodeJS.ProcessEnv;
};

/** The live checks of the status panel, in the order they run. */
export type StatusCheckId =
  | 'instance'
  | 'auth-server'
  | 'session'
  | 'agent'
  | 'agents'
  | 'users';

/** One row of the status panel. */
export type StatusCheck = {
  id: StatusCheckId;
  /** Short label such as "Instance reachable". */
  label: string;
  state: 'pending' | 'running' | 'passed' | 'failed' | 'skipped';
  /** Result or progress in plain words, safe to draw ("25 agents", "page 2 of 3"). */
  detail: string;
  durationMs: number | null;
  /** The failure behind a failed check, with its field and next step. */
  error: HaloWizardError | null;
};
