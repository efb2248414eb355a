import {HaloWizardError} from '../errors.js';
import {toAccounts} from '../halo/accounts.js';
import {createHaloApi} from '../halo/halo-api.js';
import type {Account, Environment} from '../halo/types.js';
import type {ConfigStore} from '../store/config-store.js';
import {formatAccountsCsv} from './accounts-csv.js';
import {requireProfile} from './connection.js';
import {loginCommandFor, tokenCallbacks} from './token-callbacks.js';
import {type CommandIo, reportFailure, writeJson} from './output.js';
import {formatAccountsTable, summariseAccounts} from './plain-table.js';

export type AccountsInput = {
  io: CommandIo;
  environment: Environment;
  store: ConfigStore;
  profileName: string;
  format: 'json' | 'csv' | 'table';
  /** Draws the scrollable Ink table; only when stdin and stdout are terminals. */
  showInteractiveTable: ((accounts: Account[]) => Promise<void>) | null;
};

/** Lists every agent (enabled and disabled) and every end user (active and inactive). */
export async function runAccountsCommand(input: AccountsInput): Promise<number> {
  const {io, environment, store, profileName, format} = input;

  try {
    const accounts = await fetchAccounts({environment, store, profileName, io});

    if (format === 'json') {
      writeJson(io, accounts);
    } else if (format === 'csv') {
      io.stdout.write(formatAccountsCsv(accounts));
    } else if (input.showInteractiveTable) {
      await input.showInteractiveTable(accounts);
    } else {
      io.stdout.write(formatAccountsTable(accounts));
      io.stderr.write(`${summariseAccounts(accounts)}\n`);
    }

    return 0;
  } catch (error) {
    return reportFailure(io, error, {json: format === 'json'});
  }
}

/** Fetches the accounts of a saved profile, saving tokens that a refresh rotated. */
export async function fetchAccounts(input: {
  io: CommandIo;
  environment: Environment;
  store: ConfigStore;
  profileName: string;
}): Promise<Account[]> {
  const {io, environment, store, profileName} = input;
  const profile = requireProfile(store, profileName);
  if (!profile.tokens) {
    throw new HaloWizardError('signed-out', `Profile "${profileName}" has no saved sign-in.`, {
      kind: 'sign-in',
      nextStep: `Run \`${loginCommandFor(profileName)}\` to sign in again; the settings are kept.`,
    });
  }

  const api = createHaloApi({
    settings: profile.settings,
    tokens: profile.tokens,
    environment,
    ...tokenCallbacks({store, profileName, settings: profile.settings, environment}),
    // Waits for a rate limit or a failing server can last minutes, so each is written to stderr.
    onRetryWait(wait) {
      const seconds = Math.ceil(wait.delayMs / 1000);
      const reason = wait.reason === 'rate-limited' ? 'rate limited' : 'server error';
      io.stderr.write(`… ${reason}; retry ${wait.attempt} in ${seconds} s\n`);
    },
  });

  const agents = await api.listAgents();
  const users = await api.listUsers((progress) => {
    if (io.stderr.isTTY) {
      io.stderr.write(`\rListing users: ${progress.received} of ${progress.total}`);
    }
  });
  if (io.stderr.isTTY) {
    io.stderr.write('\r\u001B[K');
  }

  return toAccounts(agents, users);
}
