import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import {HaloWizardError} from '../errors.js';
import type {TokenSet} from '../halo/types.js';
import {clipForDisplay} from '../text/strip-control.js';
import {
  createConfigDir,
  resolveConfigDir,
  restrictMode,
  toConfigFileError,
  type ConfigFileAction,
} from './config-dir.js';
import {
  checkStoredProfile,
  isConfigData,
  isProfileName,
  profileNameRule,
  validateProfileName,
  type ConfigData,
  type StoredProfile,
} from './profile-shape.js';

export type {StoredProfile} from './profile-shape.js';

/** Saved profiles in one JSON file, readable by its owner only. */
export type ConfigStore = {
  /** Absolute path of the config file. */
  readonly path: string;
  /**
   * Sentences about problems found on opening: a corrupt file moved aside, a profile left
   * out as invalid, permissions that could not be tightened, a folder that is not writable.
   */
  readonly warnings: string[];
  /** Returns the names of the valid profiles in alphabetical order. */
  listProfiles(): string[];
  /** Returns a copy of the profile, or undefined when it is missing or invalid. */
  getProfile(name: string): StoredProfile | undefined;
  /** Creates or replaces the profile `name`, keeping every other profile as it is on disk. */
  saveProfile(name: string, profile: StoredProfile): void;
  /** Replaces the tokens of an existing profile and stamps `savedAt`. */
  saveTokens(name: string, tokens: TokenSet | null): void;
  /** Removes the profile, valid or not; returns whether it existed. */
  deleteProfile(name: string): boolean;
};

/**
 * Opens the config store in `HALO_WIZARD_CONFIG_DIR` or conf's default directory. The
 * directory is kept 0700 and the file 0600, written atomically, because it contains refresh
 * tokens. A file that is not JSON, or whose top level is not an object with a `profiles`
 * object, is renamed to `config.json.corrupt-<time>` and the store starts empty. An invalid
 * profile is only left out and reported in `warnings`. File system failures throw
 * HaloWizardError `config-path-invalid`, `config-not-readable` or `config-not-writable`.
 */
export function openConfigStore(input: {env: NodeJS.ProcessEnv; now: () => number}): ConfigStore {
  const directory = resolveConfigDir({env: input.env});
  const filePath = path.join(directory, 'config.json');
  const warnings: string[] = [];

  createConfigDir(directory);
  restrictMode(directory, 0o700, warnings);
  restrictMode(filePath, 0o600, warnings);
  const moved = moveAsideIfCorrupt(filePath, input.now());
  if (moved !== null) {
    warnings.push(
      `The config file ${filePath} ${moved.reason}, so it was moved to ${moved.target} and ` +
        `halo-wizard started with no saved profiles. To restore it, fix ${moved.target} ` +
        `and move it back to ${filePath}.`,
    );
  }

  const conf = onConfigFile(filePath, 'read', () => {
    return new Conf<ConfigData>({
      cwd: directory,
      configName: 'config',
      configFileMode: 0o600,
      accessPropertiesByDotNotation: false,
    });
  });

  // Profiles as stored, invalid ones included, so a save writes those back unchanged.
  const readStored = (): Record<string, unknown> =>
    onConfigFile(filePath, 'read', () => conf.get('profiles') ?? {});
  const writeStored = (profiles: Record<string, unknown>) => {
    onConfigFile(filePath, 'write', () => {
      conf.set('profiles', profiles);
    });
  };

  const readValid = (): Record<string, StoredProfile> => {
    const valid: Record<string, StoredProfile> = {};
    for (const [name, stored] of Object.entries(readStored())) {
      const checked = checkStoredProfile(stored);
      if (isProfileName(name) && checked.ok) {
        valid[name] = checked.profile;
      }
    }

    return valid;
  };

  warnings.push(...describeInvalidProfiles(readStored(), filePath));
  warnIfNotWritable(directory, warnings);

  return {
    path: conf.path,
    warnings,
    listProfiles: () => Object.keys(readValid()).sort(),

    getProfile(name) {
      const profile = readValid()[validateProfileName(name)];
      return profile === undefined ? undefined : structuredClone(profile);
    },

    saveProfile(name, profile) {
      writeStored({...readStored(), [validateProfileName(name)]: profile});
    },

    saveTokens(name, tokens) {
      const stored = readStored();
      const checked = checkStoredProfile(stored[validateProfileName(name)]);
      if (!checked.ok) {
        throw name in stored ? profileInvalid(name, filePath) : profileNotFound(name);
      }

      const savedAt = new Date(input.now()).toISOString();
      writeStored({...stored, [name]: {...checked.profile, tokens, savedAt}});
    },

    deleteProfile(name) {
      const stored = readStored();
      if (!(validateProfileName(name) in stored)) {
        return false;
      }

      const {[name]: _removed, ...rest} = stored;
      writeStored(rest);
      return true;
    },
  };
}

function onConfigFile<T>(filePath: string, action: ConfigFileAction, operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    throw toConfigFileError(error, filePath, action);
  }
}

type MovedAside = {target: string; reason: string};

// Returns where the file was moved and why, or null when it is missing or usable. conf would
// throw on invalid JSON, or with clearInvalidConfig silently overwrite it at the next save.
function moveAsideIfCorrupt(filePath: string, now: number): MovedAside | null {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return null;
    }

    throw toConfigFileError(error, filePath, 'read');
  }

  let reason = 'is not valid JSON';
  try {
    if (isConfigData(JSON.parse(text))) {
      return null;
    }

    reason = 'is not a JSON object with a "profiles" object';
  } catch {
    // Not JSON at all: moved aside below with the reason set above.
  }

  // Colons are not allowed in Windows file names.
  const stamp = new Date(now).toISOString().replaceAll(':', '');
  let target = `${filePath}.corrupt-${stamp}`;
  for (let n = 2; fs.existsSync(target); n += 1) {
    target = `${filePath}.corrupt-${stamp}-${n}`;
  }

  onConfigFile(filePath, 'write', () => {
    fs.renameSync(filePath, target);
  });
  return {target, reason};
}

function describeInvalidProfiles(stored: Record<string, unknown>, filePath: string): string[] {
  const warnings: string[] = [];
  for (const [name, profile] of Object.entries(stored)) {
    const subject = `The profile "${clipForDisplay(name, 80)}" in ${filePath}`;
    if (!isProfileName(name)) {
      warnings.push(
        `${subject} was left out because its name is invalid (use ${profileNameRule}). ` +
          'It stays in the file unchanged. Rename it there to use it.',
      );
      continue;
    }

    const checked = checkStoredProfile(profile);
    if (!checked.ok) {
      warnings.push(
        `${subject} was left out because ${joinProblems(checked.problems)}. It stays in the ` +
          `file unchanged. Fix it there, or run \`halo-wizard setup --profile ${name}\` to ` +
          'replace it.',
      );
    }
  }

  return warnings;
}

function joinProblems(problems: string[]): string {
  const shown = problems.slice(0, 3);
  const more = problems.length - shown.length;
  const list = more > 0 ? [...shown, `${more} more`] : shown;
  const last = list.pop() ?? '';
  return list.length === 0 ? last : `${list.join(', ')} and ${last}`;
}

// Token refreshes take a lock file in this folder and save new tokens to it, so a folder
// that cannot be written is reported up front. Root passes this check whatever the mode.
function warnIfNotWritable(directory: string, warnings: string[]): void {
  try {
    fs.accessSync(directory, fs.constants.W_OK);
  } catch {
    warnings.push(
      `The config folder ${directory} is not writable, so halo-wizard cannot save sign-ins ` +
        'or refreshed tokens. Give your user write permission on it, or set ' +
        'HALO_WIZARD_CONFIG_DIR to another folder.',
    );
  }
}

function profileInvalid(name: string, filePath: string): HaloWizardError {
  return new HaloWizardError(
    'profile-invalid',
    `The profile "${name}" in ${filePath} is invalid, so its tokens cannot be saved.`,
    {
      kind: 'usage',
      nextStep:
        `Fix it in that file, or run \`halo-wizard setup --profile ${name}\` to ` +
        'replace it.',
    },
  );
}

function profileNotFound(name: string): HaloWizardError {
  return new HaloWizardError('profile-not-found', `There is no profile named "${name}".`, {
    kind: 'usage',
    nextStep: 'Run `halo-wizard` to set up this profile first.',
  });
}
