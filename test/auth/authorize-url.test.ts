import {createHash} from 'node:crypto';
import {describe, expect, it} from 'vitest';
import {createAuthorizationServer} from '../../source/auth/authorization-server.js';
import {createAuthorizationRequest} from '../../source/auth/authorize-url.js';
import {createEnvironment, createSettings} from './auth-fixtures.js';

async function buildRequest(overrides: Parameters<typeof createSettings>[0] = {}) {
  const settings = createSettings(overrides);
  const server = createAuthorizationServer(settings, createEnvironment());
  const request = await createAuthorizationRequest({
    server,
    redirectUri: settings.redirectUri,
    scope: settings.scope,
  });
  return {request, url: new URL(request.authorizationUrl), server};
}

describe('createAuthorizationRequest', () => {
  it('sends tenant only when one is set', async () => {
    const without = await buildRequest({tenant: null});
    const empty = await buildRequest({tenant: ''});
    const withTenant = await buildRequest({tenant: 'acme'});

    expect(without.url.searchParams.has('tenant')).toBe(false);
    expect(empty.url.searchParams.has('tenant')).toBe(false);
    expect(withTenant.url.searchParams.get('tenant')).toBe('acme');
    expect([...withTenant.url.searchParams.keys()][0]).toBe('tenant');
    expect(withTenant.server.authorizationServer.token_endpoint).toBe(
      'http://127.0.0.1:9/auth/token?tenant=acme',
    );
    expect(without.server.authorizationServer.token_endpoint).toBe('http://127.0.0.1:9/auth/token');
  });

  it('uses the base uri authorize endpoint', async () => {
    const {url} = await buildRequest({baseUri: 'https://acme.halopsa.com/auth/'});

    expect(`${url.origin}${url.pathname}`).toBe('https://acme.halopsa.com/auth/authorize');
  });

  it('sends an s256 challenge of the verifier', async () => {
    const {request, url} = await buildRequest();
    const expected = createHash('sha256').update(request.codeVerifier).digest('base64url');

    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toBe(expected);
    expect(request.codeVerifier.length).toBeGreaterThanOrEqual(43);
  });

  it('sends the redirect uri byte for byte', async () => {
    const redirectUri = 'http://localhost:47135/callback/';
    const {url} = await buildRequest({redirectUri});

    expect(url.searchParams.get('redirect_uri')).toBe(redirectUri);
  });

  it('draws a fresh state of at least 128 bits', async () => {
    const first = await buildRequest();
    const second = await buildRequest();

    // 128 bits need 22 base64url characters.
    expect(first.request.state.length).toBeGreaterThanOrEqual(22);
    expect(first.url.searchParams.get('state')).toBe(first.request.state);
    expect(second.request.state).not.toBe(first.request.state);
    expect(second.request.codeVerifier).not.toBe(first.request.codeVerifier);
  });

  it('sends the code flow parameters', async () => {
    const {url} = await buildRequest();

    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe('client-under-test');
    expect(url.searchParams.get('scope')).toBe('all offline_access');
  });
});

describe('createAuthorizationServer', () => {
  it('rejects plain http to another host', () => {
    const settings = createSettings({baseUri: 'http://acme.halopsa.com/auth'});

    expect(() => createAuthorizationServer(settings, createEnvironment())).toThrow(
      expect.objectContaining({code: 'base-uri-insecure', field: 'baseUri', kind: 'usage'}),
    );
  });

  it('rejects a base uri that is not a url', () => {
    const settings = createSettings({baseUri: 'acme auth'});

    expect(() => createAuthorizationServer(settings, createEnvironment())).toThrow(
      expect.objectContaining({code: 'base-uri-invalid', field: 'baseUri'}),
    );
  });
});
