import {isHaloWizardError, type HaloWizardError} from '../errors.js';
import {createHaloApi} from '../halo/halo-api.js';
import type {Environment} from '../halo/types.js';
import type {ConfigStore} from '../store/config-store.js';
import {clipForDisplay} from '../text/strip-control.js';
import {loginCommandFor, tokenCallbacks} from './token-callbacks.js';

/** One line of the all-profiles summary of `halo-wizard status`. */
export type ProfileVerdict = {
  name: string;
  instanceUrl: string;
  status: 'connected' | 'signed-out' | 'failed';
  /** One line, safe to draw: who is signed in, or what failed. */
  detail: string;
  /** The failure behind `failed` and `signed-out`, for the exit code. */
  error: HaloWizardError | null;
};

/**
 * Checks every saved profile with one request as its signed-in agent (`GET /api/Agent/me`),
 * refreshing its tokens when due. Profiles are checked one after another, so refreshes of
 * one profile never overlap.
 */
export async function checkAllProfiles(
  store: ConfigStore,
  environment: Environment,
): Promise<ProfileVerdict[]> {
  const verdicts: ProfileVerdict[] = [];
  for (const name of store.listProfiles()) {
    verdicts.push(await checkProfile(store, name, environment));
  }

  return verdicts;
}

async function checkProfile(
  store: ConfigStore,
  name: string,
  environment: Environment,
): Promise<ProfileVerdict> {
  const profile = store.getProfile(name);
  const instanceUrl = profile?.settings.instanceUrl ?? '';
  if (profile?.tokens == null) {
    const detail = `signed out; run \`${loginCommandFor(name)}\``;
    return {name, instanceUrl, status: 'signed-out', detail, error: null};
  }

  try {
    const api = createHaloApi({
      settings: profile.settings,
      tokens: profile.tokens,
      environment,
      ...tokenCallbacks({store, profileName: name, settings: profile.settings, environment}),
    });
    const agent = await api.getCurrentAgent();
    const detail = `signed in as ${clipForDisplay(agent.name, 80)}`;
    return {name, instanceUrl, status: 'connected', detail, error: null};
  } catch (error) {
    if (!isHaloWizardError(error)) {
      throw error;
    }

    const status = error.code === 'session-ended' ? 'signed-out' : 'failed';
    return {name, instanceUrl, status, detail: clipForDisplay(error.message, 160), error};
  }
}

/** Formats a verdict as one line: mark, name, instance and detail. */
export function formatVerdict(verdict: ProfileVerdict, nameWidth: number): string {
  const mark = verdict.status === 'connected' ? '✔' : '✖';
  const instance = clipForDisplay(verdict.instanceUrl, 80);
  return `${mark} ${verdict.name.padEnd(nameWidth)}  ${instance}  ${verdict.detail}`;
}
