import * as oauth from 'oauth4webapi';
import type {ConnectionSettings, Environment, TokenSet} from '../halo/types.js';
import {
  createAuthorizationServer,
  type AuthorizationServerContext,
} from './authorization-server.js';
import {explainTokenError, type TokenRequestContext} from './token-errors.js';

// NOTE: Halo always sends expires_in as far as known; without it the token is assumed to
// live one hour, Halo's usual lifetime, so an early 401 is possible on other servers.
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

    const body = await processWithIssuerSlashVariant(server, context.response, (as, response) =>
      oauth.processAuthorizationCodeResponse(as, server.client, response),
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

    const body = await processWithIssuerSlashVariant(server, context.response, (as, response) =>
      oauth.processRefreshTokenResponse(as, server.client, response),
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

// Halo sends an id_token with every token response, and oauth4webapi compares its `iss`
// claim with the issuer exactly. The wizard does not use the id_token, so an `iss` that
// differs only by a trailing slash is accepted by processing a copy of the response again.
async function processWithIssuerSlashVariant(
  server: AuthorizationServerContext,
  response: Response,
  process: (as: oauth.AuthorizationServer, response: Response) => Promise<oauth.TokenEndpointResponse>,
): Promise<oauth.TokenEndpointResponse> {
  const copy = response.clone();

  try {
    return await process(server.authorizationServer, response);
  } catch (error) {
    const claimedIssuer = findIdTokenIssuer(error);
    const expected = server.authorizationServer.issuer;

    if (claimedIssuer === null || trimSlash(claimedIssuer) !== trimSlash(expected)) {
      throw error;
    }

    return process({...server.authorizationServer, issuer: claimedIssuer}, copy);
  }
}

function findIdTokenIssuer(error: unknown): string | null {
  if (!(error instanceof oauth.OperationProcessingError)) {
    return null;
  }

  if (error.code !== oauth.JWT_CLAIM_COMPARISON) {
    return null;
  }

  const cause = error.cause as {claim?: unknown; claims?: {iss?: unknown}} | undefined;
  const issuer = cause?.claims?.iss;
  return cause?.claim === 'iss' && typeof issuer === 'string' ? issuer : null;
}

function trimSlash(value: string): string {
  return value.replace(/\/+$/, '');
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
