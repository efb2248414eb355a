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
 * Exchanges the code of a validated callback, with the PKCE verifier, for tokens.
 * Throws HaloWizardError with the field to fix when Halo rejects the request.
 */
export async function exchangeAuthorizationCode(input: {
  server: AuthorizationServerContext;
  callbackParameters: URLSearchParams;
  redirectUri: string;
  codeVerifier: string;
  environment: Environment;
}): Promise<TokenSet> {
  const {server} = input;
  const context = createContext(server, 'authorization_code');

  try {
    context.response = await oauth.authorizationCodeGrantRequest(
      server.authorizationServer,
      server.client,
      oauth.None(),
      input.callbackParameters,
      input.redirectUri,
      input.codeVerifier,
      server.requestOptions,
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
 * `refresh-token-rejected` when the sign-in is gone.
 */
export async function refreshTokens(input: {
  settings: ConnectionSettings;
  refreshToken: string;
  environment: Environment;
}): Promise<TokenSet> {
  const server = createAuthorizationServer(input.settings, input.environment);
  const context = createContext(server, 'refresh_token');

  try {
    context.response = await oauth.refreshTokenGrantRequest(
      server.authorizationServer,
      server.client,
      oauth.None(),
      input.refreshToken,
      server.requestOptions,
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
): TokenRequestContext {
  return {
    grant,
    tokenEndpoint: server.authorizationServer.token_endpoint ?? server.authorizationServer.issuer,
    clientId: server.client.client_id,
    response: null,
  };
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
