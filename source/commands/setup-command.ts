import {openBrowser} from '../auth/open-browser.js';
import {preflightSignIn} from '../auth/preflight.js';
import {startSignIn} from '../auth/sign-in-session.js';
import {runStatusChecks} from '../halo/status-checks.js';
import type {Environment} from '../halo/types.js';
import type {ConfigStore} from '../store/config-store.js';
import {stripControl} from '../text/strip-control.js';
import {resolveSettings, type SettingsFlags, tokenCallbacks} from './connection.js';
import {type CommandIo, failureJson, reportFailure, writeJson} from './output.js';
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
};

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
      tokens = await session.waitForTokens({timeoutMs: input.timeoutSeconds * 1000});
    } finally {
      await session.close();
    }

    store.saveProfile(profileName, {
      settings,
      tokens,
      agent: null,
      savedAt: new Date(environment.now()).toISOString(),
    });
    log(`Signed in. Connection saved as profile "${profileName}" in ${store.path}.`);

    const result = await runStatusChecks({
      settings,
      tokens,
      environment,
      ...tokenCallbacks({store, profileName, settings, environment}),
      onUpdate() {},
    });
    if (result.agent) {
      const profile = store.getProfile(profileName);
      if (profile) {
        store.saveProfile(profileName, {...profile, agent: result.agent});
      }
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

function formatSeconds(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes > 0 ? `${minutes}:${String(rest).padStart(2, '0')} minutes` : `${rest} seconds`;
}
