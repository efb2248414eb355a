import type {ServerResponse} from 'node:http';
import {
  buildRedirect,
  checkAuthorizeRequest,
  type AuthorizeCheck,
  type AuthorizeRequest,
} from './authorize-request.js';
import {issuerFor, type EmulatorContext} from './emulator-context.js';
import {sendHtml, sendRedirect, type Parameters} from './http-helpers.js';
import {renderLoginPage} from './login-page.js';

/**
 * Handles `GET <auth>/authorize`: sends the sign-in page, or with `autoApprove` a code at once.
 * `formAction` is the path the sign-in form posts back to.
 */
export function handleAuthorizeGet(
  context: EmulatorContext,
  query: Parameters,
  search: URLSearchParams,
  formAction: string,
  response: ServerResponse,
): void {
  const check = checkAuthorizeRequest(context, query);
  if (check.kind !== 'valid') {
    respondToFailure(check, response);
    return;
  }

  const autoApprove = context.options.autoApprove;
  if (autoApprove !== null) {
    approve(context, check.request, autoApprove.agentId, response);
    return;
  }

  showLoginPage(context, check.request, [...search], formAction, '', null, response);
}

/** Handles the sign-in form posted to `<auth>/authorize`. */
export function handleAuthorizePost(
  context: EmulatorContext,
  form: Parameters,
  body: URLSearchParams,
  formAction: string,
  response: ServerResponse,
): void {
  // Hidden fields for the page when it is shown again: the authorize parameters only.
  const formFields = new Set(['username', 'password', 'action']);
  const authorizeFields = [...body].filter(([name]) => !formFields.has(name));
  const check = checkAuthorizeRequest(context, {values: form.values, repeated: form.repeated});
  if (check.kind !== 'valid') {
    respondToFailure(check, response);
    return;
  }

  const {request} = check;
  if (form.values.get('action') === 'cancel') {
    redirectWithError(
      request,
      'access_denied',
      'The authorization was denied by the end user.',
      response,
    );
    return;
  }

  const username = form.values.get('username') ?? '';
  const typedName = username.trim().toLowerCase();
  const login = context.data.logins.find((candidate) => candidate.username === typedName);
  const agent = context.data.agents.find((candidate) => candidate.id === login?.agentId);
  if (agent === undefined || form.values.get('password') !== context.demoCredentials.password) {
    showLoginPage(
      context,
      request,
      authorizeFields,
      formAction,
      username,
      'The username or password is incorrect.',
      response,
    );
    return;
  }

  if (agent.isdisabled || agent.isapiagent) {
    const reason = agent.isdisabled
      ? 'This account is disabled.'
      : 'API-only agents cannot sign in to the web.';
    showLoginPage(context, request, authorizeFields, formAction, username, reason, response);
    return;
  }

  approve(context, request, agent.id, response);
}

function approve(
  context: EmulatorContext,
  request: AuthorizeRequest,
  agentId: number,
  response: ServerResponse,
): void {
  const agent = context.data.agents.find((candidate) => candidate.id === agentId);
  if (agent === undefined || agent.isdisabled || agent.isapiagent) {
    redirectWithError(request, 'access_denied', 'This agent cannot sign in.', response);
    return;
  }

  if (!context.application.allowAgents) {
    redirectWithError(
      request,
      'access_denied',
      'Agent logins are not allowed for this application.',
      response,
    );
    return;
  }

  const code = context.registry.issueCode(
    {agentId, clientId: request.clientId, scope: request.grantedScope},
    {
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      ttlS: context.options.codeTtlS,
    },
  );
  const location = buildRedirect(
    request.redirectUri,
    {code, state: request.state, iss: issuerFor(context)},
  );
  sendRedirect(response, location);
}

function showLoginPage(
  context: EmulatorContext,
  request: AuthorizeRequest,
  hiddenFields: Array<[string, string]>,
  formAction: string,
  username: string,
  error: string | null,
  response: ServerResponse,
): void {
  const page = renderLoginPage({
    applicationName: context.application.name,
    workspace: context.options.sharedAuthHost?.tenant ?? new URL(context.instanceUrl).host,
    formAction,
    redirectOrigin: new URL(request.redirectUri).origin,
    hiddenFields,
    username,
    error,
    demoCredentials: context.demoCredentials,
  });
  sendHtml(response, 200, page.html, page.contentSecurityPolicy);
}

function respondToFailure(
  check: Exclude<AuthorizeCheck, {kind: 'valid'}>,
  response: ServerResponse,
): void {
  if (check.kind === 'page') {
    sendHtml(response, 400, check.page.html, check.page.contentSecurityPolicy);
    return;
  }

  const location = buildRedirect(
    check.redirectUri,
    {error: check.error, error_description: check.description, state: check.state},
  );
  sendRedirect(response, location);
}

function redirectWithError(
  request: AuthorizeRequest,
  error: string,
  description: string,
  response: ServerResponse,
): void {
  const parameters = {error, error_description: description, state: request.state};
  sendRedirect(response, buildRedirect(request.redirectUri, parameters));
}
