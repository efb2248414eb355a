import * as oauth from 'oauth4webapi';
import type {AuthorizationServerContext} from './authorization-server.js';

/** One authorisation attempt: the URL to open and the secrets that must stay in memory. */
export type AuthorizationRequest = {
  authorizationUrl: string;
  /** 32 random bytes, base64url: compared with the callback's `state`. */
  state: string;
  /** The PKCE verifier sent with the code at the token endpoint; never shown or logged. */
  codeVerifier: string;
};

/**
 * Draws a fresh state and PKCE verifier and builds the authorisation URL with an S256
 * challenge. `redirectUri` is sent byte for byte, because Halo compares it exactly with the
 * registered Login Redirect URL. A tenant already on the endpoint stays the first parameter.
 */
export async function createAuthorizationRequest(input: {
  server: AuthorizationServerContext;
  redirectUri: string;
  scope: string;
}): Promise<AuthorizationRequest> {
  const state = oauth.generateRandomState();
  const codeVerifier = oauth.generateRandomCodeVerifier();
  const codeChallenge = await oauth.calculatePKCECodeChallenge(codeVerifier);

  const endpoint = input.server.authorizationServer.authorization_endpoint;

  if (endpoint === undefined) {
    throw new TypeError('The authorisation server has no authorization_endpoint.');
  }

  const url = new URL(endpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', input.server.client.client_id);
  url.searchParams.set('redirect_uri', input.redirectUri);
  url.searchParams.set('scope', input.scope);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');

  return {authorizationUrl: url.href, state, codeVerifier};
}
