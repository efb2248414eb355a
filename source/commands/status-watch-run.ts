import type {StatusCheck} from '../halo/types.js';
import type {CommandIo} from './output.js';
import type {StatusResult} from './status-command.js';
import {formatRoundBlock} from './status-watch-output.js';
import {watchStatus, type WatchRound} from './status-watch.js';

/** Options of `status --watch` beyond those of the one-off status command. */
export type StatusWatchOptions = {
  intervalSeconds: number;
  /** Aborts on Ctrl+C (SIGINT); the watch then ends with the last round's exit code. */
  signal: AbortSignal;
  /** Draws the live panel on a terminal; null prints one block of lines per round. */
  showLiveWatch:
    | ((
        intervalSeconds: number,
        watch: (listeners: {
          onUpdate: (checks: StatusCheck[]) => void;
          onRound: (round: WatchRound) => void;
        }) => Promise<number>,
      ) => Promise<number>)
    | null;
};

/** Runs `status --watch` on the live panel or as plain blocks, and returns the exit code. */
export async function runStatusWatch(input: {
  io: CommandIo;
  now: () => number;
  options: StatusWatchOptions;
  run: (onUpdate: (checks: StatusCheck[]) => void, signal: AbortSignal) => Promise<StatusResult>;
}): Promise<number> {
  const {io, options} = input;
  const watch = async (listeners: {
    onUpdate: (checks: StatusCheck[]) => void;
    onRound: (round: WatchRound) => void;
  }) =>
    watchStatus({
      intervalMs: options.intervalSeconds * 1000,
      signal: options.signal,
      now: input.now,
      runRound: async (signal, onUpdate) => input.run(onUpdate, signal),
      onUpdate: listeners.onUpdate,
      onRound: listeners.onRound,
    });

  const exitCode = options.showLiveWatch
    ? await options.showLiveWatch(options.intervalSeconds, watch)
    : await watch({
        onUpdate: () => undefined,
        onRound(round) {
          io.stdout.write(formatRoundBlock(round));
        },
      });
  io.stderr.write(`Stopped watching; exit code ${exitCode} from the last round.\n`);
  return exitCode;
}
