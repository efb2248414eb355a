import {Box} from 'ink';
import {afterEach, describe, expect, it} from 'vitest';
import type {StatusCheck} from '../../source/halo/types.js';
import {StatusPanel} from '../../source/ui/status-panel.js';
import {renderInk, type InkHarness} from './ink-harness.js';

const longCheck: StatusCheck = {
  id: 'auth-server',
  label: 'Authorisation server',
  state: 'passed',
  detail: 'http://127.0.0.1:40991/auth responds (as authinfo names)',
  durationMs: 21,
  error: null,
};

let harness: InkHarness | undefined;

afterEach(async () => {
  await harness?.unmount();
  harness = undefined;
});

describe('StatusPanel in a narrow terminal', () => {
  it('wraps a long row as one sentence', async () => {
    harness = await renderInk(
      <Box width={60}>
        <StatusPanel checks={[longCheck]} />
      </Box>,
    );
    const text = harness.frame().replaceAll('\n', ' ');
    expect(text).toContain('✔ Authorisation server http://127.0.0.1:40991/auth');
    expect(text).toContain('(as authinfo names) (21 ms)');
  });
});
