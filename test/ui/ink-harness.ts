import {render} from 'ink-testing-library';
import {act, type ReactElement} from 'react';

/** Key sequences as a terminal sends them. */
export const keys = {
  enter: '\r',
  escape: '\u001B',
  up: '\u001B[A',
  down: '\u001B[B',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  home: '\u001B[H',
  end: '\u001B[F',
  space: ' ',
  tab: '\t',
  backspace: '\u007F',
  ctrlC: '\u0003',
} as const;

/** A rendered Ink tree whose every input, update and unmount is settled through act(). */
export type InkHarness = {
  frame(): string;
  press(...inputs: string[]): Promise<void>;
  settle(work?: () => void | Promise<void>): Promise<void>;
  unmount(): Promise<void>;
};

/** Renders `tree` inside act(), so the first frame and its effects are settled on return. */
export async function renderInk(tree: ReactElement): Promise<InkHarness> {
  let rendered!: ReturnType<typeof render>;
  await act(async () => {
    rendered = render(tree);
  });

  return {
    frame: () => rendered.lastFrame() ?? '',
    // Each input gets its own act(), so every key handler reads the frame the previous key drew.
    async press(...inputs) {
      for (const input of inputs) {
        await act(async () => {
          rendered.stdin.write(input);
        });
      }
    },
    async settle(work) {
      await act(async () => {
        await work?.();
      });
    },
    async unmount() {
      await act(async () => {
        rendered.unmount();
      });
    },
  };
}
