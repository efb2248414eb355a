import type {ConnectionSettings, Environment} from '../halo/types.js';
import {clipForDisplay} from '../text/strip-control.js';
import {createAuthorizationServer} from './authorization-server.js';
import {createAuthorizationRequest} from './authorize-url.js';
import {defaultScope} from './defaults.js';
import {explainNetworkFailure} from './network-errors.js';
import {explainErrorPage, readPageText} from './preflight-error-page.js';

/** The preflight result: `ok` means Halo showed a login page or redirected onwards. */
export type PreflightResult = {verdict: 'ok' | 'unknown'; detail: string};

const preflightTimeoutMs = 10_000;

/**
 * Requests the authorise URL with the entered client ID and redirect URL, without
 * following redirects, before the browser opens. A Halo error page (HTML with a 4xx
 * status) or a 404 throws HaloWizardError naming the field to fix. So does a server that
 * cannot be reached at all, because the token request from this machine would fail the same
 * way. A time-out or any other response returns `unknown` with a detail, and the caller goes on.
 */
export async function preflightSignIn(input: {
  settings: ConnectionSettings;
  environment: Environment;
}): Promise<PreflightResult> {
  const {settings, environment} = input;
  const server = createAuthorizationServer(settings, environment);
  const {authorizationUrl} = await createAuthorizationRequest({
    server,
    redirectUri: settings.redirectUri,
    scope: settings.scope.trim() === '' ? defaultScope : settings.scope,
  });

  let response: Response;

  try {
    response = await environment.fetch(authorizationUrl, {
      redirect: 'manual',
      headers: {Accept: 'text/html'},
      signal: AbortSignal.timeout(preflightTimeoutMs),
    });
  } catch (error) {
    const failure = explainNetworkFailure(error, authorizationUrl);
    if (failure !== null && failure.code !== 'server-timed-out') {
      throw failure;
    }

    const reason = error instanceof Error ? error.message : String(error);
    return {verdict: 'unknown', detail: failure?.message ?? clipForDisplay(reason)};
  }

  const contentType = response.headers.get('content-type') ?? '';
  const answer = `HTTP ${response.status}`;

  if (response.status === 200) {
    await response.body?.cancel();
    return {verdict: 'ok', detail: `The authorisation server showed its sign-in page (${answer}).`};
  }

  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    return {verdict: 'ok', detail: `the authorisation server redirected onwards (${answer})`};
  }

  const isHtml = contentType.includes('text/html');
  // A 404 or 405 means no authorise endpoint lives at this address, whatever the body.
  const isMissingEndpoint = response.status === 404 || response.status === 405;
  const isErrorPage =
    isMissingEndpoint || (response.status >= 400 && response.status < 500 && isHtml);

  if (!isErrorPage) {
    await response.body?.cancel();
    const shownType = clipForDisplay(contentType === '' ? 'no content type' : contentType, 60);
    return {verdict: 'unknown', detail: `unexpected answer ${answer} (${shownType})`};
  }

  const pageText = isHtml ? await readPageText(response) : '';

  if (!isHtml) {
    await response.body?.cancel();
  }

  throw explainErrorPage({settings, status: response.status, pageText});
}

