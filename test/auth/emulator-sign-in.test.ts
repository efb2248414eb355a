import {afterEach, describe, expect, it} from 'vitest';
import {HaloWizardError} from '../../source/errors.js';
import {preflightSignIn} from '../../source/auth/preflight.js';
import {startSignIn, type SignInSession} from '../../source/auth/sign-in-session.js';
import {refreshTokens} from '../../source/auth/token-exchange.js';
import {startHaloEmulator, type HaloEmulator} from '../../source/emulator/halo-emulator.js';
import type {EmulatorStartOptions} from '../../source/emulator/emulator-options.js';
import type {ConnectionSettings, TokenSet} from '../../source/halo/types.js';
import {signInWithEmulatorPage} from '../helpers/emulator-browser.js';
import {findFreePort} from '../helpers/free-port.js';
import {createEnvironment, createSettings} from './auth-fixtures.js';

// Agent 3 is the seeded administrator, allowed to sign in.
const adminAgentId = 3;
const fixedNow = 1_750_000_000_000;
const environment = createEnvironment({now: () => fixedNow});

const emulators: HaloEmulator[] = [];
const sessions: SignInSession[] = [];

afterEach(async () => {
  await Promise.all(sessions.splice(0).map(async (session) => session.close()));
  await Promise.all(emulators.splice(0).map(async (emulator) => emulator.close()));
});

async function startEmulator(options: EmulatorStartOptions = {}) {
  const redirectUri = `http://127.0.0.1:${await findFreePort()}/callback`;
  const emulator = await startHaloEmulator({redirectUris: [redirectUri], ...options});
  emulators.push(emulator);

  const settings = createSettings({
    instanceUrl: emulator.instanceUrl,
    baseUri: emulator.authUrl,
    clientId: emulator.application.clientId,
    redirectUri,
  });
  return {emulator, settings};
}

async function signIn(
  emulator: HaloEmulator,
  settings: ConnectionSettings,
  action: 'approve' | 'cancel' = 'approve',
) {
  const session = await startSignIn({settings, environment});
  sessions.push(session);

  const tokens = session.waitForTokens({timeoutMs: 10_000}).then(
    (value): TokenSet | HaloWizardError => value,
    (error: unknown) => {
      expect(error).toBeInstanceOf(HaloWizardError);
      return error as HaloWizardError;
    },
  );
  const browser = await signInWithEmulatorPage(session.authorizationUrl, {
    ...emulator.demoCredentials,
    action,
  });
  return {browser, result: await tokens};
}

function expectTokens(result: TokenSet | HaloWizardError): TokenSet {
  if (result instanceof HaloWizardError) {
    throw new Error(`Expected tokens, got ${result.code}: ${result.message}`);
  }

  return result;
}

function expectError(result: TokenSet | HaloWizardError): HaloWizardError {
  if (!(result instanceof HaloWizardError)) {
    throw new Error('Expected a HaloWizardError, got tokens.');
  }

  return result;
}

async function rejectionOf(promise: Promise<unknown>): Promise<HaloWizardError> {
  const error = await promise.then(
    () => new Error('Expected a rejection.'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(HaloWizardError);
  return error as HaloWizardError;
}

describe('sign-in against the emulator', () => {
  it('signs in with auto approval', async () => {
    const {emulator, settings} = await startEmulator({autoApprove: {agentId: adminAgentId}});
    const {browser, result} = await signIn(emulator, settings);
    const tokens = expectTokens(result);

    expect(browser.callbackStatus).toBe(200);
    expect(browser.callbackBody).toContain('Signed in to HaloPSA');
    expect(tokens.accessToken).not.toBe('');
    expect(tokens.refreshToken).not.toBeNull();
    expect(tokens.expiresAt).toBe(fixedNow + 3600 * 1000);
    expect(tokens.scope).toContain('all');
    expect(emulator.requests.filter((entry) => entry.path === '/auth/token')).toHaveLength(1);
  });

  it('signs in through the login page', async () => {
    const {emulator, settings} = await startEmulator();
    const {browser, result} = await signIn(emulator, settings);

    expect(browser.loginPageStatus).toBe(302);
    expect(expectTokens(result).accessToken).not.toBe('');
  });

  it('reports cancel on the login page as declined', async () => {
    const {emulator, settings} = await startEmulator();
    const {browser, result} = await signIn(emulator, settings, 'cancel');
    const error = expectError(result);

    expect(error.code).toBe('sign-in-declined');
    expect(error.kind).toBe('sign-in');
    expect(browser.callbackBody).toContain('Sign-in failed');
  });

  it('accepts iss with and without a trailing slash', async () => {
    for (const iss of ['exact', 'trailing-slash'] as const) {
      const {emulator, settings} = await startEmulator({
        autoApprove: {agentId: adminAgentId},
        iss,
      });
      const {browser, result} = await signIn(emulator, settings);

      expect(new URL(browser.redirectedTo ?? '').searchParams.has('iss')).toBe(true);
      expect(expectTokens(result).accessToken).not.toBe('');
    }
  });

  it('reports the wrong authentication method', async () => {
    const {emulator, settings} = await startEmulator({
      autoApprove: {agentId: adminAgentId},
      appMethod: 'services',
    });
    const error = expectError((await signIn(emulator, settings)).result);

    expect(error.code).toBe('wrong-authentication-method');
    expect(error.kind).toBe('rejected');
  });

  it('sends the tenant to a shared auth host', async () => {
    const {emulator, settings} = await startEmulator({
      autoApprove: {agentId: adminAgentId},
      sharedAuthHost: {tenant: 'acme'},
    });
    const {result} = await signIn(emulator, {...settings, tenant: 'acme'});
    const tokenRequests = emulator.requests.filter((entry) => entry.path === '/token');

    expect(expectTokens(result).accessToken).not.toBe('');
    expect(tokenRequests).toHaveLength(1);
    expect(tokenRequests[0]?.query).toMatchObject({tenant: 'acme'});
  });

  it('sends no tenant when none is set', async () => {
    const {emulator, settings} = await startEmulator({autoApprove: {agentId: adminAgentId}});
    await signIn(emulator, settings);

    const authRequests = emulator.requests.filter((entry) => entry.path.startsWith('/auth/'));
    expect(authRequests.length).toBeGreaterThanOrEqual(2);

    for (const entry of authRequests) {
      expect(entry.query).not.toHaveProperty('tenant');
    }
  });
});

describe('pasted address against the emulator', () => {
  // With auto approval the authorise request redirects at once; not following that
  // redirect leaves the address a person would copy from the browser.
  async function approvedAddress(session: SignInSession): Promise<string> {
    const response = await fetch(session.authorizationUrl, {redirect: 'manual'});
    const location = response.headers.get('location');

    if (location === null) {
      throw new Error(`Expected a redirect, got HTTP ${response.status}.`);
    }

    return location;
  }

  it('completes the sign-in from a pasted address', async () => {
    const {settings} = await startEmulator({autoApprove: {agentId: adminAgentId}});
    const session = await startSignIn({settings, environment});
    sessions.push(session);
    const waited = session.waitForTokens({timeoutMs: 10_000});

    const pasted = await session.completeFromPastedUrl(await approvedAddress(session));

    expect(pasted.accessToken).not.toBe('');
    expect(await waited).toEqual(pasted);
  });

  it('rejects an expired code', async () => {
    const {emulator, settings} = await startEmulator({autoApprove: {agentId: adminAgentId}});
    const session = await startSignIn({settings, environment});
    sessions.push(session);
    const address = await approvedAddress(session);
    emulator.advanceClock(emulator.options.codeTtlS * 1000 + 1000);

    const error = await rejectionOf(session.completeFromPastedUrl(address));

    expect(error.code).toBe('authorization-code-rejected');
    expect(error.kind).toBe('sign-in');
  });

  it('sends no token request for a stale callback', async () => {
    const {emulator, settings} = await startEmulator({autoApprove: {agentId: adminAgentId}});
    const session = await startSignIn({settings, environment});
    sessions.push(session);
    const address = new URL(await approvedAddress(session));
    address.searchParams.set('state', 'state-of-an-older-tab');

    const page = await fetch(address);
    const tokenRequests = emulator.requests.filter((entry) => entry.path === '/auth/token');

    expect(page.status).toBe(400);
    expect(tokenRequests).toHaveLength(0);
  });
});

describe('refreshTokens against the emulator', () => {
  it('rotates the refresh token and rejects the spent one', async () => {
    const {emulator, settings} = await startEmulator({autoApprove: {agentId: adminAgentId}});
    const first = expectTokens((await signIn(emulator, settings)).result);
    const firstRefresh = first.refreshToken ?? '';

    const second = await refreshTokens({settings, refreshToken: firstRefresh, environment});

    expect(second.refreshToken).not.toBeNull();
    expect(second.refreshToken).not.toBe(firstRefresh);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.expiresAt).toBe(fixedNow + 3600 * 1000);

    const replay = await rejectionOf(
      refreshTokens({settings, refreshToken: firstRefresh, environment}),
    );
    expect(replay.code).toBe('refresh-token-rejected');
    expect(replay.kind).toBe('sign-in');
  });

  it('keeps the refresh token when none is returned', async () => {
    const {emulator, settings} = await startEmulator({
      autoApprove: {agentId: adminAgentId},
      omitRotatedRefresh: true,
    });
    const first = expectTokens((await signIn(emulator, settings)).result);
    const second = await refreshTokens({
      settings,
      refreshToken: first.refreshToken ?? '',
      environment,
    });

    expect(second.refreshToken).toBe(first.refreshToken);
  });

  it('reports invalid_client after the client id changed', async () => {
    const {emulator, settings} = await startEmulator({autoApprove: {agentId: adminAgentId}});
    const first = expectTokens((await signIn(emulator, settings)).result);
    emulator.rotateClientId();

    const error = await rejectionOf(
      refreshTokens({settings, refreshToken: first.refreshToken ?? '', environment}),
    );

    expect(error.code).toBe('client-rejected');
    expect(error.kind).toBe('rejected');
    expect(error.field).toBe('clientId');
  });
});

describe('preflightSignIn against the emulator', () => {
  it('passes when halo shows its login page', async () => {
    const {settings} = await startEmulator();

    const result = await preflightSignIn({settings, environment});

    expect(result.verdict).toBe('ok');
  });

  it('passes when halo redirects at once', async () => {
    const {settings} = await startEmulator({autoApprove: {agentId: adminAgentId}});

    const result = await preflightSignIn({settings, environment});

    expect(result.verdict).toBe('ok');
  });

  it('catches an unknown client id', async () => {
    const {emulator, settings} = await startEmulator();
    emulator.rotateClientId();

    const error = await rejectionOf(preflightSignIn({settings, environment}));

    expect(error.code).toBe('client-id-not-accepted');
    expect(error.kind).toBe('rejected');
    expect(error.field).toBe('clientId');
    expect(error.nextStep).toContain('Client ID');
  });

  it('catches an unregistered redirect uri', async () => {
    const {settings} = await startEmulator();
    const redirectUri = `http://localhost:${new URL(settings.redirectUri).port}/callback`;

    const error = await rejectionOf(preflightSignIn({settings: {...settings, redirectUri}, environment}));

    expect(error.code).toBe('redirect-uri-not-registered');
    expect(error.field).toBe('redirectUri');
    expect(error.nextStep).toContain(redirectUri);
  });

  it('catches a missing tenant on a shared auth host', async () => {
    const {settings} = await startEmulator({sharedAuthHost: {tenant: 'acme'}});

    const error = await rejectionOf(preflightSignIn({settings, environment}));

    expect(error.field).toBe('tenant');
  });

  it('catches a base uri without an authorise endpoint', async () => {
    const {emulator, settings} = await startEmulator();

    const error = await rejectionOf(
      preflightSignIn({settings: {...settings, baseUri: `${emulator.instanceUrl}/api`}, environment}),
    );

    expect(error.field).toBe('baseUri');
  });

  it('rejects a server that refuses connections', async () => {
    const port = await findFreePort();
    const settings = createSettings({baseUri: `http://127.0.0.1:${port}/auth`});

    const failure = await preflightSignIn({settings, environment}).catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(HaloWizardError);
    expect((failure as HaloWizardError).code).toBe('server-unreachable');
    expect((failure as HaloWizardError).field).toBe('baseUri');
    expect((failure as HaloWizardError).message).toContain(`127.0.0.1:${port}`);
  });
});
