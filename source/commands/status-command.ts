import {runStatusChecks} from '../halo/status-checks.js';
import type {Environment, StatusCheck} from '../halo/types.js';
import type {ConfigStore} from '../store/config-store.js';
import {stripControl} from '../text/strip-control.js';
import {tokenCallbacks} from './connection.js';
import {type CommandIo, failureJson, reportFailure, writeJson} from './output.js';
import {checksJson} from './status-json.js';

export type StatusInput = {
  io: CommandIo;
  environment: Environment;
  store: ConfigStore;
  /** The profile named by --profile, or undefined to check "default". */
  profileName: string | undefined;
  json: boolean;
  /** Draws the live Ink panel and resolves with the result; only on a terminal. */
  showLivePanel:
    | ((
        run: (onUpdate: (checks: StatusCheck[]) => void) => Promise<StatusResult>,
      ) => Promise<StatusResult>)
    | null;
};

export type StatusResult = Awaited<ReturnType<typeof runStatusChecks>>;

/** Re-runs the live checks against a saved connection; exit 0 only when every check passes. */
export async function runStatusCommand(input: StatusInput): Promise<number> {
  const {io, environment, store, json} = input;
  const profileName = input.profileName ?? 'default';

  try {
    const profile = store.getProfile(profileName);
    if (!profile) {
      const others = store.listProfiles();
      if (json) {
        writeJson(io, {status: 'not-configured', profile: profileName, profiles: others, checks: []});
      }

      io.stderr.write(`No connection is saved as profile "${profileName}".\n`);
      io.stderr.write(
        others.length > 0
          ? `  Saved profiles: ${others.join(', ')}. Choose one with --profile <name>.\n`
          : '  Run `halo-wizard` to set one up.\n',
      );
      return 2;
    }

    const run = (onUpdate: (checks: StatusCheck[]) => void) =>
      runStatusChecks({
        settings: profile.settings,
        tokens: profile.tokens,
        environment,
        ...tokenCallbacks({store, profileName, settings: profile.settings, environment}),
        onUpdate,
      });

    const result = input.showLivePanel ? await input.showLivePanel(run) : await run(() => {});
    const failed = result.checks.find((check) => check.state === 'failed');

    if (json) {
      writeJson(io, {
        status: result.ok ? 'connected' : 'failed',
        profile: profileName,
        checks: checksJson(result.checks),
        ...(failed?.error ? {error: failureJson(failed.error)} : {}),
      });
    } else if (!input.showLivePanel) {
      for (const check of result.checks) {
        io.stdout.write(`${symbolFor(check)} ${check.label}: ${stripControl(check.detail)}\n`);
      }
    }

    const others = store.listProfiles().filter((name) => name !== profileName);
    if (!json && others.length > 0) {
      io.stderr.write(`Other saved profiles: ${others.join(', ')} (use --profile <name>).\n`);
    }

    if (!result.ok) {
      return reportFailure(io, failed?.error ?? new Error('A status check failed.'), {json: false});
    }

    io.stderr.write(`✔ Profile "${profileName}" is connected.\n`);
    return 0;
  } catch (error) {
    return reportFailure(io, error, {json});
  }
}

function symbolFor(check: StatusCheck): string {
  switch (check.state) {
    case 'passed': {
      return '✔';
    }

    case 'failed': {
      return '✖';
    }

    default: {
      return '-';
    }
  }
}
