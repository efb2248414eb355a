import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {realEnvironment} from '../../source/commands/connection.js';
import type {CommandIo} from '../../source/commands/output.js';
import {
  createTerminalConfirm,
  runResetCommand,
  type Confirm,
} from '../../source/commands/reset-command.js';
import {openConfigStore, type ConfigStore} from '../../source/store/config-store.js';
import {sampleSettings} from '../store/profile-fixtures.js';

let directory: string;
let store: ConfigStore;
let stderr: string;
let io: CommandIo;

beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'halo-wizard-reset-'));
  const env = {HALO_WIZARD_CONFIG_DIR: directory};
  store = openConfigStore({env, now: Date.now});
  store.saveProfile('default', {
    settings: sampleSettings(),
    tokens: {accessToken: 'a', refreshToken: 'r', expiresAt: 1, scope: null},
    agent: null,
    savedAt: new Date().toISOString(),
  });
  stderr = '';
  const err = new PassThrough().setEncoding('utf8');
  err.on('data', (chunk: string) => (stderr += chunk));
  io = {stdout: new PassThrough(), stderr: err, env};
});

afterEach(() => {
  fs.rmSync(directory, {recursive: true, force: true});
});

function reset(options: {yes: boolean; confirm: Confirm | null}) {
  return runResetCommand({
    io,
    environment: realEnvironment(io.env),
    store,
    profileName: 'default',
    json: false,
    ...options,
  });
}

describe('runResetCommand', () => {
  it('keeps the profile when the answer is no', async () => {
    const questions: string[] = [];

    const code = await reset({
      yes: false,
      confirm: async (question) => {
        questions.push(question);
        return false;
      },
    });

    expect(code).toBe(0);
    expect(questions).toEqual([
      'Delete profile "default" (https://acme.halopsa.com) with its settings and tokens? [y/N] ',
    ]);
    expect(store.listProfiles()).toEqual(['default']);
    expect(stderr).toContain('Nothing was deleted.');
  });

  it('deletes the profile when the answer is yes', async () => {
    const code = await reset({yes: false, confirm: async () => true});

    expect(code).toBe(0);
    expect(store.listProfiles()).toEqual([]);
  });

  it('asks nothing with --yes', async () => {
    const code = await reset({
      yes: true,
      confirm: async () => {
        throw new Error('asked although --yes was given');
      },
    });

    expect(code).toBe(0);
    expect(store.listProfiles()).toEqual([]);
  });

  it('is a usage error off a terminal without --yes', async () => {
    const code = await reset({yes: false, confirm: null});

    expect(code).toBe(2);
    expect(stderr).toContain('Pass --yes');
    expect(store.listProfiles()).toEqual(['default']);
  });
});

describe('createTerminalConfirm', () => {
  it.each([
    ['y', true],
    ['YES', true],
    ['n', false],
    ['', false],
    ['yes please', false],
  ])('reads %j as %s', async (answer, expected) => {
    const input = new PassThrough();
    const output = new PassThrough();
    const confirm = createTerminalConfirm(input, output);

    const result = confirm('Delete? [y/N] ');
    input.write(`${answer}\n`);

    expect(await result).toBe(expected);
  });
});
