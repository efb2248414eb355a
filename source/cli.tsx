import {type CliArguments, parseCliArguments} from './cli-args.js';
import {browseAccounts} from './commands/account-browser.js';
import {runAccountsCommand} from './commands/accounts-command.js';
import {readKey} from './commands/ask-key.js';
import {realEnvironment} from './commands/connection.js';
import type {SettingsFlags} from './commands/resolve-settings.js';
import {runEmulatorCommand} from './commands/emulator-command.js';
import {showLiveStatus, showLiveWatch} from './commands/live-status.js';
import {runLoginCommand} from './commands/login-command.js';
import {runLogoutCommand} from './commands/logout-command.js';
import {type CommandIo, reportFailure} from './commands/output.js';
import {runDemo} from './commands/run-demo.js';
import {runWizard} from './commands/run-wizard.js';
import {createTerminalConfirm, runResetCommand} from './commands/reset-command.js';
import {readPastedAddresses, runSetupCommand} from './commands/setup-command.js';
import {runStatusCommand} from './commands/status-command.js';
import {type FailureField, HaloWizardError} from './errors.js';
import {openConfigStore} from './store/config-store.js';

/** Runs one command line and returns the process exit code; the only place that decides it. */
export async function runCli(argv: string[]): Promise<number> {
  const io: CommandIo = {stdout: process.stdout, stderr: process.stderr, env: process.env};

  let args: CliArguments;
  try {
    args = parseCliArguments(argv);
  } catch (error) {
    return reportFailure(io, error, {json: argv.includes('--json')});
  }

  try {
    return await runCommand(args, io);
  } catch (error) {
    return reportFailure(io, error, {json: args.json});
  }
}

async function runCommand(args: CliArguments, io: CommandIo): Promise<number> {
  const environment = realEnvironment(io.env);
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
  const flags: SettingsFlags = {
    workspace: args.workspace,
    clientId: args.clientId,
    baseUri: args.baseUri,
    tenant: args.tenant,
    redirectUri: args.redirectUri,
    scopes: args.scopes,
  };

  if (args.command === 'emulator') {
    return runEmulatorCommand({io, port: args.port, users: args.users});
  }

  const guided = args.command === 'wizard' || args.demo;
  if (guided && !interactive) {
    throw notATerminal();
  }

  if (args.demo) {
    return runDemo({io, environment, flags, timeoutSeconds: args.timeoutSeconds});
  }

  const store = openConfigStore({env: io.env, now: environment.now});
  for (const warning of store.warnings) {
    io.stderr.write(`! ${warning}\n`);
  }

  const profileName = args.profile ?? 'default';
  // Off a terminal, standard input belongs to the caller's script and is never read.
  const pastedAddresses = process.stdin.isTTY ? readPastedAddresses(process.stdin) : null;
  switch (args.command) {
    case 'wizard':
    case 'setup': {
      if (guided || (interactive && !args.nonInteractive)) {
        return runWizard({io, environment, store, profileName, flags, timeoutSeconds: args.timeoutSeconds});
      }

      return runSetupCommand({
        io,
        environment,
        store,
        profileName,
        flags,
        noBrowser: args.noBrowser,
        timeoutSeconds: args.timeoutSeconds,
        json: args.json,
        pastedAddresses,
      });
    }

    case 'login': {
      return runLoginCommand({
        io,
        environment,
        store,
        profileName,
        noBrowser: args.noBrowser,
        timeoutSeconds: args.timeoutSeconds,
        json: args.json,
        pastedAddresses,
      });
    }

    case 'logout': {
      return runLogoutCommand({io, environment, store, profileName, json: args.json});
    }

    case 'reset': {
      const confirm = process.stdin.isTTY ? createTerminalConfirm(process.stdin, io.stderr) : null;
      return runResetCommand({
        io,
        environment,
        store,
        profileName,
        yes: args.yes,
        json: args.json,
        confirm,
      });
    }

    case 'accounts': {
      return runAccountsCommand({
        io,
        environment,
        store,
        profileName,
        format: accountsFormat(args),
        showInteractiveTable: interactive ? browseAccounts : null,
      });
    }

    case 'status': {
      if (args.watchSeconds !== null) {
        return watchUntilInterrupted(async (signal, interrupt) =>
          runStatusCommand({
            io,
            environment,
            store,
            profileName: args.profile,
            json: false,
            showLivePanel: null,
            watch: {
              intervalSeconds: args.watchSeconds!,
              signal,
              // On a terminal the panel reads Ctrl+C as a key, so no SIGINT is raised.
              showLiveWatch: interactive
                ? async (seconds, watch) => showLiveWatch(seconds, watch, interrupt)
                : null,
            },
          }),
        );
      }

      return runStatusCommand({
        io,
        environment,
        store,
        profileName: args.profile,
        json: args.json,
        showLivePanel: interactive && !args.json ? showLiveStatus : null,
        offerRetry: interactive && !args.json ? offerEditAndRetry : null,
      });
    }
  }

  async function offerEditAndRetry(retry: {
    profileName: string;
    field: FailureField;
  }): Promise<number | null> {
    const profile = store.getProfile(retry.profileName);
    if (!profile) {
      return null;
    }

    io.stderr.write('Press e to edit the failing setting and retry, or any other key to quit.\n');
    if ((await readKey(process.stdin)) !== 'e') {
      return null;
    }

    return runWizard({
      io,
      environment,
      store,
      profileName: retry.profileName,
      flags,
      timeoutSeconds: args.timeoutSeconds,
      retry: {instanceUrl: profile.settings.instanceUrl, field: retry.field},
    });
  }
}

// Ctrl+C (SIGINT) ends a watch with the last round's exit code instead of killing the
// process, so the handler stays installed only while the watch runs.
async function watchUntilInterrupted(
  watch: (signal: AbortSignal, interrupt: () => void) => Promise<number>,
): Promise<number> {
  const controller = new AbortController();
  const onSigint = () => {
    controller.abort();
  };

  process.on('SIGINT', onSigint);
  try {
    return await watch(controller.signal, onSigint);
  } finally {
    process.off('SIGINT', onSigint);
  }
}

function accountsFormat(args: CliArguments): 'json' | 'csv' | 'table' {
  if (args.json) {
    return 'json';
  }

  return args.csv ? 'csv' : 'table';
}

function notATerminal(): HaloWizardError {
  return new HaloWizardError(
    'not-a-terminal',
    'The guided setup needs an interactive terminal, and standard input or output is not one.',
    {
      kind: 'usage',
      nextStep:
        'To set up from a script, run: halo-wizard setup --non-interactive ' +
        '--workspace <key|url> --client-id <id> [--no-browser] [--json]',
    },
  );
}
