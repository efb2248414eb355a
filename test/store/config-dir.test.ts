import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {resolveConfigDir} from '../../source/store/config-dir.js';

describe('resolveConfigDir', () => {
  it('prefers HALO_WIZARD_CONFIG_DIR', () => {
    const dir = resolveConfigDir({env: {HALO_WIZARD_CONFIG_DIR: 'relative/conf'}});
    expect(dir).toBe(path.resolve('relative/conf'));
  });

  it('follows conf defaults per platform', () => {
    const home = '/home/ana';
    expect(resolveConfigDir({env: {}, platform: 'linux', homedir: home})).toBe(
      '/home/ana/.config/halo-wizard-nodejs',
    );
    expect(
      resolveConfigDir({env: {XDG_CONFIG_HOME: '/xdg'}, platform: 'linux', homedir: home}),
    ).toBe('/xdg/halo-wizard-nodejs');
    expect(resolveConfigDir({env: {}, platform: 'darwin', homedir: home})).toBe(
      '/home/ana/Library/Preferences/halo-wizard-nodejs',
    );
    expect(resolveConfigDir({env: {APPDATA: '/appdata'}, platform: 'win32', homedir: home})).toBe(
      path.join('/appdata', 'halo-wizard-nodejs', 'Config'),
    );
  });
});
