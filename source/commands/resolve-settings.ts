import {defaultRedirectUri, defaultScope} from '../auth/defaults.js';
import {HaloWizardError} from '../errors.js';
import {discoverAuthServer} from '../halo/discovery.js';
import {
  resolveWorkspace,
  validateBaseUri,
  validateClientId,
  validateRedirectUri,
} from '../halo/instance-url.js';
import type {ConnectionSettings, Environment} from '../halo/types.js';

export type SettingsFlags = {
  workspace: string | undefined;
  clientId: string | undefined;
  baseUri: string | undefined;
  tenant: string | undefined;
  redirectUri: string | undefined;
  scopes: string | undefined;
};

/**
 * Builds connection settings from flags, taking every flag that is not given from the saved
 * settings, so a retry names only the value that changes. Discovers the authorisation server
 * when neither a flag nor a saved value names it, or when the workspace changed.
 */
export async function resolveSettings(input: {
  flags: SettingsFlags;
  saved: ConnectionSettings | undefined;
  environment: Environment;
}): Promise<{settings: ConnectionSettings; warnings: string[]}> {
  const {flags, saved, environment} = input;
  const warnings: string[] = [];

  const workspaceInput = flags.workspace ?? saved?.workspace;
  if (!workspaceInput) {
    throw missingFlag('workspace', '--workspace <key|url>', 'workspace');
  }

  const {instanceUrl} = resolveWorkspace(workspaceInput);
  const sameInstance = saved?.instanceUrl === instanceUrl;

  const clientIdInput = flags.clientId ?? saved?.clientId;
  if (!clientIdInput) {
    throw missingFlag('client ID', '--client-id <id>', 'clientId');
  }

  const {clientId, warning} = validateClientId(clientIdInput);
  if (warning) {
    warnings.push(warning);
  }

  let baseUri: string;
  let tenant: string | null = flags.tenant?.trim() || (sameInstance ? saved.tenant : null);
  if (flags.baseUri !== undefined) {
    baseUri = validateBaseUri(flags.baseUri);
  } else if (sameInstance) {
    baseUri = saved.baseUri;
  } else {
    const discovered = await discoverAuthServer(instanceUrl, environment);
    baseUri = discovered.baseUri;
    tenant = flags.tenant?.trim() || discovered.tenant;
    if (discovered.source === 'fallback') {
      warnings.push(discovered.detail);
    }
  }

  return {
    settings: {
      workspace: workspaceInput.trim(),
      instanceUrl,
      baseUri,
      tenant: tenant || null,
      clientId,
      redirectUri: validateRedirectUri(
        flags.redirectUri ?? saved?.redirectUri ?? defaultRedirectUri,
      ),
      scope: flags.scopes?.trim() || saved?.scope || defaultScope,
    },
    warnings,
  };
}

function missingFlag(
  what: string,
  flag: string,
  field: 'workspace' | 'clientId',
): HaloWizardError {
  return new HaloWizardError('missing-flag', `The ${what} is missing.`, {
    kind: 'usage',
    field,
    nextStep: `Pass ${flag}, or run \`halo-wizard\` in a terminal for the guided setup.`,
  });
}
