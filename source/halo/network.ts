import {fixFor} from '../diagnosis/diagnose.js';
import {HaloWizardError, type FailureField} from '../errors.js';

/** Limits for one HTTP request. */
export type RequestLimits = {
  /** Milliseconds before the request is abandoned as timed out. */
  timeoutMs: number;
  /** Aborts the request when the caller gives up. */
  signal?: AbortSignal | undefined;
};

/**
 * Sends one request through `fetchImpl`, aborting it after `timeoutMs` or when `signal`
 * aborts. A timeout rejects with a DOMException named "TimeoutError". The limit also covers
 * reading the body, because the same signal stays attached to the response.
 */
export async function fetchWithTimeout(
  fetchImpl: typeof globalThis.fetch,
  url: string,
  init: RequestInit,
  limits: RequestLimits,
): Promise<Response> {
  // AbortSignal.any() references its source signals weakly, and on Node 20 a combined
  // AbortSignal.timeout() can be garbage-collected before it fires, leaving the request to
  // hang (nodejs/node#57736). The timer below keeps the controller alive until it fires.
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
  }, limits.timeoutMs);
  timer.unref();

  const {signal} = limits;
  if (signal?.aborted) {
    controller.abort(signal.reason);
  } else {
    signal?.addEventListener('abort', () => controller.abort(signal.reason), {once: true});
  }

  return fetchImpl(url, {...init, signal: controller.signal});
}

// TLS failures from Node's OpenSSL binding that mean "this certificate is not trusted here".
const untrustedCertificateCodes = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
]);

/** Returns whether `error` is the caller's own abort, which is passed on rather than explained. */
export function isCallerAbort(error: unknown, signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true && error === signal.reason;
}

/**
 * Turns a rejected fetch into a HaloWizardError that names the host and what to check.
 * `field` is the setting that chose the URL. Returns null for an error that is not a
 * network failure, so the caller can rethrow it.
 */
export function describeNetworkFailure(
  error: unknown,
  url: string,
  field: FailureField,
): HaloWizardError | null {
  const host = new URL(url).host;

  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new HaloWizardError('request-timed-out', `The request to ${host} timed out.`, {
      kind: 'rejected',
      field,
      nextStep: fixFor('request-timed-out'),
      cause: error,
    });
  }

  if (!(error instanceof TypeError)) {
    return null;
  }

  // Node's fetch, like browsers, never connects to ports on the Fetch standard's list of
  // blocked ports (1, 6000, ...), and reports only "bad port".
  if (error.cause instanceof Error && error.cause.message === 'bad port') {
    const port = new URL(url).port;
    const message = `Port ${port} of ${host} is one that web clients refuse to use.`;
    return new HaloWizardError('port-blocked', message, {
      kind: 'usage',
      field,
      nextStep:
        'Check the port in the address: Halo is served over https on port 443, or on the ' +
        'port your on-premise server is configured for.',
      cause: error,
    });
  }

  const code = findErrorCode(error.cause);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new HaloWizardError('host-not-found', `No such host: ${host}.`, {
      kind: 'rejected',
      field,
      nextStep: fixFor('host-not-found'),
      cause: error,
    });
  }

  if (code === 'ECONNREFUSED') {
    return new HaloWizardError('connection-refused', `${host} refused the connection.`, {
      kind: 'rejected',
      field,
      nextStep: fixFor('connection-refused'),
      cause: error,
    });
  }

  if (code !== undefined && (untrustedCertificateCodes.has(code) || /CERT|TLS|SSL/.test(code))) {
    return new HaloWizardError('tls-failed', `The TLS certificate of ${host} failed (${code}).`, {
      kind: 'rejected',
      field,
      nextStep: fixFor('tls-failed'),
      cause: error,
    });
  }

  const reason = code === undefined ? '' : ` (${code})`;
  return new HaloWizardError('network-failed', `The request to ${host} failed${reason}.`, {
    kind: 'rejected',
    field,
    nextStep: 'Check your network connection and proxy settings, then try again.',
    cause: error,
  });
}

// Node's fetch wraps the socket error in `cause`; a connection tried on several addresses
// reports an AggregateError whose members carry the codes.
function findErrorCode(cause: unknown): string | undefined {
  if (cause instanceof AggregateError) {
    return cause.errors.map(findErrorCode).find((code) => code !== undefined);
  }

  if (typeof cause !== 'object' || cause === null) {
    return undefined;
  }

  const code: unknown = (cause as {code?: unknown}).code;
  if (typeof code === 'string') {
    return code;
  }

  return findErrorCode((cause as {cause?: unknown}).cause);
}
