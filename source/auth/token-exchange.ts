import * as oauth from 'oauth4webapi';
import type {ConnectionSettings, Environment, TokenSet} from '../halo/types.js';
import {
  createAuthorizationServer,
  type AuthorizationServerContext,
} from './authorization-server.js';
import {explainTokenError, type TokenRequestContext} from './token-errors.js';

// NOTE: Halo is believed to send expires_in on every token response. Without it the token
// is assumed to live one hour, Halo's usual lifetime, so another server may give an early 401.
const assumedLifetimeSeconds = 3600;

/**
 * Maximum wait for one token request, response body included, before it fails with
 * `token-request-timed-out`. The token lock's maximum age for a live holder (file-lock.ts)
 * must stay well above it, so a slow refresh is never taken for an abandoned one.
 */
export const tokenRequestTimeoutMs = 30_000;

/**
 * Exchanges the code of a validated callback, with the PKCE verifier, for tokens.
 * Throws HaloWizardError with the field to fix when Halo rejects the request.
 */
export async function exchangeAuthorizationCode(input: {
  server: AuthorizationServerContext;
  callbackParameters: URLSearchParams;
  redirectUri: string;
  codeVerifier: string;
  environment: Environment;
  /** @default tokenRequestTimeoutMs */
  timeoutMs?: number;
}): Promise<TokenSet> {
  const {server, timeoutMs = tokenRequestTimeoutMs} = input;
  const context = createContext(server, 'authorization_code', timeoutMs);

  try {
    context.response = await oauth.authorizationCodeGrantRequest(
      server.authorizationServer,
      server.client,
      oauth.None(),
      input.callbackParameters,
      input.redirectUri,
      input.codeVerifier,
      withTimeout(server, timeoutMs),
    );

    const body = await oauth.processAuthorizationCodeResponse(
      server.authorizationServer,
      server.client,
      await withoutIdToken(context.response),
    );

    return toTokenSet(body, null, input.environment);
  } catch (error) {
    throw explainTokenError(error, context);
  }
}

/**
 * Trades a refresh token for new tokens, keeping the old refresh token when Halo sends
 * none. Halo retires the refresh token used, so the caller must save the result before
 * using it and must not run two refreshes at once. Throws HaloWizardError code
 * `refresh-token-rejected` when the sign-in is gone, `token-request-timed-out` after
 * `timeoutMs`.
 */
export async function refreshTokens(input: {
  settings: ConnectionSettings;
  refreshToken: string;
  environment: Environment;
  /** @default tokenRequestTimeoutMs */
  timeoutMs?: number;
}): Promise<TokenSet> {
  const {timeoutMs = tokenRequestTimeoutMs} = input;
  const server = createAuthorizationServer(input.settings, input.environment);
  const context = createContext(server, 'refresh_token', timeoutMs);

  try {
    context.response = await oauth.refreshTokenGrantRequest(
      server.authorizationServer,
      server.client,
      oauth.None(),
      input.refreshToken,
      withTimeout(server, timeoutMs),
    );

    const body = await oauth.processRefreshTokenResponse(
      server.authorizationServer,
      server.client,
      await withoutIdToken(context.response),
    );

    return toTokenSet(body, input.refreshToken, input.environment);
  } catch (error) {
    throw explainTokenError(error, context);
  }
}

function createContext(
  server: AuthorizationServerContext,
  grant: TokenRequestContext['grant'],
  timeoutMs: number,
): TokenRequestContext {
  return {
    grant,
    tokenEndpoint: server.authorizationServer.token_endpoint ?? server.authorizationServer.issuer,
    clientId: server.client.client_id,
    timeoutMs,
    response: null,
  };
}

// oauth4webapi passes the signal to fetch, so it aborts the connection and the body read.
// A token endpoint that accepts the connection and never responds would otherwise keep
// the command, and the token lock, waiting without end.
function withTimeout(
  server: AuthorizationServerContext,
  timeoutMs: number,
): oauth.TokenEndpointRequestOptions {
  return {...server.requestOptions, signal: AbortSignal.timeout(timeoutMs)};
}

// Halo sends an id_token with every token response. The wizard never reads it (identity
// comes from /api/Agent/me), and oauth4webapi would check its alg (RS256 unless configured
// otherwise), exact iss, aud and exp against the local clock without verifying the
// signature. Those checks only add ways to fail, so the id_token is removed before the
// response is processed; every other check of the response still runs.
async function withoutIdToken(response: Response): Promise<Response> {
  if (response.status !== 200) {
    return response;
  }

  let body: unknown;

  try {
    body = JSON.parse(await response.clone().text());
  } catch {
    return response;
  }

  if (typeof body !== 'object' || body === null || !('id_token' in body)) {
    return response;
  }

  const {id_token: _idToken, ...rest} = body as Record<string, unknown>;
  const headers = new Headers(response.headers);
  headers.delete('content-length');

  return new Response(JSON.stringify(rest), {status: response.status, headers});
}

function toTokenSet(
  body: oauth.TokenEndpointResponse,
  previousRefreshToken: string | null,
  environment: Environment,
): TokenSet {
  const lifetimeSeconds = body.expires_in ?? assumedLifetimeSeconds;

  return {
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? previousRefreshToken,
    expiresAt: environment.now() + lifetimeSeconds * 1000,
    scope: body.scope ?? null,
  };
}
