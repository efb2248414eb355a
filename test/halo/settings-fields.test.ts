import {describe, expect, it} from 'vitest';
import {isHaloWizardError} from '../../source/errors.js';
import {
  validateBaseUri,
  validateClientId,
  validateRedirectUri,
} from '../../source/halo/instance-url.js';

function codeOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (isHaloWizardError(error)) {
      return `${error.field}:${error.code}`;
    }

    throw error;
  }

  return 'no error';
}

describe('validateBaseUri', () => {
  it('strips trailing slashes', () => {
    expect(validateBaseUri('https://acme.halopsa.com/auth/')).toBe('https://acme.halopsa.com/auth');
    expect(validateBaseUri(' https://auth.halopsa.com// ')).toBe('https://auth.halopsa.com');
  });

  it('adds https when no scheme is given', () => {
    expect(validateBaseUri('acme.halopsa.com/auth')).toBe('https://acme.halopsa.com/auth');
  });

  it('allows http on loopback only', () => {
    expect(validateBaseUri('http://127.0.0.1:4000/auth')).toBe('http://127.0.0.1:4000/auth');
    expect(codeOf(() => validateBaseUri('http://acme.halopsa.com/auth'))).toBe(
      'baseUri:base-uri-insecure',
    );
  });

  it('rejects empty, api and query values', () => {
    expect(codeOf(() => validateBaseUri(' '))).toBe('baseUri:base-uri-missing');
    expect(codeOf(() => validateBaseUri('https://acme.halopsa.com/api/'))).toBe(
      'baseUri:base-uri-invalid',
    );
    expect(codeOf(() => validateBaseUri('https://auth.test/token?tenant=x'))).toBe(
      'baseUri:base-uri-invalid',
    );
  });
});

describe('validateRedirectUri', () => {
  it('keeps the value byte for byte', () => {
    expect(validateRedirectUri('http://127.0.0.1:8765/callback')).toBe(
      'http://127.0.0.1:8765/callback',
    );
    expect(validateRedirectUri('http://localhost:8765/')).toBe('http://localhost:8765/');
    expect(validateRedirectUri('http://localhost:8765')).toBe('http://localhost:8765');
    expect(validateRedirectUri('http://[::1]:8765/cb?x=1')).toBe('http://[::1]:8765/cb?x=1');
    expect(validateRedirectUri('  http://127.0.0.1:8765/Callback ')).toBe(
      'http://127.0.0.1:8765/Callback',
    );
  });

  it('requires an explicit port', () => {
    expect(codeOf(() => validateRedirectUri('http://127.0.0.1/callback'))).toBe(
      'redirectUri:redirect-uri-port-missing',
    );
    expect(validateRedirectUri('http://127.0.0.1:80/cb')).toBe('http://127.0.0.1:80/cb');
  });

  it('requires http on a loopback host', () => {
    expect(codeOf(() => validateRedirectUri('https://127.0.0.1:8765/cb'))).toBe(
      'redirectUri:redirect-uri-not-loopback',
    );
    expect(codeOf(() => validateRedirectUri('http://example.com:8765/cb'))).toBe(
      'redirectUri:redirect-uri-not-loopback',
    );
    expect(codeOf(() => validateRedirectUri('http://127.0.0.2:8765/cb'))).toBe(
      'redirectUri:redirect-uri-not-loopback',
    );
  });

  it('rejects empty, unparsable and fragment values', () => {
    expect(codeOf(() => validateRedirectUri(''))).toBe('redirectUri:redirect-uri-missing');
    expect(codeOf(() => validateRedirectUri('127.0.0.1:8765'))).toBe(
      'redirectUri:redirect-uri-invalid',
    );
    expect(codeOf(() => validateRedirectUri('not a url'))).toBe(
      'redirectUri:redirect-uri-invalid',
    );
    expect(codeOf(() => validateRedirectUri('http://127.0.0.1:8765/cb#x'))).toBe(
      'redirectUri:redirect-uri-invalid',
    );
  });
});

describe('validateClientId', () => {
  it('accepts a guid without a warning', () => {
    expect(validateClientId(' 0F8FAD5B-D9CB-469F-A165-70867728950E\n')).toEqual({
      clientId: '0F8FAD5B-D9CB-469F-A165-70867728950E',
      warning: null,
    });
  });

  it('warns about other shapes', () => {
    const result = validateClientId('0f8fad5b-d9cb-469f-a165');
    expect(result.clientId).toBe('0f8fad5b-d9cb-469f-a165');
    expect(result.warning).toContain('does not look like a Halo Client ID');
  });

  it('rejects an empty value', () => {
    expect(codeOf(() => validateClientId('  '))).toBe('clientId:client-id-missing');
  });
});
