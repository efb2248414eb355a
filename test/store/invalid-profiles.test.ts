import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {openConfigStore, type StoredProfile} from '../../source/store/config-store.js';
import {sampleProfile} from './profile-fixtures.js';

const now = () => Date.UTC(2025, 2, 1, 12, 30, 45, 123);

let configDir: string;
let file: string;

beforeEach(() => {
  configDir = fs.mkdtempSync(path.join(os.tmpdir(), 'halo-wizard-profiles-'));
  file = path.join(configDir, 'config.json');
});

afterEach(() => {
  fs.rmSync(configDir, {recursive: true, force: true});
});

function openStore() {
  return openConfigStore({env: {HALO_WIZARD_CONFIG_DIR: configDir}, now});
}

function profile(): StoredProfile {
  return sampleProfile({
    tokens: {accessToken: 'a', refreshToken: 'r', expiresAt: 1, scope: 'all'},
    agent: {id: 3, name: 'Maren Okafor'},
  });
}

function writeProfiles(profiles: Record<string, unknown>): void {
  fs.writeFileSync(file, JSON.stringify({profiles}), {mode: 0o600});
}

function storedProfiles(): Record<string, unknown> {
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as {profiles: Record<string, unknown>})
    .profiles;
}

const invalidCases: Array<{label: string; name: string; value: unknown; problem: string}> = [
  {
    label: 'numeric tenant',
    name: 'other',
    value: {...profile(), settings: {...profile().settings, tenant: 5}},
    problem: 'settings.tenant must be a string or null, not a number',
  },
  {
    label: 'agent id as text',
    name: 'other',
    value: {...profile(), agent: {id: '3', name: 'Maren Okafor'}},
    problem: 'agent.id must be a number, not a string',
  },
  {
    label: 'missing client id',
    name: 'other',
    value: {...profile(), settings: {...profile().settings, clientId: undefined}},
    problem: 'settings.clientId is missing',
  },
  {
    label: 'dotted name',
    name: 'my.profile',
    value: profile(),
    problem: 'its name is invalid',
  },
];

describe('openConfigStore with invalid profiles', () => {
  for (const testCase of invalidCases) {
    it(`keeps default usable beside a ${testCase.label}`, () => {
      writeProfiles({default: profile(), [testCase.name]: testCase.value});

      const store = openStore();

      expect(fs.readdirSync(configDir)).toEqual(['config.json']);
      expect(store.listProfiles()).toEqual(['default']);
      expect(store.getProfile('default')).toEqual(profile());
      expect(store.warnings).toHaveLength(1);
      expect(store.warnings[0]).toContain(`"${testCase.name}"`);
      expect(store.warnings[0]).toContain(testCase.problem);
      expect(store.warnings[0]).toContain(file);
    });
  }

  it('keeps an invalid profile through saves', () => {
    const invalid = {...profile(), settings: {...profile().settings, tenant: 5}};
    writeProfiles({default: profile(), other: invalid, 'my.profile': profile()});
    const store = openStore();

    store.saveProfile('default', {...profile(), savedAt: '2025-03-02T00:00:00.000Z'});
    store.saveTokens('default', null);
    store.saveProfile('beta', profile());

    const stored = storedProfiles();
    expect(stored['other']).toEqual(invalid);
    expect(stored['my.profile']).toEqual(profile());
    expect(store.getProfile('default')?.tokens).toBeNull();
    expect(store.listProfiles()).toEqual(['beta', 'default']);
  });

  it('reads missing tenant, agent and tokens as null', () => {
    const {tenant: _tenant, ...settings} = profile().settings;
    writeProfiles({default: {settings, savedAt: '2025-03-01T12:00:00.000Z'}});

    const store = openStore();

    expect(store.warnings).toEqual([]);
    expect(store.getProfile('default')).toEqual({
      ...profile(),
      tokens: null,
      agent: null,
    });
  });

  it('reads missing token fields as null', () => {
    const tokens = {accessToken: 'a', expiresAt: 1};
    writeProfiles({default: {...profile(), tokens}});

    const store = openStore();

    expect(store.warnings).toEqual([]);
    expect(store.getProfile('default')?.tokens).toEqual({
      accessToken: 'a',
      refreshToken: null,
      expiresAt: 1,
      scope: null,
    });
  });

  it('rejects saving tokens to an invalid profile', () => {
    writeProfiles({other: {...profile(), savedAt: 7}});
    const store = openStore();

    expect(store.getProfile('other')).toBeUndefined();
    expect(() => store.saveTokens('other', null)).toThrow(
      expect.objectContaining({code: 'profile-invalid', kind: 'usage'}),
    );
    expect(storedProfiles()['other']).toEqual({...profile(), savedAt: 7});
  });

  it('deletes an invalid profile', () => {
    writeProfiles({default: profile(), other: {settings: 'broken'}});
    const store = openStore();

    expect(store.deleteProfile('other')).toBe(true);

    expect(Object.keys(storedProfiles())).toEqual(['default']);
    expect(openStore().warnings).toEqual([]);
  });

  it('never puts stored values in warnings', () => {
    const secret = 'refresh-secret-value';
    writeProfiles({other: {...profile(), tokens: {accessToken: 1, refreshToken: secret}}});

    const store = openStore();

    expect(store.warnings).toHaveLength(1);
    expect(store.warnings[0]).toContain('tokens.accessToken must be a string, not a number');
    expect(store.warnings[0]).toContain('tokens.expiresAt is missing');
    expect(store.warnings[0]).not.toContain(secret);
  });
});
