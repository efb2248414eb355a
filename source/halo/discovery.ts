import {isHaloWizardError} from '../errors.js';
import {clipForDisplay, stripControl} from '../text/strip-control.js';
import {fetchWithTimeout, isCallerAbort} from './network.js';
import {validateBaseUri} from './settings-fields.js';
import type {Environment} from './types.js';
import {joinUrl} from './url-rules.js';

/** An instance's authorisation server and the source of that value. */
export type DiscoveredAuthServer = {
  /** Without a trailing slash. */
  baseUri: string;
  /** `tenant_id` from authinfo when non-empty, else null. */
  tenant: string | null;
  source: 'authinfo' | 'fallback';
  /** One sentence, safe to draw, saying what was found or why the fallback was used. */
  detail: string;
};

/** Options for `discoverAuthServer`. */
export type DiscoveryOptions = {
  /** @default 10_000 */
  timeoutMs?: number;
  signal?: AbortSignal;
};

/**
 * Asks the instance for its authorisation server with `GET /api/authinfo`, which needs no
 * token. Any failure (network, status, content type, JSON, fields) falls back to
 * `<instance>/auth`, the address of every hosted and on-premise instance today, so this
 * only rejects when the caller aborts.
 */
export async function discoverAuthServer(
  instanceUrl: string,
  environment: Environment,
  options: DiscoveryOptions = {},
): Promise<DiscoveredAuthServer> {
  const url = joinUrl(instanceUrl, 'api/authinfo');
  try {
    const found = await readAuthInfo(url, environment, options);
    return {...found, source: 'authinfo', detail: `authinfo names ${found.baseUri}`};
  } catch (error) {
    if (isCallerAbort(error, options.signal)) {
      throw error;
    }

    const baseUri = joinUrl(instanceUrl, 'auth');
    const reason = error instanceof Error ? error.message : 'it failed';
    return {
      baseUri,
      tenant: null,
      source: 'fallback',
      detail: `authinfo unusable (${clipForDisplay(reason, 120)}); using ${baseUri}`,
    };
  }
}

async function readAuthInfo(
  url: string,
  environment: Environment,
  options: DiscoveryOptions,
): Promise<{baseUri: string; tenant: string | null}> {
  const response = await fetchWithTimeout(
    environment.fetch,
    url,
    {headers: {accept: 'application/json'}},
    {timeoutMs: options.timeoutMs ?? 10_000, signal: options.signal},
  );

  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new Error(`HTTP ${response.status}`);
  }

  // A proxy or sign-in page responds with HTML and status 200, which must not be parsed.
  const contentType = response.headers.get('content-type') ?? '';
  if (!/\bjson\b/i.test(contentType)) {
    await response.body?.cancel().catch(() => undefined);
    throw new Error(`content type ${contentType === '' ? 'missing' : contentType}, not JSON`);
  }

  const body: unknown = JSON.parse(await response.text());
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new Error('the body is not a JSON object');
  }

  const {auth_url: authUrl, tenant_id: tenantId} = body as Record<string, unknown>;
  if (typeof authUrl !== 'string' || authUrl.trim() === '') {
    throw new Error('auth_url is missing');
  }

  let baseUri: string;
  try {
    // Halo's auth_url can end in "/"; the rest of halo-wizard expects no trailing slash.
    baseUri = validateBaseUri(authUrl);
  } catch (error) {
    throw new Error(isHaloWizardError(error) ? error.message : 'auth_url is invalid');
  }

  return {baseUri, tenant: readTenant(tenantId)};
}

// The format of tenant_id is undocumented, so it is passed on as sent, except that control
// and invisible formatting characters are removed: the value is drawn in the wizard's field
// and sent in a query string.
function readTenant(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return String(value);
  }

  if (typeof value !== 'string') {
    return null;
  }

  const tenant = stripControl(value).trim();
  return tenant === '' ? null : tenant;
}
