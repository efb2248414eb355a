// OSC 8 hyperlinks: ESC ] 8 ; ; URL BEL starts a link and ESC ] 8 ; ; BEL ends it. A terminal
// that does not know the sequence should ignore it, but some older ones print it as text, so
// links are only written where the environment names a terminal known to draw them.
const linkStart = '\u001B]8;;';
const linkEnd = '\u0007';

function parseVersion(version: string | undefined): {major: number; minor: number} {
  const [major = 0, minor = 0] = (version ?? '').split('.').map(part => Number.parseInt(part, 10));
  return {major: Number.isNaN(major) ? 0 : major, minor: Number.isNaN(minor) ? 0 : minor};
}

/**
 * Returns whether OSC 8 hyperlinks should be written to a stream, judged from the environment.
 * `FORCE_HYPERLINK` decides first: `0` or `false` turns links off, any other value on.
 * Otherwise links go only to a terminal stream whose TERM is not `dumb`, in Windows Terminal,
 * VTE 0.50 or newer (GNOME Terminal, Tilix), iTerm2 3.1 or newer, WezTerm, VS Code, ghostty
 * or kitty.
 */
export function supportsHyperlinks(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  const forced = env['FORCE_HYPERLINK'];
  if (forced !== undefined && forced !== '') {
    return forced !== '0' && forced.toLowerCase() !== 'false';
  }

  if (!isTTY || env['TERM'] === 'dumb') {
    return false;
  }

  if (env['WT_SESSION'] !== undefined || env['KITTY_WINDOW_ID'] !== undefined) {
    return true;
  }

  // VTE_VERSION is a plain number: 5000 is VTE 0.50.0, the first release that draws links.
  if (Number.parseInt(env['VTE_VERSION'] ?? '', 10) >= 5000) {
    return true;
  }

  switch (env['TERM_PROGRAM']) {
    case 'iTerm.app': {
      const {major, minor} = parseVersion(env['TERM_PROGRAM_VERSION']);
      return major > 3 || (major === 3 && minor >= 1);
    }

    case 'WezTerm':
    case 'vscode':
    case 'ghostty': {
      return true;
    }

    default: {
      return env['TERM'] === 'xterm-kitty';
    }
  }
}

/**
 * Wraps `url` in an OSC 8 hyperlink whose visible text is the URL itself, so copying the text
 * works in every terminal. `url` must already be free of control characters, which
 * `toSingleLine` guarantees.
 */
export function hyperlink(url: string): string {
  return `${linkStart}${url}${linkEnd}${url}${linkStart}${linkEnd}`;
}
