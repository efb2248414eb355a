import * as oauth from 'oauth4webapi';
import {fixFor} from '../diagnosis/diagnose.js';
import {HaloWizardError} from '../errors.js';
import {clipForDisplay} from '../text/strip-control.js';
import {explainAuthorizationError} from './callback-errors.js';
import {explainNetworkFailure} from './network-errors.js';

/** The failed token request: its grant, endpoint, client ID and response. */
export type TokenRequestContext = {
  grant: 'authorization_code' | 'refresh_token';
  tokenEndpoint: string;
  clientId: string;
  /** The request's time limit, in milliseconds, for the timeout message. */
  timeoutMs: number;
  /** The response, when one arrived; its status and content type explain non-OAuth bodies. */
  response: Response | null;
};

/**
 * Turns what oauth4webapi or fetch threw for a token request into a HaloWizardError with
 * the field to fix and the next step. Error codes, not error classes, decide the message,
 * because a 401 with WWW-Authenticate arrives as a different class without `.error`.
 */
export function explainTokenError(error: unknown, context: TokenRequestContext): HaloWizardError {
  if (error instanceof HaloWizardError) {
    return error;
  }

  if (isTimeout(error)) {
    return timedOutError(context, error);
  }

  if (error instanceof oauth.WWWAuthenticateChallengeError && error.status === 401) {
    return explainOAuthErrorCode('invalid_client', undefined, context, error);
  }

  if (error instanceof oauth.ResponseBodyError) {
    return explainOAuthErrorCode(error.error, error.error_description, context, error);
  }

  if (error instanceof oauth.WWWAuthenticateChallengeError || isNotOAuthBody(error, context)) {
    return explainNonOAuthResponse(context, error);
  }

  // The codes of these errors (OAUTH_INVALID_RESPONSE...) would pass for system error codes
  // in explainNetworkFailure, so they are handled before it.
  if (error instanceof oauth.OperationProcessingError) {
    return invalidResponseError(context, error);
  }

  const networkFailure = explainNetworkFailure(error, context.tokenEndpoint);

  if (networkFailure !== null) {
    return networkFailure;
  }

  const reason = error instanceof Error ? error.message : String(error);
  return new HaloWizardError(
    'token-request-failed',
    `The token request failed unexpectedly: ${clipForDisplay(reason)}.`,
    {kind: 'unexpected', nextStep: 'Start the sign-in again.', cause: error},
  );
}

// A JSON body in a 2xx response is meant as a token response, so its faults are reported as
// an invalid token response. Anything else is a page or a server error in place of OAuth.
function isNotOAuthBody(error: unknown, context: TokenRequestContext): boolean {
  if (!(error instanceof oauth.OperationProcessingError)) {
    return false;
  }

  if (error.code === oauth.RESPONSE_IS_NOT_JSON) {
    return true;
  }

  const status = context.response?.status ?? 0;
  const isSuccess = status >= 200 && status < 300;
  return (
    !isSuccess &&
    (error.code === oauth.RESPONSE_IS_NOT_CONFORM || error.code === oauth.PARSE_ERROR)
  );
}

// The signal passed to fetch rejects with a TimeoutError DOMException. While oauth4webapi
// reads the body it may wrap that error in a parse error, so the causes are searched too.
function isTimeout(error: unknown): boolean {
  let current: unknown = error;

  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    if (current.name === 'TimeoutError') {
      return true;
    }

    current = current.cause;
  }

  return false;
}

function timedOutError(context: TokenRequestContext, cause: unknown): HaloWizardError {
  const seconds = Math.round(context.timeoutMs / 100) / 10;
  return new HaloWizardError(
    'token-request-timed-out',
    `The token endpoint ${clipForDisplay(context.tokenEndpoint, 120)} sent no response ` +
      `within ${seconds} s.`,
    {
      kind: 'rejected',
      field: 'baseUri',
      nextStep: fixFor('token-request-timed-out'),
      cause,
    },
  );
}

function invalidResponseError(
  context: TokenRequestContext,
  error: oauth.OperationProcessingError,
): HaloWizardError {
  const problem = clipForDisplay(withoutBodyValues(error.message, error.cause), 160);
  return new HaloWizardError(
    'token-response-invalid',
    `The token endpoint ${clipForDisplay(context.tokenEndpoint, 120)} returned an invalid ` +
      `token response: ${problem}.`,
    {
      kind: 'rejected',
      field: 'baseUri',
      nextStep: fixFor('token-response-invalid'),
      cause: error,
    },
  );
}

// oauth4webapi 3.8 names only the faulty property in its messages. The body may hold a
// token, so any of its string values is removed from the message in case a later version
// quotes one.
function withoutBodyValues(message: string, cause: unknown): string {
  const body = (cause as {body?: unknown} | undefined)?.body;
  if (typeof body !== 'object' || body === null) {
    return message;
  }

  let result = message;
  for (const value of Object.values(body)) {
    if (typeof value === 'string' && value.length >= 8) {
      result = result.split(value).join('[value]');
    }
  }

  return result;
}

function explainOAuthErrorCode(
  code: string,
  description: string | undefined,
  context: TokenRequestContext,
  cause: unknown,
): HaloWizardError {
  const detail = description === undefined ? '' : ` (${clipForDisplay(description)})`;

  if (code === 'invalid_client') {
    return new HaloWizardError(
      'client-rejected',
      `HaloPSA rejected the client ID "${clipForDisplay(context.clientId, 80)}" ` +
        `(invalid_client)${detail}.`,
      {
        kind: 'rejected',
        field: 'clientId',
        nextStep: fixFor('client-rejected'),
        cause,
      },
    );
  }

  if (code === 'invalid_grant' && context.grant === 'refresh_token') {
    return new HaloWizardError(
      'refresh-token-rejected',
      `The saved sign-in is no longer valid (invalid_grant)${detail}: the refresh token ` +
        'was used already, has expired or was revoked.',
      {kind: 'sign-in', nextStep: fixFor('refresh-token-rejected'), cause},
    );
  }

  if (code === 'invalid_grant') {
    return new HaloWizardError(
      'authorization-code-rejected',
      `HaloPSA rejected the authorisation code (invalid_grant)${detail}: it was used ` +
        'already or has expired.',
      {kind: 'sign-in', nextStep: fixFor('authorization-code-rejected'), cause},
    );
  }

  if (code === 'unsupported_grant_type') {
    return explainAuthorizationError('unauthorized_client', description);
  }

  return explainAuthorizationError(code, description);
}

function explainNonOAuthResponse(context: TokenRequestContext, cause: unknown): HaloWizardError {
  const status = context.response?.status ?? 0;
  const contentType = context.response?.headers.get('content-type') ?? 'no content type';
  const endpoint = clipForDisplay(context.tokenEndpoint, 120);
  const answer = `HTTP ${status} (${clipForDisplay(contentType, 60)})`;

  if (status >= 500) {
    return new HaloWizardError(
      'token-endpoint-failed',
      `The token endpoint ${endpoint} failed with ${answer}.`,
      {
        kind: 'unexpected',
        nextStep: fixFor('token-endpoint-failed'),
        cause,
      },
    );
  }

  return new HaloWizardError(
    'token-endpoint-not-oauth',
    `The token endpoint ${endpoint} answered ${answer} instead of an OAuth JSON response.`,
    {
      kind: 'usage',
      field: 'baseUri',
      nextStep: fixFor('token-endpoint-not-oauth'),
      cause,
    },
  );
}
