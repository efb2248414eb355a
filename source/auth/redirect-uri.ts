import {HaloWizardError} from '../errors.js';
import {clipForDisplay} from '../text/strip-control.js';
import {isLoopbackHostname} from './authorization-server.js';

/** The host, port and path the loopback receiver listens on for a redirect URI. */
export type LoopbackAddress = {
  /** The address to bind: `localhost` binds 127.0.0.1, `[::1]` binds ::1. */
  bindHost: string;
  /** 0 binds a free port, for tests and the emulator; Halo needs the registered port. */
  port: number;
  /** Only this path receives callbacks. */
  path: string;
};

/**
 * Parses a Login Redirect URL that the wizard can receive itself: `http://` on a loopback
 * host. Throws a usage error on field redirectUri for anything else.
 */
export function parseLoopbackRedirectUri(redirectUri: string): LoopbackAddress {
  let url: URL;

  try {
    url = new URL(redirectUri);
  } catch (error) {
    throw invalidRedirectUri('redirect-uri-invalid', redirectUri, 'is not a valid URL', error);
  }

  if (url.protocol !== 'http:') {
    throw invalidRedirectUri('redirect-uri-invalid', redirectUri, 'must start with http://', undefined);
  }

  if (!isLoopbackHostname(url.hostname)) {
    throw invalidRedirectUri(
      'redirect-uri-not-loopback',
      redirectUri,
      'must be on this machine (127.0.0.1 or localhost), because the wizard receives the ' +
        'sign-in there',
      undefined,
    );
  }

  if (url.hash !== '') {
    throw invalidRedirectUri('redirect-uri-invalid', redirectUri, 'must not contain a #fragment', undefined);
  }

  const bindHost =
    url.hostname === 'localhost' ? '127.0.0.1' : url.hostname.replace(/^\[(.*)\]$/, '$1');

  return {bindHost, port: url.port === '' ? 80 : Number(url.port), path: url.pathname};
}

/** Returns the redirect URI as sent: unchanged, unless port 0 was replaced by the bound port. */
export function withBoundPort(redirectUri: string, boundPort: number): string {
  const url = new URL(redirectUri);

  if (url.port !== '0') {
    return redirectUri;
  }

  return `${url.protocol}//${url.hostname}:${boundPort}${url.pathname}${url.search}`;
}

function invalidRedirectUri(
  code: string,
  redirectUri: string,
  problem: string,
  cause: unknown,
): HaloWizardError {
  return new HaloWizardError(
    code,
    `The redirect URL "${clipForDisplay(redirectUri)}" ${problem}.`,
    {
      kind: 'usage',
      field: 'redirectUri',
      nextStep:
        'Use a URL such as http://127.0.0.1:47135/callback (--redirect-uri), and register ' +
        'exactly that URL in Halo as a Login Redirect URL.',
      cause,
    },
  );
}
