import {fixFor} from '../diagnosis/diagnose.js';
import {HaloWizardError} from '../errors.js';

/** Creates the error for a session that cannot continue without a new sign-in. */
export function sessionExpiredError(reason: string): HaloWizardError {
  return new HaloWizardError('session-expired', `The sign-in has expired: ${reason}.`, {
    kind: 'sign-in',
    nextStep: fixFor('session-expired'),
  });
}

/** Creates the failure for an HTTP error status that retries did not clear. */
export function failureForStatus(input: {
  status: number;
  request: string;
  message: string | null;
  grantedScope: string | null;
  /** The wait the last 429 asked for (Retry-After), in milliseconds, when it named one. */
  retryAfterMs?: number | null;
}): HaloWizardError {
  const {status, request} = input;
  const halo = input.message === null ? '' : ` Halo's message: ${input.message}`;

  if (status === 401) {
    return new HaloWizardError(
      'access-token-rejected',
      `HaloPSA rejected the access token for ${request} even after a refresh.${halo}`,
      {kind: 'sign-in', nextStep: fixFor('access-token-rejected')},
    );
  }

  if (status === 403) {
    // Effective rights are the application's scopes intersected with the agent's own
    // rights, so a 403 has two possible fixes (missing scopes, or a narrow agent).
    const scope = input.grantedScope === null ? '' : ` Granted scopes: ${input.grantedScope}.`;
    return new HaloWizardError(
      'permission-denied',
      `HaloPSA refused ${request} (HTTP 403).${scope}${halo}`,
      {
        kind: 'rejected',
        nextStep: fixFor('permission-denied'),
      },
    );
  }

  if (status === 404) {
    return new HaloWizardError('api-not-found', `HaloPSA has no ${request} (HTTP 404).${halo}`, {
      kind: 'rejected',
      field: 'workspace',
      nextStep: fixFor('api-not-found'),
    });
  }

  if (status === 429) {
    // Without Retry-After, Halo named no wait, so the message does not invent one.
    const hasWait = input.retryAfterMs !== null && input.retryAfterMs !== undefined;
    const wait = hasWait ? ` and asks to wait ${describeWait(input.retryAfterMs)}` : '';
    return new HaloWizardError(
      'rate-limited',
      `HaloPSA kept rate-limiting ${request} (HTTP 429)${wait}.${halo}`,
      {
        kind: 'rejected',
        nextStep: fixFor('rate-limited', {wait: describeWait(input.retryAfterMs)}),
      },
    );
  }

  if (status >= 500) {
    return new HaloWizardError(
      'server-error',
      `HaloPSA failed ${request} (HTTP ${status}) on every retry.${halo}`,
      {
        kind: 'rejected',
        nextStep: fixFor('server-error'),
      },
    );
  }

  return new HaloWizardError(
    'api-request-failed',
    `HaloPSA rejected ${request} (HTTP ${status}).${halo}`,
    {
      kind: 'rejected',
      nextStep:
        'A licence or feature switch in Halo may block this request; check the message ' +
        'with your Halo administrator.',
    },
  );
}

/** Creates the failure for a success status whose body is not the JSON expected. */
export function unreadableBodyError(input: {
  request: string;
  problem: string;
  excerpt: string | null;
}): HaloWizardError {
  const excerpt = input.excerpt === null ? '' : ` It starts: ${input.excerpt}`;
  return new HaloWizardError(
    'response-not-json',
    `${input.request} returned ${input.problem}.${excerpt}`,
    {
      kind: 'rejected',
      field: 'workspace',
      nextStep: fixFor('response-not-json'),
    },
  );
}

// Halo's Retry-After, when present, is the wait that clears the limit.
function describeWait(retryAfterMs: number | null | undefined): string {
  if (retryAfterMs === null || retryAfterMs === undefined) {
    return 'a few minutes';
  }

  const seconds = Math.ceil(retryAfterMs / 1000);
  return seconds < 120 ? `${seconds} s` : `${Math.ceil(seconds / 60)} min`;
}
