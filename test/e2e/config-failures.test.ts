import {mkdtemp, readdir, rm, writeFile} from 'node:fs/promises';
import {createServer, type Server} from 'node:net';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/run-cli.js';

let tempRoot: string;
let blocker: Server | null = null;

beforeEach(async () => {
  tempRoot = await mkdtemp(path.join(tmpdir(), 'halo-wizard-config-e2e-'));
});

afterEach(async () => {
  await rm(tempRoot, {recursive: true, force: true});
  const server = blocker;
  blocker = null;
  if (server !== null) {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

async function listenOnFreePort(): Promise<number> {
  const server = createServer();
  blocker = server;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : 0);
    });
  });
}

describe('halo-wizard config failures', () => {
  it('rejects a busy emulator port as usage', async () => {
    const port = await listenOnFreePort();

    const result = await runCli(['emulator', '--port', String(port)]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `Port ${port} is in use; choose another with --port or --port 0 for any free port`,
    );
    expect(result.stderr).not.toContain('Unexpected error');
  });

  it('names a config folder that is a file', async () => {
    const file = path.join(tempRoot, 'not-a-folder');
    await writeFile(file, 'text');

    const result = await runCli(['status'], {HALO_WIZARD_CONFIG_DIR: file});

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`cannot use ${file} as its config folder`);
    expect(result.stderr).toContain('HALO_WIZARD_CONFIG_DIR');
    expect(result.stderr).not.toContain('Unexpected error');
  });

  it('reports an invalid profile in place', async () => {
    const file = path.join(tempRoot, 'config.json');
    const settings = {
      workspace: 'acme',
      instanceUrl: 'https://acme.halopsa.com',
      baseUri: 'https://acme.halopsa.com/auth',
      tenant: 5,
      clientId: '0f8fad5b-d9cb-469f-a165-70867728950e',
      redirectUri: 'http://127.0.0.1:8765/callback',
      scope: 'all offline_access',
    };
    const profile = {settings, tokens: null, agent: null, savedAt: '2025-03-01T12:00:00.000Z'};
    await writeFile(file, JSON.stringify({profiles: {default: profile}}), {mode: 0o600});

    const result = await runCli(['status'], {HALO_WIZARD_CONFIG_DIR: tempRoot});

    expect(result.stderr).toContain(`The profile "default" in ${file} was left out`);
    expect(result.stderr).toContain(
      'because settings.tenant must be a string or null, not a number.',
    );
    expect(await readdir(tempRoot)).toEqual(['config.json']);
  });
});
