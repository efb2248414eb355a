import {HaloWizardError, type FailureField} from '../errors.js';
import {clipForDisplay} from '../text/strip-control.js';

// The emulator and local test servers run over plain HTTP on these hosts only. `URL.hostname`
// keeps the brackets of an IPv6 literal.
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

const schemePattern = /^[a-z][a-z\d+.-]*:\/\//i;

/** Returns whether `hostname` (as `URL.hostname` spells it) is a loopback host we allow HTTP on. */
export function isLoopbackHost(hostname: string): boolean {
  return loopbackHosts.has(hostname.toLowerCase());
}

/** Returns whether `text` starts with a URL scheme such as `https://`. */
export function hasScheme(text: string): boolean {
  return schemePattern.test(text);
}

/** Joins a base URL and a path with exactly one `/` between them. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/** Creates the usage error every field check raises: the value is quoted safely. */
export function fieldError(input: {
  code: string;
  field: FailureField;
  message: string;
  nextStep: string;
}): HaloWizardError {
  return new HaloWizardError(input.code, input.message, {
    kind: 'usage',
    field: input.field,
    nextStep: input.nextStep,
  });
}

/** Quotes a value someone typed for an error message, stripped and clipped. */
export function quote(value: string): string {
  return `"${clipForDisplay(value, 80)}"`;
}

/**
 * Parses an http or https URL, adding `https://` when no scheme is given. Throws a usage
 * error on `field` for anything else, and for URLs with a user name or password, whose
 * value is then left out of the message.
 */
export function parseWebUrl(
  input: string,
  field: FailureField,
  codePrefix: string,
  nextStep: string,
): URL {
  const text = hasScheme(input) ? input : `https://${input}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw fieldError({
      code: `${codePrefix}-invalid`,
      field,
      message: `${quote(input)} is not a valid URL.`,
      nextStep,
    });
  }

  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw fieldError({
      code: `${codePrefix}-invalid`,
      field,
      message: `${quote(input)} uses ${url.protocol.slice(0, -1)}; only https URLs are supported.`,
      nextStep,
    });
  }

  if (url.username !== '' || url.password !== '') {
    throw fieldError({
      code: `${codePrefix}-invalid`,
      field,
      message: 'The URL contains a user name or password, which HaloPSA URLs never need.',
      nextStep: `Remove the part before "@" from the URL. ${nextStep}`,
    });
  }

  return url;
}

/** Throws a usage error when `url` is plain HTTP on a host other than a loopback address. */
export function requireHttps(
  url: URL,
  field: FailureField,
  codePrefix: string,
  nextStep: string,
): void {
  if (url.protocol === 'https:' || isLoopbackHost(url.hostname)) {
    return;
  }

  throw fieldError({
    code: `${codePrefix}-insecure`,
    field,
    message:
      `${quote(url.href)} uses plain HTTP, which would send tokens unencrypted; ` +
      'HTTP is allowed only on 127.0.0.1, localhost and [::1].',
    nextStep: `Use the https:// address instead. ${nextStep}`,
  });
}
