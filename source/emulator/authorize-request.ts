import type {EmulatorContext} from './emulator-context.js';
import type {Parameters} from './http-helpers.js';
import {renderErrorPage, type HtmlPage} from './login-page.js';
import {clipForDisplay} from '../text/strip-control.js';
import {grantableScopes, isKnownScope, splitScope} from './scopes.js';

/** An authorize request that passed every check, with the scopes the application may grant. */
export type AuthorizeRequest = {
  clientId: string;
  redirectUri: string;
  state: string | null;
  codeChallenge: string;
  grantedScope: string;
};

/** The outcome of checking an authorize request, in the order the auth server checks. */
export type AuthorizeCheck =
  | {kind: 'page'; page: HtmlPage}
  | {
      kind: 'redirect';
      redirectUri: string;
      state: string | null;
      error: string;
      description: string;
    }
  | {kind: 'valid'; request: AuthorizeRequest};

// An unpadded base64url SHA-256 digest is always 43 characters.
const s256Challenge = /^[A-Za-z0-9_-]{43}$/;

/**
 * Checks an authorize request. The client and the redirect URI come first: until both are
 * known good the server must not redirect (RFC 6749 §4.1.2.1), so their failures are an HTML
 * page. Later failures redirect to the client with `error` and `state`.
 */
export function checkAuthorizeRequest(
  context: EmulatorContext,
  parameters: Parameters,
): AuthorizeCheck {
  const {values, repeated} = parameters;
  const {application} = context;
  const shared = context.options.sharedAuthHost;
  if (shared !== null && values.get('tenant') !== shared.tenant) {
    return page(
      'Unknown tenant',
      `The tenant '${clipForDisplay(values.get('tenant') ?? '')}' was not found on this server.`,
    );
  }

  const clientId = values.get('client_id');
  if (clientId === undefined || repeated.includes('client_id')) {
    return page('Invalid request', "The mandatory 'client_id' parameter is missing.");
  }

  if (clientId !== application.clientId || !application.active) {
    return page(
      'Invalid client',
      `The client application '${clipForDisplay(clientId)}' was not found or is not active.`,
    );
  }

  const redirectUri = values.get('redirect_uri');
  if (redirectUri === undefined || repeated.includes('redirect_uri')) {
    return page('Invalid request', "The mandatory 'redirect_uri' parameter is missing.");
  }

  if (!application.redirectUris.includes(redirectUri)) {
    return page(
      'Invalid redirect URI',
      `The redirect URI '${clipForDisplay(redirectUri)}' is not registered for this application.`,
    );
  }

  const state = values.get('state') ?? null;
  const fail = (
    error: string,
    description: string,
  ): AuthorizeCheck => ({kind: 'redirect', redirectUri, state, error, description});
  if (repeated.length > 0) {
    return fail(
      'invalid_request',
      `The '${clipForDisplay(repeated[0] ?? '', 80)}' parameter must not be repeated.`,
    );
  }

  if (values.get('response_type') !== 'code') {
    return fail(
      'unsupported_response_type',
      "The specified 'response_type' is not supported; use 'code'.",
    );
  }

  const codeChallenge = values.get('code_challenge');
  if (codeChallenge === undefined) {
    return fail('invalid_request', "The mandatory 'code_challenge' parameter is missing.");
  }

  if (values.get('code_challenge_method') !== 'S256' || !s256Challenge.test(codeChallenge)) {
    return fail(
      'invalid_request',
      "The 'code_challenge_method' must be 'S256' with a SHA-256 challenge.",
    );
  }

  const requested = splitScope(values.get('scope') ?? '');
  if (requested.length === 0) {
    return fail('invalid_request', "The mandatory 'scope' parameter is missing.");
  }

  const unknown = requested.find((name) => !isKnownScope(name));
  if (unknown !== undefined) {
    return fail(
      'invalid_scope',
      `The specified scope '${clipForDisplay(unknown, 80)}' is not valid.`,
    );
  }

  if (application.method !== 'authorization-code') {
    return fail(
      'unauthorized_client',
      'This client application is not allowed to use the authorization code flow.',
    );
  }

  const grantedScope = grantableScopes(requested, application.scopes).join(' ');
  return {kind: 'valid', request: {clientId, redirectUri, state, codeChallenge, grantedScope}};
}

/** Returns the redirect URI with the response parameters added, keeping its own query. */
export function buildRedirect(
  redirectUri: string,
  parameters: Record<string,
  string | null>,
): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== null) {
      url.searchParams.set(name, value);
    }
  }

  return url.href;
}

function page(title: string, message: string): AuthorizeCheck {
  return {kind: 'page', page: renderErrorPage(title, message)};
}
