import type {StatusCheck} from '../halo/types.js';
import {stripControl} from '../text/strip-control.js';

/** Builds the `checks` array of `status --json` and `setup --json`. */
export function checksJson(
  checks: StatusCheck[],
): Array<{id: string; ok: boolean; detail: string}> {
  return checks.map((check) => ({
    id: check.id,
    ok: check.state === 'passed',
    detail: stripControl(check.detail),
  }));
}
