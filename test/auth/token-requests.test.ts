import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {startSignIn, type SignInSession} from '../../source/auth/sign-in-session.js';
import {refreshTokens} from '../../source/auth/token-exchange.js';
import {startHaloEmulator, type HaloEmulator} from '../../source/emulator/halo-emulator.js';
import {HaloWizardError} from '../../source/errors.js';
import {findFreePort} from '../helpers/free-port.js';
import {createEnvironment, createSettings} from './auth-fixtures.js';

// Agent 3 is the seeded administrator, allowed to sign in.
const adminAgentId = 3;
const environment = createEnvironment();

const emulators: HaloEmulator[] = [];
const sessions: SignInSession[] = [];
const servers: http.Server[] = [];

afterEach(async () => {
  await Promise.all(sessions.splice(0).map(async (session) => session.close()));
  await Promise.all(emulators.splice(0).map(async (emulator) => emulator.close()));
  await Promise.all(
    servers.splice(0).map(
      async (server) =>
        new Promise((resolve) => {
          server.closeAllConnections();
          server.close(resolve);
        }),
    ),
  );
});

async function startEmulator() {
  const redirectUri = `http://127.0.0.1:${await findFreePort()}/callback`;
  const emulator = await startHaloEmulator({
    redirectUris: [redirectUri],
    autoApprove: {agentId: adminAgentId},
  });
  emulators.push(emulator);

  const settings = createSettings({
    instanceUrl: emulator.instanceUrl,
    baseUri: emulator.authUrl,
    clientId: emulator.application.clientId,
    redirectUri,
  });
  return {emulator, settings};
}

/** Starts a token endpoint on 127.0.0.1 that responds to every request with `body` as JSON. */
async function startTokenServer(body: string): Promise<string> {
  const server = http.createServer((request, response) => {
    request.resume();
    response.writeHead(200, {'Content-Type': 'application/json'});
    response.end(body);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/auth`;
}

async function rejectionOf(promise: Promise<unknown>): Promise<HaloWizardError> {
  const error = await promise.then(
    () => new Error('Expected a rejection.'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(HaloWizardError);
  return error as HaloWizardError;
}

function tokenRequestsOf(emulator: HaloEmulator) {
  return emulator.requests.filter((entry) => entry.path === '/auth/token');
}

describe('token request timeout', () => {
  it('ends a refresh the token endpoint never answers', async () => {
    const {emulator, settings} = await startEmulator();
    emulator.options.hang = ['token'];
    const started = Date.now();

    const error = await rejectionOf(
      refreshTokens({settings, refreshToken: 'refresh-under-test', environment, timeoutMs: 300}),
    );

    expect(error.code).toBe('token-request-timed-out');
    expect(error.kind).toBe('rejected');
    expect(error.field).toBe('baseUri');
    expect(error.message).toContain(`${emulator.authUrl}/token`);
    expect(error.message).not.toContain('refresh-under-test');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(tokenRequestsOf(emulator)).toHaveLength(1);
  });

  it('reports the hung code exchange, not the wait', async () => {
    const {emulator, settings} = await startEmulator();
    emulator.options.hang = ['token'];
    const session = await startSignIn({settings, environment, tokenRequestTimeoutMs: 500});
    sessions.push(session);

    // With auto approval the authorise request redirects straight to the callback.
    const approved = await fetch(session.authorizationUrl, {redirect: 'manual'});
    const callback = fetch(approved.headers.get('location') ?? '');
    await vi.waitFor(() => expect(tokenRequestsOf(emulator)).toHaveLength(1));

    const error = await rejectionOf(session.waitForTokens({timeoutMs: 20}));
    const page = await callback;

    expect(error.code).toBe('token-request-timed-out');
    expect(error.field).toBe('baseUri');
    expect(await page.text()).toContain('Sign-in failed');
  });
});

describe('invalid token response', () => {
  it('names what is wrong without the token', async () => {
    const baseUri = await startTokenServer(
      JSON.stringify({access_token: 'access-value-from-server', expires_in: 3600}),
    );
    const settings = createSettings({baseUri});

    const error = await rejectionOf(
      refreshTokens({settings, refreshToken: 'refresh-under-test', environment}),
    );

    expect(error.code).toBe('token-response-invalid');
    expect(error.kind).toBe('rejected');
    expect(error.field).toBe('baseUri');
    expect(error.message).toContain('"token_type"');
    expect(error.message).toContain(`${baseUri}/token`);
    expect(error.message).not.toContain('access-value-from-server');
    expect(error.message).not.toContain('refresh-under-test');
  });

  it('rejects a numeric access token', async () => {
    const baseUri = await startTokenServer('{"access_token": 42, "token_type": "Bearer"}');

    const error = await rejectionOf(
      refreshTokens({settings: createSettings({baseUri}), refreshToken: 'r', environment}),
    );

    expect(error.code).toBe('token-response-invalid');
    expect(error.message).toContain('"access_token"');
  });
});
