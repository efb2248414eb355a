import {openBrowser} from '../auth/open-browser.js';
import {preflightSignIn} from '../auth/preflight.js';
import {startSignIn} from '../auth/sign-in-session.js';
import {checkInstance} from '../halo/check-instance.js';
import {discoverAuthServer} from '../halo/discovery.js';
import {
  resolveWorkspace,
  validateBaseUri,
  validateClientId,
  validateRedirectUri,
} from '../halo/instance-url.js';
import {runStatusChecks} from '../halo/status-checks.js';
import type {Environment} from '../halo/types.js';
import type {ConfigStore, StoredProfile} from '../store/config-store.js';
import type {WizardServices} from '../wizard/wizard-services.js';
import {restoreProfile, saveSignedInAgent, saveSignedInConnection} from './connection.js';
import {tokenCallbacks} from './token-callbacks.js';

/** Creates the wizard's services on the real network, browser and config store. */
export function createWizardServices(input: {
  environment: Environment;
  store: ConfigStore;
  profileName: string;
  /** Opens an address in a browser; the real one unless a test plays the browser. */
  openUrl?: WizardServices['openUrl'];
}): WizardServices {
  const {environment, store, profileName} = input;
  // The profile a new sign-in replaced, put back if the new connection fails its checks.
  let replaced: StoredProfile | undefined;

  return {
    resolveWorkspace,
    validateBaseUri,
    validateRedirectUri,
    validateClientId,
    checkInstance: async (instanceUrl) => checkInstance(instanceUrl, environment),
    discoverAuthServer: async (instanceUrl) => discoverAuthServer(instanceUrl, environment),
    openUrl: input.openUrl ?? (async (url) => openBrowser(url, {env: environment.env})),
    preflight: async (settings) => preflightSignIn({settings, environment}),
    startSignIn: async (settings) => startSignIn({settings, environment}),

    // The previous connection of this profile stays until a new one has signed in and passed
    // its checks, so a failed retry never loses a working session.
    async saveConnection(settings, tokens) {
      replaced = await saveSignedInConnection({
        store,
        profileName,
        settings,
        tokens,
        now: environment.now,
      });
    },

    async runStatusChecks(settings, tokens, onUpdate, signal) {
      const result = await runStatusChecks({
        settings,
        tokens,
        environment,
        ...tokenCallbacks({store, profileName, settings, environment}),
        onUpdate,
        signal,
      });
      if (result.ok) {
        await saveSignedInAgent({store, profileName, agent: result.agent, now: environment.now});
      } else if (replaced) {
        await restoreProfile({store, profileName, previous: replaced, now: environment.now});
      }

      replaced = undefined;
      return {ok: result.ok, checks: result.checks, accounts: result.accounts};
    },
  };
}
