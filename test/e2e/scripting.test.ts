import {mkdtemp, readFile, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {type HaloEmulator, startHaloEmulator} from '../../source/emulator/halo-emulator.js';
import {runWithSignIn, setupArgs} from '../helpers/cli-sign-in.js';
import {findFreePort} from '../helpers/free-port.js';
import {runCli} from '../helpers/run-cli.js';

type AccountJson = {
  type: 'agent' | 'user';
  id: number;
  name: string;
  email: string | null;
  organisation: string | null;
  active: boolean;
  lastLogin: string | null;
};

let emulator: HaloEmulator;
let configDirectory: string;
let redirectUri: string;

beforeEach(async () => {
  redirectUri = `http://127.0.0.1:${await findFreePort()}/callback`;
  emulator = await startHaloEmulator({redirectUris: [redirectUri], userCount: 120});
  configDirectory = await mkdtemp(path.join(tmpdir(), 'halo-wizard-e2e-'));
});

afterEach(async () => {
  await emulator.close();
  await rm(configDirectory, {recursive: true, force: true});
});

function setupJsonArgs(): string[] {
  return [...setupArgs(emulator, redirectUri), '--json'];
}

/** Runs setup and signs in on the emulator's page as a person would. */
async function setUpConnection(action: 'approve' | 'cancel' = 'approve') {
  return runWithSignIn({
    args: setupJsonArgs(),
    emulator,
    env: {HALO_WIZARD_CONFIG_DIR: configDirectory},
    action,
  });
}

function expectedCounts() {
  const agents = emulator.data.agents.filter(
    (agent) => agent.id !== 1 && !agent.isapiagent,
  ).length;
  return {agents, users: emulator.data.users.length};
}

describe('setup --non-interactive', () => {
  it('prints the sign-in address on a line of its own', async () => {
    const {code, stderr} = await setUpConnection();

    expect(code).toBe(0);
    const line = stderr.split('\n').find((candidate) => candidate.includes('/auth/authorize?'));
    expect(line).toMatch(/^http:\/\/\S+$/);
  });

  it('connects and reports the emulator counts as json', async () => {
    const {code, stdout, browser} = await setUpConnection();

    expect(code).toBe(0);
    expect(browser.callbackStatus).toBe(200);
    const result = JSON.parse(stdout) as {status: string; accounts: {agents: number; users: number}};
    expect(result.status).toBe('connected');
    expect(result.accounts).toEqual(expectedCounts());
  });

  it('saves the connection in a file only its owner can read', async () => {
    await setUpConnection();

    const file = path.join(configDirectory, 'config.json');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(configDirectory)).mode & 0o777).toBe(0o700);
  });

  it('never prints a token', async () => {
    const {stdout, stderr} = await setUpConnection();

    const saved = JSON.parse(await readFile(path.join(configDirectory, 'config.json'), 'utf8'));
    const tokens = saved.profiles.default.tokens as {accessToken: string; refreshToken: string};
    expect(tokens.accessToken.length).toBeGreaterThan(20);
    expect(stdout + stderr).not.toContain(tokens.accessToken);
    expect(stdout + stderr).not.toContain(tokens.refreshToken);
  });

  it('exits 4 when the sign-in is cancelled', async () => {
    const {code, stdout} = await setUpConnection('cancel');

    expect(code).toBe(4);
    const result = JSON.parse(stdout) as {status: string; error: {code: string}};
    expect(result.status).toBe('failed');
  });

  it('names the client id field when halo does not know it', async () => {
    const copiedBeforeSaving = emulator.application.clientId;
    emulator.rotateClientId();
    const args = setupJsonArgs().map((arg) =>
      arg === emulator.application.clientId ? copiedBeforeSaving : arg,
    );

    const {code, stdout} = await runCli(args, {HALO_WIZARD_CONFIG_DIR: configDirectory});

    expect(code).toBe(3);
    const result = JSON.parse(stdout) as {status: string; error: {field: string}};
    expect(result.status).toBe('failed');
    expect(result.error.field).toBe('clientId');
  });

  it('exits 2 with the flag to pass when the workspace is missing', async () => {
    const {code, stderr} = await runCli(['setup', '--non-interactive', '--client-id', 'x'], {
      HALO_WIZARD_CONFIG_DIR: configDirectory,
    });

    expect(code).toBe(2);
    expect(stderr).toContain('--workspace');
  });
});

describe('accounts and status', () => {
  it('lists every agent and user as json', async () => {
    await setUpConnection();

    const {code, stdout} = await runCli(['accounts', '--json'], {
      HALO_WIZARD_CONFIG_DIR: configDirectory,
    });

    expect(code).toBe(0);
    const accounts = JSON.parse(stdout) as AccountJson[];
    const expected = expectedCounts();
    expect(accounts.filter((account) => account.type === 'agent')).toHaveLength(expected.agents);
    expect(accounts.filter((account) => account.type === 'user')).toHaveLength(expected.users);
    expect(accounts.some((account) => !account.active && account.type === 'agent')).toBe(true);
    expect(accounts.some((account) => !account.active && account.type === 'user')).toBe(true);
    expect(Object.keys(accounts[0] ?? {}).sort()).toEqual(
      ['active', 'email', 'id', 'lastLogin', 'name', 'organisation', 'type'],
    );
  });

  it('reports a connected profile with every check passed', async () => {
    await setUpConnection();

    const {code, stdout} = await runCli(['status', '--json'], {
      HALO_WIZARD_CONFIG_DIR: configDirectory,
    });

    expect(code).toBe(0);
    const result = JSON.parse(stdout) as {status: string; checks: Array<{id: string; ok: boolean}>};
    expect(result.status).toBe('connected');
    expect(result.checks.map((check) => check.id)).toEqual(
      ['instance', 'auth-server', 'session', 'agent', 'agents', 'users'],
    );
    expect(result.checks.every((check) => check.ok)).toBe(true);
  });

  it('reports not-configured before any setup', async () => {
    const {code, stdout} = await runCli(['status', '--json'], {
      HALO_WIZARD_CONFIG_DIR: configDirectory,
    });

    expect(code).toBe(2);
    expect(JSON.parse(stdout)).toMatchObject({status: 'not-configured', checks: []});
  });
});

describe('halo-wizard without a terminal', () => {
  it('names the flags to use instead of prompting', async () => {
    const {code, stderr} = await runCli([], {HALO_WIZARD_CONFIG_DIR: configDirectory});

    expect(code).toBe(2);
    expect(stderr).toContain('setup --non-interactive');
    expect(stderr).not.toContain('Raw mode');
  });
});
