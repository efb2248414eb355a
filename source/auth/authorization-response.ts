import * as oauth from 'oauth4webapi';
import {HaloWizardError} from '../errors.js';
import {clipForDisplay} from '../text/strip-control.js';
import type {AuthorizationServerContext} from './authorization-server.js';
import {explainAuthorizationError} from './callback-errors.js';

/** A callback that passed every check: the parameters to send to the token endpoint. */
export type ValidatedCallback = {
  /** Branded by oauth4webapi; the code grant accepts no other parameters object. */
  parameters: URLSearchParams;
  /** The server with its issuer set to the received `iss` when only a slash differed. */
  server: AuthorizationServerContext;
};

/**
 * Returns whether a callback belongs to this attempt. A missing or different `state` comes
 * from an older tab or another page; it must not end the wait or reach the token endpoint.
 */
export function isCallbackForAttempt(parameters: URLSearchParams, state: string): boolean {
  return parameters.get('state') === state;
}

/**
 * Validates a callback with oauth4webapi (repeated parameters, `iss`, `state`, `error`).
 * Throws HaloWizardError for an error redirect, an issuer from another server or a
 * malformed response.
 */
export function validateCallback(input: {
  server: AuthorizationServerContext;
  parameters: URLSearchParams;
  state: string;
}): ValidatedCallback {
  const server = acceptIssuerSlashVariant(input.server, input.parameters.get('iss'));

  try {
    const parameters = oauth.validateAuthResponse(
      server.authorizationServer,
      server.client,
      input.parameters,
      input.state,
    );

    return {parameters, server};
  } catch (error) {
    throw explainCallbackFailure(error, server, input.parameters.get('iss'));
  }
}

// oauth4webapi compares `iss` with the issuer exactly, but Halo may add or drop a trailing
// slash on its issuer. Only that difference is forgiven; another issuer still fails.
function acceptIssuerSlashVariant(
  server: AuthorizationServerContext,
  issuer: string | null,
): AuthorizationServerContext {
  const expected = server.authorizationServer.issuer;

  if (issuer === null || issuer === expected) {
    return server;
  }

  if (issuer.replace(/\/+$/, '') !== expected.replace(/\/+$/, '')) {
    return server;
  }

  return {...server, authorizationServer: {...server.authorizationServer, issuer}};
}

function explainCallbackFailure(
  error: unknown,
  server: AuthorizationServerContext,
  receivedIssuer: string | null,
): HaloWizardError {
  if (error instanceof oauth.AuthorizationResponseError) {
    return explainAuthorizationError(error.error, error.error_description);
  }

  const isIssuerMismatch =
    error instanceof oauth.OperationProcessingError && error.message.includes('"iss"');

  if (isIssuerMismatch && receivedIssuer !== null) {
    return new HaloWizardError(
      'issuer-mismatch',
      `The sign-in response came from the issuer "${clipForDisplay(receivedIssuer)}", not from ` +
        `${clipForDisplay(server.authorizationServer.issuer)}.`,
      {
        kind: 'sign-in',
        field: 'baseUri',
        nextStep:
          'Copy the Authorisation Server URL from Configuration > Integrations > HaloPSA API > ' +
          'API Details, then sign in again.',
        cause: error,
      },
    );
  }

  return new HaloWizardError(
    'callback-invalid',
    'The sign-in response was malformed: ' +
      `${clipForDisplay(error instanceof Error ? error.message : String(error))}.`,
    {kind: 'sign-in', nextStep: 'Start the sign-in again.', cause: error},
  );
}
