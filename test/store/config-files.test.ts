import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {HaloWizardError} from '../../source/errors.js';
import {openConfigStore, type StoredProfile} from '../../source/store/config-store.js';
import {sampleProfile} from './profile-fixtures.js';

const now = () => Date.UTC(2025, 2, 1, 12, 30, 45, 123);
const isRoot = process.geteuid?.() === 0;
const isPosix = process.platform !== 'win32';
const nobody = 65_534;

let tempRoot: string;
let configDir: string;

beforeEach(() => {
  tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'halo-wizard-files-'));
  configDir = path.join(tempRoot, 'config');
});

afterEach(() => {
  fs.chmodSync(tempRoot, 0o700);
  if (fs.existsSync(configDir)) {
    fs.chmodSync(configDir, 0o700);
  }

  fs.rmSync(tempRoot, {recursive: true, force: true});
});

function openStore(directory = configDir) {
  return openConfigStore({env: {HALO_WIZARD_CONFIG_DIR: directory}, now});
}

function profile(): StoredProfile {
  return sampleProfile();
}

function captureError(action: () => unknown): HaloWizardError {
  try {
    action();
  } catch (error) {
    if (error instanceof HaloWizardError) {
      return error;
    }

    throw error;
  }

  throw new Error('Expected a HaloWizardError, but nothing was thrown.');
}

function modeOf(target: string): number {
  return fs.statSync(target).mode & 0o777;
}

describe('openConfigStore on a broken path', () => {
  it('names a folder where config.json belongs', () => {
    const file = path.join(configDir, 'config.json');
    fs.mkdirSync(file, {recursive: true});

    const error = captureError(() => openStore());

    expect(error.code).toBe('config-path-invalid');
    expect(error.kind).toBe('usage');
    expect(error.message).toContain(file);
    expect(error.message).toContain('is a folder');
    expect(error.nextStep).toContain('HALO_WIZARD_CONFIG_DIR');
  });

  it('names a config folder that is a file', () => {
    fs.writeFileSync(configDir, 'not a folder');

    const error = captureError(() => openStore());

    expect(error.code).toBe('config-path-invalid');
    expect(error.kind).toBe('usage');
    expect(error.message).toContain(configDir);
    expect(error.nextStep).toContain('HALO_WIZARD_CONFIG_DIR');
  });

  it('names a config folder under a file', () => {
    fs.writeFileSync(configDir, 'not a folder');
    const nested = path.join(configDir, 'halo');

    const error = captureError(() => openStore(nested));

    expect(error.code).toBe('config-path-invalid');
    expect(error.message).toContain(nested);
  });
});

// Root ignores permission bits, so a read-only folder cannot fail for root.
describe.skipIf(isRoot || !isPosix)('openConfigStore in a read-only folder', () => {
  it('reports the folder and rejects a save', () => {
    const store = openStore();
    store.saveProfile('default', profile());
    fs.chmodSync(configDir, 0o500);

    const reopened = openStore();
    const error = captureError(() => reopened.saveProfile('default', profile()));

    expect(reopened.warnings.join('\n')).toContain(`${configDir} is not writable`);
    expect(error.code).toBe('config-not-writable');
    expect(error.kind).toBe('usage');
    expect(error.message).toContain(path.join(configDir, 'config.json'));
    expect(error.nextStep).toContain('HALO_WIZARD_CONFIG_DIR');
  });

  it('rejects moving a corrupt file aside', () => {
    fs.mkdirSync(configDir);
    fs.writeFileSync(path.join(configDir, 'config.json'), '{', {mode: 0o600});
    fs.chmodSync(configDir, 0o500);

    const error = captureError(() => openStore());

    expect(error.code).toBe('config-not-writable');
    expect(error.message).toContain(path.join(configDir, 'config.json'));
  });
});

describe.skipIf(!isPosix)('openConfigStore permissions', () => {
  it('tightens a loose folder and file', () => {
    openStore().saveProfile('default', profile());
    const file = path.join(configDir, 'config.json');
    fs.chmodSync(configDir, 0o755);
    fs.chmodSync(file, 0o644);

    const store = openStore();

    expect(modeOf(configDir)).toBe(0o700);
    expect(modeOf(file)).toBe(0o600);
    expect(store.warnings).toEqual([]);
    expect(store.listProfiles()).toEqual(['default']);
  });

  // Only root can give a file to another user, so only root can build this case.
  it.skipIf(!isRoot)('reports a loose file of another user', () => {
    openStore().saveProfile('default', profile());
    const file = path.join(configDir, 'config.json');
    fs.chmodSync(file, 0o644);
    fs.chownSync(file, nobody, nobody);

    const store = openStore();

    expect(modeOf(file)).toBe(0o644);
    expect(store.warnings).toHaveLength(1);
    expect(store.warnings[0]).toContain(file);
    expect(store.warnings[0]).toContain('mode 0644, expected 0600');
    expect(store.warnings[0]).toContain('belongs to another user');
  });
});
