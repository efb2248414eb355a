import {afterEach, describe, expect, it} from 'vitest';
import {hasTmux} from '../helpers/tmux.js';
import {
  type DemoTerminal,
  exitLinePattern,
  startDemoTerminal,
  ttyLinePattern,
} from './demo-terminal.js';
import {goToStep} from './go-to-step.js';

const tmuxFound = hasTmux();

let terminal: DemoTerminal | undefined;
afterEach(async () => {
  await terminal?.close();
  terminal = undefined;
});

describe.skipIf(!tmuxFound)('ctrl+c in tmux (skipped without tmux)', () => {
  for (const step of [1, 2, 3, 4, 5, 6]) {
    it(`restores the terminal when pressed on step ${step}`, async () => {
      terminal = await startDemoTerminal({columns: 100, rows: 30});
      const {tmux} = terminal;
      await goToStep(tmux, step);
      expect(await tmux.isCursorVisible()).toBe(false);

      await tmux.sendKeys('C-c');
      const screen = await tmux.waitForScreen(ttyLinePattern);
      expect(screen).toContain('Setup stopped.');
      expect(exitLinePattern.exec(screen)?.[1]).toBe('130');
      const modes = ttyLinePattern.exec(screen)?.[1]?.trim().split(' ');
      expect(modes).toContain('echo');
      expect(modes).toContain('icanon');
      expect(await tmux.isCursorVisible()).toBe(true);
    });
  }
});
