import * as oauth from 'oauth4webapi';
import {HaloWizardError} from '../errors.js';
import type {ConnectionSettings, Environment} from '../halo/types.js';
import {clipForDisplay} from '../text/strip-control.js';

/** The oauth4webapi objects and request options for one HaloPSA authorisation server. */
export type AuthorizationServerContext = {
  authorizationServer: oauth.AuthorizationServer;
  client: oauth.Client;
  /** Options for every oauth4webapi request: the injected fetch, and plain HTTP on loopback. */
  requestOptions: oauth.TokenEndpointRequestOptions;
};

const loopbackHostnames = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Returns whether a URL hostname (as `URL.hostname` spells it) names this machine. */
export function isLoopbackHostname(hostname: string): boolean {
  return loopbackHostnames.has(hostname) || /^127(?:\.\d{1,3}){3}$/.test(hostname);
}

/** Appends `?tenant=` to an endpoint only when the tenant is non-empty, never as `tenant=`. */
export function withTenant(endpoint: string, tenant: string | null): string {
  if (tenant === null || tenant.trim() === '') {
    return endpoint;
  }

  const url = new URL(endpoint);
  url.searchParams.set('tenant', tenant.trim());
  return url.href;
}

/**
 * Builds the authorisation server from the base URI alone, because Halo publishes no
 * discovery document: `<base>/authorize` and `<base>/token`, with the tenant on both.
 * Throws a usage error on field baseUri for a URL that is invalid, or plain HTTP to a host
 * other than this machine.
 */
export function createAuthorizationServer(
  settings: ConnectionSettings,
  environment: Environment,
): AuthorizationServerContext {
  const baseUri = settings.baseUri.replace(/\/+$/, '');
  const url = parseBaseUri(baseUri);
  const isPlainHttp = url.protocol === 'http:';

  if (isPlainHttp && !isLoopbackHostname(url.hostname)) {
    throw new HaloWizardError(
      'base-uri-insecure',
      `The authorisation server ${clipForDisplay(url.origin)} uses plain HTTP, which is allowed only on this machine.`,
      {
        kind: 'usage',
        field: 'baseUri',
        nextStep:
          'Use the https:// Authorisation Server URL from Configuration > Integrations > ' +
          'HaloPSA API > API Details.',
      },
    );
  }

  const authorizationServer: oauth.AuthorizationServer = {
    issuer: baseUri,
    authorization_endpoint: withTenant(`${baseUri}/authorize`, settings.tenant),
    token_endpoint: withTenant(`${baseUri}/token`, settings.tenant),
  };

  const requestOptions: oauth.TokenEndpointRequestOptions = {
    [oauth.customFetch]: environment.fetch,
  };

  if (isPlainHttp) {
    // Deprecated in oauth4webapi to stand out in review: only the emulator and other
    // servers on this machine are reached over plain HTTP.
    requestOptions[oauth.allowInsecureRequests] = true;
  }

  return {authorizationServer, client: {client_id: settings.clientId}, requestOptions};
}

function parseBaseUri(baseUri: string): URL {
  let url: URL;

  try {
    url = new URL(baseUri);
  } catch (error) {
    throw invalidBaseUri(baseUri, error);
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalidBaseUri(baseUri, undefined);
  }

  return url;
}

function invalidBaseUri(baseUri: string, cause: unknown): HaloWizardError {
  return new HaloWizardError(
    'base-uri-invalid',
    `The authorisation server URL "${clipForDisplay(baseUri)}" is not a valid http(s) URL.`,
    {
      kind: 'usage',
      field: 'baseUri',
      nextStep:
        'Copy the Authorisation Server URL from Configuration > Integrations > HaloPSA API > ' +
        'API Details.',
      cause,
    },
  );
}
