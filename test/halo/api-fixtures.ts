import type {ConnectionSettings, Environment, TokenSet} from '../../source/halo/types.js';

/** A fixed clock for tests: epoch milliseconds of 2025-03-01T12:00:00Z. */
export const fixedNow = Date.UTC(2025, 2, 1, 12, 0, 0);

/** Settings pointing at a test server. */
export function settingsFor(instanceUrl: string): ConnectionSettings {
  return {
    workspace: instanceUrl,
    instanceUrl,
    baseUri: `${instanceUrl}/auth`,
    tenant: null,
    clientId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    redirectUri: 'http://127.0.0.1:8765/callback',
    scope: 'all offline_access',
  };
}

/** Tokens that stay valid for an hour on the fixed clock. */
export function tokensValidForAnHour(overrides: Partial<TokenSet> = {}): TokenSet {
  return {
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    expiresAt: fixedNow + 3_600_000,
    scope: 'all offline_access',
    ...overrides,
  };
}

/** The real fetch with the fixed clock. */
export const environment: Environment = {fetch: globalThis.fetch, now: () => fixedNow, env: {}};

/** A sleep that returns at once and records each requested wait. */
export function recordingSleep(): {waits: number[]; sleep: (ms: number) => Promise<void>} {
  const waits: number[] = [];
  return {
    waits,
    async sleep(ms) {
      waits.push(ms);
    },
  };
}
