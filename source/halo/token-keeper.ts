import {sessionExpiredError} from './api-failures.js';
import type {TokenSet} from './types.js';

/** Refreshes tokens ahead of use and after a 401, one refresh at a time. */
export type TokenKeeper = {
  current(): TokenSet;
  /** Returns tokens fit to send now, refreshing first when they expire within 60 s. */
  fresh(): Promise<TokenSet>;
  /** Returns tokens to retry with after `used` got a 401: refreshed, or already replaced. */
  afterRejected(used: TokenSet): Promise<TokenSet>;
};

/** Dependencies of `createTokenKeeper`. */
export type TokenKeeperInput = {
  tokens: TokenSet;
  now: () => number;
  refresh: (refreshToken: string) => Promise<TokenSet>;
  /** Persists new tokens; awaited before the new access token is sent. */
  onTokens: (tokens: TokenSet) => Promise<void>;
};

/** Refresh this long before expiry, so a token does not lapse between check and use. */
export const refreshMarginMs = 60_000;

/**
 * Creates a keeper for one session's tokens. Halo's refresh tokens are single-use and
 * rotate: two refreshes racing with the same token make the loser fail with
 * `invalid_grant` and end the sign-in, so concurrent callers share one refresh.
 */
export function createTokenKeeper(input: TokenKeeperInput): TokenKeeper {
  let tokens = input.tokens;
  let refreshing: Promise<TokenSet> | null = null;

  async function runRefresh(refreshToken: string): Promise<TokenSet> {
    const received = await input.refresh(refreshToken);

    // A response without a refresh token leaves the current one valid.
    const next = {...received, refreshToken: received.refreshToken ?? refreshToken};
    await input.onTokens(next);
    tokens = next;
    return next;
  }

  function refreshOnce(reason: string): Promise<TokenSet> {
    if (refreshing !== null) {
      return refreshing;
    }

    const {refreshToken} = tokens;
    if (refreshToken === null) {
      return Promise.reject(sessionExpiredError(reason));
    }

    refreshing = runRefresh(refreshToken).finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  return {
    current: () => tokens,

    async fresh() {
      if (refreshing !== null) {
        return refreshing;
      }

      const remainingMs = tokens.expiresAt - input.now();
      if (remainingMs > refreshMarginMs) {
        return tokens;
      }

      if (tokens.refreshToken === null) {
        if (remainingMs > 0) {
          return tokens;
        }

        throw sessionExpiredError('the access token has expired and there is no refresh token');
      }

      return refreshOnce('the access token has expired and there is no refresh token');
    },

    async afterRejected(used) {
      if (refreshing !== null) {
        return refreshing;
      }

      if (tokens.accessToken !== used.accessToken) {
        return tokens;
      }

      return refreshOnce('HaloPSA rejected the access token and there is no refresh token');
    },
  };
}
