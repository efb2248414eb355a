import {HaloWizardError} from '../errors.js';
import {fetchWithTimeout, isCallerAbort} from '../halo/network.js';
import type {Environment} from '../halo/types.js';
import {joinUrl} from '../halo/url-rules.js';
import {clipForDisplay} from '../text/strip-control.js';
import {fixFor} from './diagnose.js';

/** Options for `identifyHaloInstance`. */
export type IdentifyOptions = {
  /** @default 10_000 */
  timeoutMs?: number;
  signal?: AbortSignal;
};

/**
 * Checks that a server which responds is a Halo instance. Returns a `not-halo-instance`
 * error when `/api/authinfo` is not Halo's JSON and `/api` returns an HTML page. Returns
 * null when either looks like Halo or cannot be read, because reachability is checked
 * elsewhere. Rejects only when the caller aborts.
 */
export async function identifyHaloInstance(
  instanceUrl: string,
  environment: Environment,
  options: IdentifyOptions = {},
): Promise<HaloWizardError | null> {
  const limits = {timeoutMs: options.timeoutMs ?? 10_000, signal: options.signal};

  try {
    const authInfo = await fetchWithTimeout(
      environment.fetch,
      joinUrl(instanceUrl, 'api/authinfo'),
      {headers: {accept: 'application/json'}},
      limits,
    );
    if (await isHaloAuthInfo(authInfo)) {
      return null;
    }

    // NOTE: Halo serves /api/authinfo on hosted and on-premise instances, so an HTML page
    // at /api is judged only after authinfo failed. What Halo returns at /api itself is
    // not documented, and the emulator returns JSON there.
    const api = await fetchWithTimeout(
      environment.fetch,
      joinUrl(instanceUrl, 'api'),
      {headers: {accept: 'application/json'}, redirect: 'manual'},
      limits,
    );
    const contentType = api.headers.get('content-type') ?? '';
    await api.body?.cancel().catch(() => undefined);
    if (!/\btext\/html\b/i.test(contentType)) {
      return null;
    }

    const shown = clipForDisplay(instanceUrl, 120);
    return new HaloWizardError(
      'not-halo-instance',
      `${shown} responds, but it is not a Halo instance: /api/authinfo is not Halo's and ` +
        `/api returns a web page (HTTP ${api.status}).`,
      {kind: 'rejected', field: 'workspace', nextStep: fixFor('not-halo-instance')},
    );
  } catch (error) {
    if (isCallerAbort(error, options.signal)) {
      throw error;
    }

    return null;
  }
}

async function isHaloAuthInfo(response: Response): Promise<boolean> {
  const contentType = response.headers.get('content-type') ?? '';
  if (!response.ok || !/\bjson\b/i.test(contentType)) {
    await response.body?.cancel().catch(() => undefined);
    return false;
  }

  try {
    const body: unknown = JSON.parse(await response.text());
    const authUrl = (body as {auth_url?: unknown} | null)?.auth_url;
    return typeof authUrl === 'string' && authUrl.trim() !== '';
  } catch {
    return false;
  }
}
