import path from 'node:path';
import type {TokenSet} from '../halo/types.js';
import type {ConfigStore} from './config-store.js';
import {acquireFileLock, type FileLockOptions} from './file-lock.js';

/** Input of `refreshStoredTokens`. */
export type SharedRefreshInput = {
  store: ConfigStore;
  profileName: string;
  /** The refresh token this process holds, which may have been rotated by another one. */
  refreshToken: string;
  now: () => number;
  /** Stored tokens expiring later than this are used as they are. */
  marginMs: number;
  /** Exchanges a refresh token at the token endpoint. Runs while the lock is held. */
  refresh: (refreshToken: string) => Promise<TokenSet>;
  /** Called with no tokens left in the store (signed out, or the profile deleted). */
  onSignedOut: () => Error;
  lock?: Omit<FileLockOptions, 'now'>;
};

/** Returns the path of the lock that every change to stored tokens takes. */
export function tokenLockPath(store: ConfigStore): string {
  return path.join(path.dirname(store.path), 'tokens.lock');
}

/**
 * Runs `callback` while holding the token lock beside the config file, so no other
 * halo-wizard process refreshes, saves or clears tokens at the same time.
 */
export async function withTokenLock<T>(
  store: ConfigStore,
  now: () => number,
  callback: () => T | Promise<T>,
  lock: Omit<FileLockOptions, 'now'> = {},
): Promise<T> {
  const release = await acquireFileLock(tokenLockPath(store), {...lock, now});
  try {
    return await callback();
  } finally {
    release();
  }
}

/**
 * Refreshes the profile's tokens with one refresh at a time across processes. Under the lock
 * it re-reads the profile first. When another process has already rotated the tokens and the
 * stored access token is fresh, that token is returned without a request. Otherwise the
 * stored refresh token is sent, so a spent one is never replayed. New tokens are saved before
 * the lock is released and before the caller uses them.
 */
export async function refreshStoredTokens(input: SharedRefreshInput): Promise<TokenSet> {
  const {store, profileName, now} = input;

  return withTokenLock(
    store,
    now,
    async () => {
      const stored = store.getProfile(profileName)?.tokens ?? null;
      if (stored === null) {
        throw input.onSignedOut();
      }

      const isRotatedElsewhere = stored.refreshToken !== input.refreshToken;
      if (isRotatedElsewhere && stored.expiresAt - now() > input.marginMs) {
        return stored;
      }

      if (stored.refreshToken === null) {
        throw input.onSignedOut();
      }

      const received = await input.refresh(stored.refreshToken);
      const tokens = {...received, refreshToken: received.refreshToken ?? stored.refreshToken};
      store.saveTokens(profileName, tokens);
      return tokens;
    },
    input.lock,
  );
}

/**
 * Settles the store after HaloPSA rejected `rejectedRefreshToken` (invalid_grant). Call it
 * under the token lock. Re-reads the profile: when another process has rotated the tokens
 * meanwhile, returns the stored ones untouched. Clears the tokens, keeping the settings, only
 * while the rejected token is still the stored one. Returns null when the sign-in has ended.
 */
export function settleRejectedRefresh(input: {
  store: ConfigStore;
  profileName: string;
  rejectedRefreshToken: string;
}): TokenSet | null {
  const {store, profileName} = input;
  const stored = store.getProfile(profileName)?.tokens ?? null;
  if (stored === null) {
    return null;
  }

  if (stored.refreshToken !== null && stored.refreshToken !== input.rejectedRefreshToken) {
    return stored;
  }

  store.saveTokens(profileName, null);
  return null;
}
