import {diagnose} from '../diagnosis/diagnose.js';
import type {StatusCheck} from '../halo/types.js';
import {stripControl, toSingleLine} from '../text/strip-control.js';
import {verdictOf, type WatchRound} from './status-watch.js';

const marks: Record<StatusCheck['state'], string> = {
  passed: '✔',
  failed: '✖',
  skipped: '-',
  pending: '·',
  running: '…',
};

/** Returns a check as "✔ Label: detail", with the likely cause and fix under a failure. */
export function formatCheckLines(check: StatusCheck, indent = ''): string[] {
  const lines = [`${indent}${marks[check.state]} ${check.label}: ${toSingleLine(check.detail)}`];
  if (check.state === 'failed' && check.error !== null) {
    const {cause, fix} = diagnose(check.error);
    if (cause !== null) {
      lines.push(`${indent}  Likely cause: ${cause}`);
    }

    if (fix !== null) {
      lines.push(`${indent}  Next step: ${fix}`);
    }
  }

  return lines;
}

/**
 * Returns the block `status --watch` prints for a round without a terminal: a heading with
 * the time and verdict, then every check in round 1 and only the changed ones after it.
 */
export function formatRoundBlock(round: WatchRound): string {
  const time = new Date(round.finishedAt).toISOString().slice(11, 19);
  const verdict = verdictOf(round.result);
  const changed = round.result.checks.filter((check) => round.changed.has(check.id));
  const noChange = round.number > 1 && changed.length === 0 ? ', no changes' : '';
  const lines = [`Round ${round.number} at ${time} UTC: ${verdict}${noChange}`];
  for (const check of changed) {
    lines.push(...formatCheckLines(check, '  '));
  }

  return `${stripControl(lines.join('\n'))}\n`;
}
