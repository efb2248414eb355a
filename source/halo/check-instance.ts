import type {FailureField, HaloWizardError} from '../errors.js';
import {describeNetworkFailure, fetchWithTimeout, isCallerAbort} from './network.js';
import type {Environment} from './types.js';

/** Result of a reachability check: a line to show, and the failure when it failed. */
export type InstanceCheck = {
  ok: boolean;
  detail: string;
  error: HaloWizardError | null;
};

/** Options for `checkInstance`. */
export type CheckInstanceOptions = {
  /** The setting the URL came from; failures point at it. @default 'workspace' */
  field?: FailureField;
  /** @default 10_000 */
  timeoutMs?: number;
  signal?: AbortSignal;
};

/**
 * Checks whether the server at `url` responds at all: any HTTP response counts, even an
 * error status, because only DNS, TCP and TLS failures show a wrong or unreachable address.
 * Network failures are returned as results. The caller's abort and errors that are not
 * network failures are rethrown.
 */
export async function checkInstance(
  url: string,
  environment: Environment,
  options: CheckInstanceOptions = {},
): Promise<InstanceCheck> {
  const field = options.field ?? 'workspace';
  const host = new URL(url).host;

  let response: Response;
  try {
    response = await fetchWithTimeout(
      environment.fetch,
      url,
      {method: 'GET', redirect: 'manual'},
      {timeoutMs: options.timeoutMs ?? 10_000, signal: options.signal},
    );
  } catch (error) {
    if (isCallerAbort(error, options.signal)) {
      throw error;
    }

    const failure = describeNetworkFailure(error, url, field);
    if (failure === null) {
      throw error;
    }

    return {ok: false, detail: failure.message, error: failure};
  }

  // Only the status line matters; dropping the body frees the connection.
  await response.body?.cancel().catch(() => undefined);
  return {ok: true, detail: `${host} responded (HTTP ${response.status})`, error: null};
}
