import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {parse} from 'csv-parse/sync';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {formatAccountsCsv} from '../../source/commands/accounts-csv.js';
import {type HaloEmulator, startHaloEmulator} from '../../source/emulator/halo-emulator.js';
import type {Account} from '../../source/halo/types.js';
import {runWithSignIn, setupArgs} from '../helpers/cli-sign-in.js';
import {findFreePort} from '../helpers/free-port.js';
import {runCli} from '../helpers/run-cli.js';

type AccountJson = {type: 'agent' | 'user'; id: number; active: boolean};

let emulator: HaloEmulator;
let configDirectory: string;

beforeAll(async () => {
  const redirectUri = `http://127.0.0.1:${await findFreePort()}/callback`;
  emulator = await startHaloEmulator({
    redirectUris: [redirectUri],
    userCount: 250,
    disabledAgentCount: 10,
  });
  configDirectory = await mkdtemp(path.join(tmpdir(), 'halo-wizard-accounts-'));
  const setup = await runWithSignIn({
    args: setupArgs(emulator, redirectUri),
    emulator,
    env: {HALO_WIZARD_CONFIG_DIR: configDirectory},
  });
  expect(setup.code).toBe(0);
});

afterAll(async () => {
  await emulator.close();
  await rm(configDirectory, {recursive: true, force: true});
});

describe('accounts at the emulator counts', () => {
  it('lists 250 users in three capped pages', async () => {
    const before = emulator.requests.length;

    const {code, stdout} = await runCli(['accounts', '--json'], {
      HALO_WIZARD_CONFIG_DIR: configDirectory,
    });

    expect(code).toBe(0);
    const accounts = JSON.parse(stdout) as AccountJson[];
    const users = accounts.filter((account) => account.type === 'user');
    expect(users).toHaveLength(250);
    expect(new Set(users.map((user) => user.id)).size).toBe(250);
    const inactiveUsers = emulator.data.users.filter((user) => user.inactive).length;
    expect(inactiveUsers).toBeGreaterThan(0);
    expect(users.filter((user) => !user.active)).toHaveLength(inactiveUsers);
    const userPages = emulator.requests
      .slice(before)
      .filter((entry) => entry.path.toLowerCase() === '/api/users');
    expect(userPages).toHaveLength(3);
  });

  it('lists the ten disabled agents', async () => {
    const {stdout} = await runCli(['accounts', '--json'], {HALO_WIZARD_CONFIG_DIR: configDirectory});

    const agents = (JSON.parse(stdout) as AccountJson[]).filter(
      (account) => account.type === 'agent',
    );
    expect(agents.filter((agent) => !agent.active)).toHaveLength(10);
  });

  it('writes csv that csv-parse reads back', async () => {
    const {code, stdout} = await runCli(['accounts', '--csv'], {
      HALO_WIZARD_CONFIG_DIR: configDirectory,
    });

    expect(code).toBe(0);
    const rows = parse(stdout, {columns: true}) as Array<Record<string, string>>;
    expect(rows.filter((row) => row['type'] === 'user')).toHaveLength(250);
  });
});

describe('formatAccountsCsv', () => {
  const tricky: Array<[string, string]> = [
    ['comma', 'Okafor, Maren'],
    ['quote', 'The "Boss" Lee'],
    ['newline', 'Line one\nLine two'],
    ['crlf', 'Line one\r\nLine two'],
    ['equals', '=HYPERLINK("http://example.test","x")'],
    ['plus', '+44 desk'],
    ['minus', '-2+3'],
    ['at', '@SUM(A1)'],
    ['plain', 'Ana Souza'],
  ];

  function account(name: string, index: number): Account {
    return {
      type: 'user',
      id: index + 1,
      name,
      email: `${name}@example.test`,
      organisation: 'Acme, Ltd / Head "Office"',
      active: index % 2 === 0,
      lastLogin: null,
    };
  }

  it.each(tricky)('round-trips a name with a %s', (_label, name) => {
    const csv = formatAccountsCsv([account(name, 0)]);

    const [row] = parse(csv, {columns: true}) as Array<Record<string, string>>;

    const isFormula = /^[=+\-@]/.test(name);
    expect(row?.['name']).toBe(isFormula ? `'${name}` : name);
    expect(row?.['organisation']).toBe('Acme, Ltd / Head "Office"');
    expect(row?.['id']).toBe('1');
  });

  it('keeps one record per account', () => {
    const csv = formatAccountsCsv(tricky.map(([, name], index) => account(name, index)));

    const rows = parse(csv, {columns: true}) as Array<Record<string, string>>;

    expect(rows).toHaveLength(tricky.length);
    expect(rows.map((row) => row['active'])).toEqual(
      tricky.map((_, index) => String(index % 2 === 0)),
    );
  });
});
