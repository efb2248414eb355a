import {createInterface} from 'node:readline';
import type {Readable} from 'node:stream';
import {openBrowser} from '../auth/open-browser.js';
import {preflightSignIn} from '../auth/preflight.js';
import {checkInstance} from '../halo/check-instance.js';
import {startSignIn, type SignInSession} from '../auth/sign-in-session.js';
import {isHaloWizardError} from '../errors.js';
import {runStatusChecks} from '../halo/status-checks.js';
import type {Environment} from '../halo/types.js';
import type {ConfigStore} from '../store/config-store.js';
import {stripControl} from '../text/strip-control.js';
import {restoreProfile, saveSignedInAgent, saveSignedInConnection} from './connection.js';
import {type SettingsFlags, resolveSettings} from './resolve-settings.js';
import {tokenCallbacks} from './token-callbacks.js';
import {type CommandIo, failureJson, reportFailure, writeJson} from './output.js';
import {createProgressLines} from './progress-lines.js';
import {checksJson} from './status-json.js';

export type SetupInput = {
  io: CommandIo;
  environment: Environment;
  store: ConfigStore;
  profileName: string;
  flags: SettingsFlags;
  noBrowser: boolean;
  timeoutSeconds: number;
  json: boolean;
  /** Addresses pasted on a terminal while the sign-in waits, or null off a terminal. */
  pastedAddresses: PastedAddressSource | null;
};

/** Calls `onAddress` with each pasted address until the returned function is called. */
export type PastedAddressSource = (onAddress: (address: string) => void) => () => void;

/**
 * Runs setup without prompts: resolve the settings, probe the authorise endpoint, sign in
 * through the browser (or the printed address), save the connection, list the accounts.
 * The saved profile changes only once sign-in has succeeded.
 */
export async function runSetupCommand(input: SetupInput): Promise<number> {
  const {io, environment, store, profileName, json} = input;
  const log = (line: string) => io.stderr.write(`${line}\n`);

  try {
    const saved = store.getProfile(profileName)?.settings;
    const {settings, warnings} = await resolveSettings({flags: input.flags, saved, environment});
    for (const warning of warnings) {
      log(`! ${stripControl(warning)}`);
    }

    log(`Instance: ${settings.instanceUrl}`);
    log(`Authorisation server: ${settings.baseUri}`);
    // A host that cannot be reached fails here, naming the workspace, instead of after a
    // sign-in wait that could never end.
    const instance = await checkInstance(settings.instanceUrl, environment);
    if (!instance.ok && instance.error) {
      throw instance.error;
    }

    const preflight = await preflightSignIn({settings, environment});
    if (preflight.verdict === 'unknown') {
      log(`! ${stripControl(preflight.detail)}`);
    }

    const session = await startSignIn({settings, environment});
    let tokens;
    try {
      log('Open this address in a browser to sign in:');
      log(session.authorizationUrl);
      if (!input.noBrowser) {
        const browser = await openBrowser(session.authorizationUrl, {env: io.env});
        if (!browser.opened) {
          log(`! The browser did not open (${browser.reason ?? 'unknown reason'}).`);
          log('  Open the address above on any machine that can reach Halo.');
        }
      }

      log(`Waiting for the sign-in to finish (up to ${formatSeconds(input.timeoutSeconds)})...`);
      tokens = await waitForSignIn({
        session,
        timeoutMs: input.timeoutSeconds * 1000,
        pastedAddresses: input.pastedAddresses,
        log,
      });
    } finally {
      await session.close();
    }

    const previous = await saveSignedInConnection({
      store,
      profileName,
      settings,
      tokens,
      now: environment.now,
    });
    log('Signed in. Checking the connection...');

    const result = await runStatusChecks({
      settings,
      tokens,
      environment,
      ...tokenCallbacks({store, profileName, settings, environment}),
      onUpdate: createProgressLines(log),
    });
    // A connection that fails its checks does not replace one that was saved before, so a
    // failed retry never loses what worked.
    if (result.ok) {
      await saveSignedInAgent({store, profileName, agent: result.agent, now: environment.now});
      log(`Connection saved as profile "${profileName}" in ${store.path}.`);
    } else if (previous) {
      await restoreProfile({store, profileName, previous, now: environment.now});
      log(`The new connection failed its checks; profile "${profileName}" keeps the one before.`);
    }

    const failed = result.checks.find((check) => check.state === 'failed');
    const agents = result.accounts.filter((account) => account.type === 'agent').length;
    const users = result.accounts.length - agents;
    if (json) {
      writeJson(io, {
        status: result.ok ? 'connected' : 'failed',
        profile: profileName,
        instanceUrl: settings.instanceUrl,
        signedInAs: result.agent?.name ?? null,
        accounts: {agents, users},
        checks: checksJson(result.checks),
        ...(failed?.error ? {error: failureJson(failed.error)} : {}),
      });
    }

    if (!result.ok) {
      return reportFailure(io, failed?.error ?? new Error('A status check failed.'), {json: false});
    }

    log(`Signed in as ${stripControl(result.agent?.name ?? 'an unknown agent')}.`);
    log(`Accounts: ${agents} agents, ${users} users.`);
    return 0;
  } catch (error) {
    return reportFailure(io, error, {json});
  }
}

/**
 * Reads lines from `input` (a terminal) and passes on those that start with "http", the
 * address a person pasted. Other lines are ignored, and stopping closes the reader.
 */
export function readPastedAddresses(input: Readable): PastedAddressSource {
  return (onAddress) => {
    const lines = createInterface({input, crlfDelay: Infinity});
    lines.on('line', (line) => {
      const address = line.trim();
      if (address.startsWith('http')) {
        onAddress(address);
      }
    });
    return () => {
      lines.close();
    };
  };
}

// The loopback receiver keeps waiting while a pasted address is checked, and whichever
// completes the sign-in first wins. A paste that is not a sign-in response, or belongs to
// another attempt, is reported and the wait goes on. Every other outcome settles the wait.
async function waitForSignIn(input: {
  session: SignInSession;
  timeoutMs: number;
  pastedAddresses: PastedAddressSource | null;
  log: (line: string) => void;
}) {
  const {session, timeoutMs, pastedAddresses, log} = input;
  if (pastedAddresses === null) {
    return session.waitForTokens({timeoutMs});
  }

  log('If the browser ends on a page that does not load, paste its address here and press Enter.');
  const stop = pastedAddresses((address) => {
    session.completeFromPastedUrl(address).catch((error: unknown) => {
      if (isHaloWizardError(error) && isPasteProblem(error.code)) {
        log(`! ${stripControl(error.message)}`);
        log(`  ${stripControl(error.nextStep ?? '')}`);
      }
    });
  });

  try {
    return await session.waitForTokens({timeoutMs});
  } finally {
    stop();
  }
}

function isPasteProblem(code: string): boolean {
  return code === 'pasted-address-invalid' || code === 'state-mismatch';
}

function formatSeconds(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes > 0 ? `${minutes}:${String(rest).padStart(2, '0')} minutes` : `${rest} seconds`;
}
