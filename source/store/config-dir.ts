import os from 'node:os';
import path from 'node:path';

/** Input of `resolveConfigDir`: the environment, and the platform and home for tests. */
export type ConfigDirInput = {
  env: NodeJS.ProcessEnv;
  /** @default process.platform */
  platform?: NodeJS.Platform;
  /** @default os.homedir() */
  homedir?: string;
};

/**
 * Returns the config directory: `HALO_WIZARD_CONFIG_DIR` when set, else the directory conf
 * 15 picks for project "halo-wizard" (env-paths' config path of "halo-wizard-nodejs"),
 * computed here from the injected `env` so tests and callers see the same path conf uses.
 */
export function resolveConfigDir(input: ConfigDirInput): string {
  const override = input.env['HALO_WIZARD_CONFIG_DIR'];
  if (override !== undefined && override.trim() !== '') {
    return path.resolve(override);
  }

  const platform = input.platform ?? process.platform;
  const homedir = input.homedir ?? os.homedir();
  const name = 'halo-wizard-nodejs';

  if (platform === 'darwin') {
    return path.join(homedir, 'Library', 'Preferences', name);
  }

  if (platform === 'win32') {
    const appData = input.env['APPDATA'] || path.join(homedir, 'AppData', 'Roaming');
    return path.join(appData, name, 'Config');
  }

  const configHome = input.env['XDG_CONFIG_HOME'] || path.join(homedir, '.config');
  return path.join(configHome, name);
}
