import {describe, expect, it} from 'vitest';
import {hyperlink, supportsHyperlinks} from '../../source/ui/terminal-link.js';

describe('supportsHyperlinks', () => {
  const cases: Array<[string, NodeJS.ProcessEnv, boolean]> = [
    ['an unknown terminal', {TERM: 'xterm-256color'}, false],
    ['windows terminal', {WT_SESSION: 'c0ffee'}, true],
    ['vte 0.50', {VTE_VERSION: '5000'}, true],
    ['vte 0.48', {VTE_VERSION: '4803'}, false],
    ['iterm2 3.1', {TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.1.0'}, true],
    ['iterm2 3.0', {TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.0.15'}, false],
    ['wezterm', {TERM_PROGRAM: 'WezTerm'}, true],
    ['vs code', {TERM_PROGRAM: 'vscode'}, true],
    ['tmux', {TERM_PROGRAM: 'tmux', TERM: 'tmux-256color'}, false],
    ['kitty', {TERM: 'xterm-kitty'}, true],
    ['a dumb terminal', {TERM: 'dumb', VTE_VERSION: '7000'}, false],
    ['FORCE_HYPERLINK=1', {FORCE_HYPERLINK: '1'}, true],
    ['FORCE_HYPERLINK=0 in vte', {FORCE_HYPERLINK: '0', VTE_VERSION: '7000'}, false],
    ['FORCE_HYPERLINK=false', {FORCE_HYPERLINK: 'false', WT_SESSION: 'c0ffee'}, false],
  ];

  for (const [name, env, expected] of cases) {
    it(`returns ${expected} for ${name}`, () => {
      expect(supportsHyperlinks(env, true)).toBe(expected);
    });
  }

  it('returns false when the stream is not a terminal', () => {
    expect(supportsHyperlinks({WT_SESSION: 'c0ffee'}, false)).toBe(false);
  });

  it('lets FORCE_HYPERLINK override a missing terminal', () => {
    expect(supportsHyperlinks({FORCE_HYPERLINK: '1'}, false)).toBe(true);
  });
});

describe('hyperlink', () => {
  it('keeps the url as the visible text', () => {
    const url = 'http://127.0.0.1:4170/auth/authorize?state=abc';
    expect(hyperlink(url)).toBe(`\u001B]8;;${url}\u0007${url}\u001B]8;;\u0007`);
  });
});
