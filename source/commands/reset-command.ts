import type {Readable, Writable} from 'node:stream';
import {createInterface} from 'node:readline/promises';
import {HaloWizardError} from '../errors.js';
import type {Environment} from '../halo/types.js';
import type {ConfigStore} from '../store/config-store.js';
import {withTokenLock} from '../store/shared-refresh.js';
import {requireProfile} from './connection.js';
import {type CommandIo, reportFailure, writeJson} from './output.js';

/** Asks a yes/no question and resolves with true only for "y" or "yes". */
export type Confirm = (question: string) => Promise<boolean>;

export type ResetInput = {
  io: CommandIo;
  environment: Environment;
  store: ConfigStore;
  profileName: string;
  /** --yes: delete without asking. */
  yes: boolean;
  json: boolean;
  /** Asks on the terminal, or null when standard input is not one. */
  confirm: Confirm | null;
};

/**
 * Deletes a saved profile, settings and tokens, after a y/N question on a terminal or with
 * --yes. Without a terminal and without --yes it is a usage error naming --yes.
 */
export async function runResetCommand(input: ResetInput): Promise<number> {
  const {io, store, profileName, json} = input;

  try {
    const profile = requireProfile(store, profileName);
    if (!input.yes) {
      if (input.confirm === null) {
        throw confirmationNeeded(profileName);
      }

      const question =
        `Delete profile "${profileName}" (${profile.settings.instanceUrl}) with its settings ` +
        'and tokens? [y/N] ';
      if (!(await input.confirm(question))) {
        io.stderr.write('Nothing was deleted.\n');
        return 0;
      }
    }

    await withTokenLock(store, input.environment.now, () => store.deleteProfile(profileName));
    if (json) {
      writeJson(io, {status: 'deleted', profile: profileName});
    }

    io.stderr.write(`Deleted profile "${profileName}" from ${store.path}.\n`);
    io.stderr.write(
      '  Access in Halo stays until the tokens expire; untick Active on the application ' +
        'under Configuration > Integrations > HaloPSA API > View Applications to end it now.\n',
    );
    return 0;
  } catch (error) {
    return reportFailure(io, error, {json});
  }
}

/** Creates a `Confirm` that reads one answer line from `input`, writing the question to `output`. */
export function createTerminalConfirm(input: Readable, output: Writable): Confirm {
  return async (question) => {
    const lines = createInterface({input, output});
    try {
      const answer = await lines.question(question);
      return /^y(es)?$/i.test(answer.trim());
    } finally {
      lines.close();
    }
  };
}

function confirmationNeeded(profileName: string): HaloWizardError {
  const flags = profileName === 'default' ? '--yes' : `--yes --profile ${profileName}`;
  return new HaloWizardError(
    'confirmation-required',
    `Deleting profile "${profileName}" needs a confirmation, and standard input is not a ` +
      'terminal.',
    {kind: 'usage', nextStep: `Pass --yes to delete it without a question: halo-wizard reset ${flags}.`},
  );
}
