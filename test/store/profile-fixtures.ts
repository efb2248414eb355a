import type {ConnectionSettings} from '../../source/halo/types.js';
import type {StoredProfile} from '../../source/store/config-store.js';

/** Returns valid connection settings for an invented instance, acme.halopsa.com. */
export function sampleSettings(): ConnectionSettings {
  return {
    workspace: 'acme',
    instanceUrl: 'https://acme.halopsa.com',
    baseUri: 'https://acme.halopsa.com/auth',
    tenant: null,
    clientId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    redirectUri: 'http://127.0.0.1:8765/callback',
    scope: 'all offline_access',
  };
}

/** Returns a stored profile with the sample settings; `changes` replaces whole fields. */
export function sampleProfile(changes: Partial<StoredProfile> = {}): StoredProfile {
  return {
    settings: sampleSettings(),
    tokens: null,
    agent: null,
    savedAt: '2025-03-01T12:00:00.000Z',
    ...changes,
  };
}
