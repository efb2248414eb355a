import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {refreshTokens} from '../../source/auth/token-exchange.js';
import {tokenCallbacks} from '../../source/commands/token-callbacks.js';
import {startHaloEmulator, type HaloEmulator} from '../../source/emulator/halo-emulator.js';
import {HaloWizardError} from '../../source/errors.js';
import type {ConnectionSettings, Environment, TokenSet} from '../../source/halo/types.js';
import {openConfigStore, type ConfigStore} from '../../source/store/config-store.js';
import {tokenLockPath} from '../../source/store/shared-refresh.js';
import {signIn} from '../emulator/emulator-fixtures.js';
import {findFreePort} from '../helpers/free-port.js';
import {startCli} from '../helpers/run-cli.js';

const profileName = 'default';
const environment: Environment = {fetch: globalThis.fetch, now: Date.now, env: {}};

let emulator: HaloEmulator;
let configDirectory: string;
let store: ConfigStore;
let settings: ConnectionSettings;

beforeEach(async () => {
  const redirectUri = `http://127.0.0.1:${await findFreePort()}/callback`;
  emulator = await startHaloEmulator({redirectUris: [redirectUri]});
  configDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'halo-wizard-tokens-'));
  store = openConfigStore({env: {HALO_WIZARD_CONFIG_DIR: configDirectory}, now: Date.now});
  settings = {
    workspace: emulator.instanceUrl,
    instanceUrl: emulator.instanceUrl,
    baseUri: emulator.authUrl,
    tenant: null,
    clientId: emulator.application.clientId,
    redirectUri,
    scope: 'all offline_access',
  };
});

afterEach(async () => {
  await emulator.close();
  fs.rmSync(configDirectory, {recursive: true, force: true});
});

/** Signs in at the emulator and saves the tokens as expired, so the next use refreshes. */
async function saveExpiredSignIn(): Promise<TokenSet> {
  const body = await signIn(emulator);
  const tokens: TokenSet = {
    accessToken: body.access_token,
    refreshToken: body.refresh_token ?? null,
    expiresAt: Date.now() - 1000,
    scope: body.scope,
  };
  store.saveProfile(profileName, {settings, tokens, agent: null, savedAt: new Date().toISOString()});
  return tokens;
}

function refreshGrantsSent(): number {
  return emulator.requests.filter(
    (entry) => entry.path === '/auth/token' && entry.form?.['grant_type'] === 'refresh_token',
  ).length;
}

function requestedPaths(): string[] {
  return emulator.requests.map((entry) => entry.path);
}

function storedTokens(): TokenSet | null {
  return openConfigStore({env: {HALO_WIZARD_CONFIG_DIR: configDirectory}, now: Date.now})
    .getProfile(profileName)?.tokens ?? null;
}

async function rejectionOf(promise: Promise<unknown>): Promise<HaloWizardError> {
  const error = await promise.then(
    () => new Error('Expected a rejection.'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(HaloWizardError);
  return error as HaloWizardError;
}

describe('two processes refreshing one profile', () => {
  it('waits for a slow live holder instead of breaking its lock', async () => {
    const first = await saveExpiredSignIn();
    // The first process: alive (this test's pid) and holding the lock for longer than the
    // 30 s after which earlier versions broke it.
    const lockPath = tokenLockPath(store);
    fs.writeFileSync(
      lockPath,
      JSON.stringify({pid: process.pid, host: os.hostname(), createdAt: Date.now() - 60_000, id: 'a'}),
    );
    emulator.options.latencyMs = {token: 1000};

    const second = startCli(['status'], {HALO_WIZARD_CONFIG_DIR: configDirectory});
    // The status checks reach the instance and the authorisation server before the session
    // check refreshes, so by then the second process is about to take the lock.
    await vi.waitFor(() => expect(requestedPaths()).toContain('/auth'), {timeout: 10_000});
    const rotated = await refreshTokens({
      settings,
      refreshToken: first.refreshToken ?? '',
      environment,
    });
    store.saveTokens(profileName, rotated);
    fs.rmSync(lockPath);
    const code = await second.exited();

    expect(second.stderr()).not.toContain('session-ended');
    expect(code).toBe(0);
    expect(refreshGrantsSent()).toBe(1);
    expect(storedTokens()).toEqual(rotated);
  });
});

describe('refresh rejected with invalid_grant', () => {
  it('uses tokens another process rotated meanwhile', async () => {
    const first = await saveExpiredSignIn();
    let rotated: TokenSet | null = null;
    // Another process that broke the lock: it spends the same refresh token and saves the
    // new tokens while this refresh is on its way.
    const racingFetch: typeof fetch = async (url, init) => {
      rotated ??= await refreshTokens({
        settings,
        refreshToken: first.refreshToken ?? '',
        environment,
      });
      store.saveTokens(profileName, rotated);
      return fetch(url, init);
    };
    const callbacks = tokenCallbacks({
      store,
      profileName,
      settings,
      environment: {...environment, fetch: racingFetch},
    });

    const tokens = await callbacks.refresh(first.refreshToken ?? '');

    expect(rotated).not.toBeNull();
    expect(tokens).toEqual(rotated);
    expect(storedTokens()).toEqual(rotated);
    expect(refreshGrantsSent()).toBe(2);
  });

  it('clears the tokens when the rejected one is still stored', async () => {
    const first = await saveExpiredSignIn();
    await refreshTokens({settings, refreshToken: first.refreshToken ?? '', environment});
    const callbacks = tokenCallbacks({store, profileName, settings, environment});

    const error = await rejectionOf(callbacks.refresh(first.refreshToken ?? ''));

    expect(error.code).toBe('session-ended');
    expect(storedTokens()).toBeNull();
    expect(store.getProfile(profileName)?.settings).toEqual(settings);
  });
});

describe('refresh against a token endpoint that never answers', () => {
  it('times out, releases the lock and keeps the tokens', async () => {
    const first = await saveExpiredSignIn();
    emulator.options.hang = ['token'];
    const callbacks = tokenCallbacks({
      store,
      profileName,
      settings,
      environment,
      tokenRequestTimeoutMs: 300,
    });

    const error = await rejectionOf(callbacks.refresh(first.refreshToken ?? ''));

    expect(error.code).toBe('token-request-timed-out');
    expect(error.field).toBe('baseUri');
    expect(fs.existsSync(tokenLockPath(store))).toBe(false);
    expect(storedTokens()).toEqual(first);
  });
});
