import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import {HaloWizardError} from '../errors.js';
import type {TokenSet} from '../halo/types.js';
import {resolveConfigDir} from './config-dir.js';
import {
  isConfigData,
  validateProfileName,
  type ConfigData,
  type StoredProfile,
} from './profile-shape.js';

export type {StoredProfile} from './profile-shape.js';

/** Saved profiles in one JSON file, readable by its owner only. */
export type ConfigStore = {
  /** Absolute path of the config file. */
  readonly path: string;
  /** Sentences about problems found on opening, such as a corrupt file moved aside. */
  readonly warnings: string[];
  /** Returns the profile names in alphabetical order. */
  listProfiles(): string[];
  getProfile(name: string): StoredProfile | undefined;
  /** Creates or replaces the profile `name`. */
  saveProfile(name: string, profile: StoredProfile): void;
  /** Replaces the tokens of an existing profile and stamps `savedAt`. */
  saveTokens(name: string, tokens: TokenSet | null): void;
  /** Removes the profile; returns whether it existed. */
  deleteProfile(name: string): boolean;
};

/**
 * Opens the config store in `HALO_WIZARD_CONFIG_DIR` or conf's default directory. The
 * directory is created 0700 and the file written 0600, atomically, because it contains
 * refresh tokens. A file that is not valid JSON or not the expected shape is renamed to
 * `config.json.corrupt-<time>` and reported in `warnings`; the store then starts empty.
 */
export function openConfigStore(input: {env: NodeJS.ProcessEnv; now: () => number}): ConfigStore {
  const directory = resolveConfigDir({env: input.env});
  fs.mkdirSync(directory, {recursive: true, mode: 0o700});

  const filePath = path.join(directory, 'config.json');
  const warnings: string[] = [];
  const movedTo = moveAsideIfCorrupt(filePath, input.now());
  if (movedTo !== null) {
    warnings.push(
      `The config file ${filePath} was not valid, so it was moved to ${movedTo} and ` +
        'halo-wizard started with no saved profiles.',
    );
  }

  const conf = new Conf<ConfigData>({
    cwd: directory,
    configName: 'config',
    configFileMode: 0o600,
    accessPropertiesByDotNotation: false,
  });

  const readProfiles = (): Record<string, StoredProfile> => conf.get('profiles') ?? {};
  const writeProfiles = (profiles: Record<string, StoredProfile>) => {
    conf.set('profiles', profiles);
  };

  return {
    path: conf.path,
    warnings,
    listProfiles: () => Object.keys(readProfiles()).sort(),

    getProfile(name) {
      const profile = readProfiles()[validateProfileName(name)];
      return profile === undefined ? undefined : structuredClone(profile);
    },

    saveProfile(name, profile) {
      writeProfiles({...readProfiles(), [validateProfileName(name)]: profile});
    },

    saveTokens(name, tokens) {
      const profiles = readProfiles();
      const profile = profiles[validateProfileName(name)];
      if (profile === undefined) {
        throw profileNotFound(name);
      }

      const savedAt = new Date(input.now()).toISOString();
      writeProfiles({...profiles, [name]: {...profile, tokens, savedAt}});
    },

    deleteProfile(name) {
      const {[validateProfileName(name)]: removed, ...rest} = readProfiles();
      if (removed === undefined) {
        return false;
      }

      writeProfiles(rest);
      return true;
    },
  };
}

// Returns where the file was moved, or null when it is missing or valid. conf would throw on
// invalid JSON, or with clearInvalidConfig silently overwrite it at the next save.
function moveAsideIfCorrupt(filePath: string, now: number): string | null {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return null;
    }

    throw error;
  }

  try {
    if (isConfigData(JSON.parse(text))) {
      return null;
    }
  } catch {
    // Not JSON at all: moved aside below, like a file of the wrong shape.
  }

  // Colons are not allowed in Windows file names.
  const stamp = new Date(now).toISOString().replaceAll(':', '');
  let target = `${filePath}.corrupt-${stamp}`;
  for (let n = 2; fs.existsSync(target); n += 1) {
    target = `${filePath}.corrupt-${stamp}-${n}`;
  }

  fs.renameSync(filePath, target);
  return target;
}

function profileNotFound(name: string): HaloWizardError {
  return new HaloWizardError('profile-not-found', `There is no profile named "${name}".`, {
    kind: 'usage',
    nextStep: 'Run `halo-wizard` to set up this profile first.',
  });
}
