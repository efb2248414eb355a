import type {IncomingHttpHeaders, ServerResponse} from 'node:http';
import type {EmulatorContext} from './emulator-context.js';
import {sendJson, type Parameters} from './http-helpers.js';
import {randomToken} from './jwt.js';
import {isKnownScope, splitScope} from './scopes.js';
import type {Grant} from './token-registry.js';

/** A token endpoint error: the OAuth `error` code, its HTTP status and a description. */
type TokenError = {status: number; error: string; description: string; basicAuth?: boolean};

type TokenResponseBody = {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
  refresh_token?: string;
  id_token?: string;
};

/**
 * Handles `POST <auth>/token` for the authorization_code, refresh_token and
 * client_credentials grants. `query` is the URL's query, where only `tenant` is read.
 */
export function handleToken(
  context: EmulatorContext,
  query: Parameters,
  form: Parameters,
  headers: IncomingHttpHeaders,
  response: ServerResponse,
): void {
  const result = exchange(context, query, form, headers);
  const noStore = {'cache-control': 'no-store', pragma: 'no-cache'};
  if ('error' in result) {
    // RFC 6749 §5.2: a client that tried HTTP Basic gets a challenge with its 401.
    const challenge = result.basicAuth === true ? {'www-authenticate': 'Basic realm="halo"'} : {};
    const body = {
      error: result.error,
      error_description: result.description,
      error_uri: `${context.authUrl}/errors/${result.error}`,
    };
    sendJson(response, result.status, body, {...noStore, ...challenge});
    return;
  }

  sendJson(response, 200, result, noStore);
}

function exchange(
  context: EmulatorContext,
  query: Parameters,
  form: Parameters,
  headers: IncomingHttpHeaders,
): TokenResponseBody | TokenError {
  const shared = context.options.sharedAuthHost;
  if (shared !== null && query.values.get('tenant') !== shared.tenant) {
    return invalidClient('The specified tenant is not valid for this client application.');
  }

  if (form.repeated.length > 0) {
    return badRequest(
      'invalid_request',
      `The '${form.repeated[0] ?? ''}' parameter must not be repeated.`,
    );
  }

  const client = authenticateClient(context, form, headers);
  if ('error' in client) {
    return client;
  }

  const grantType = form.values.get('grant_type');
  switch (grantType) {
    case 'authorization_code': {
      return exchangeCode(context, form, client.clientId);
    }

    case 'refresh_token': {
      return exchangeRefreshToken(context, form, client.clientId);
    }

    case 'client_credentials': {
      return exchangeClientCredentials(context, form, client);
    }

    case undefined: {
      return badRequest('invalid_request', "The mandatory 'grant_type' parameter is missing.");
    }

    default: {
      return badRequest('unsupported_grant_type', 'The specified grant_type is not supported.');
    }
  }
}

type AuthenticatedClient = {clientId: string; secretVerified: boolean};

// Clients may send their credentials in the body or with HTTP Basic, never both (RFC 6749 §2.3).
function authenticateClient(
  context: EmulatorContext,
  form: Parameters,
  headers: IncomingHttpHeaders,
): AuthenticatedClient | TokenError {
  const basic = parseBasic(headers.authorization);
  const bodyId = form.values.get('client_id');
  if (basic !== null && (bodyId !== undefined || form.values.has('client_secret'))) {
    return badRequest('invalid_request', 'Client credentials must be sent in one place only.');
  }

  const clientId = basic?.clientId ?? bodyId;
  const secret = basic?.secret ?? form.values.get('client_secret');
  const {application} = context;
  if (clientId === undefined || clientId === '') {
    return invalidClient("The mandatory 'client_id' parameter is missing.", basic !== null);
  }

  if (clientId !== application.clientId || !application.active) {
    const description = 'The specified client application was not found or is not active.';
    return invalidClient(description, basic !== null);
  }

  if (secret !== undefined && secret !== application.clientSecret) {
    return invalidClient('The specified client credentials are invalid.', basic !== null);
  }

  return {clientId, secretVerified: secret !== undefined};
}

function exchangeCode(
  context: EmulatorContext,
  form: Parameters,
  clientId: string,
): TokenResponseBody | TokenError {
  if (context.application.method !== 'authorization-code') {
    return badRequest(
      'unauthorized_client',
      'This client application is not allowed to use the authorization code flow.',
    );
  }

  const code = form.values.get('code');
  const redirectUri = form.values.get('redirect_uri');
  const codeVerifier = form.values.get('code_verifier');
  if (code === undefined || redirectUri === undefined || codeVerifier === undefined) {
    return badRequest(
      'invalid_request',
      "The 'code', 'redirect_uri' and 'code_verifier' parameters are required.",
    );
  }

  const redeemed = context.registry.redeemCode(code, {clientId, redirectUri, codeVerifier});
  if (!redeemed.ok) {
    return badRequest('invalid_grant', redeemed.description);
  }

  const scopes = splitScope(redeemed.grant.scope);
  const withRefresh = scopes.includes('offline_access') || context.options.refreshWithoutOffline;
  return issueTokens(context, redeemed.grant, {withRefresh, withIdToken: true});
}

function exchangeRefreshToken(
  context: EmulatorContext,
  form: Parameters,
  clientId: string,
): TokenResponseBody | TokenError {
  const refreshToken = form.values.get('refresh_token');
  if (refreshToken === undefined) {
    return badRequest('invalid_request', "The mandatory 'refresh_token' parameter is missing.");
  }

  const keep = context.options.omitRotatedRefresh;
  const spent = context.registry.spendRefreshToken(refreshToken, clientId, keep);
  if (!spent.ok) {
    return badRequest('invalid_grant', spent.description);
  }

  // A refresh may narrow the scope but never widen it (RFC 6749 §6).
  const requested = form.values.get('scope');
  let grant = spent.grant;
  if (requested !== undefined) {
    const granted = splitScope(grant.scope);
    const extra = splitScope(requested).find((name) => !granted.includes(name));
    if (extra !== undefined) {
      return badRequest(
        'invalid_scope',
        'The requested scope exceeds the scope originally granted.',
      );
    }

    grant = {...grant, scope: splitScope(requested).join(' ')};
  }

  return issueTokens(context, grant, {withRefresh: !keep, withIdToken: true});
}

function exchangeClientCredentials(
  context: EmulatorContext,
  form: Parameters,
  client: AuthenticatedClient,
): TokenResponseBody | TokenError {
  const {application} = context;
  if (application.method !== 'services') {
    return badRequest(
      'unauthorized_client',
      'This client application is not allowed to use the client credentials flow.',
    );
  }

  if (!client.secretVerified || application.clientSecret === null) {
    return invalidClient('The client secret is required for the client credentials flow.');
  }

  const scopes = splitScope(form.values.get('scope') ?? 'all');
  if (scopes.some((name) => !isKnownScope(name))) {
    return badRequest('invalid_scope', 'The specified scope is not valid.');
  }

  const grant: Grant = {
    agentId: application.loginAsAgentId,
    clientId: client.clientId,
    scope: scopes.join(' '),
    familyId: randomToken(12),
  };
  return issueTokens(context, grant, {withRefresh: false, withIdToken: false});
}

function issueTokens(
  context: EmulatorContext,
  grant: Grant,
  include: {withRefresh: boolean; withIdToken: boolean},
): TokenResponseBody {
  const {options} = context;
  const issuedAt = Math.floor(context.now() / 1000);
  const expiresAt = issuedAt + options.tokenTtlS;
  const accessToken = options.tokenFormat === 'opaque'
    ? randomToken()
    : context.signJwt({
      iss: context.authUrl,
      sub: String(grant.agentId),
      agent_id: grant.agentId,
      client_id: grant.clientId,
      scope: grant.scope,
      iat: issuedAt,
      exp: expiresAt,
      jti: randomToken(12),
    }, 'at+jwt');
  context.registry.addAccessToken(accessToken, grant, options.tokenTtlS);

  const body: TokenResponseBody = {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: options.tokenTtlS,
    scope: grant.scope,
  };
  if (include.withRefresh) {
    body.refresh_token = context.registry.addRefreshToken(grant, options.refreshTtlS);
  }

  const agent = context.data.agents.find((candidate) => candidate.id === grant.agentId);
  if (include.withIdToken && agent !== undefined) {
    body.id_token = context.signJwt({
      iss: context.authUrl,
      sub: String(agent.id),
      aud: grant.clientId,
      agent_id: agent.id,
      name: agent.name,
      email: agent.email,
      iat: issuedAt,
      exp: expiresAt,
    }, 'JWT');
  }

  return body;
}

function parseBasic(header: string | undefined): {clientId: string; secret: string} | null {
  const match = /^basic\s+(\S+)$/i.exec(header ?? '');
  if (match?.[1] === undefined) {
    return null;
  }

  // RFC 6749 §2.3.1: both parts are form-urlencoded before they are joined with a colon.
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) {
    return null;
  }

  return {
    clientId: decodeURIComponent(decoded.slice(0, colon).replaceAll('+', ' ')),
    secret: decodeURIComponent(decoded.slice(colon + 1).replaceAll('+', ' ')),
  };
}

function badRequest(error: string, description: string): TokenError {
  return {status: 400, error, description};
}

function invalidClient(description: string, basicAuth = false): TokenError {
  return {status: 401, error: 'invalid_client', description, basicAuth};
}
