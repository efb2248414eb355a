import type {FailureField} from '../errors.js';
import {exitCodeFor, exitCodes} from '../exit-codes.js';
import {runStatusChecks} from '../halo/status-checks.js';
import type {Environment, StatusCheck} from '../halo/types.js';
import type {ConfigStore} from '../store/config-store.js';
import {stripControl} from '../text/strip-control.js';
import {tokenCallbacks} from './token-callbacks.js';
import {type CommandIo, failureJson, reportFailure, writeJson} from './output.js';
import {checkAllProfiles, formatVerdict, type ProfileVerdict} from './profile-verdicts.js';
import {createProgressLines} from './progress-lines.js';
import {checksJson} from './status-json.js';
import {runStatusWatch, type StatusWatchOptions} from './status-watch-run.js';
import {formatCheckLines} from './status-watch-output.js';
import {diagnose} from '../diagnosis/diagnose.js';

export type StatusInput = {
  io: CommandIo;
  environment: Environment;
  store: ConfigStore;
  /** The profile named by --profile, or undefined for all profiles and "default" in detail. */
  profileName: string | undefined;
  json: boolean;
  /** Draws the live Ink panel and resolves with the result; only on a terminal. */
  showLivePanel:
    | ((
        run: (onUpdate: (checks: StatusCheck[]) => void) => Promise<StatusResult>,
      ) => Promise<StatusResult>)
    | null;
  /** `--watch`: re-run the checks on an interval until the signal aborts, or null. */
  watch?: StatusWatchOptions | null;
  /**
   * Offers "edit and retry" after a failure. When the person accepts, it runs the wizard from
   * the failing field and returns its exit code. Null when there is no terminal to ask on.
   */
  offerRetry?:
    | ((retry: {profileName: string; field: FailureField}) => Promise<number | null>)
    | null;
};

export type StatusResult = Awaited<ReturnType<typeof runStatusChecks>>;

/**
 * Re-runs the live checks against a saved connection; exit 0 only when every check passes.
 * Without --profile and with several saved profiles, it first prints one verdict line per
 * profile, then checks "default" in detail. When no profile is named "default", the exit code
 * comes from the verdicts: 0 only when every profile is connected.
 */
export async function runStatusCommand(input: StatusInput): Promise<number> {
  const {io, environment, store, json} = input;

  try {
    const names = store.listProfiles();
    const verdicts =
      input.profileName === undefined && names.length > 1
        ? await checkAllProfiles(store, environment)
        : null;
    if (verdicts !== null && !json) {
      const width = Math.max(...verdicts.map((verdict) => verdict.name.length));
      for (const verdict of verdicts) {
        io.stdout.write(`${stripControl(formatVerdict(verdict, width))}\n`);
      }
    }

    const profileName = input.profileName ?? (names.length === 1 ? names[0]! : 'default');
    const profile = store.getProfile(profileName);
    if (!profile && verdicts !== null) {
      return reportVerdictsOnly(io, verdicts, json);
    }

    if (!profile) {
      return reportNotConfigured(io, store, profileName, json);
    }

    const run = (onUpdate: (checks: StatusCheck[]) => void, signal?: AbortSignal) =>
      runStatusChecks({
        settings: profile.settings,
        // Each round reads the tokens again, because the previous one may have rotated them.
        // A logout in another process leaves null here, which the session check reports.
        tokens: store.getProfile(profileName)?.tokens ?? null,
        environment,
        ...tokenCallbacks({store, profileName, settings: profile.settings, environment}),
        onUpdate,
        ...(signal === undefined ? {} : {signal}),
      });

    if (input.watch) {
      return await runStatusWatch({io, now: environment.now, options: input.watch, run});
    }

    const progress = createProgressLines((line) => io.stderr.write(`${line}\n`));
    const result = input.showLivePanel ? await input.showLivePanel(run) : await run(progress);
    const failed = result.checks.find((check) => check.state === 'failed');

    if (json) {
      writeJson(io, {
        status: result.ok ? 'connected' : 'failed',
        profile: profileName,
        ...(verdicts === null ? {} : {profiles: profilesJson(verdicts)}),
        checks: checksJson(result.checks),
        ...(failed?.error
          ? {error: {...failureJson(failed.error), cause: diagnose(failed.error).cause}}
          : {}),
      });
    } else if (!input.showLivePanel) {
      if (verdicts !== null) {
        io.stdout.write(`\nProfile "${profileName}":\n`);
      }

      for (const check of result.checks) {
        io.stdout.write(`${stripControl(formatCheckLines(check).join('\n'))}\n`);
      }
    }

    const others = names.filter((name) => name !== profileName);
    if (!json && verdicts === null && others.length > 0) {
      io.stderr.write(`Other saved profiles: ${others.join(', ')} (use --profile <name>).\n`);
    }

    if (!result.ok) {
      const code = reportFailure(io, failed?.error ?? new Error('A status check failed.'), {
        json: false,
      });
      const retried = await input.offerRetry?.({profileName, field: failed?.error?.field ?? null});
      return retried ?? code;
    }

    io.stderr.write(`✔ Profile "${profileName}" is connected.\n`);
    return 0;
  } catch (error) {
    return reportFailure(io, error, {json});
  }
}

function profilesJson(verdicts: ProfileVerdict[]) {
  return verdicts.map(({name, instanceUrl, status}) => ({name, instanceUrl, status}));
}

function reportVerdictsOnly(io: CommandIo, verdicts: ProfileVerdict[], json: boolean): number {
  const notConnected = verdicts.find((verdict) => verdict.status !== 'connected');
  if (json) {
    writeJson(io, {
      status: notConnected === undefined ? 'connected' : 'failed',
      profile: null,
      profiles: profilesJson(verdicts),
      checks: [],
    });
  }

  io.stderr.write(
    'No profile is named "default"; run `halo-wizard status --profile <name>` for the ' +
      'detailed checks of one.\n',
  );
  if (notConnected === undefined) {
    return 0;
  }

  return notConnected.error === null ? exitCodes.signIn : exitCodeFor(notConnected.error.kind);
}

function reportNotConfigured(
  io: CommandIo,
  store: ConfigStore,
  profileName: string,
  json: boolean,
): number {
  const others = store.listProfiles();
  if (json) {
    const profiles = others.map((name) => ({
      name,
      instanceUrl: store.getProfile(name)?.settings.instanceUrl ?? '',
      status: 'not-checked',
    }));
    writeJson(io, {status: 'not-configured', profile: profileName, profiles, checks: []});
  }

  io.stderr.write(`No connection is saved as profile "${profileName}".\n`);
  io.stderr.write(
    others.length > 0
      ? `  Saved profiles: ${others.join(', ')}. Choose one with --profile <name>.\n`
      : '  Run `halo-wizard` to set one up.\n',
  );
  return exitCodes.usage;
}
