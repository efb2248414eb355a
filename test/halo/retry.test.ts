import {describe, expect, it} from 'vitest';
import {
  parseRetryAfter,
  rateLimitBackoffMs,
  serverErrorBackoffMs,
} from '../../source/halo/retry.js';

const now = Date.UTC(2025, 2, 1, 12, 0, 0);

describe('parseRetryAfter', () => {
  it('reads delay seconds', () => {
    expect(parseRetryAfter('12', now)).toBe(12_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
  });

  it('reads an http date', () => {
    expect(parseRetryAfter('Sat, 01 Mar 2025 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Sat, 01 Mar 2025 11:00:00 GMT', now)).toBe(0);
  });

  it('returns null for absent or unreadable values', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
  });
});

describe('backoff', () => {
  it('doubles rate-limit waits from 5 s to 60 s', () => {
    expect([1, 2, 3, 4, 5, 6].map(rateLimitBackoffMs)).toEqual([
      5000, 10_000, 20_000, 40_000, 60_000, 60_000,
    ]);
  });

  it('doubles server-error waits from 1 s', () => {
    expect([1, 2, 3].map(serverErrorBackoffMs)).toEqual([1000, 2000, 4000]);
  });
});
