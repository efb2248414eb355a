import {describe, expect, it} from 'vitest';
import {parseLoopbackRedirectUri, withBoundPort} from '../../source/auth/redirect-uri.js';

describe('parseLoopbackRedirectUri', () => {
  it('binds 127.0.0.1 for localhost', () => {
    expect(parseLoopbackRedirectUri('http://localhost:47135/callback')).toEqual({
      bindHost: '127.0.0.1',
      port: 47_135,
      path: '/callback',
    });
  });

  it('binds ::1 for the ipv6 loopback', () => {
    expect(parseLoopbackRedirectUri('http://[::1]:47135/cb').bindHost).toBe('::1');
  });

  it('rejects hosts other than this machine', () => {
    for (const redirectUri of [
      'http://example.test:47135/callback',
      'http://10.0.0.1:47135/callback',
      'http://127.0.0.1.example.test:47135/callback',
    ]) {
      expect(() => parseLoopbackRedirectUri(redirectUri)).toThrow(
        expect.objectContaining({
          code: 'redirect-uri-not-loopback',
          field: 'redirectUri',
          kind: 'usage',
        }),
      );
    }
  });

  it('rejects https, fragments and non-urls', () => {
    for (const redirectUri of [
      'https://127.0.0.1:47135/callback',
      'http://127.0.0.1:47135/callback#x',
      'callback',
    ]) {
      expect(() => parseLoopbackRedirectUri(redirectUri)).toThrow(
        expect.objectContaining({code: 'redirect-uri-invalid', field: 'redirectUri'}),
      );
    }
  });
});

describe('withBoundPort', () => {
  it('keeps a fixed-port uri unchanged', () => {
    expect(withBoundPort('http://127.0.0.1:47135/callback', 5000)).toBe(
      'http://127.0.0.1:47135/callback',
    );
  });

  it('replaces port 0 with the bound port', () => {
    expect(withBoundPort('http://localhost:0/cb', 5000)).toBe('http://localhost:5000/cb');
  });
});
