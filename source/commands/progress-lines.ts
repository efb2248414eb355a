import type {StatusCheck} from '../halo/types.js';
import {toSingleLine} from '../text/strip-control.js';

/**
 * Returns a status-check listener that writes a line each time a running check reports new
 * progress (a users page, a rate-limit wait), so a run without the live panel still shows
 * what it is waiting for.
 */
export function createProgressLines(
  write: (line: string) => void,
): (checks: StatusCheck[]) => void {
  const lastDetail = new Map<string, string>();

  return (checks) => {
    for (const check of checks) {
      if (check.state !== 'running' || check.detail === '' || lastDetail.get(check.id) === check.detail) {
        continue;
      }

      lastDetail.set(check.id, check.detail);
      write(`… ${check.label}: ${toSingleLine(check.detail)}`);
    }
  };
}
