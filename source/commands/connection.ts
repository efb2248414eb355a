import {refreshTokens} from '../auth/token-exchange.js';
import {defaultRedirectUri, defaultScope} from '../auth/defaults.js';
import {HaloWizardError, isHaloWizardError} from '../errors.js';
import {discoverAuthServer} from '../halo/discovery.js';
import {
  resolveWorkspace,
  validateBaseUri,
  validateClientId,
  validateRedirectUri,
} from '../halo/instance-url.js';
import {refreshMarginMs} from '../halo/token-keeper.js';
import type {ConnectionSettings, Environment, TokenSet} from '../halo/types.js';
import type {ConfigStore, StoredProfile} from '../store/config-store.js';
import {
  refreshStoredTokens,
  settleRejectedRefresh,
  withTokenLock,
} from '../store/shared-refresh.js';

/** The process's real fetch, clock and environment variables. */
export function realEnvironment(env: NodeJS.ProcessEnv): Environment {
  return {fetch: globalThis.fetch, now: Date.now, env};
}

export type SettingsFlags = {
  workspace: string | undefined;
  clientId: string | undefined;
  baseUri: string | undefined;
  tenant: string | undefined;
  redirectUri: string | undefined;
  scopes: string | undefined;
};

/**
 * Builds connection settings from flags, taking every flag that is not given from the saved
 * settings, so a retry names only the value that changes. Discovers the authorisation server
 * when neither a flag nor a saved value names it, or when the workspace changed.
 */
export async function resolveSettings(input: {
  flags: SettingsFlags;
  saved: ConnectionSettings | undefined;
  environment: Environment;
}): Promise<{settings: ConnectionSettings; warnings: string[]}> {
  const {flags, saved, environment} = input;
  const warnings: string[] = [];

  const workspaceInput = flags.workspace ?? saved?.workspace;
  if (!workspaceInput) {
    throw missingFlag('workspace', '--workspace <key|url>', 'workspace');
  }

  const {instanceUrl} = resolveWorkspace(workspaceInput);
  const sameInstance = saved?.instanceUrl === instanceUrl;

  const clientIdInput = flags.clientId ?? saved?.clientId;
  if (!clientIdInput) {
    throw missingFlag('client ID', '--client-id <id>', 'clientId');
  }

  const {clientId, warning} = validateClientId(clientIdInput);
  if (warning) {
    warnings.push(warning);
  }

  let baseUri: string;
  let tenant: string | null = flags.tenant?.trim() || (sameInstance ? saved.tenant : null);
  if (flags.baseUri !== undefined) {
    baseUri = validateBaseUri(flags.baseUri);
  } else if (sameInstance) {
    baseUri = saved.baseUri;
  } else {
    const discovered = await discoverAuthServer(instanceUrl, environment);
    baseUri = discovered.baseUri;
    tenant = flags.tenant?.trim() || discovered.tenant;
    if (discovered.source === 'fallback') {
      warnings.push(discovered.detail);
    }
  }

  return {
    settings: {
      workspace: workspaceInput.trim(),
      instanceUrl,
      baseUri,
      tenant: tenant || null,
      clientId,
      redirectUri: validateRedirectUri(
        flags.redirectUri ?? saved?.redirectUri ?? defaultRedirectUri,
      ),
      scope: flags.scopes?.trim() || saved?.scope || defaultScope,
    },
    warnings,
  };
}

function missingFlag(
  what: string,
  flag: string,
  field: 'workspace' | 'clientId',
): HaloWizardError {
  return new HaloWizardError('missing-flag', `The ${what} is missing.`, {
    kind: 'usage',
    field,
    nextStep: `Pass ${flag}, or run \`halo-wizard\` in a terminal for the guided setup.`,
  });
}

/** Returns the saved profile, or throws a usage error that says how to create one. */
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
 * Builds the refresh and save callbacks the API client needs for a stored profile. A refresh takes
 * the token lock beside the config file, so processes sharing the profile never spend the
 * same single-use refresh token twice. When HaloPSA rejects the refresh token
 * (invalid_grant), the profile is read again: tokens another process rotated meanwhile are
 * used. Otherwise the stored tokens are cleared, the settings kept, and the refresh throws
 * `session-ended`.
 */
export function tokenCallbacks(input: {
  store: ConfigStore;
  profileName: string;
  settings: ConnectionSettings;
  environment: Environment;
  /** Time limit of each refresh request. @default tokenRequestTimeoutMs */
  tokenRequestTimeoutMs?: number;
}): {
  refresh: (refreshToken: string) => Promise<TokenSet>;
  onTokens: (tokens: TokenSet) => Promise<void>;
} {
  const {store, profileName, settings, environment, tokenRequestTimeoutMs} = input;
  const timeout = tokenRequestTimeoutMs === undefined ? {} : {timeoutMs: tokenRequestTimeoutMs};

  const exchange = async (refreshToken: string): Promise<TokenSet> => {
    try {
      return await refreshTokens({settings, refreshToken, environment, ...timeout});
    } catch (error) {
      if (isHaloWizardError(error) && error.code === 'refresh-token-rejected') {
        const rotated = settleRejectedRefresh({
          store,
          profileName,
          rejectedRefreshToken: refreshToken,
        });
        if (rotated !== null) {
          return rotated;
        }

        throw sessionEndedError(profileName, error);
      }

      throw error;
    }
  };

  return {
    refresh: async (refreshToken) =>
      refreshStoredTokens({
        store,
        profileName,
        refreshToken,
        now: environment.now,
        marginMs: refreshMarginMs,
        refresh: exchange,
        onSignedOut: () => sessionEndedError(profileName, null),
      }),

    // The refresh saved the tokens under the lock already; this saves only tokens it did not.
    async onTokens(tokens) {
      const stored = store.getProfile(profileName)?.tokens;
      if (stored?.accessToken !== tokens.accessToken) {
        store.saveTokens(profileName, tokens);
      }
    },
  };
}

/** Returns the command that signs `profileName` in again, for messages. */
export function loginCommandFor(profileName: string): string {
  return profileName === 'default'
    ? 'halo-wizard login'
    : `halo-wizard login --profile ${profileName}`;
}

/**
 * Creates the failure for a sign-in HaloPSA no longer accepts: the refresh token was rejected
 * (`cause` set) or another process found that and cleared the tokens (`cause` null).
 */
export function sessionEndedError(
  profileName: string,
  cause: HaloWizardError | null,
): HaloWizardError {
  const message =
    cause === null
      ? `The sign-in of profile "${profileName}" has ended: its tokens were cleared by ` +
        '`halo-wizard logout` or by another halo-wizard process whose refresh HaloPSA rejected.'
      : `The sign-in of profile "${profileName}" has ended: HaloPSA rejected the saved ` +
        'refresh token (invalid_grant), so its tokens are cleared.';
  return new HaloWizardError('session-ended', message, {
    kind: 'sign-in',
    nextStep: `Run \`${loginCommandFor(profileName)}\` to sign in again; your settings are kept.`,
    ...(cause === null ? {} : {cause}),
  });
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
