import * as oauth from 'oauth4webapi';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {startHaloEmulator, type HaloEmulator} from '../../source/emulator/halo-emulator.js';
import {authorizeUrl, createPkce, obtainCode, postToken, requestAuthorize} from './emulator-fixtures.js';

let emulator: HaloEmulator;

beforeEach(async () => {
  emulator = await startHaloEmulator({userCount: 20});
});

afterEach(async () => {
  await emulator.close();
});

function codeFields(code: string, verifier: string): Record<string, string> {
  return {
    grant_type: 'authorization_code',
    client_id: emulator.application.clientId,
    code,
    redirect_uri: emulator.application.redirectUris[0] ?? '',
    code_verifier: verifier,
  };
}

describe('authorize and token endpoints', () => {
  it('completes the pkce flow with oauth4webapi', async () => {
    const insecure = {[oauth.allowInsecureRequests]: true};
    const as: oauth.AuthorizationServer = {
      issuer: emulator.authUrl,
      authorization_endpoint: `${emulator.authUrl}/authorize`,
      token_endpoint: `${emulator.authUrl}/token`,
    };
    const client: oauth.Client = {client_id: emulator.application.clientId};
    const verifier = oauth.generateRandomCodeVerifier();
    const state = oauth.generateRandomState();
    const url = authorizeUrl(emulator, {
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      state,
    });
    emulator.options.autoApprove = {agentId: 3};

    const {status, location} = await requestAuthorize(url);
    expect(status).toBe(302);
    expect(location).not.toBeNull();
    const redirectUri = emulator.application.redirectUris[0] ?? '';
    expect(location!.href.startsWith(`${redirectUri}?`)).toBe(true);

    const parameters = oauth.validateAuthResponse(as, client, location!, state);
    const response = await oauth.authorizationCodeGrantRequest(
      as, client, oauth.None(), parameters, redirectUri, verifier, insecure,
    );
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
    expect(tokens.token_type).toBe('bearer');
    expect(tokens.expires_in).toBe(3600);
    expect(tokens.scope).toBe('all offline_access');
    expect(typeof tokens.refresh_token).toBe('string');

    const claims = JSON.parse(Buffer.from(
      tokens.access_token.split('.')[1] ?? '',
      'base64url',
    ).toString()) as Record<string, unknown>;
    expect(claims.agent_id).toBe(3);
    expect(claims.sub).toBe('3');
    expect(claims.client_id).toBe(emulator.application.clientId);
    expect(claims.scope).toBe('all offline_access');
    expect(typeof claims.exp).toBe('number');

    const idToken = JSON.parse(Buffer.from(
      String(tokens.id_token).split('.')[1] ?? '',
      'base64url',
    ).toString()) as Record<string, unknown>;
    expect(idToken.agent_id).toBe(3);
    expect(idToken.name).toBe('Maren Okafor');
    expect(idToken.email).toBe('maren.okafor@harbourline-it.test');
  });

  it('rejects a reused code with invalid_grant', async () => {
    const {code, verifier} = await obtainCode(emulator);
    const first = await postToken(emulator, codeFields(code, verifier));
    expect(first.status).toBe(200);

    const second = await postToken(emulator, codeFields(code, verifier));
    expect(second.status).toBe(400);
    expect(second.body.error).toBe('invalid_grant');
    expect(typeof second.body.error_description).toBe('string');
    expect(typeof second.body.error_uri).toBe('string');
  });

  it('revokes tokens issued from a code that is replayed', async () => {
    const {code, verifier} = await obtainCode(emulator);
    const first = await postToken(emulator, codeFields(code, verifier));
    await postToken(emulator, codeFields(code, verifier));

    const response = await fetch(`${emulator.instanceUrl}/api/Agent/me`, {
      headers: {authorization: `Bearer ${String(first.body.access_token)}`},
    });
    expect(response.status).toBe(401);
  });

  it('rejects a wrong verifier with invalid_grant', async () => {
    const {code} = await obtainCode(emulator);
    const result = await postToken(emulator, codeFields(code, createPkce().verifier));
    expect(result.status).toBe(400);
    expect(result.body.error).toBe('invalid_grant');
  });

  it('rejects a different redirect uri with invalid_grant', async () => {
    emulator.application.redirectUris.push('http://127.0.0.1:47136/callback');
    const {code, verifier} = await obtainCode(emulator);
    const result = await postToken(emulator, {
      ...codeFields(code, verifier),
      redirect_uri: 'http://127.0.0.1:47136/callback',
    });
    expect(result.status).toBe(400);
    expect(result.body.error).toBe('invalid_grant');
  });

  it('rejects an expired code with invalid_grant', async () => {
    const {code, verifier} = await obtainCode(emulator);
    emulator.advanceClock(301_000);
    const result = await postToken(emulator, codeFields(code, verifier));
    expect(result.status).toBe(400);
    expect(result.body.error).toBe('invalid_grant');
  });

  it('rejects an unknown client at the token endpoint with 401', async () => {
    const {code, verifier} = await obtainCode(emulator);
    const result = await postToken(
      emulator,
      {...codeFields(code, verifier), client_id: 'not-the-client'},
    );
    expect(result.status).toBe(401);
    expect(result.body.error).toBe('invalid_client');
    expect(result.headers.get('www-authenticate')).toBeNull();
  });

  it('answers 401 with a basic challenge for bad basic credentials', async () => {
    const credentials = Buffer.from(`${emulator.application.clientId}:wrong`).toString('base64');
    const result = await postToken(
      emulator,
      {grant_type: 'client_credentials'},
      {authorization: `Basic ${credentials}`},
    );
    expect(result.status).toBe(401);
    expect(result.headers.get('www-authenticate')).toMatch(/^Basic/);
  });

  it('shows an html error page for an unknown client', async () => {
    const result = await requestAuthorize(authorizeUrl(emulator, {client_id: 'unknown-client'}));
    expect(result.status).toBe(400);
    expect(result.location).toBeNull();
    expect(result.body).toContain('<!doctype html>');
    expect(result.body).toContain('unknown-client');
  });

  it('shows an html error page for an inactive application', async () => {
    emulator.application.active = false;
    const result = await requestAuthorize(authorizeUrl(emulator));
    expect(result.status).toBe(400);
    expect(result.location).toBeNull();
  });

  it('shows an html error page for an unregistered redirect', async () => {
    const result = await requestAuthorize(authorizeUrl(
      emulator,
      {redirect_uri: 'http://localhost:47135/callback'},
    ));
    expect(result.status).toBe(400);
    expect(result.location).toBeNull();
    expect(result.body).toContain('http://localhost:47135/callback');
  });

  it('escapes request values on the error page', async () => {
    const result = await requestAuthorize(authorizeUrl(
      emulator,
      {client_id: '<script>alert(1)</script>'},
    ));
    expect(result.body).not.toContain('<script>');
    expect(result.body).toContain('&lt;script&gt;');
  });

  it('redirects invalid_scope for an unknown scope name', async () => {
    const result = await requestAuthorize(authorizeUrl(emulator, {scope: 'all read:users'}));
    expect(result.status).toBe(302);
    expect(result.location?.searchParams.get('error')).toBe('invalid_scope');
    expect(result.location?.searchParams.get('state')).toBe('state-1');
    expect(result.location?.searchParams.get('error_description')).toContain('read:users');
  });

  it('redirects invalid_request without an s256 challenge', async () => {
    const plain = await requestAuthorize(authorizeUrl(emulator, {code_challenge_method: 'plain'}));
    expect(plain.location?.searchParams.get('error')).toBe('invalid_request');

    const missing = await requestAuthorize(authorizeUrl(emulator, {code_challenge: null}));
    expect(missing.location?.searchParams.get('error')).toBe('invalid_request');
  });

  it('redirects unsupported_response_type for a token response type', async () => {
    const result = await requestAuthorize(authorizeUrl(emulator, {response_type: 'token'}));
    expect(result.location?.searchParams.get('error')).toBe('unsupported_response_type');
  });

  it('redirects unauthorized_client when the method is not authorization code', async () => {
    emulator.application.method = 'services';
    const result = await requestAuthorize(authorizeUrl(emulator));
    expect(result.location?.searchParams.get('error')).toBe('unauthorized_client');
  });

  it('drops scopes missing from the permissions tab', async () => {
    emulator.application.scopes = ['read:tickets'];
    const {code, verifier} = await obtainCode(emulator, {scope: 'all read:tickets offline_access'});
    const result = await postToken(emulator, codeFields(code, verifier));
    expect(result.status).toBe(200);
    expect(result.body.scope).toBe('read:tickets offline_access');
  });

  it('redirects access_denied when agent logins are off', async () => {
    emulator.application.allowAgents = false;
    emulator.options.autoApprove = {agentId: 3};
    const result = await requestAuthorize(authorizeUrl(emulator));
    expect(result.location?.searchParams.get('error')).toBe('access_denied');
    expect(result.location?.searchParams.get('code')).toBeNull();
  });

  it('adds iss to the callback when the iss option asks', async () => {
    emulator.options.autoApprove = {agentId: 3};
    emulator.options.iss = 'exact';
    const exact = await requestAuthorize(authorizeUrl(emulator));
    expect(exact.location?.searchParams.get('iss')).toBe(emulator.authUrl);

    emulator.options.iss = 'trailing-slash';
    const slash = await requestAuthorize(authorizeUrl(emulator));
    expect(slash.location?.searchParams.get('iss')).toBe(`${emulator.authUrl}/`);

    emulator.options.iss = 'none';
    const none = await requestAuthorize(authorizeUrl(emulator));
    expect(none.location?.searchParams.has('iss')).toBe(false);
  });

  it('issues client credentials tokens to a services application', async () => {
    emulator.application.method = 'services';
    emulator.application.clientSecret = 'services-secret';
    const credentials = Buffer.from(`${emulator.application.clientId}:services-secret`).toString('base64');
    const result = await postToken(
      emulator,
      {grant_type: 'client_credentials', scope: 'all'},
      {authorization: `Basic ${credentials}`},
    );
    expect(result.status).toBe(200);
    expect(result.body.refresh_token).toBeUndefined();

    emulator.application.method = 'authorization-code';
    const refused = await postToken(
      emulator,
      {grant_type: 'client_credentials'},
      {authorization: `Basic ${credentials}`},
    );
    expect(refused.body.error).toBe('unauthorized_client');
  });

  it('rejects an unknown grant type', async () => {
    const result = await postToken(
      emulator,
      {grant_type: 'password', client_id: emulator.application.clientId},
    );
    expect(result.status).toBe(400);
    expect(result.body.error).toBe('unsupported_grant_type');
  });

  it('rejects a client id that was rotated', async () => {
    const oldClientId = emulator.application.clientId;
    const newClientId = emulator.rotateClientId();
    expect(newClientId).not.toBe(oldClientId);
    const result = await requestAuthorize(authorizeUrl(emulator, {client_id: oldClientId}));
    expect(result.status).toBe(400);
  });
});
