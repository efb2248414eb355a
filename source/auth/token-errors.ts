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

  if (error instanceof oauth.WWWAuthenticateChallengeError && error.status === 401) {
    return explainOAuthErrorCode('invalid_client', undefined, context, error);
  }

  if (error instanceof oauth.ResponseBodyError) {
    return explainOAuthErrorCode(error.error, error.error_description, context, error);
  }

  const isNotOAuthBody =
    error instanceof oauth.OperationProcessingError &&
    (error.code === oauth.RESPONSE_IS_NOT_CONFORM ||
      error.code === oauth.RESPONSE_IS_NOT_JSON ||
      error.code === oauth.PARSE_ERROR);

  if (isNotOAuthBody || error instanceof oauth.WWWAuthenticateChallengeError) {
    return explainNonOAuthResponse(context, error);
  }

  const networkFailure = explainNetworkFailure(error, context.tokenEndpoint);

  if (networkFailure !== null) {
    return networkFailure;
  }

  const reason = error instanceof Error ? error.message : String(error);
  return new HaloWizardError(
    'token-response-invalid',
    `The token endpoint's response could not be used: ${clipForDisplay(reason)}.`,
    {kind: 'unexpected', nextStep: 'Start the sign-in again.', cause: error},
  );
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
