import {HaloWizardError} from '../errors.js';
import {clipForDisplay} from '../text/strip-control.js';
import type {ConnectionSettings, TokenSet} from '../halo/types.js';

/** One saved connection: settings, the latest tokens and who signed in. */
export type StoredProfile = {
  settings: ConnectionSettings;
  tokens: TokenSet | null;
  agent: {id: number; name: string} | null;
  /** ISO 8601 time of the last save. */
  savedAt: string;
};

/**
 * The config file as read from disk. Profiles stay unchecked here, so a profile that fails
 * `checkStoredProfile` is written back unchanged when another profile is saved.
 */
export type ConfigData = {profiles?: Record<string, unknown>};

/** Result of `checkStoredProfile`: the usable profile, or the problems that make it unusable. */
export type ProfileCheck =
  | {ok: true; profile: StoredProfile}
  | {ok: false; problems: string[]};

const profileNamePattern = /^[A-Za-z\d_-]{1,64}$/;

/** The rule `validateProfileName` enforces, in words. */
export const profileNameRule = '1 to 64 letters, digits, "-" or "_"';

/** Returns whether `name` is 1-64 letters, digits, "-" or "_". */
export function isProfileName(name: string): boolean {
  return profileNamePattern.test(name);
}

/** Throws a usage error unless `name` is 1-64 letters, digits, "-" or "_". */
export function validateProfileName(name: string): string {
  if (isProfileName(name)) {
    return name;
  }

  throw new HaloWizardError(
    'profile-name-invalid',
    `"${clipForDisplay(name, 80)}" is not a valid profile name.`,
    {
      kind: 'usage',
      nextStep: `Use ${profileNameRule}, for example --profile acme-live.`,
    },
  );
}

/**
 * Returns whether `value` has the top-level shape of the config file: an object whose
 * `profiles`, when present, is an object. Each profile is checked on its own.
 */
export function isConfigData(value: unknown): value is ConfigData {
  return isObject(value) && (value['profiles'] === undefined || isObject(value['profiles']));
}

/**
 * Checks one stored profile. These optional fields read as null when missing, because a file
 * written by hand or by an older version may leave them out: `settings.tenant`, `agent`,
 * `tokens`, `tokens.refreshToken` and `tokens.scope`. Any other missing field or wrong type
 * is a problem, named by its path, such as "settings.tenant must be a string or null, not a
 * number".
 */
export function checkStoredProfile(value: unknown): ProfileCheck {
  if (!isObject(value)) {
    return {ok: false, problems: [`the profile must be an object, not ${describe(value)}`]};
  }

  const problems: string[] = [];
  const check = createChecker(problems);
  const settings = value['settings'];
  if (isObject(settings)) {
    for (const field of ['workspace', 'instanceUrl', 'baseUri', 'clientId', 'redirectUri']) {
      check(`settings.${field}`, settings[field], 'string');
    }

    check('settings.scope', settings['scope'], 'string');
    check('settings.tenant', settings['tenant'], 'string or null', true);
  } else if (settings === undefined) {
    problems.push('settings is missing');
  } else {
    problems.push(`settings must be an object, not ${describe(settings)}`);
  }

  const tokens = value['tokens'] ?? null;
  if (tokens !== null && isObject(tokens)) {
    check('tokens.accessToken', tokens['accessToken'], 'string');
    check('tokens.refreshToken', tokens['refreshToken'], 'string or null', true);
    check('tokens.expiresAt', tokens['expiresAt'], 'number');
    check('tokens.scope', tokens['scope'], 'string or null', true);
  } else if (tokens !== null) {
    problems.push(`tokens must be an object or null, not ${describe(tokens)}`);
  }

  const agent = value['agent'] ?? null;
  if (agent !== null && isObject(agent)) {
    check('agent.id', agent['id'], 'number');
    check('agent.name', agent['name'], 'string');
  } else if (agent !== null) {
    problems.push(`agent must be an object or null, not ${describe(agent)}`);
  }

  check('savedAt', value['savedAt'], 'string');
  if (problems.length > 0) {
    return {ok: false, problems};
  }

  return {ok: true, profile: normalise(value)};
}

type Expected = 'string' | 'number' | 'string or null';

function createChecker(problems: string[]) {
  return (field: string, value: unknown, expected: Expected, missingIsNull = false) => {
    if (value === undefined && missingIsNull) {
      return;
    }

    const matches =
      expected === 'string or null'
        ? value === null || typeof value === 'string'
        : typeof value === expected && (expected !== 'number' || Number.isFinite(value));
    if (value === undefined) {
      problems.push(`${field} is missing`);
    } else if (!matches) {
      problems.push(`${field} must be a ${expected}, not ${describe(value)}`);
    }
  };
}

// Called only after every field has been checked, so the casts hold.
function normalise(value: Record<string, unknown>): StoredProfile {
  const settings = value['settings'] as Record<string, unknown>;
  const tokens = (value['tokens'] ?? null) as Record<string, unknown> | null;
  const agent = (value['agent'] ?? null) as StoredProfile['agent'];
  return {
    settings: {...settings, tenant: settings['tenant'] ?? null} as ConnectionSettings,
    tokens:
      tokens === null
        ? null
        : ({
            ...tokens,
            refreshToken: tokens['refreshToken'] ?? null,
            scope: tokens['scope'] ?? null,
          } as TokenSet),
    agent,
    savedAt: value['savedAt'] as string,
  };
}

function describe(value: unknown): string {
  if (value === null) {
    return 'null';
  }

  if (Array.isArray(value)) {
    return 'an array';
  }

  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
