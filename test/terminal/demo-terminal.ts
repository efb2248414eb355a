import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {findFreePort} from '../helpers/free-port.js';
import {cliPath} from '../helpers/run-cli.js';
import {shellQuote, startTmuxSession, type TmuxSession} from '../helpers/tmux.js';

/** The line the pane's shell prints once the CLI has exited. */
export const exitLinePattern = /\[halo-wizard exited with (\d+)\]/;

/** The line that lists the shell's terminal modes after the CLI exited, e.g. "icanon echo". */
export const ttyLinePattern = /\[tty modes: ([^\]]*)\]/;

export type DemoTerminal = {
  tmux: TmuxSession;
  redirectUri: string;
  /** Kills the tmux server and removes the config folder. */
  close(): Promise<void>;
};

/** What the demo prints above the wizard, read from the screen as a person would. */
export type DemoDetails = {
  workspaceUrl: string;
  clientId: string;
  username: string;
  password: string;
};

// CI silences Ink's live drawing; the others would let the developer's own terminal decide
// whether the sign-in address is a hyperlink.
const inheritedTerminalVariables = [
  'CI',
  'FORCE_HYPERLINK',
  'VTE_VERSION',
  'WT_SESSION',
  'TERM_PROGRAM',
  'KITTY_WINDOW_ID',
];

/**
 * Runs `halo-wizard --demo` in a private tmux server at `columns` × `rows`, with `env` on top
 * of an environment cleaned of CI and terminal-detection variables. Once the CLI exits, the pane's shell prints
 * the exit code and the terminal's echo and icanon modes, then waits to be killed.
 */
export async function startDemoTerminal(options: {
  columns: number;
  rows: number;
  env?: Record<string, string>;
}): Promise<DemoTerminal> {
  const configDirectory = await mkdtemp(path.join(tmpdir(), 'halo-wizard-tmux-'));
  const redirectUri = `http://127.0.0.1:${await findFreePort()}/callback`;
  const variables = {
    HALO_WIZARD_CONFIG_DIR: configDirectory,
    BROWSER: 'none',
    TERM: 'xterm-256color',
    ...options.env,
  };
  const assignments = Object.entries(variables)
    .map(([name, value]) => `${name}=${shellQuote(value)}`)
    .join(' ');
  const cli = [process.execPath, cliPath, '--demo', '--redirect-uri', redirectUri]
    .map(shellQuote)
    .join(' ');
  const unset = inheritedTerminalVariables.map(name => `-u ${name}`).join(' ');
  const afterExit = [
    'code=$?',
    `printf '\\n[halo-wizard exited with %s]\\n' "$code"`,
    `printf '[tty modes: %s]\\n' "$(stty -a | tr ' ;' '\\n\\n' | grep -xE -- '-?(echo|icanon)' | tr '\\n' ' ')"`,
    'exec sleep 3600',
  ].join('; ');

  const tmux = await startTmuxSession({
    columns: options.columns,
    rows: options.rows,
    shellCommand: `env ${unset} ${assignments} ${cli}; ${afterExit}`,
  });

  return {
    tmux,
    redirectUri,
    async close() {
      await tmux.kill();
      await rm(configDirectory, {recursive: true, force: true});
    },
  };
}

function match(screen: string, pattern: RegExp, what: string): string {
  const value = pattern.exec(screen)?.[1];
  if (value === undefined) {
    throw new Error(`The demo screen shows no ${what}. Screen:\n${screen}`);
  }

  return value;
}

/** Reads the emulator's workspace URL, Client ID and demo sign-in from the demo's preamble. */
export function readDemoDetails(screen: string): DemoDetails {
  return {
    workspaceUrl: match(screen, /Workspace URL:\s+(http:\/\/127\.0\.0\.1:\d+)/, 'workspace URL'),
    clientId: match(screen, /Client ID:\s+([0-9a-f-]{36})/, 'Client ID'),
    username: match(screen, /Demo sign-in:\s+(\S+) \//, 'demo user name'),
    password: match(screen, /Demo sign-in:\s+\S+ \/ (\S+)/, 'demo password'),
  };
}

/**
 * Step 5 once the address is printed. Ink draws the waiting frame one render before the
 * address above it, so waiting for the frame alone can catch the screen in between.
 */
export const signInScreenPattern =
  /^http:\/\/127\.0\.0\.1:\d+\/auth\/authorize\?\S+\s*$[\s\S]*Step 5 of 6[\s\S]*Waiting for you/m;

/** Reads the sign-in address the wizard printed, joined back whole from the terminal. */
export function readSignInUrl(screen: string): string {
  return match(screen, /^(http:\/\/127\.0\.0\.1:\d+\/auth\/authorize\?\S+)\s*$/m, 'sign-in URL');
}

/** Returns how many times `text` occurs on the screen, to catch lines Ink failed to erase. */
export function countOccurrences(screen: string, text: string): number {
  return screen.split(text).length - 1;
}
