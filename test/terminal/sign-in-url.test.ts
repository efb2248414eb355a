import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {hasTmux} from '../helpers/tmux.js';
import {type DemoTerminal, readSignInUrl, startDemoTerminal} from './demo-terminal.js';
import {goToStep} from './go-to-step.js';

const tmuxFound = hasTmux();
const osc8 = '\u001B]8;;';

let terminal: DemoTerminal | undefined;
let outputDirectory: string | undefined;
afterEach(async () => {
  await terminal?.close();
  terminal = undefined;
  if (outputDirectory !== undefined) {
    await rm(outputDirectory, {recursive: true, force: true});
    outputDirectory = undefined;
  }
});

/**
 * Runs the demo to step 5 in a narrow terminal. Returns the joined screen and a reader of the
 * raw bytes the CLI wrote, which tmux's pipe-pane copies to a file a moment after drawing.
 */
async function signInScreen(
  env: Record<string, string>,
): Promise<{screen: string; readRaw: () => Promise<string>}> {
  outputDirectory = await mkdtemp(path.join(tmpdir(), 'halo-wizard-pane-'));
  const rawFile = path.join(outputDirectory, 'pane.out');
  terminal = await startDemoTerminal({columns: 50, rows: 30, env});
  await terminal.tmux.recordOutput(rawFile);
  const screen = await goToStep(terminal.tmux, 5);
  return {screen, readRaw: async () => readFile(rawFile, 'utf8')};
}

describe.skipIf(!tmuxFound)('sign-in address in tmux (skipped without tmux)', () => {
  it('joins back whole in a 50-column terminal', async () => {
    const {screen, readRaw} = await signInScreen({});
    const url = readSignInUrl(screen);
    expect(url.length).toBeGreaterThan(200);
    expect(url).toMatch(/&code_challenge_method=S256$/);
    // Only the terminal wraps the address, so the program wrote it without a line break.
    await expect.poll(readRaw).toContain(url);
    expect(await readRaw()).not.toContain(osc8);
  });

  it('is an osc 8 hyperlink when the terminal supports them', async () => {
    const {screen, readRaw} = await signInScreen({VTE_VERSION: '7600'});
    const url = readSignInUrl(screen);
    await expect.poll(readRaw).toContain(`${osc8}${url}\u0007${url}${osc8}\u0007`);
  });
});
