import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {type HaloEmulator, startHaloEmulator} from '../../source/emulator/halo-emulator.js';
import {runWithSignIn} from '../helpers/cli-sign-in.js';
import {findFreePort} from '../helpers/free-port.js';
import {runCli} from '../helpers/run-cli.js';

let emulator: HaloEmulator;
let configDirectory: string;
let redirectUri: string;

beforeEach(async () => {
  redirectUri = `http://127.0.0.1:${await findFreePort()}/callback`;
  emulator = await startHaloEmulator({redirectUris: [redirectUri], userCount: 20});
  configDirectory = await mkdtemp(path.join(tmpdir(), 'halo-wizard-retry-'));
});

afterEach(async () => {
  await emulator.close();
  await rm(configDirectory, {recursive: true, force: true});
});

/** Runs setup with `args` and signs in on the emulator's page when it prints the address. */
async function setUpWith(
  args: string[],
  on: HaloEmulator = emulator,
): Promise<{code: number; stdout: string; stderr: string}> {
  return runWithSignIn({
    args: ['setup', '--non-interactive', '--no-browser', '--json', ...args],
    emulator: on,
    env: {HALO_WIZARD_CONFIG_DIR: configDirectory},
  });
}

async function readConfig(): Promise<string> {
  return readFile(path.join(configDirectory, 'config.json'), 'utf8');
}

describe('retry after a wrong client id', () => {
  it('keeps the working profile and succeeds with only the new id', async () => {
    const first = await setUpWith([
      '--workspace',
      emulator.instanceUrl,
      '--client-id',
      emulator.application.clientId,
      '--redirect-uri',
      redirectUri,
    ]);
    expect(first.code).toBe(0);
    const oldClientId = emulator.application.clientId;
    const working = await readConfig();

    // Saving the application again in Halo issues a new Client ID; the old one is now unknown.
    emulator.rotateClientId();
    const failed = await runCli(
      ['setup', '--non-interactive', '--no-browser', '--json', '--client-id', oldClientId],
      {HALO_WIZARD_CONFIG_DIR: configDirectory},
    );

    expect(failed.code).toBe(3);
    expect(JSON.parse(failed.stdout)).toMatchObject({
      status: 'failed',
      error: {code: 'client-id-not-accepted', field: 'clientId'},
    });
    expect(await readConfig()).toBe(working);

    const retried = await setUpWith(['--client-id', emulator.application.clientId]);

    expect(retried.code).toBe(0);
    expect(JSON.parse(retried.stdout)).toMatchObject({status: 'connected'});
    const saved = JSON.parse(await readConfig()) as {
      profiles: {default: {settings: Record<string, string>}};
    };
    expect(saved.profiles.default.settings).toMatchObject({
      instanceUrl: emulator.instanceUrl,
      redirectUri,
      clientId: emulator.application.clientId,
    });
  });
});

describe('retry that signs in but fails its checks', () => {
  it('keeps the previous working profile', async () => {
    const first = await setUpWith([
      '--workspace',
      emulator.instanceUrl,
      '--client-id',
      emulator.application.clientId,
      '--redirect-uri',
      redirectUri,
    ]);
    expect(first.code).toBe(0);
    const working = await readConfig();

    // A second instance where sign-in works but the Permissions tab lacks the users scope.
    const narrow = await startHaloEmulator({redirectUris: [redirectUri], appScopes: ['read:tickets']});
    try {
      const retry = await setUpWith(['--workspace', narrow.instanceUrl], narrow);

      expect(retry.code).toBe(3);
      expect(retry.stderr).toContain('keeps the one before');
      expect(await readConfig()).toBe(working);
    } finally {
      await narrow.close();
    }
  });
});
