import {setTimeout as delay} from 'node:timers/promises';

/** Waits `ms` milliseconds; rejects with the signal's reason when it aborts first. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** A pause before retrying a request, reported so a screen can count it down. */
export type RetryWait = {
  reason: 'rate-limited' | 'server-error';
  /** The request being retried, such as "GET /api/Users". */
  request: string;
  delayMs: number;
  /** 1 for the first retry of this request. */
  attempt: number;
};

/** Waits on real timers. */
export const realSleep: Sleep = async (ms, signal) => {
  await delay(ms, undefined, signal === undefined ? undefined : {signal});
};

/** Retries of one request after HTTP 429 before reporting the rate limit. */
export const maxRateLimitRetries = 6;

/** Retries of one GET after a 5xx status before reporting it. */
export const maxServerErrorRetries = 3;

/** The longest `Retry-After` waited; a longer one is reported instead of waited out. */
export const maxRetryAfterMs = 5 * 60_000;

/**
 * Reads a `Retry-After` header as milliseconds to wait: delay-seconds or an HTTP date
 * (RFC 9110, section 10.2.3). Returns null when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) {
    return null;
  }

  const text = value.trim();
  if (/^\d+$/.test(text)) {
    return Number(text) * 1000;
  }

  // Date.parse accepts bare numbers such as "-5" as years; an HTTP date names its month.
  const date = /[a-z]/i.test(text) ? Date.parse(text) : Number.NaN;
  if (Number.isNaN(date)) {
    return null;
  }

  return Math.max(0, date - now);
}

/**
 * Returns the wait before rate-limit retry `attempt` (1-based) when the server named none:
 * 5 s, doubling up to 60 s.
 */
export function rateLimitBackoffMs(attempt: number): number {
  return Math.min(5000 * 2 ** (attempt - 1), 60_000);
}

/** Returns the wait before server-error retry `attempt` (1-based): 1 s, 2 s, 4 s. */
export function serverErrorBackoffMs(attempt: number): number {
  return 1000 * 2 ** (attempt - 1);
}
