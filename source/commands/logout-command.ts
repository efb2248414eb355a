import type {Environment} from '../halo/types.js';
import type {ConfigStore} from '../store/config-store.js';
import {withTokenLock} from '../store/shared-refresh.js';
import {requireProfile} from './connection.js';
import {loginCommandFor} from './token-callbacks.js';
import {type CommandIo, reportFailure, writeJson} from './output.js';

export type LogoutInput = {
  io: CommandIo;
  environment: Environment;
  store: ConfigStore;
  profileName: string;
  json: boolean;
};

// Halo documents no token revocation endpoint, so ending access is done in Halo itself.
const revokeHint =
  'halo-wizard cannot revoke tokens in Halo. To end access at once, untick Active on the ' +
  'application in Halo under Configuration > Integrations > HaloPSA API > View Applications.';

/**
 * Deletes the profile's tokens from the config file and keeps its settings, so
 * `halo-wizard login` can sign in again. Takes the token lock, so a refresh running in
 * another process cannot write the tokens back afterwards.
 */
export async function runLogoutCommand(input: LogoutInput): Promise<number> {
  const {io, store, profileName, json} = input;

  try {
    const hadTokens = await withTokenLock(store, input.environment.now, () => {
      const profile = requireProfile(store, profileName);
      if (profile.tokens === null) {
        return false;
      }

      store.saveTokens(profileName, null);
      return true;
    });

    if (json) {
      writeJson(io, {status: 'signed-out', profile: profileName, tokensDeleted: hadTokens});
    }

    io.stderr.write(
      hadTokens
        ? `Signed out of profile "${profileName}": its tokens are deleted from ${store.path}; ` +
            'its settings are kept.\n'
        : `Profile "${profileName}" was already signed out.\n`,
    );
    io.stderr.write(`  ${revokeHint}\n`);
    io.stderr.write(`  Run \`${loginCommandFor(profileName)}\` to sign in again.\n`);
    return 0;
  } catch (error) {
    return reportFailure(io, error, {json});
  }
}
