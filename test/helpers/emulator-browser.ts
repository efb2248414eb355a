/** What happened when the stand-in browser went through the emulator's sign-in page. */
export type EmulatorBrowserResult = {
  /** Location the auth server redirected to, or null when it responded with a page. */
  redirectedTo: string | null;
  /** Status of the page behind `redirectedTo` (the loopback listener), or null. */
  callbackStatus: number | null;
  callbackBody: string;
  /** Status of the authorize page, or of the form post when the page was a sign-in form. */
  loginPageStatus: number;
  loginPageBody: string;
};

type ParsedForm = {action: string; fields: Array<[string, string]>};

/**
 * Opens `authorizationUrl` with fetch, fills in and posts the emulator's sign-in form, follows
 * the redirect to wherever it points (the wizard's loopback listener) and returns what
 * happened. The POST is built from the form's hidden inputs, not from the URL, so a broken
 * form breaks the test. When the authorize GET itself redirects (autoApprove, an error
 * redirect) that redirect is followed instead.
 */
export async function signInWithEmulatorPage(
  authorizationUrl: string,
  options: {username: string; password: string; action?: 'approve' | 'cancel'},
): Promise<EmulatorBrowserResult> {
  const page = await fetch(authorizationUrl, {redirect: 'manual'});
  const pageBody = await page.text();
  if (page.status !== 200) {
    return followRedirect(page, pageBody);
  }

  const form = parseForm(pageBody);
  if (form === null) {
    throw new Error(`the sign-in page has no form with a POST action:\n${pageBody.slice(0, 500)}`);
  }

  const body = new URLSearchParams(form.fields);
  body.set('username', options.username);
  body.set('password', options.password);
  body.set('action', options.action ?? 'approve');
  const posted = await fetch(new URL(form.action, authorizationUrl), {
    method: 'POST',
    headers: {'content-type': 'application/x-www-form-urlencoded'},
    body,
    redirect: 'manual',
  });
  return followRedirect(posted, await posted.text());
}

async function followRedirect(response: Response, body: string): Promise<EmulatorBrowserResult> {
  const location = response.headers.get('location');
  if (response.status < 300 || response.status > 399 || location === null) {
    return {
      redirectedTo: null,
      callbackStatus: null,
      callbackBody: '',
      loginPageStatus: response.status,
      loginPageBody: body,
    };
  }

  const redirectedTo = new URL(location, response.url).href;
  const callback = await fetch(redirectedTo, {redirect: 'manual'});
  return {
    redirectedTo,
    callbackStatus: callback.status,
    callbackBody: await callback.text(),
    loginPageStatus: response.status,
    loginPageBody: body,
  };
}

// The emulator writes plain, well-formed HTML, so attribute-level regular expressions are
// enough here; they would not be for arbitrary pages.
function parseForm(html: string): ParsedForm | null {
  const formTag = /<form\b[^>]*>/i.exec(html)?.[0];
  if (formTag === undefined || readAttribute(formTag, 'method')?.toLowerCase() !== 'post') {
    return null;
  }

  const fields: Array<[string, string]> = [];
  for (const [input] of html.matchAll(/<input\b[^>]*>/gi)) {
    const name = readAttribute(input, 'name');
    if (readAttribute(input, 'type')?.toLowerCase() === 'hidden' && name !== undefined) {
      fields.push([name, readAttribute(input, 'value') ?? '']);
    }
  }

  return {action: readAttribute(formTag, 'action') ?? '', fields};
}

function readAttribute(tag: string, name: string): string | undefined {
  const value = new RegExp(`\\s${name}="([^"]*)"`, 'i').exec(tag)?.[1];
  return value === undefined ? undefined : decodeEntities(value);
}

function decodeEntities(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}
