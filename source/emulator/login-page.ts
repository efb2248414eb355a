import {randomToken} from './jwt.js';

/** An HTML page with the Content-Security-Policy that goes with it. */
export type HtmlPage = {html: string; contentSecurityPolicy: string};

export type LoginPageInput = {
  applicationName: string;
  workspace: string;
  /** Path the form posts to, e.g. `/auth/authorize`. */
  formAction: string;
  /** Origin of the validated redirect URI: the browser must be allowed to follow the 302 there. */
  redirectOrigin: string;
  /** Every original authorize parameter, repeated in hidden inputs. */
  hiddenFields: Array<[string, string]>;
  username: string;
  error: string | null;
  demoCredentials: {username: string; password: string};
};

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Renders the Halo-like sign-in page: Approve posts the credentials, Cancel declines. */
export function renderLoginPage(input: LoginPageInput): HtmlPage {
  const hidden = input.hiddenFields
    .map(([
      name,
      value,
    ]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n      ');
  const error =
    input.error === null ? '' : `<p class="error" role="alert">${escapeHtml(input.error)}</p>`;
  const body = `<h1>Sign in to HaloPSA</h1>
    <p class="meta"><span>Workspace</span> ${escapeHtml(input.workspace)}</p>
    <p class="meta"><span>Application</span> ${escapeHtml(input.applicationName)}</p>
    ${error}
    <form method="post" action="${escapeHtml(input.formAction)}">
      ${hidden}
      <label for="username">Username</label>
      <input id="username" name="username" autocomplete="username"
        value="${escapeHtml(input.username)}" required>
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required>
      <div class="actions">
        <button type="submit" name="action" value="approve">Sign in</button>
        <button type="submit" name="action" value="cancel" formnovalidate
          class="secondary">Cancel</button>
      </div>
    </form>
    <p class="demo">Emulator demo sign-in:
      <code>${escapeHtml(input.demoCredentials.username)}</code>
      / <code>${escapeHtml(input.demoCredentials.password)}</code></p>`;
  return renderPage('Sign in - HaloPSA', body, `'self' ${input.redirectOrigin}`);
}

/** Renders the page the auth server shows instead of redirecting, e.g. for an unknown client. */
export function renderErrorPage(title: string, message: string): HtmlPage {
  const body = `<h1>${escapeHtml(title)}</h1>
    <p class="error" role="alert">${escapeHtml(message)}</p>
    <p class="meta">Nothing was sent to the application. Close this tab and check the
      application under Configuration &gt; Integrations &gt; HaloPSA API.</p>`;
  return renderPage(`${title} - HaloPSA`, body, "'none'");
}

const methodLabels: Record<string, string> = {
  'authorization-code': 'Authorisation Code (Native Application)',
  services: 'Client ID and Secret (Services)',
  implicit: 'Implicit Flow (Single Page Application)',
  'username-password': 'Username & Password',
  'api-key': 'API Key',
};

/**
 * Renders the emulator's stand-in for Halo's application screen (Configuration > Integrations
 * > HaloPSA API > View Applications), so a demo shows where the Client ID and the Login
 * Redirect URL come from. Real Halo draws this screen inside its web app.
 */
export function renderApplicationPage(input: {
  application: {
    name: string;
    clientId: string;
    redirectUris: string[];
    method: string;
    active: boolean;
    allowAgents: boolean;
    allowUsers: boolean;
    scopes: string[];
  };
  authUrl: string;
  tenant: string;
}): HtmlPage {
  const {application} = input;
  const row = (label: string, value: string) =>
    `<p class="meta"><span>${escapeHtml(label)}</span> ${escapeHtml(value)}</p>`;
  const body = `<h1>HaloPSA API applications</h1>
    <p>Configuration &gt; Integrations &gt; HaloPSA API &gt; View Applications</p>
    ${row('Authorisation Server', input.authUrl)}
    ${row('Tenant', input.tenant)}
    <h1>${escapeHtml(application.name)}</h1>
    ${row('Client ID', application.clientId)}
    ${row('Method', methodLabels[application.method] ?? application.method)}
    ${row('Active', application.active ? 'yes' : 'no')}
    ${row('Redirect URL', application.redirectUris.join(', '))}
    ${row('Agent logins', application.allowAgents ? 'allowed' : 'not allowed')}
    ${row('User logins', application.allowUsers ? 'allowed' : 'not allowed')}
    ${row('Permissions', application.scopes.join(' '))}
    <p class="demo">This is the HaloPSA emulator. Its application is already registered with
      these settings; type the Client ID above into halo-wizard.</p>`;
  return renderPage('API applications - HaloPSA', body, "'none'");
}

// The nonce lets the one inline style block run while every other inline content and all
// external loads stay blocked. `form-action` must name the redirect origin, because browsers
// apply it to the redirect that follows a form submission too.
function renderPage(title: string, body: string, formAction: string): HtmlPage {
  const nonce = randomToken(16);
  const html = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <style nonce="${nonce}">
    body { margin: 0; font: 15px/1.5 system-ui, sans-serif; background: #eef1f5; color: #1d2733; }
    main { max-width: 520px; margin: 8vh auto; background: #fff; padding: 28px 32px;
      border-radius: 8px; box-shadow: 0 2px 10px rgba(0, 0, 0, 0.08); }
    h1 { font-size: 20px; margin: 0 0 12px; color: #0a4d8c; }
    .meta { margin: 2px 0; color: #4a5868; } .meta span { display: inline-block; width: 96px; }
    .error { background: #fdecea; color: #8a1c12; padding: 8px 12px; border-radius: 4px; }
    label { display: block; margin-top: 14px; font-weight: 600; }
    input { width: 100%; box-sizing: border-box; padding: 8px; margin-top: 4px;
      border: 1px solid #b8c2cc; border-radius: 4px; font: inherit; }
    .actions { display: flex; gap: 8px; margin-top: 20px; }
    button { flex: 1; padding: 9px; border: 0; border-radius: 4px; font: inherit;
      background: #0a4d8c; color: #fff; cursor: pointer; }
    button.secondary { background: #dde3ea; color: #1d2733; }
    .demo { margin-top: 20px; font-size: 13px; color: #4a5868; }
  </style>
</head>
<body>
  <main>
    ${body}
  </main>
</body>
</html>
`;
  const contentSecurityPolicy = [
    "default-src 'none'",
    `style-src 'nonce-${nonce}'`,
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
  return {html, contentSecurityPolicy};
}
