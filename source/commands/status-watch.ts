import {exitCodeFor, exitCodes} from '../exit-codes.js';
import type {StatusCheck, StatusCheckId} from '../halo/types.js';
import type {StatusResult} from './status-command.js';

/** Default and minimum of `status --watch`, in seconds. */
export const watchIntervalSeconds = {default: 30, minimum: 5, maximum: 86_400} as const;

/** One finished round of `status --watch`. */
export type WatchRound = {
  /** 1 for the first round. */
  number: number;
  /** Epoch milliseconds when the round finished. */
  finishedAt: number;
  result: StatusResult;
  /** Checks whose state or detail differ from the previous round; every check in round 1. */
  changed: ReadonlySet<StatusCheckId>;
  /** The exit code the command would give after this round. */
  exitCode: number;
};

/** Returns the ids of checks whose state or detail differ between two rounds. */
export function changedChecks(
  previous: readonly StatusCheck[] | null,
  next: readonly StatusCheck[],
): Set<StatusCheckId> {
  const changed = new Set<StatusCheckId>();
  for (const check of next) {
    const before = previous?.find((candidate) => candidate.id === check.id);
    if (before === undefined || before.state !== check.state || before.detail !== check.detail) {
      changed.add(check.id);
    }
  }

  return changed;
}

/** Returns the exit code of one round: 0 when every check passed, else the failure's code. */
export function exitCodeOfRound(result: StatusResult): number {
  if (result.ok) {
    return exitCodes.success;
  }

  const failed = result.checks.find((check) => check.state === 'failed');
  return failed?.error ? exitCodeFor(failed.error.kind) : exitCodes.rejected;
}

/** Returns the one-line verdict of a round, such as "✖ 1 of 6 checks failed". */
export function verdictOf(result: StatusResult): string {
  const failed = result.checks.filter((check) => check.state === 'failed').length;
  if (failed === 0 && result.ok) {
    return '✔ every check passed';
  }

  return `✖ ${failed} of ${result.checks.length} checks failed`;
}

/** Waits `ms`, or less when `signal` aborts; never rejects. */
export async function waitOrAbort(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) {
    return;
  }

  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };

    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, {once: true});
  });
}

/**
 * Runs the status checks every `intervalMs` until `signal` aborts (Ctrl+C), reporting each
 * finished round through `onRound`. A round cut short by the abort is dropped. Resolves with
 * the exit code of the last finished round, or 130 (128 + SIGINT) when none finished.
 */
export async function watchStatus(input: {
  intervalMs: number;
  signal: AbortSignal;
  now: () => number;
  runRound: (
    signal: AbortSignal,
    onUpdate: (checks: StatusCheck[]) => void,
  ) => Promise<StatusResult>;
  onUpdate: (checks: StatusCheck[]) => void;
  onRound: (round: WatchRound) => void;
  wait?: (ms: number, signal: AbortSignal) => Promise<void>;
}): Promise<number> {
  const wait = input.wait ?? waitOrAbort;
  let previous: StatusCheck[] | null = null;
  let exitCode = 130;

  for (let number = 1; !input.signal.aborted; number += 1) {
    const result = await input.runRound(input.signal, input.onUpdate);
    if (input.signal.aborted) {
      break;
    }

    exitCode = exitCodeOfRound(result);
    input.onRound({
      number,
      finishedAt: input.now(),
      result,
      changed: changedChecks(previous, result.checks),
      exitCode,
    });
    previous = result.checks;
    await wait(input.intervalMs, input.signal);
  }

  return exitCode;
}
