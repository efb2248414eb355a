import {fixFor} from '../diagnosis/diagnose.js';
import {HaloWizardError} from '../errors.js';
import type {ConnectionSettings} from '../halo/types.js';
import {clipForDisplay, toSingleLine} from '../text/strip-control.js';

const maxPageCharacters = 100_000;

/** Reads an HTML error page as plain text: no scripts, styles or tags, one line. */
export async function readPageText(response: Response): Promise<string> {
  const html = (await response.text()).slice(0, maxPageCharacters);

  const text = html
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

  return toSingleLine(text);
}

/**
 * Explains the error page Halo shows at the authorise endpoint. 404 or 405 means the
 * address is not an authorise endpoint (field baseUri). Otherwise the page's words pick
 * the field: a redirect URL, else a tenant unless a client is named, else the client ID.
 */
export function explainErrorPage(input: {
  settings: ConnectionSettings;
  status: number;
  pageText: string;
}): HaloWizardError {
  const {settings, status} = input;
  const pageQuote =
    input.pageText === '' ? '' : ` The page says: "${clipForDisplay(input.pageText, 160)}"`;
  const words = input.pageText.toLowerCase();

  if (status === 404 || status === 405) {
    return new HaloWizardError(
      'authorize-endpoint-not-found',
      `The authorisation server ${clipForDisplay(settings.baseUri)} has no sign-in page ` +
        `(HTTP ${status}).${pageQuote}`,
      {
        kind: 'usage',
        field: 'baseUri',
        nextStep: fixFor('authorize-endpoint-not-found'),
      },
    );
  }

  if (/redirect[\s_-]?ur[il]/.test(words)) {
    const redirectUri = clipForDisplay(settings.redirectUri);

    return new HaloWizardError(
      'redirect-uri-not-registered',
      `HaloPSA rejected the redirect URL ${redirectUri} (HTTP ${status}).${pageQuote}`,
      {
        kind: 'rejected',
        field: 'redirectUri',
        nextStep: fixFor('redirect-uri-not-registered', {redirectUri: settings.redirectUri}),
      },
    );
  }

  if (words.includes('tenant') && !words.includes('client')) {
    return new HaloWizardError(
      'tenant-rejected',
      `HaloPSA rejected the sign-in request for its tenant (HTTP ${status}).${pageQuote}`,
      {
        kind: 'rejected',
        field: 'tenant',
        nextStep: fixFor('tenant-rejected'),
      },
    );
  }

  return new HaloWizardError(
    'client-id-not-accepted',
    `HaloPSA did not accept the client ID "${clipForDisplay(settings.clientId, 80)}" ` +
      `(HTTP ${status}).${pageQuote}`,
    {
      kind: 'rejected',
      field: 'clientId',
      nextStep: fixFor('client-id-not-accepted'),
    },
  );
}
