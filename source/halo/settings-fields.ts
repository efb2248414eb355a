import {clipForDisplay} from '../text/strip-control.js';
import {fieldError, isLoopbackHost, parseWebUrl, quote, requireHttps} from './url-rules.js';

const baseUriNextStep =
  'Copy the Authorisation Server URL from Configuration > Integrations > HaloPSA API > ' +
  'API Details in Halo.';

const redirectUriNextStep =
  'Use a loopback address with a port, such as http://127.0.0.1:8765/callback, and register ' +
  'exactly that URL as the Login Redirect URL of the application in Halo.';

// Halo generates Client IDs as GUIDs and shows them in that form.
const guidPattern = /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i;

// The scheme, host and explicit port of an http URL, read from the text itself because
// `URL.port` is empty for an explicit default port such as ":80".
const explicitPortPattern = /^http:\/\/(?:\[[^\]]*\]|[^/?#:@]*):(\d+)(?:[/?#]|$)/i;

/**
 * Validates the authorisation server base URI and returns it without a trailing slash.
 * Throws a usage error on `baseUri` for an empty or invalid value, plain HTTP off loopback,
 * a query or fragment, or the API's own `/api` address.
 */
export function validateBaseUri(input: string): string {
  const text = input.trim();
  if (text === '') {
    throw fieldError({
      code: 'base-uri-missing',
      field: 'baseUri',
      message: 'The authorisation server URL is empty.',
      nextStep: baseUriNextStep,
    });
  }

  const url = parseWebUrl(text, 'baseUri', 'base-uri', baseUriNextStep);
  requireHttps(url, 'baseUri', 'base-uri', baseUriNextStep);

  if (url.search !== '' || url.hash !== '') {
    throw fieldError({
      code: 'base-uri-invalid',
      field: 'baseUri',
      message: `${quote(text)} has a query string or fragment; the base URI has neither.`,
      nextStep: `${baseUriNextStep} Enter a tenant in the Tenant field, not in the URL.`,
    });
  }

  const path = url.pathname.replace(/\/+$/, '');
  if (/\/api$/i.test(path)) {
    throw fieldError({
      code: 'base-uri-invalid',
      field: 'baseUri',
      message: `${quote(text)} is the Resource Server (API) URL, not the authorisation server.`,
      nextStep: baseUriNextStep,
    });
  }

  return url.origin + path;
}

/**
 * Validates the loopback redirect URI and returns it byte for byte, only trimmed. Throws a
 * usage error on `redirectUri` unless it is http:// on a loopback host with an explicit port.
 */
export function validateRedirectUri(input: string): string {
  const text = input.trim();
  if (text === '') {
    throw fieldError({
      code: 'redirect-uri-missing',
      field: 'redirectUri',
      message: 'The redirect URL is empty.',
      nextStep: redirectUriNextStep,
    });
  }

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw fieldError({
      code: 'redirect-uri-invalid',
      field: 'redirectUri',
      message: `${quote(text)} is not a valid URL.`,
      nextStep: redirectUriNextStep,
    });
  }

  // The browser delivers the code to a listener halo-wizard runs on this machine, so the
  // URL must name this machine; the listener speaks plain HTTP.
  if (url.protocol !== 'http:' || !isLoopbackHost(url.hostname)) {
    throw fieldError({
      code: 'redirect-uri-not-loopback',
      field: 'redirectUri',
      message: `${quote(text)} is not an http:// address on 127.0.0.1, localhost or [::1].`,
      nextStep: redirectUriNextStep,
    });
  }

  const port = explicitPortPattern.exec(text)?.[1];
  if (port === undefined || Number(port) < 1 || Number(port) > 65_535) {
    throw fieldError({
      code: 'redirect-uri-port-missing',
      field: 'redirectUri',
      message: `${quote(text)} has no valid port; Halo matches the port exactly.`,
      nextStep: redirectUriNextStep,
    });
  }

  // OAuth forbids a fragment in a redirection URI (RFC 6749, section 3.1.2).
  if (url.hash !== '' || text.includes('#')) {
    throw fieldError({
      code: 'redirect-uri-invalid',
      field: 'redirectUri',
      message: `${quote(text)} has a fragment (#...), which OAuth redirect URLs may not have.`,
      nextStep: redirectUriNextStep,
    });
  }

  return text;
}

/** A trimmed Client ID and, when it is not shaped like Halo's GUIDs, a warning to show. */
export type ValidatedClientId = {clientId: string; warning: string | null};

/**
 * Validates a Client ID: trimmed, not empty (else a usage error on `clientId`). A value that
 * is not a 36-character GUID gets a warning only, as Halo may change its format.
 */
export function validateClientId(input: string): ValidatedClientId {
  const clientId = input.trim();
  if (clientId === '') {
    throw fieldError({
      code: 'client-id-missing',
      field: 'clientId',
      message: 'The Client ID is empty.',
      nextStep:
        'Save the application in Halo (Configuration > Integrations > HaloPSA API > ' +
        'View Applications), then copy the Client ID it shows.',
    });
  }

  if (guidPattern.test(clientId)) {
    return {clientId, warning: null};
  }

  const warning =
    `"${clipForDisplay(clientId, 60)}" does not look like a Halo Client ID, which is a ` +
    '36-character GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e; check that the whole ' +
    'value was copied.';
  return {clientId, warning};
}
