import {toSingleLine} from '../text/strip-control.js';

/**
 * An agent or end-user object as Halo sends it. Every field but `id` may be missing or null,
 * and records carry secrets such as `password`, so they are read field by field, never logged.
 */
export type HaloRecord = {readonly id: number; readonly [field: string]: unknown};

/**
 * Reads an integer field. Halo sends some ids as doubles (`site_id` arrives as `22.0`), so a
 * fractional number is truncated. Returns null for anything that is not a finite number.
 */
export function readInteger(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return Math.trunc(value);
  }

  if (typeof value === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(value)) {
    return Math.trunc(Number(value));
  }

  return null;
}

/** Reads a text field as one drawable line; null when missing, not a string or blank. */
export function readLine(value: unknown): string | null {
  if (typeof value !== 'string') {
    return null;
  }

  const line = toSingleLine(value);
  return line === '' ? null : line;
}
