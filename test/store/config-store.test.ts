import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {openConfigStore, type StoredProfile} from '../../source/store/config-store.js';
import {sampleProfile} from './profile-fixtures.js';

const now = () => Date.UTC(2025, 2, 1, 12, 30, 45, 123);

let tempRoot: string;
let configDir: string;

beforeEach(() => {
  tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'halo-wizard-store-'));
  configDir = path.join(tempRoot, 'nested', 'config');
});

afterEach(() => {
  fs.rmSync(tempRoot, {recursive: true, force: true});
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

function modeOf(file: string): number {
  return fs.statSync(file).mode & 0o777;
}

describe('openConfigStore', () => {
  it('round-trips a profile', () => {
    const store = openStore();
    store.saveProfile('acme', profile());

    const reopened = openStore();

    expect(reopened.path).toBe(path.join(configDir, 'config.json'));
    expect(reopened.listProfiles()).toEqual(['acme']);
    expect(reopened.getProfile('acme')).toEqual(profile());
    expect(reopened.getProfile('other')).toBeUndefined();
    expect(reopened.warnings).toEqual([]);
  });

  it('creates a 0700 directory and a 0600 file', () => {
    const store = openStore();
    store.saveProfile('acme', profile());

    expect(modeOf(configDir)).toBe(0o700);
    expect(modeOf(store.path)).toBe(0o600);
  });

  it('replaces tokens and stamps the time', () => {
    const store = openStore();
    store.saveProfile('acme', profile());

    store.saveTokens('acme', null);

    expect(store.getProfile('acme')).toMatchObject({
      tokens: null,
      agent: {id: 3, name: 'Maren Okafor'},
      savedAt: '2025-03-01T12:30:45.123Z',
    });
    expect(() => store.saveTokens('missing', null)).toThrow(/no profile named "missing"/);
  });

  it('deletes a profile', () => {
    const store = openStore();
    store.saveProfile('acme', profile());
    store.saveProfile('beta', profile());

    expect(store.deleteProfile('acme')).toBe(true);
    expect(store.deleteProfile('acme')).toBe(false);
    expect(store.listProfiles()).toEqual(['beta']);
  });

  it('returns copies that do not change the file', () => {
    const store = openStore();
    store.saveProfile('acme', profile());

    const copy = store.getProfile('acme');
    if (copy !== undefined) {
      copy.settings.clientId = 'changed';
    }

    expect(store.getProfile('acme')?.settings.clientId).toBe(profile().settings.clientId);
  });

  it('moves invalid json aside and reports it', () => {
    fs.mkdirSync(configDir, {recursive: true});
    const file = path.join(configDir, 'config.json');
    fs.writeFileSync(file, '{"profiles": {');

    const store = openStore();

    const aside = path.join(configDir, 'config.json.corrupt-2025-03-01T123045.123Z');
    expect(fs.readFileSync(aside, 'utf8')).toBe('{"profiles": {');
    expect(store.listProfiles()).toEqual([]);
    expect(store.warnings).toHaveLength(1);
    expect(store.warnings[0]).toContain(file);
    expect(store.warnings[0]).toContain(aside);
  });

  it('moves a file of the wrong shape aside', () => {
    fs.mkdirSync(configDir, {recursive: true});
    const file = path.join(configDir, 'config.json');
    fs.writeFileSync(file, JSON.stringify({profiles: [profile()]}));

    const store = openStore();
    store.saveProfile('beta', profile());

    const aside = `${file}.corrupt-2025-03-01T123045.123Z`;
    expect(fs.readdirSync(configDir).sort()).toEqual([
      'config.json',
      'config.json.corrupt-2025-03-01T123045.123Z',
    ]);
    expect(store.listProfiles()).toEqual(['beta']);
    expect(store.warnings).toHaveLength(1);
    expect(store.warnings[0]).toContain('is not a JSON object with a "profiles" object');
    expect(store.warnings[0]).toContain(`move it back to ${file}`);
    expect(store.warnings[0]).toContain(aside);
  });

  it('keeps an earlier corrupt copy', () => {
    fs.mkdirSync(configDir, {recursive: true});
    const file = path.join(configDir, 'config.json');
    fs.writeFileSync(file, 'first');
    openStore();
    fs.writeFileSync(file, '[]');

    openStore();

    expect(fs.readdirSync(configDir).sort()).toEqual([
      'config.json.corrupt-2025-03-01T123045.123Z',
      'config.json.corrupt-2025-03-01T123045.123Z-2',
    ]);
  });

  it('rejects bad profile names', () => {
    const store = openStore();
    const names = ['', 'a b', 'a.b', '../x', 'x'.repeat(65), 'ä'];

    for (const name of names) {
      expect(() => store.saveProfile(name, profile()), name).toThrow(/not a valid profile name/);
      expect(() => store.getProfile(name), name).toThrow(/not a valid profile name/);
    }

    expect(() => store.saveProfile('x'.repeat(64), profile())).not.toThrow();
    expect(() => store.saveProfile('Acme_live-2', profile())).not.toThrow();
  });
});
