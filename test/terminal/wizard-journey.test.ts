import {mkdir, writeFile} from 'node:fs/promises';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {listAgents} from '../../source/emulator/agent-listing.js';
import {startHaloEmulator} from '../../source/emulator/halo-emulator.js';
import {signInWithEmulatorPage} from '../helpers/emulator-browser.js';
import {hasTmux, type TmuxSession} from '../helpers/tmux.js';
import {
  countOccurrences,
  type DemoTerminal,
  exitLinePattern,
  readDemoDetails,
  readSignInUrl,
  signInScreenPattern,
  startDemoTerminal,
} from './demo-terminal.js';

const tmuxFound = hasTmux();
if (!tmuxFound) {
  console.warn('Skipping the real-terminal suite: tmux is not installed.');
}

// The demo seeds its emulator with the default options, so a second emulator started with
// the same defaults contains the same records. The wizard lists agents as `GET
// /api/Agent?includedisabled=true` returns them, which leaves out Unassigned and API agents.
let expectedLines: string[];
beforeAll(async () => {
  const reference = await startHaloEmulator();
  const agents = listAgents(reference.data.agents, new Map([['includedisabled', 'true']]));
  const {users} = reference.data;
  const disabledAgents = agents.filter(agent => agent.isdisabled).length;
  const inactiveUsers = users.filter(user => user.inactive).length;
  expectedLines = [
    `Agents ${agents.length} agents, ${disabledAgents} disabled`,
    `End users ${users.length} users, ${inactiveUsers} inactive`,
    `of ${agents.length + users.length} · ${agents.length + users.length} accounts`,
  ];
  await reference.close();
});

let terminal: DemoTerminal | undefined;
afterEach(async () => {
  await terminal?.close();
  terminal = undefined;
});

/**
 * Saves the screen as text and, with its colours, as `.ansi` for `npm run screenshots`. The
 * coloured capture is taken a moment after the text one that the test checked.
 */
async function saveScreen(tmux: TmuxSession, name: string, screen: string): Promise<void> {
  await mkdir('test-output', {recursive: true});
  await writeFile(`test-output/${name}.txt`, screen);
  await writeFile(`test-output/${name}.ansi`, await tmux.capture({join: false, escapes: true}));
}

const sizes = [
  {start: {columns: 80, rows: 24}, resized: {columns: 120, rows: 40}},
  {start: {columns: 120, rows: 40}, resized: {columns: 80, rows: 24}},
];

describe.skipIf(!tmuxFound)('wizard in tmux (skipped without tmux)', () => {
  for (const {start, resized} of sizes) {
    const size = `${start.columns}x${start.rows}`;

    it(`completes the demo journey at ${size}`, async () => {
      terminal = await startDemoTerminal(start);
      const {tmux} = terminal;

      const first = await tmux.waitForScreen(/Step 1 of 6 · Workspace/);
      const demo = readDemoDetails(first);
      await saveScreen(tmux, `terminal-${size}-1-workspace`, first);

      await tmux.typeText(demo.workspaceUrl);
      await tmux.waitForScreen(new RegExp(`› +${demo.workspaceUrl}`));
      await tmux.sendKeys('Enter');
      await tmux.waitForScreen(/Step 2 of 6 · Authorisation server[\s\S]*Base URI: http/);

      await tmux.sendKeys('Escape');
      const back = await tmux.waitForScreen(/Step 1 of 6/);
      expect(back).toMatch(new RegExp(`› +${demo.workspaceUrl}`));
      await tmux.sendKeys('Enter');
      const second = await tmux.waitForScreen(/Step 2 of 6[\s\S]*Tenant \(optional\): \S/);
      await saveScreen(tmux, `terminal-${size}-2-base-uri`, second);
      await tmux.sendKeys('Enter');
      await tmux.waitForScreen(/\u001B\[1mTenant \(optional\)/, {escapes: true});
      await tmux.sendKeys('Enter');
      await tmux.waitForScreen(/Step 3 of 6/);

      await tmux.resize(resized.columns, resized.rows);
      const afterResize = await tmux.waitForScreen(
        resized.columns > start.columns ? /Esc: back · Ctrl\+C: quit/ : /Esc:\n back/,
      );
      const frame = afterResize.slice(afterResize.lastIndexOf('Step 3 of 6'));
      expect(frame).toContain(terminal.redirectUri);
      expect(frame).toMatch(/Save, then copy the Client ID/);
      // NOTE: narrowing leaves the old frame's top lines above the new one in terminals that
      // reflow on resize (tmux, VTE, iTerm2). Ink erases as many lines as it drew, but the
      // terminal has rewrapped them into more, so only a widened window is checked for them.
      if (resized.columns > start.columns) {
        expect(countOccurrences(afterResize, 'Step 3 of 6')).toBe(1);
      }

      for (let item = 0; item < 7; item++) {
        await tmux.sendKeys('Space', 'Down');
      }

      const ticked = await tmux.waitForScreen(/(\[x\][\s\S]*){7}/);
      await saveScreen(tmux, `terminal-${size}-3-checklist`, ticked);
      await tmux.sendKeys('Enter');
      await tmux.waitForScreen(/Step 4 of 6 · Client ID/);

      await tmux.typeText(demo.clientId);
      await tmux.waitForScreen(new RegExp(`› +${demo.clientId}`));
      await tmux.sendKeys('Enter');
      const signIn = await tmux.waitForScreen(signInScreenPattern);
      await saveScreen(tmux, `terminal-${size}-5-sign-in`, signIn);

      const url = readSignInUrl(signIn);
      expect(url).toContain(`redirect_uri=${encodeURIComponent(terminal.redirectUri)}`);
      expect(url).toContain('code_challenge_method=S256');
      const browser = await signInWithEmulatorPage(url, demo);
      expect(browser.callbackStatus).toBe(200);

      // The frame is as tall as the terminal here, so Ink clears and redraws the whole screen.
      // Waiting for the key help at the bottom skips half-drawn captures.
      const status = await tmux.waitForScreen(/Connected[\s\S]*Showing[\s\S]*q: quit/, {
        timeoutMs: 20_000,
      });
      await saveScreen(tmux, `terminal-${size}-6-status`, status);
      expect(status).toContain('Connected. Every check passed.');
      expect(status).toMatch(/^agent +Maren Okafor/m);
      for (const line of expectedLines) {
        expect(status).toContain(line);
      }

      await tmux.sendKeys('q');
      const exited = await tmux.waitForScreen(exitLinePattern);
      expect(exitLinePattern.exec(exited)?.[1]).toBe('0');
    });
  }
});
