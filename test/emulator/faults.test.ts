import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {startHaloEmulator, type HaloEmulator} from '../../source/emulator/halo-emulator.js';
import {authorizeUrl, getApi, postToken, requestAuthorize, signIn} from './emulator-fixtures.js';

let emulator: HaloEmulator;
let accessToken: string;

beforeEach(async () => {
  emulator = await startHaloEmulator({userCount: 30});
  accessToken = (await signIn(emulator)).access_token;
});

afterEach(async () => {
  await emulator.close();
});

describe('emulator faults', () => {
  it('answers 429 past the rate limit with retry-after seconds', async () => {
    emulator.options.rateLimit = {limit: 2, windowS: 30, retryAfter: 'seconds'};
    expect((await getApi(emulator, '/api/Agent', accessToken)).status).toBe(200);
    expect((await getApi(emulator, '/api/Agent', accessToken)).status).toBe(200);
    const limited = await getApi(emulator, '/api/Agent', accessToken);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');

    emulator.advanceClock(30_000);
    expect((await getApi(emulator, '/api/Agent', accessToken)).status).toBe(200);
  });

  it('states retry-after as a date or not at all', async () => {
    emulator.options.rateLimit = {limit: 0, windowS: 5, retryAfter: 'date'};
    const dated = await getApi(emulator, '/api/Agent', accessToken);
    expect(Number.isNaN(Date.parse(dated.headers.get('retry-after') ?? ''))).toBe(false);

    emulator.options.rateLimit = {limit: 0, windowS: 5, retryAfter: 'absent'};
    expect((await getApi(
      emulator,
      '/api/Agent',
      accessToken,
    )).headers.get('retry-after')).toBeNull();
  });

  it('fails the next calls with an html server error', async () => {
    emulator.options.serverError = {status: 502, next: 2};
    const first = await getApi(emulator, '/api/Agent', accessToken);
    expect(first.status).toBe(502);
    expect(first.headers.get('content-type')).toContain('text/html');
    expect((await getApi(emulator, '/api/Agent', accessToken)).status).toBe(502);
    expect((await getApi(emulator, '/api/Agent', accessToken)).status).toBe(200);
  });

  it('fails every nth call', async () => {
    emulator.options.serverError = {status: 500, everyNth: 3};
    const statuses = [];
    for (let call = 0; call < 6; call++) {
      statuses.push((await getApi(emulator, '/api/Agent', accessToken)).status);
    }

    expect(statuses).toEqual([200, 200, 500, 200, 200, 500]);
  });

  it('changes authinfo', async () => {
    emulator.options.authinfo = 'no-trailing-slash';
    const bare = JSON.parse((await getApi(
      emulator,
      '/api/authinfo',
      null,
    )).text) as {auth_url: string};
    expect(bare.auth_url).toBe(emulator.authUrl);

    emulator.options.authinfo = 'not-found';
    const missing = await getApi(emulator, '/api/authinfo', null);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('text/html');
  });

  it('truncates json on the chosen routes', async () => {
    emulator.options.malformedJson = ['agents'];
    const response = await getApi(emulator, '/api/Agent', accessToken);
    expect(response.status).toBe(200);
    expect(() => JSON.parse(response.text) as unknown).toThrow(SyntaxError);
    expect((await getApi(emulator, '/api/Agent/me', accessToken)).status).toBe(200);
  });

  it('delays a route by latencyMs', async () => {
    emulator.options.latencyMs = {'agent-me': 150};
    const started = performance.now();
    await getApi(emulator, '/api/Agent/me', accessToken);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('never answers a hung route and still closes', async () => {
    emulator.options.hang = ['users'];
    const controller = new AbortController();
    const pending = fetch(`${emulator.instanceUrl}/api/Users`, {
      headers: {authorization: `Bearer ${accessToken}`},
      signal: controller.signal,
    });
    await expect.poll(() => emulator.requests.some((entry) => entry.path === '/api/Users')).toBe(true);
    expect(emulator.requests.at(-1)?.status).toBe(0);
    controller.abort();
    await expect(pending).rejects.toThrow();
  });

  it('puts hostile names on some records', async () => {
    emulator.options.hostileNames = true;
    const agents = (await getApi(emulator, '/api/Agent', accessToken)).text;
    expect(agents).toContain('\\u001b[2J');
    const users = (await getApi(
      emulator,
      '/api/Users?count=50&includeinactive=true',
      accessToken,
    )).text;
    const names = (JSON.parse(users) as {users: Array<{name: string}>}).users.map((user) => user.name);
    expect(names).toContain('Reversed \u202Egnirts\u202C text');
    expect(names.some((name) => name.length === 500)).toBe(true);

    emulator.options.hostileNames = false;
    expect((await getApi(emulator, '/api/Agent', accessToken)).text).not.toContain('\\u001b');
  });
});

describe('shared auth host', () => {
  it('serves auth on a second listener that needs the tenant', async () => {
    const shared = await startHaloEmulator({userCount: 10, sharedAuthHost: {tenant: 'acme'}});
    try {
      expect(shared.authUrl).not.toContain('/auth');
      expect(new URL(shared.authUrl).port).not.toBe(new URL(shared.instanceUrl).port);

      const info = JSON.parse((await getApi(
        shared,
        '/api/authinfo',
        null,
      )).text) as {auth_url: string; tenant_id: string};
      expect(info).toEqual({auth_url: `${shared.authUrl}/`, tenant_id: 'acme'});

      const withoutTenant = await requestAuthorize(authorizeUrl(shared));
      expect(withoutTenant.status).toBe(400);

      shared.options.autoApprove = {agentId: 3};
      const withTenant = await requestAuthorize(authorizeUrl(shared, {tenant: 'acme'}));
      expect(withTenant.location?.searchParams.has('code')).toBe(true);

      const token = await postToken(
        shared,
        {grant_type: 'refresh_token', client_id: shared.application.clientId, refresh_token: 'x'},
      );
      expect(token.status).toBe(401);
      expect(token.body.error).toBe('invalid_client');
    } finally {
      await shared.close();
    }
  });
});

describe('request log', () => {
  it('redacts codes, verifiers and tokens', async () => {
    const tokens = await signIn(emulator);
    await postToken(
      emulator,
      {grant_type: 'refresh_token', client_id: emulator.application.clientId, refresh_token: tokens.refresh_token ?? ''},
    );
    const logged = JSON.stringify(emulator.requests);
    expect(logged).not.toContain(tokens.access_token);
    expect(logged).not.toContain(tokens.refresh_token);

    const exchange = emulator.requests.find((entry) => entry.form?.grant_type === 'authorization_code');
    expect(exchange?.form?.code).toBe('[redacted]');
    expect(exchange?.form?.code_verifier).toBe('[redacted]');
    expect(exchange?.status).toBe(200);

    const authorize = emulator.requests.find((entry) => entry.path === '/auth/authorize');
    expect(authorize?.query.code_challenge).toBe('[redacted]');
    expect(authorize?.query.scope).toBe('all offline_access');
  });

  it('redacts the password of the sign-in form', async () => {
    const body = new URLSearchParams([
      ...authorizeUrl(emulator).searchParams,
      ['username', 'maren.okafor'],
      ['password', 'secret-pw'],
      ['action', 'approve'],
    ]);
    await fetch(`${emulator.authUrl}/authorize`, {method: 'POST', body, redirect: 'manual'});
    const logged = JSON.stringify(emulator.requests);
    expect(logged).not.toContain('secret-pw');
    expect(emulator.requests.at(-1)?.form?.username).toBe('maren.okafor');
  });
});
