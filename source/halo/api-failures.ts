import {HaloWizardError} from '../errors.js';

const signInAgain = 'Run `halo-wizard login` to sign in again.';

const applicationsMenu = 'Configuration > Integrations > HaloPSA API > View Applications';

/** Creates the error for a session that cannot continue without a new sign-in. */
export function sessionExpiredError(reason: string): HaloWizardError {
  return new HaloWizardError('session-expired', `The sign-in has expired: ${reason}.`, {
    kind: 'sign-in',
    nextStep: signInAgain,
  });
}

/** Creates the failure for an HTTP error status that retries did not clear. */
export function failureForStatus(input: {
  status: number;
  request: string;
  message: string | null;
  grantedScope: string | null;
}): HaloWizardError {
  const {status, request} = input;
  const halo = input.message === null ? '' : ` Halo's message: ${input.message}`;

  if (status === 401) {
    return new HaloWizardError(
      'access-token-rejected',
      `HaloPSA rejected the access token for ${request} even after a refresh.${halo}`,
      {kind: 'sign-in', nextStep: signInAgain},
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
        nextStep:
          `In Halo, open ${applicationsMenu}, select this application, tick "all" on the ` +
          'Permissions tab and save, then run `halo-wizard login` to sign in again. If "all" ' +
          'is ticked already, sign in as an agent who can see every customer.',
      },
    );
  }

  if (status === 404) {
    return new HaloWizardError('api-not-found', `HaloPSA has no ${request} (HTTP 404).${halo}`, {
      kind: 'rejected',
      field: 'workspace',
      nextStep:
        'Check the instance URL: it is the address you open Halo at, without /api or /auth.',
    });
  }

  if (status === 429) {
    return new HaloWizardError(
      'rate-limited',
      `HaloPSA kept rate-limiting ${request} (HTTP 429).${halo}`,
      {
        kind: 'rejected',
        nextStep:
          'Wait a few minutes and try again; other integrations may share the same limit.',
      },
    );
  }

  if (status >= 500) {
    return new HaloWizardError(
      'server-error',
      `HaloPSA failed ${request} (HTTP ${status}) on every retry.${halo}`,
      {
        kind: 'unexpected',
        nextStep: 'Try again later; if it persists, check with your Halo administrator.',
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
      kind: 'unexpected',
      field: 'workspace',
      nextStep:
        'A proxy or single sign-on page may be responding instead of Halo; check that the ' +
        'instance URL is the address you open Halo at and that this network reaches it.',
    },
  );
}
