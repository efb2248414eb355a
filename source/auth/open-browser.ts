import type {ChildProcess} from 'node:child_process';

/** Whether the browser was started, and if not, why, in words fit to show. */
export type OpenBrowserResult = {opened: boolean; reason: string | null};

export type OpenBrowserOptions = {
  env: NodeJS.ProcessEnv;
  /** Starts the browser; defaults to the `open` package. */
  opener?: (url: string) => Promise<ChildProcess>;
  /** @default process.platform */
  platform?: NodeJS.Platform;
  /** How long a launcher that exits non-zero still counts as failed. @default 1500 */
  exitWatchMs?: number;
};

/**
 * Opens `url` in the default browser, or returns why it could not: no display, an SSH
 * session, CI, a launcher that is missing or exits non-zero soon after starting.
 * Never throws, so the caller always goes on to print the URL.
 */
export async function openBrowser(
  url: string,
  options: OpenBrowserOptions,
): Promise<OpenBrowserResult> {
  const blocker = findBrowserBlocker(url, options.env, options.platform ?? process.platform);

  if (blocker !== null) {
    return {opened: false, reason: blocker};
  }

  const opener = options.opener ?? openWithDefaultBrowser;

  try {
    const child = await opener(url);
    return await watchLauncher(child, options.exitWatchMs ?? 1500);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {opened: false, reason: `the browser launcher could not start (${detail})`};
  }
}

function findBrowserBlocker(
  url: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
): string | null {
  if (!/^https?:\/\//i.test(url)) {
    return 'only http and https addresses are opened';
  }

  if (isSet(env['CI'])) {
    return 'CI is set, so no browser is expected';
  }

  if (isSet(env['SSH_CONNECTION']) || isSet(env['SSH_TTY'])) {
    return 'this is an SSH session, so a browser here would not be on your screen';
  }

  // WSL opens the Windows browser without any X11 or Wayland display.
  const hasDisplay =
    isSet(env['DISPLAY']) || isSet(env['WAYLAND_DISPLAY']) || isSet(env['WSL_DISTRO_NAME']);

  if (platform !== 'darwin' && platform !== 'win32' && !hasDisplay) {
    return 'no graphical display (DISPLAY and WAYLAND_DISPLAY are unset)';
  }

  return null;
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value !== 'false';
}

async function openWithDefaultBrowser(url: string): Promise<ChildProcess> {
  // Loaded on first use, because importing `open` costs startup time for every command.
  const {default: open} = await import('open');
  return open(url);
}

// `open` resolves as soon as the launcher spawns. A headless Linux launcher such as
// xdg-open then exits with code 3, and a bundled `open` may emit ENOENT instead.
async function watchLauncher(child: ChildProcess, exitWatchMs: number): Promise<OpenBrowserResult> {
  return new Promise((resolve) => {
    const finish = (result: OpenBrowserResult): void => {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.off('error', onError);
      resolve(result);
    };

    const onExit = (code: number | null, signal: NodeJS.Signals | null): void => {
      if (code === 0) {
        finish({opened: true, reason: null});
        return;
      }

      const exitDescription =
        code === null ? `was stopped by ${signal ?? 'a signal'}` : `exited with code ${code}`;
      finish({opened: false, reason: `the browser launcher ${exitDescription}`});
    };

    const onError = (error: Error): void => {
      finish({opened: false, reason: `the browser launcher could not start (${error.message})`});
    };

    const timer = setTimeout(() => finish({opened: true, reason: null}), exitWatchMs);
    child.on('exit', onExit);
    child.on('error', onError);

    if (child.exitCode !== null || child.signalCode !== null) {
      onExit(child.exitCode, child.signalCode);
    }
  });
}
