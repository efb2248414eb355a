import {fixFor} from '../diagnosis/diagnose.js';
import {HaloWizardError} from '../errors.js';
import {clipForDisplay} from '../text/strip-control.js';

const tlsErrorCodes = new Set([
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

/** Returns the system error code behind a failed fetch (`ECONNREFUSED`...), if there is one. */
export function findNetworkErrorCode(error: unknown): string | null {
  let current: unknown = error;

  // Node's fetch wraps the socket error in `cause`, and a host with several addresses
  // wraps one error per address in an AggregateError.
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as {code?: unknown}).code;

    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET') {
      return code;
    }

    current = current instanceof AggregateError ? current.errors[0] : current.cause;
  }

  return null;
}

/**
 * Explains a request that never got an HTTP response (DNS, refused connection, TLS, time
 * out), naming the host. Returns null when the error is not a network failure.
 */
export function explainNetworkFailure(error: unknown, url: string): HaloWizardError | null {
  const host = clipForDisplay(new URL(url).host, 100);
  const code = findNetworkErrorCode(error);

  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new HaloWizardError('server-timed-out', `The request to ${host} timed out.`, {
      kind: 'rejected',
      field: 'baseUri',
      nextStep: fixFor('server-timed-out'),
      cause: error,
    });
  }

  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new HaloWizardError('server-not-found', `The host ${host} was not found (DNS).`, {
      kind: 'rejected',
      field: 'baseUri',
      nextStep: fixFor('server-not-found'),
      cause: error,
    });
  }

  if (code !== null && tlsErrorCodes.has(code)) {
    return new HaloWizardError(
      'server-certificate-rejected',
      `The TLS certificate of ${host} was rejected (${code}).`,
      {
        kind: 'rejected',
        field: 'baseUri',
        nextStep: fixFor('server-certificate-rejected'),
        cause: error,
      },
    );
  }

  if (code === null) {
    return null;
  }

  return new HaloWizardError(
    'server-unreachable',
    `Could not connect to ${host} (${clipForDisplay(code, 40)}).`,
    {
      kind: 'rejected',
      field: 'baseUri',
      nextStep: fixFor('server-unreachable'),
      cause: error,
    },
  );
}
