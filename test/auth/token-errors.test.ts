import net from 'node:net';
import * as oauth from 'oauth4webapi';
import {describe, expect, it} from 'vitest';
import {HaloWizardError} from '../../source/errors.js';
import {createAuthorizationServer} from '../../source/auth/authorization-server.js';
import {explainTokenError, type TokenRequestContext} from '../../source/auth/token-errors.js';
import {refreshTokens} from '../../source/auth/token-exchange.js';
import {createEnvironment, createSettings} from './auth-fixtures.js';

const server = createAuthorizationServer(createSettings(), createEnvironment());

// oauth4webapi processes a standard Response, so each Halo response is fed to it directly.
async function explainResponse(
  response: Response,
  grant: TokenRequestContext['grant'] = 'authorization_code',
): Promise<HaloWizardError> {
  const context: TokenRequestContext = {
    grant,
    tokenEndpoint: 'http://127.0.0.1:9/auth/token',
    clientId: 'client-under-test',
    timeoutMs: 30_000,
    response,
  };

  try {
    await oauth.processAuthorizationCodeResponse(
      server.authorizationServer,
      server.client,
      response,
    );
  } catch (error) {
    return explainTokenError(error, context);
  }

  throw new Error('Expected the response to be rejected.');
}

function jsonError(status: number, body: object, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {'Content-Type': 'application/json', ...headers},
  });
}

function html(status: number): Response {
  return new Response('<html><body>Not here</body></html>', {
    status,
    headers: {'Content-Type': 'text/html'},
  });
}

describe('explainTokenError', () => {
  it('maps invalid_client to the client id field', async () => {
    const error = await explainResponse(jsonError(401, {error: 'invalid_client'}));

    expect(error.code).toBe('client-rejected');
    expect(error.kind).toBe('rejected');
    expect(error.field).toBe('clientId');
    expect(error.nextStep).toContain('copy the Client ID shown after saving');
    expect(error.nextStep).toContain('tick Active');
  });

  it('maps a 401 with www-authenticate to invalid_client', async () => {
    const response = jsonError(
      401,
      {error: 'invalid_client'},
      {'WWW-Authenticate': 'Basic realm="halo"'},
    );
    const error = await explainResponse(response);

    expect(error.code).toBe('client-rejected');
    expect(error.field).toBe('clientId');
  });

  it('maps invalid_grant at code exchange to a new sign-in', async () => {
    const error = await explainResponse(jsonError(400, {error: 'invalid_grant'}));

    expect(error.code).toBe('authorization-code-rejected');
    expect(error.kind).toBe('sign-in');
  });

  it('maps invalid_grant at refresh to signing in again', async () => {
    const error = await explainResponse(jsonError(400, {error: 'invalid_grant'}), 'refresh_token');

    expect(error.code).toBe('refresh-token-rejected');
    expect(error.kind).toBe('sign-in');
    expect(error.nextStep).toContain('Nothing needs to change in Halo');
  });

  it('maps grant type errors to the wrong method', async () => {
    for (const code of ['unauthorized_client', 'unsupported_grant_type']) {
      const error = await explainResponse(jsonError(400, {error: code}));

      expect(error.code).toBe('wrong-authentication-method');
      expect(error.kind).toBe('rejected');
      expect(error.nextStep).toContain('Authorisation Code (Native Application)');
    }
  });

  it('maps invalid_scope to the permissions tab', async () => {
    const error = await explainResponse(jsonError(400, {error: 'invalid_scope'}));

    expect(error.code).toBe('scope-not-allowed');
    expect(error.kind).toBe('rejected');
    expect(error.nextStep).toContain('Permissions tab');
  });

  it('maps html from the token url to the base uri', async () => {
    for (const status of [200, 404]) {
      const error = await explainResponse(html(status));

      expect(error.code).toBe('token-endpoint-not-oauth');
      expect(error.field).toBe('baseUri');
      expect(error.message).toContain(`HTTP ${status}`);
      expect(error.nextStep).toContain('API Details');
    }
  });

  it('reports malformed json as an invalid token response', async () => {
    const response = new Response('{"access_token": ', {
      status: 200,
      headers: {'Content-Type': 'application/json'},
    });
    const error = await explainResponse(response);

    expect(error.code).toBe('token-response-invalid');
    expect(error.kind).toBe('rejected');
    expect(error.field).toBe('baseUri');
    expect(error.message).toContain('failed to parse');
  });

  it('names the faulty property of a token response', async () => {
    const cases = [
      {body: {access_token: 'access-value-123', expires_in: 3600}, property: 'token_type'},
      {
        body: {access_token: 'access-value-123', token_type: 'Bearer', expires_in: 'one hour'},
        property: 'expires_in',
      },
      {body: {access_token: 123_456_789, token_type: 'Bearer'}, property: 'access_token'},
    ];

    for (const {body, property} of cases) {
      const error = await explainResponse(jsonError(200, body));

      expect(error.code).toBe('token-response-invalid');
      expect(error.kind).toBe('rejected');
      expect(error.field).toBe('baseUri');
      expect(error.message).toContain(`"${property}"`);
      expect(error.message).toContain('http://127.0.0.1:9/auth/token');
      expect(error.message).not.toContain('access-value-123');
      expect(error.message).not.toContain('123456789');
      expect(error.nextStep).toContain('Authorisation Server URL');
    }
  });

  it('reports a timeout with the token endpoint', () => {
    const context: TokenRequestContext = {
      grant: 'refresh_token',
      tokenEndpoint: 'http://127.0.0.1:9/auth/token',
      clientId: 'client-under-test',
      timeoutMs: 1500,
      response: null,
    };
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');

    const error = explainTokenError(timeout, context);

    expect(error.code).toBe('token-request-timed-out');
    expect(error.kind).toBe('rejected');
    expect(error.field).toBe('baseUri');
    expect(error.message).toContain('http://127.0.0.1:9/auth/token');
    expect(error.message).toContain('1.5 s');
  });

  it('reports a 5xx html page as a server failure', async () => {
    const error = await explainResponse(html(502));

    expect(error.code).toBe('token-endpoint-failed');
    expect(error.message).toContain('HTTP 502');
  });

  it('keeps control characters out of the message', async () => {
    const response = jsonError(400, {
      error: 'invalid_request',
      error_description: 'bad\u001B[2J\u0007 request',
    });
    const error = await explainResponse(response);

    expect(error.message).toContain('bad request');
    expect(error.message).not.toContain('\u001B');
  });
});

describe('refreshTokens network failures', () => {
  it('names the host when the connection is refused', async () => {
    const port = await closedPort();
    const settings = createSettings({baseUri: `http://127.0.0.1:${port}/auth`});

    const error = await refreshTokens({
      settings,
      refreshToken: 'refresh-token-under-test',
      environment: createEnvironment(),
    }).catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(HaloWizardError);
    expect((error as HaloWizardError).code).toBe('server-unreachable');
    expect((error as HaloWizardError).message).toContain(`127.0.0.1:${port}`);
    expect((error as HaloWizardError).message).toContain('ECONNREFUSED');
    expect((error as HaloWizardError).message).not.toContain('refresh-token-under-test');
  });
});

async function closedPort(): Promise<number> {
  const listener = net.createServer();
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const address = listener.address();
  await new Promise((resolve) => listener.close(resolve));

  if (typeof address !== 'object' || address === null) {
    throw new Error('The listener had no port.');
  }

  return address.port;
}
