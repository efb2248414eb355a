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

/** The whole config file. */
export type ConfigData = {profiles: Record<string, StoredProfile>};

const profileNamePattern = /^[A-Za-z\d_-]{1,64}$/;

/** Throws a usage error unless `name` is 1-64 letters, digits, "-" or "_". */
export function validateProfileName(name: string): string {
  if (profileNamePattern.test(name)) {
    return name;
  }

  throw new HaloWizardError(
    'profile-name-invalid',
    `"${clipForDisplay(name, 80)}" is not a valid profile name.`,
    {
      kind: 'usage',
      nextStep: 'Use 1 to 64 letters, digits, "-" or "_", for example --profile acme-live.',
    },
  );
}

/** Returns whether `value` has the shape of the config file, every profile included. */
export function isConfigData(value: unknown): value is ConfigData {
  if (!isObject(value)) {
    return false;
  }

  const {profiles} = value;
  if (profiles === undefined) {
    return true;
  }

  if (!isObject(profiles)) {
    return false;
  }

  return Object.entries(profiles).every(
    ([name, profile]) => profileNamePattern.test(name) && isStoredProfile(profile),
  );
}

function isStoredProfile(value: unknown): value is StoredProfile {
  return (
    isObject(value) &&
    isSettings(value['settings']) &&
    (value['tokens'] === null || isTokenSet(value['tokens'])) &&
    (value['agent'] === null || isAgent(value['agent'])) &&
    typeof value['savedAt'] === 'string'
  );
}

function isSettings(value: unknown): value is ConnectionSettings {
  if (!isObject(value)) {
    return false;
  }

  const textFields = ['workspace', 'instanceUrl', 'baseUri', 'clientId', 'redirectUri', 'scope'];
  return (
    textFields.every((field) => typeof value[field] === 'string') &&
    (value['tenant'] === null || typeof value['tenant'] === 'string')
  );
}

function isTokenSet(value: unknown): value is TokenSet {
  return (
    isObject(value) &&
    typeof value['accessToken'] === 'string' &&
    (value['refreshToken'] === null || typeof value['refreshToken'] === 'string') &&
    typeof value['expiresAt'] === 'number' &&
    (value['scope'] === null || typeof value['scope'] === 'string')
  );
}

function isAgent(value: unknown): boolean {
  return isObject(value) && typeof value['id'] === 'number' && typeof value['name'] === 'string';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
