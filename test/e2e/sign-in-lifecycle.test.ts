import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {type HaloEmulator, startHaloEmulator} from '../../source/emulator/halo-emulator.js';
import type {StoredProfile} from '../../source/store/config-store.js';
import {runWithSignIn} from '../helpers/cli-sign-in.js';
import {findFreePort} from '../helpers/free-port.js';
import {runCli, startCli} from '../helpers/run-cli.js';

let emulator: HaloEmulator;
let configDirectory: string;
let redirectUri: string;

beforeEach(async () => {
  redirectUri = `http://127.0.0.1:${await findFreePort()}/callback`;
  emulator = await startHaloEmulator({redirectUris: [redirectUri], userCount: 30});
  configDirectory = await mkdtemp(path.join(tmpdir(), 'halo-wizard-lifecycle-'));
});

afterEach(async () => {
  await emulator.close();
  await rm(configDirectory, {recursive: true, force: true});
});

function env(): NodeJS.ProcessEnv {
  return {HALO_WIZARD_CONFIG_DIR: configDirectory};
}

/** Runs `args` (setup or login), signs in on the emulator's page and returns the exit code. */
async function signIn(args: string[]): Promise<{code: number; stderr: string}> {
  return runWithSignIn({args: [...args, '--no-browser', '--json'], emulator, env: env()});
}

async function setUp(profile = 'default'): Promise<void> {
  const {code, stderr} = await signIn([
    'setup',
    '--non-interactive',
    '--workspace',
    emulator.instanceUrl,
    '--client-id',
    emulator.application.clientId,
    '--redirect-uri',
    redirectUri,
    '--profile',
    profile,
  ]);
  expect(code, stderr).toBe(0);
}

async function readProfiles(): Promise<Record<string, StoredProfile>> {
  const text = await readFile(path.join(configDirectory, 'config.json'), 'utf8');
  return (JSON.parse(text) as {profiles: Record<string, StoredProfile>}).profiles;
}

function refreshGrants(): number {
  return emulator.requests.filter((entry) => entry.form?.['grant_type'] === 'refresh_token')
    .length;
}

function expireAccessTokens(): void {
  emulator.advanceClock(emulator.options.tokenTtlS * 1000 + 60_000);
}

describe('token refresh across runs', () => {
  it('refreshes an expired access token once', async () => {
    await setUp();
    const before = (await readProfiles())['default']?.tokens;
    expireAccessTokens();

    const {code, stderr} = await runCli(['accounts', '--json'], env());

    expect(code, stderr).toBe(0);
    expect(refreshGrants()).toBe(1);
    const after = (await readProfiles())['default']?.tokens;
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(after?.accessToken).not.toBe(before?.accessToken);
  });

  it('ends two simultaneous refreshes with one valid session', async () => {
    await setUp();
    expireAccessTokens();

    const first = startCli(['accounts', '--json'], env());
    const second = startCli(['accounts', '--json'], env());
    const codes = await Promise.all([first.exited(), second.exited()]);

    expect(codes, first.stderr() + second.stderr()).toEqual([0, 0]);
    expect(refreshGrants()).toBe(1);
    const third = await runCli(['accounts', '--json'], env());
    expect(third.code, third.stderr).toBe(0);
    expect(refreshGrants()).toBe(1);
  });

  it('refreshes ahead of expiry in both processes with one grant', async () => {
    await setUp();
    const profiles = await readProfiles();
    const tokens = profiles['default']!.tokens!;
    profiles['default'] = {...profiles['default']!, tokens: {...tokens, expiresAt: Date.now()}};
    await writeFile(
      path.join(configDirectory, 'config.json'),
      JSON.stringify({profiles}),
      {mode: 0o600},
    );

    const first = startCli(['accounts', '--json'], env());
    const second = startCli(['accounts', '--json'], env());
    const codes = await Promise.all([first.exited(), second.exited()]);

    expect(codes, first.stderr() + second.stderr()).toEqual([0, 0]);
    expect(refreshGrants()).toBe(1);
  });
});

describe('ended session', () => {
  it('clears the tokens, keeps the settings and names login', async () => {
    await setUp();
    const settings = (await readProfiles())['default']?.settings;
    emulator.advanceClock(emulator.options.refreshTtlS * 1000 + 60_000);

    const {code, stderr, stdout} = await runCli(['accounts', '--json'], env());

    expect(code).toBe(4);
    expect(stderr).toContain('Run `halo-wizard login` to sign in again; your settings are kept.');
    expect(JSON.parse(stdout)).toMatchObject({status: 'failed', error: {code: 'session-ended'}});
    const profile = (await readProfiles())['default'];
    expect(profile?.tokens).toBeNull();
    expect(profile?.settings).toEqual(settings);
  });

  it('ends when the refresh token was spent elsewhere', async () => {
    await setUp();
    const spent = (await readProfiles())['default']!.tokens!.refreshToken!;
    const replay = await fetch(`${emulator.authUrl}/token`, {
      method: 'POST',
      headers: {'content-type': 'application/x-www-form-urlencoded'},
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: spent,
        client_id: emulator.application.clientId,
      }),
    });
    expect(replay.status).toBe(200);
    expireAccessTokens();

    const {code, stderr} = await runCli(['accounts', '--json'], env());

    expect(code).toBe(4);
    expect(stderr).toContain('halo-wizard login');
    expect((await readProfiles())['default']?.tokens).toBeNull();
  });

  it('signs in again with login and the saved settings', async () => {
    await setUp();
    emulator.advanceClock(emulator.options.refreshTtlS * 1000 + 60_000);
    expect((await runCli(['accounts', '--json'], env())).code).toBe(4);

    const login = await signIn(['login']);

    expect(login.code, login.stderr).toBe(0);
    expect((await readProfiles())['default']?.tokens).not.toBeNull();
    const accounts = await runCli(['accounts', '--json'], env());
    expect(accounts.code, accounts.stderr).toBe(0);
  });
});

describe('login', () => {
  it('exits 2 for a profile that was never set up', async () => {
    const {code, stderr} = await runCli(['login', '--profile', 'nowhere'], env());

    expect(code).toBe(2);
    expect(stderr).toContain('No connection is saved as profile "nowhere"');
  });
});

describe('logout', () => {
  it('deletes the tokens and keeps the settings', async () => {
    await setUp();

    const {code, stderr} = await runCli(['logout'], env());

    expect(code).toBe(0);
    expect(stderr).toContain('untick Active on the application');
    const profile = (await readProfiles())['default'];
    expect(profile?.tokens).toBeNull();
    expect(profile?.settings.clientId).toBe(emulator.application.clientId);
    const accounts = await runCli(['accounts'], env());
    expect(accounts.code).toBe(4);
  });
});

describe('reset', () => {
  it('names --yes when standard input is not a terminal', async () => {
    await setUp();

    const {code, stderr} = await runCli(['reset'], env());

    expect(code).toBe(2);
    expect(stderr).toContain('--yes');
    expect(Object.keys(await readProfiles())).toEqual(['default']);
  });

  it('deletes the profile with --yes', async () => {
    await setUp();
    await setUp('staging');

    const {code} = await runCli(['reset', '--yes', '--profile', 'staging'], env());

    expect(code).toBe(0);
    expect(Object.keys(await readProfiles())).toEqual(['default']);
  });
});

describe('status with several profiles', () => {
  it('prints a verdict line per profile, then checks default', async () => {
    await setUp();
    await setUp('staging');
    await runCli(['logout', '--profile', 'staging'], env());

    const {code, stdout} = await runCli(['status'], env());

    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^✔ default {2}http:\/\/127\.0\.0\.1:\d+ {2}signed in as /);
    expect(lines[1]).toContain('✖ staging');
    expect(lines[1]).toContain('signed out; run `halo-wizard login --profile staging`');
    expect(stdout).toContain('Profile "default":');
    expect(stdout).toContain('✔ End users: 30 users');
  });

  it('adds the profiles to the json object', async () => {
    await setUp();
    await setUp('staging');
    await runCli(['logout', '--profile', 'staging'], env());

    const {code, stdout} = await runCli(['status', '--json'], env());

    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {status: string; profile: string; profiles: unknown};
    expect(result.status).toBe('connected');
    expect(result.profile).toBe('default');
    expect(result.profiles).toEqual([
      {name: 'default', instanceUrl: emulator.instanceUrl, status: 'connected'},
      {name: 'staging', instanceUrl: emulator.instanceUrl, status: 'signed-out'},
    ]);
  });
});

describe('setup preflight', () => {
  it('catches an unregistered redirect url before printing the address', async () => {
    const other = `http://127.0.0.1:${await findFreePort()}/callback`;

    const {code, stderr, stdout} = await runCli(
      [
        'setup',
        '--non-interactive',
        '--workspace',
        emulator.instanceUrl,
        '--client-id',
        emulator.application.clientId,
        '--redirect-uri',
        other,
        '--no-browser',
        '--json',
      ],
      env(),
    );

    expect(code).toBe(3);
    expect(JSON.parse(stdout)).toMatchObject({error: {field: 'redirectUri'}});
    expect(stderr).not.toContain('/auth/authorize?');
  });
});
