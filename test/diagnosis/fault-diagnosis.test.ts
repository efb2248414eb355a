import {afterEach, describe, expect, it} from 'vitest';
import {preflightSignIn} from '../../source/auth/preflight.js';
import {startSignIn} from '../../source/auth/sign-in-session.js';
import {refreshTokens} from '../../source/auth/token-exchange.js';
import {diagnose, fixFor, symptomFor} from '../../source/diagnosis/diagnose.js';
import type {EmulatorStartOptions} from '../../source/emulator/emulator-options.js';
import {startHaloEmulator, type HaloEmulator} from '../../source/emulator/halo-emulator.js';
import {HaloWizardError} from '../../source/errors.js';
import {runStatusChecks} from '../../source/halo/status-checks.js';
import type {
  ConnectionSettings,
  Environment,
  StatusCheck,
  StatusCheckId,
  TokenSet,
} from '../../source/halo/types.js';
import {createEnvironment, createSettings} from '../auth/auth-fixtures.js';
import {sendHtml, sendJson, startLocalServer, type LocalServer} from '../halo/local-server.js';
import {signInWithEmulatorPage} from '../helpers/emulator-browser.js';
import {findFreePort} from '../helpers/free-port.js';

const environment = createEnvironment();
const emulators: HaloEmulator[] = [];
const servers: LocalServer[] = [];

afterEach(async () => {
  await Promise.all(emulators.splice(0).map(async (emulator) => emulator.close()));
  await Promise.all(servers.splice(0).map(async (server) => server.close()));
});

async function startEmulator(options: EmulatorStartOptions = {}) {
  const redirectUri = `http://127.0.0.1:${await findFreePort()}/callback`;
  const emulator = await startHaloEmulator({redirectUris: [redirectUri], ...options});
  emulators.push(emulator);
  const settings = createSettings({
    workspace: emulator.instanceUrl,
    instanceUrl: emulator.instanceUrl,
    baseUri: emulator.authUrl,
    clientId: emulator.application.clientId,
    redirectUri,
  });
  return {emulator, settings};
}

/** Signs in on the emulator's page and returns the tokens or the sign-in failure. */
async function signIn(
  emulator: HaloEmulator,
  settings: ConnectionSettings,
): Promise<TokenSet | HaloWizardError> {
  const session = await startSignIn({settings, environment});
  try {
    const outcome = session.waitForTokens({timeoutMs: 10_000}).catch((error: unknown) => {
      if (error instanceof HaloWizardError) {
        return error;
      }

      throw error;
    });
    await signInWithEmulatorPage(session.authorizationUrl, emulator.demoCredentials);
    return await outcome;
  } finally {
    await session.close();
  }
}

async function runChecks(
  settings: ConnectionSettings,
  tokens: TokenSet,
  checkEnvironment: Environment = environment,
) {
  return runStatusChecks({
    settings,
    tokens,
    environment: checkEnvironment,
    refresh: async (refreshToken) =>
      refreshTokens({settings, refreshToken, environment: checkEnvironment}),
    onTokens: async () => undefined,
    onUpdate: () => undefined,
    sleep: async () => undefined,
  });
}

function failureOf(checks: StatusCheck[], id: StatusCheckId): HaloWizardError {
  const check = checks.find((candidate) => candidate.id === id);
  if (check?.error == null) {
    throw new Error(`The ${id} check did not fail: ${check?.state} ${check?.detail}`);
  }

  return check.error;
}

async function rejectionOf(promise: Promise<unknown>): Promise<HaloWizardError> {
  const error = await promise.then(
    () => new Error('Expected a rejection.'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof HaloWizardError)) {
    throw error;
  }

  return error;
}

function expectError(result: TokenSet | HaloWizardError): HaloWizardError {
  if (!(result instanceof HaloWizardError)) {
    throw new TypeError('Expected a HaloWizardError, got tokens.');
  }

  return result;
}

function expectTokens(result: TokenSet | HaloWizardError): TokenSet {
  if (result instanceof HaloWizardError) {
    throw new TypeError(`Expected tokens, got ${result.code}: ${result.message}`);
  }

  return result;
}

/** Checks the code, the symptom's cause and field, and that the next step is the table's. */
function expectDiagnosis(
  error: HaloWizardError,
  code: string,
  values: Record<string, string> = {},
): void {
  expect(error.code).toBe(code);
  const diagnosis = diagnose(error);
  expect(diagnosis.cause).toBe(symptomFor(code)?.cause);
  expect(diagnosis.field).toBe(symptomFor(code)?.field);
  expect(error.nextStep).toBe(fixFor(code, values));
}

describe('fault diagnosis', () => {
  it('names an unknown workspace from a dns failure', async () => {
    const failingFetch: typeof fetch = async () => {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('getaddrinfo ENOTFOUND acme.halopsa.com'), {
          code: 'ENOTFOUND',
        }),
      });
    };
    const settings = createSettings({instanceUrl: 'https://acme.halopsa.com'});

    const result = await runChecks(settings, freshTokens(), {...environment, fetch: failingFetch});

    expectDiagnosis(failureOf(result.checks, 'instance'), 'host-not-found');
  });

  it('says an address is not a halo instance', async () => {
    const server = await startLocalServer((_request, response) => {
      sendHtml(response, 200, '<html><body>Welcome to Example Ltd</body></html>');
    });
    servers.push(server);
    const settings = createSettings({instanceUrl: server.url, baseUri: `${server.url}/auth`});

    const result = await runChecks(settings, freshTokens());

    const error = failureOf(result.checks, 'instance');
    expectDiagnosis(error, 'not-halo-instance');
    expect(error.message).toContain('not a Halo instance');
  });

  it('explains a wrong base uri', async () => {
    const {settings} = await startEmulator();
    const wrong = {...settings, baseUri: `${settings.instanceUrl}/portal`};

    const error = await rejectionOf(preflightSignIn({settings: wrong, environment}));

    expectDiagnosis(error, 'authorize-endpoint-not-found');
  });

  it('explains a redirect url that is not registered', async () => {
    const {settings} = await startEmulator({redirectUris: ['http://localhost:47135/callback']});

    const error = await rejectionOf(preflightSignIn({settings, environment}));

    expectDiagnosis(error, 'redirect-uri-not-registered', {redirectUri: settings.redirectUri});
  });

  it('explains a client id copied before saving', async () => {
    const {emulator, settings} = await startEmulator();
    emulator.rotateClientId();

    const error = await rejectionOf(preflightSignIn({settings, environment}));

    expectDiagnosis(error, 'client-id-not-accepted');
  });

  it('explains a wrong authentication method', async () => {
    const {emulator, settings} = await startEmulator({appMethod: 'services'});

    const error = expectError(await signIn(emulator, settings));

    expectDiagnosis(error, 'wrong-authentication-method');
  });

  it('explains agent logins switched off', async () => {
    const {emulator, settings} = await startEmulator({allowAgents: false});

    const error = expectError(await signIn(emulator, settings));

    expectDiagnosis(error, 'agent-logins-not-allowed');
    expect(error.kind).toBe('rejected');
  });

  it('explains a missing permission and warns about the scopes', async () => {
    const {emulator, settings} = await startEmulator({appScopes: ['read:tickets']});
    const tokens = expectTokens(await signIn(emulator, settings));

    const result = await runChecks(settings, tokens);

    expectDiagnosis(failureOf(result.checks, 'users'), 'permission-denied');
    const session = result.checks.find((check) => check.id === 'session');
    expect(session?.state).toBe('passed');
    expect(session?.detail).toContain('lack the requested "all"');
  });

  it('explains a tenant missing on a shared auth host', async () => {
    const {settings} = await startEmulator({sharedAuthHost: {tenant: 'harbourline'}});

    const error = await rejectionOf(preflightSignIn({settings, environment}));

    expectDiagnosis(error, 'tenant-rejected');
  });

  it('explains a revoked session', async () => {
    const {emulator, settings} = await startEmulator();
    const tokens = expectTokens(await signIn(emulator, settings));
    // A spent refresh token revokes its whole family, as a racing second client would.
    await refreshTokens({settings, refreshToken: tokens.refreshToken ?? '', environment});
    const stale = {...tokens, expiresAt: Date.now() - 1000};

    const result = await runChecks(settings, stale);

    expectDiagnosis(failureOf(result.checks, 'session'), 'refresh-token-rejected');
  });

  it('names the wait of a rate limit', async () => {
    const {emulator, settings} = await startEmulator({
      rateLimit: {limit: 1, windowS: 3600, retryAfter: 'seconds'},
    });
    const tokens = expectTokens(await signIn(emulator, settings));

    const result = await runChecks(settings, tokens);

    // The limit lets the first request through, so the second (the agent list) fails.
    const error = failureOf(result.checks, 'agents');
    expect(error.code).toBe('rate-limited');
    expect(error.message).toMatch(/asks to wait \d+ min/);
    expect(error.nextStep).toMatch(/^Wait \d+ min, then run the command again/);
    expect(diagnose(error).cause).toBe(symptomFor('rate-limited')?.cause);
  });

  it('explains halo being unavailable', async () => {
    const {emulator, settings} = await startEmulator();
    const tokens = expectTokens(await signIn(emulator, settings));
    emulator.options.serverError = {status: 502, everyNth: 1};

    const result = await runChecks(settings, tokens);

    expectDiagnosis(failureOf(result.checks, 'agent'), 'server-error');
  });

  it('explains a proxy page instead of json', async () => {
    const server = await startLocalServer((request, response) => {
      if (request.url === '/api/authinfo') {
        sendJson(response, 200, {auth_url: 'http://127.0.0.1:9/auth/'});
        return;
      }

      sendHtml(response, 200, '<html><title>Sign in to Contoso SSO</title></html>');
    });
    servers.push(server);
    const settings = createSettings({instanceUrl: server.url, baseUri: `${server.url}/auth`});

    const result = await runChecks(settings, freshTokens());

    expectDiagnosis(failureOf(result.checks, 'agent'), 'response-not-json');
  });
});

function freshTokens(): TokenSet {
  return {
    accessToken: 'access-1',
    refreshToken: 'refresh-1',
    expiresAt: Date.now() + 3_600_000,
    scope: 'all offline_access',
  };
}
