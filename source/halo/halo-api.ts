import {
  fetchCurrentAgent,
  fetchAgents,
  fetchUsers,
  type CurrentAgent,
  type HaloRecord,
  type UsersPage,
} from './accounts.js';
import {sendAuthorizedGet, type RequestDependencies} from './authorized-get.js';
import {realSleep, type RetryWait, type Sleep} from './retry.js';
import {createTokenKeeper} from './token-keeper.js';
import type {ConnectionSettings, Environment, TokenSet} from './types.js';

/** Dependencies and hooks of `createHaloApi`. */
export type HaloApiInput = {
  settings: ConnectionSettings;
  tokens: TokenSet;
  environment: Environment;
  /** Exchanges a refresh token for new tokens at the token endpoint. */
  refresh: (refreshToken: string) => Promise<TokenSet>;
  /** Persists refreshed tokens; awaited before their access token is used. */
  onTokens: (tokens: TokenSet) => Promise<void>;
  /** Waits between retries. @default real timers */
  sleep?: Sleep;
  /** Called before each wait for a 429 or 5xx retry. */
  onRetryWait?: (wait: RetryWait) => void;
  /** Aborts requests and waits in progress. */
  signal?: AbortSignal;
  /** @default 30_000 */
  requestTimeoutMs?: number;
};

/** The read-only HaloPSA API calls halo-wizard makes, as the signed-in agent. */
export type HaloApi = {
  /** `GET /api/Agent/me`: the signed-in agent. */
  getCurrentAgent(): Promise<CurrentAgent>;
  /** `GET /api/Agent?includedisabled=true`: every agent, disabled ones included. */
  listAgents(): Promise<HaloRecord[]>;
  /** `GET /api/Users`, every page, active and inactive users, without duplicates. */
  listUsers(onPage?: (page: UsersPage) => void): Promise<HaloRecord[]>;
  /** Returns the tokens in use now, refreshed ones included. */
  tokens(): TokenSet;
  /** Refreshes the tokens when they expire within 60 s, then returns them. */
  ensureFreshTokens(): Promise<TokenSet>;
  /** Sends an authorized GET for `path` (relative to the instance URL) and returns its JSON. */
  getJson(path: string): Promise<unknown>;
};

/**
 * Creates an API client for one signed-in session. Every failure is a HaloWizardError
 * except the caller's abort, which rejects with the signal's reason.
 */
export function createHaloApi(input: HaloApiInput): HaloApi {
  const keeper = createTokenKeeper({
    tokens: input.tokens,
    now: input.environment.now,
    refresh: input.refresh,
    onTokens: input.onTokens,
  });

  const dependencies: RequestDependencies = {
    instanceUrl: input.settings.instanceUrl,
    environment: input.environment,
    keeper,
    sleep: input.sleep ?? realSleep,
    onRetryWait: input.onRetryWait,
    signal: input.signal,
    timeoutMs: input.requestTimeoutMs ?? 30_000,
  };
  const getJson = (path: string) => sendAuthorizedGet(path, dependencies);

  return {
    getCurrentAgent: () => fetchCurrentAgent(getJson),
    listAgents: () => fetchAgents(getJson),
    listUsers: (onPage) => fetchUsers(getJson, onPage),
    tokens: () => keeper.current(),
    ensureFreshTokens: () => keeper.fresh(),
    getJson,
  };
}
