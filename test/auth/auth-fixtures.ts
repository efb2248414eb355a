import type {ConnectionSettings, Environment} from '../../source/halo/types.js';

/** Settings for a sign-in on this machine; port 0 in the redirect URL binds a free port. */
export function createSettings(overrides: Partial<ConnectionSettings> = {}): ConnectionSettings {
  return {
    workspace: 'http://127.0.0.1:9',
    instanceUrl: 'http://127.0.0.1:9',
    baseUri: 'http://127.0.0.1:9/auth',
    tenant: null,
    clientId: 'client-under-test',
    redirectUri: 'http://127.0.0.1:0/callback',
    scope: 'all offline_access',
    ...overrides,
  };
}

/** Returns the real fetch and clock with an empty process environment. */
export function createEnvironment(overrides: Partial<Environment> = {}): Environment {
  return {fetch: globalThis.fetch, now: () => Date.now(), env: {}, ...overrides};
}

/** Requests a callback URL the way a browser tab would, without following redirects. */
export async function visit(url: string): Promise<{status: number; body: string}> {
  const response = await fetch(url, {redirect: 'manual'});
  return {status: response.status, body: await response.text()};
}

/** Returns the redirect URL with the given query, as Halo would send the browser back. */
export function callbackUrl(redirectUri: string, query: Record<string, string>): string {
  const url = new URL(redirectUri);

  for (const [name, value] of Object.entries(query)) {
    url.searchParams.set(name, value);
  }

  return url.href;
}

/** Returns the `state` parameter of an authorisation URL. */
export function stateOf(authorizationUrl: string): string {
  const state = new URL(authorizationUrl).searchParams.get('state');

  if (state === null) {
    throw new Error(`No state in ${authorizationUrl}`);
  }

  return state;
}
