import {execFile, spawnSync} from 'node:child_process';
import {randomUUID} from 'node:crypto';
import {promisify} from 'node:util';

const run = promisify(execFile);

// Ink swaps a component's key handler in a passive effect after each frame, so a key sent
// faster than a person types can reach the previous step's handler. This is typing speed.
const keyPaceMs = 60;

async function pace(): Promise<void> {
  await new Promise(resolve => setTimeout(resolve, keyPaceMs));
}

/** Quotes `value` for a POSIX shell command line. */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Returns whether `tmux -V` runs and exits 0 on this machine. */
export function hasTmux(): boolean {
  return spawnSync('tmux', ['-V'], {stdio: 'ignore'}).status === 0;
}

export type CaptureOptions = {
  /** Joins lines the terminal wrapped, as copying from the terminal would (`-J`). */
  join?: boolean;
  /** Keeps colour and style escapes (`-e`). */
  escapes?: boolean;
};

export type TmuxSession = {
  /** The server socket name, unique per session, passed to `tmux -L`. */
  socket: string;
  capture(options?: CaptureOptions): Promise<string>;
  /** Sends tmux key names such as `Enter`, `Escape`, `Down`, `C-c` or `Space`. */
  sendKeys(...keys: string[]): Promise<void>;
  /** Types `text` literally, character by character as a terminal would deliver it. */
  typeText(text: string): Promise<void>;
  resize(columns: number, rows: number): Promise<void>;
  /** Appends every byte the program writes from now on to `file` (`pipe-pane`). */
  recordOutput(file: string): Promise<void>;
  /** Whether the terminal shows its cursor (tmux's `cursor_flag`). */
  isCursorVisible(): Promise<boolean>;
  /** Polls the joined screen until `pattern` matches and returns that screen. */
  waitForScreen(pattern: RegExp, options?: CaptureOptions & {timeoutMs?: number}): Promise<string>;
  /** Kills the tmux server and with it every process in the pane. */
  kill(): Promise<void>;
};

/**
 * Starts a private tmux server (its own `-L` socket, no user config) with one window of
 * `columns` × `rows` running `shellCommand` under `sh -c`.
 */
export async function startTmuxSession(options: {
  columns: number;
  rows: number;
  shellCommand: string;
}): Promise<TmuxSession> {
  const socket = `halo-wizard-test-${randomUUID().slice(0, 8)}`;
  const tmux = async (...args: string[]) => {
    const {stdout} = await run('tmux', ['-L', socket, '-f', '/dev/null', ...args]);
    return stdout;
  };

  await tmux(
    'new-session', '-d', '-s', 'main',
    '-x', String(options.columns), '-y', String(options.rows),
    options.shellCommand,
  );
  // A fixed window size: without it tmux shrinks the window to the smallest attached client.
  await tmux('set-option', '-g', 'window-size', 'manual');

  const capture = async ({join = true, escapes = false}: CaptureOptions = {}) => {
    const flags = [join ? '-J' : '', escapes ? '-e' : ''].filter(Boolean);
    return tmux('capture-pane', '-p', '-t', 'main', ...flags);
  };

  return {
    socket,
    capture,
    async sendKeys(...keys) {
      // One key per call: Ink reads a burst of bytes as a paste, so Enter after typed text
      // would land in the text field instead of submitting it.
      for (const key of keys) {
        await pace();
        await tmux('send-keys', '-t', 'main', key);
      }
    },
    async typeText(text) {
      await pace();
      await tmux('send-keys', '-t', 'main', '-l', text);
    },
    async resize(columns, rows) {
      await tmux('resize-window', '-t', 'main', '-x', String(columns), '-y', String(rows));
    },
    async recordOutput(file) {
      await tmux('pipe-pane', '-o', '-t', 'main', `cat >> ${shellQuote(file)}`);
    },
    async isCursorVisible() {
      return (await tmux('display-message', '-p', '-t', 'main', '#{cursor_flag}')).trim() === '1';
    },
    async waitForScreen(pattern, {timeoutMs = 15_000, ...captureOptions} = {}) {
      const deadline = Date.now() + timeoutMs;
      let screen = '';
      while (Date.now() < deadline) {
        screen = await capture(captureOptions);
        if (pattern.test(screen)) {
          return screen;
        }

        await new Promise(resolve => setTimeout(resolve, 50));
      }

      throw new Error(`The terminal never showed ${pattern} in ${timeoutMs} ms. Screen:\n${screen}`);
    },
    async kill() {
      await tmux('kill-server').catch(() => undefined);
    },
  };
}
