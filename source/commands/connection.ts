import {HaloWizardError} from '../errors.js';
import type {ConnectionSettings, Environment, TokenSet} from '../halo/types.js';
import type {ConfigStore, StoredProfile} from '../store/config-store.js';
import {withTokenLock} from '../store/shared-refresh.js';

/** Returns the process's real fetch, clock and environment variables. */
export function realEnvironment(env: NodeJS.ProcessEnv): Environment {
  return {fetch: globalThis.fetch, now: Date.now, env};
}

/** Returns the saved profile, or throws a usage error that names the command creating one. */
export function requireProfile(store: ConfigStore, name: string): StoredProfile {
  const profile = store.getProfile(name);
  if (!profile) {
    throw new HaloWizardError('not-configured', `No connection is saved as profile "${name}".`, {
      kind: 'usage',
      nextStep:
        name === 'default'
          ? 'Run `halo-wizard` to set one up.'
          : `Run \`halo-wizard setup --profile ${name}\` to set one up.`,
    });
  }

  return profile;
}

/**
 * Saves a new sign-in as the profile and returns the profile it replaced, so the caller can put
 * it back with `restoreProfile` when the new connection fails its checks. The token lock keeps
 * a refresh of the old session in another process from overwriting the new tokens.
 */
export async function saveSignedInConnection(input: {
  store: ConfigStore;
  profileName: string;
  settings: ConnectionSettings;
  tokens: TokenSet;
  now: () => number;
}): Promise<StoredProfile | undefined> {
  const {store, profileName, settings, tokens, now} = input;
  return withTokenLock(store, now, () => {
    const previous = store.getProfile(profileName);
    store.saveProfile(profileName, {
      settings,
      tokens,
      agent: null,
      savedAt: new Date(now()).toISOString(),
    });
    return previous;
  });
}

/** Puts back the profile that a new, failing connection replaced. */
export async function restoreProfile(input: {
  store: ConfigStore;
  profileName: string;
  previous: StoredProfile;
  now: () => number;
}): Promise<void> {
  const {store, profileName, previous, now} = input;
  await withTokenLock(store, now, () => {
    store.saveProfile(profileName, previous);
  });
}

/** Records on the saved profile which agent the session signs in as. */
export async function saveSignedInAgent(input: {
  store: ConfigStore;
  profileName: string;
  agent: {id: number; name: string} | null;
  now: () => number;
}): Promise<void> {
  const {store, profileName, agent, now} = input;
  if (!agent) {
    return;
  }

  await withTokenLock(store, now, () => {
    const profile = store.getProfile(profileName);
    if (profile) {
      store.saveProfile(profileName, {...profile, agent});
    }
  });
}
