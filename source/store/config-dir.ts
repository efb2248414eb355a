import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {HaloWizardError} from '../errors.js';

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

/**
 * Creates the config directory with mode 0700. Throws HaloWizardError `config-path-invalid`
 * when the path or a parent is a file, and `config-not-writable` when permission is denied.
 */
export function createConfigDir(directory: string): void {
  try {
    fs.mkdirSync(directory, {recursive: true, mode: 0o700});
  } catch (error) {
    throw toConfigFileError(error, directory, 'create');
  }
}

/**
 * Restricts `target` to `mode` when group or other users have any permission on it and this
 * process owns it. Adds a warning when it belongs to someone else or chmod fails. Does
 * nothing for a missing file, and on Windows, where POSIX modes do not apply.
 */
export function restrictMode(target: string, mode: 0o700 | 0o600, warnings: string[]): void {
  const uid = process.geteuid?.();
  if (uid === undefined) {
    return;
  }

  let stats: fs.Stats;
  try {
    stats = fs.statSync(target);
  } catch {
    // Missing, or unreadable: reading it later reports the problem with its fix.
    return;
  }

  const current = stats.mode & 0o777;
  if ((current & 0o077) === 0) {
    return;
  }

  const modes = `mode ${octal(current)}, expected ${octal(mode)}`;
  if (stats.uid !== uid) {
    warnings.push(
      `${target} is open to other users (${modes}) and belongs to another user, so ` +
        `halo-wizard left it as it is. Ask its owner to run chmod ${octal(mode)} on it.`,
    );
    return;
  }

  try {
    fs.chmodSync(target, mode);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    warnings.push(
      `${target} is open to other users (${modes}) and chmod failed with ${code}. ` +
        `Run chmod ${octal(mode)} on it, because it contains sign-in tokens.`,
    );
  }
}

/** The operation on a config path that a file system call failed in. */
export type ConfigFileAction = 'create' | 'read' | 'write';

/**
 * Turns a file system error on a config path into a HaloWizardError whose message names
 * the path and whose next step states what to change. Returns any other error unchanged.
 */
export function toConfigFileError(
  error: unknown,
  target: string,
  action: ConfigFileAction,
): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  // The folder that a person would fix or replace: the config folder itself.
  const folder = action === 'create' ? target : path.dirname(target);
  const otherFolder = 'or set HALO_WIZARD_CONFIG_DIR to another folder';

  if (code === 'EISDIR') {
    return new HaloWizardError(
      'config-path-invalid',
      `halo-wizard cannot use ${target} as its config file because it is a folder.`,
      {kind: 'usage', nextStep: `Move that folder out of the way, ${otherFolder}.`, cause: error},
    );
  }

  if (code === 'EEXIST' || code === 'ENOTDIR') {
    return new HaloWizardError(
      'config-path-invalid',
      `halo-wizard cannot use ${folder} as its config folder because it or one of its ` +
        'parent folders is a file.',
      {
        kind: 'usage',
        nextStep: `Set HALO_WIZARD_CONFIG_DIR to a folder, or move the file out of the way.`,
        cause: error,
      },
    );
  }

  const reason = code === undefined ? undefined : reasons[code];
  if (reason === undefined) {
    return error;
  }

  if (code === 'ENOSPC') {
    return new HaloWizardError(
      'config-not-writable',
      `halo-wizard cannot write ${target} (${reason}).`,
      {kind: 'usage', nextStep: `Free some disk space, ${otherFolder}.`, cause: error},
    );
  }

  const verbs = {create: 'create', read: 'read', write: 'write to'} as const;
  const permission = action === 'read' ? 'read' : 'write';
  const parent = action === 'create' ? path.dirname(target) : folder;
  return new HaloWizardError(
    action === 'read' ? 'config-not-readable' : 'config-not-writable',
    `halo-wizard cannot ${verbs[action]} ${target} (${reason}).`,
    {
      kind: 'usage',
      nextStep:
        `Give your user ${permission} permission on ${parent} and the files in it, ` +
        `${otherFolder} that you can write to.`,
      cause: error,
    },
  );
}

const reasons: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
};

function octal(mode: number): string {
  return `0${mode.toString(8).padStart(3, '0')}`;
}
