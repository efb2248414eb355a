import type {Environment} from '../halo/types.js';
import type {ConfigStore} from '../store/config-store.js';
import {requireProfile} from './connection.js';
import {type CommandIo, reportFailure} from './output.js';
import {runSetupCommand, type PastedAddressSource} from './setup-command.js';

export type LoginInput = {
  io: CommandIo;
  environment: Environment;
  store: ConfigStore;
  profileName: string;
  noBrowser: boolean;
  timeoutSeconds: number;
  json: boolean;
  /** Addresses pasted on a terminal while the sign-in waits, or null off a terminal. */
  pastedAddresses: PastedAddressSource | null;
};

/**
 * Signs a saved profile in again with its saved settings: the non-interactive setup with no
 * setting flags. The settings stay as they are; the new tokens replace the old ones.
 */
export async function runLoginCommand(input: LoginInput): Promise<number> {
  const {io, store, profileName} = input;

  try {
    const profile = requireProfile(store, profileName);
    io.stderr.write(`Signing in to ${profile.settings.instanceUrl} as profile "${profileName}".\n`);
  } catch (error) {
    return reportFailure(io, error, {json: input.json});
  }

  return runSetupCommand({
    ...input,
    flags: {
      workspace: undefined,
      clientId: undefined,
      baseUri: undefined,
      tenant: undefined,
      redirectUri: undefined,
      scopes: undefined,
    },
  });
}
