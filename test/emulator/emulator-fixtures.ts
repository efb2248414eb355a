import {createHash, randomBytes} from 'node:crypto';
import type {HaloEmulator} from '../../source/emulator/halo-emulator.js';

/** A PKCE pair: the verifier kept by the client and its S256 challenge. */
export function createPkce(): {verifier: string; challenge: string} {
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  return {verifier, challenge};
}

/** Returns the authorize URL of the emulator with the usual wizard parameters, overridable. */
export function authorizeUrl(
  emulator: HaloEmulator,
  overrides: Record<string,
  string | null> = {},
): URL {
  const url = new URL(`${emulator.authUrl}/authorize`);
  const parameters: Record<string, string | null> = {
    response_type: 'code',
    client_id: emulator.application.clientId,
    redirect_uri: emulator.application.redirectUris[0] ?? '',
    scope: 'all offline_access',
    state: 'state-1',
    code_challenge: createPkce().challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== null) {
      url.searchParams.set(name, value);
    }
  }

  return url;
}

/** Sends an authorize GET without following the redirect. */
export async function requestAuthorize(
  url: URL,
): Promise<{status: number; location: URL | null; body: string}> {
  const response = await fetch(url, {redirect: 'manual'});
  const location = response.headers.get('location');
  return {
    status: response.status,
    location: location === null ? null : new URL(location),
    body: await response.text(),
  };
}

/** Posts a form to the token endpoint and returns the status and parsed JSON body. */
export async function postToken(
  emulator: HaloEmulator,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<{status: number; body: Record<string, unknown>; headers: Headers}> {
  const response = await fetch(`${emulator.authUrl}/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      ...headers,
    },
    body: new URLSearchParams(fields),
  });
  const body = (await response.json()) as Record<string, unknown>;
  return {status: response.status, body, headers: response.headers};
}

/** Gets a code through `autoApprove` for `agentId` and returns it with its verifier. */
export async function obtainCode(
  emulator: HaloEmulator,
  options: {agentId?: number; scope?: string} = {},
): Promise<{code: string; verifier: string}> {
  const pkce = createPkce();
  emulator.options.autoApprove = {agentId: options.agentId ?? 3};
  try {
    const url = authorizeUrl(
      emulator,
      {code_challenge: pkce.challenge, scope: options.scope ?? 'all offline_access'},
    );
    const {location} = await requestAuthorize(url);
    const code = location?.searchParams.get('code');
    if (code === null || code === undefined) {
      throw new Error(`authorize did not return a code: ${location?.href ?? 'no redirect'}`);
    }

    return {code, verifier: pkce.verifier};
  } finally {
    emulator.options.autoApprove = null;
  }
}

/** Signs `agentId` in through autoApprove and the code grant; returns the token response. */
export async function signIn(
  emulator: HaloEmulator,
  options: {agentId?: number; scope?: string} = {},
): Promise<{access_token: string; refresh_token?: string; scope: string}> {
  const {code, verifier} = await obtainCode(emulator, options);
  const {status, body} = await postToken(emulator, {
    grant_type: 'authorization_code',
    client_id: emulator.application.clientId,
    code,
    redirect_uri: emulator.application.redirectUris[0] ?? '',
    code_verifier: verifier,
  });
  if (status !== 200) {
    throw new Error(`token exchange failed with ${status}: ${JSON.stringify(body)}`);
  }

  return body as {access_token: string; refresh_token?: string; scope: string};
}

/** GETs an API path with the access token and returns status, headers and the raw body. */
export async function getApi(
  emulator: HaloEmulator,
  path: string,
  accessToken: string | null,
): Promise<{status: number; text: string; headers: Headers}> {
  const headers: Record<string, string> =
    accessToken === null ? {} : {authorization: `Bearer ${accessToken}`};
  const response = await fetch(`${emulator.instanceUrl}${path}`, {headers});
  return {status: response.status, text: await response.text(), headers: response.headers};
}
