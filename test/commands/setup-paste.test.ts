import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import {realEnvironment} from '../../source/commands/connection.js';
import type {CommandIo} from '../../source/commands/output.js';
import {readPastedAddresses, runSetupCommand} from '../../source/commands/setup-command.js';
import {type HaloEmulator, startHaloEmulator} from '../../source/emulator/halo-emulator.js';
import {openConfigStore} from '../../source/store/config-store.js';
import {findFreePort} from '../helpers/free-port.js';

const adminAgentId = 3;
let emulator: HaloEmulator;
let directory: string;
let redirectUri: string;

beforeEach(async () => {
  redirectUri = `http://127.0.0.1:${await findFreePort()}/callback`;
  emulator = await startHaloEmulator({
    redirectUris: [redirectUri],
    autoApprove: {agentId: adminAgentId},
    userCount: 10,
  });
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'halo-wizard-paste-'));
});

afterEach(async () => {
  await emulator.close();
  fs.rmSync(directory, {recursive: true, force: true});
});

/** Streams that record what the command writes. */
function createIo(env: NodeJS.ProcessEnv) {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough().setEncoding('utf8');
  const err = new PassThrough().setEncoding('utf8');
  out.on('data', (chunk: string) => (stdout += chunk));
  err.on('data', (chunk: string) => (stderr += chunk));
  const io: CommandIo = {stdout: out, stderr: err, env};
  return {io, stdout: () => stdout, stderr: () => stderr};
}

// With auto approval the authorise request redirects at once. That redirect, not followed, is
// the address a person copies from a browser that cannot reach this machine.
async function addressTheBrowserEndedOn(authorizationUrl: string): Promise<string> {
  const response = await fetch(authorizationUrl, {redirect: 'manual'});
  const location = response.headers.get('location');
  if (location === null) {
    throw new Error(`Expected a redirect, got HTTP ${response.status}.`);
  }

  return location;
}

function startSetup(stdin: PassThrough) {
  const env = {HALO_WIZARD_CONFIG_DIR: directory};
  const output = createIo(env);
  const environment = realEnvironment(env);
  const exited = runSetupCommand({
    io: output.io,
    environment,
    store: openConfigStore({env, now: environment.now}),
    profileName: 'default',
    flags: {
      workspace: emulator.instanceUrl,
      clientId: emulator.application.clientId,
      baseUri: undefined,
      tenant: undefined,
      redirectUri,
      scopes: undefined,
    },
    noBrowser: true,
    timeoutSeconds: 20,
    json: true,
    pastedAddresses: readPastedAddresses(stdin),
  });
  return {...output, exited};
}

async function printedAddress(stderr: () => string): Promise<string> {
  return vi.waitFor(() => {
    const line = stderr().split('\n').find((text) => text.includes('/auth/authorize?'));
    if (line === undefined) {
      throw new Error('no sign-in address printed yet');
    }

    return line;
  });
}

describe('setup with a pasted address', () => {
  it('completes from a pasted line', async () => {
    const stdin = new PassThrough();
    const setup = startSetup(stdin);
    const address = await addressTheBrowserEndedOn(await printedAddress(setup.stderr));

    stdin.write(`  ${address}\n`);

    expect(await setup.exited).toBe(0);
    expect(JSON.parse(setup.stdout())).toMatchObject({status: 'connected'});
    expect(setup.stderr()).toContain('paste its address here and press Enter');
  });

  it('reports a bad paste and keeps waiting', async () => {
    const stdin = new PassThrough();
    const setup = startSetup(stdin);
    const address = await addressTheBrowserEndedOn(await printedAddress(setup.stderr));

    stdin.write('not an address\n');
    stdin.write('http://127.0.0.1:9/callback?foo=bar\n');
    await vi.waitFor(() => {
      expect(setup.stderr()).toContain('! The pasted address contains no sign-in response');
    });
    stdin.write(`${address}\n`);

    expect(await setup.exited).toBe(0);
    expect(setup.stderr()).not.toContain('not an address');
  });

  it('lets the loopback receiver win', async () => {
    const stdin = new PassThrough();
    const setup = startSetup(stdin);
    const address = await addressTheBrowserEndedOn(await printedAddress(setup.stderr));

    const callback = await fetch(address);

    expect(callback.status).toBe(200);
    expect(await setup.exited).toBe(0);
    expect(stdin.listenerCount('data')).toBe(0);
  });
});

describe('readPastedAddresses', () => {
  it('passes on lines that start with http until stopped', () => {
    const stdin = new PassThrough();
    const addresses: string[] = [];
    const stop = readPastedAddresses(stdin)((address) => addresses.push(address));

    stdin.write('hello\n  https://example.test/callback?code=1 \r\n');
    stop();
    stdin.write('https://example.test/after-stop\n');

    return vi.waitFor(() => {
      expect(addresses).toEqual(['https://example.test/callback?code=1']);
    });
  });
});
