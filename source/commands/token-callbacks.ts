import {refreshTokens} from '../auth/token-exchange.js';
import {HaloWizardError, isHaloWizardError} from '../errors.js';
import {refreshMarginMs} from '../halo/token-keeper.js';
import type {ConnectionSettings, Environment, TokenSet} from '../halo/types.js';
import type {ConfigStore} from '../store/config-store.js';
import {refreshStoredTokens, settleRejectedRefresh} from '../store/shared-refresh.js';

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
