import {afterEach, describe, expect, it} from 'vitest';
import {HaloWizardError} from '../../source/errors.js';
import type {StatusCheck} from '../../source/halo/types.js';
import {formatDuration, StatusPanel} from '../../source/ui/status-panel.js';
import {renderInk, type InkHarness} from './ink-harness.js';

function check(overrides: Partial<StatusCheck> & Pick<StatusCheck, 'id' | 'label'>): StatusCheck {
  return {state: 'pending', detail: '', durationMs: null, error: null, ...overrides};
}

let harness: InkHarness | undefined;

afterEach(async () => {
  await harness?.unmount();
  harness = undefined;
});

describe('StatusPanel', () => {
  it('draws each state with its mark, detail and time', async () => {
    const scopeError = new HaloWizardError('scope-missing', 'Listing users was refused (403).', {
      kind: 'rejected',
      field: null,
      nextStep: 'Tick all on the Permissions tab, save, and sign in again.',
    });
    const checks = [
      check({
        id: 'instance',
        label: 'Instance reachable',
        state: 'passed',
        detail: 'HTTP 200',
        durationMs: 42,
      }),
      check({id: 'agents', label: 'Agents listed', state: 'running', detail: 'page 2 of 3'}),
      check({
        id: 'users',
        label: 'Users listed',
        state: 'failed',
        detail: '403',
        durationMs: 1500,
        error: scopeError,
      }),
      check({id: 'session', label: 'Session valid', state: 'skipped', detail: 'not run'}),
      check({id: 'agent', label: 'Signed-in agent', state: 'pending'}),
    ];
    harness = await renderInk(<StatusPanel checks={checks} />);
    const lines = harness.frame().split('\n');
    expect(lines[0]).toBe('✔ Instance reachable HTTP 200 (42 ms)');
    expect(lines[1]).toMatch(/^\S Agents listed page 2 of 3$/);
    expect(lines[1]).not.toMatch(/^[✔✖]/);
    expect(lines[2]).toBe('✖ Users listed 403 (1.5 s)');
    expect(lines[3]).toBe('  Next step: Tick all on the Permissions tab, save, and sign in again.');
    expect(lines[4]).toBe('– Session valid not run');
    expect(lines[5]).toBe('· Signed-in agent');
  });

  it('strips control sequences from server text', async () => {
    const detail = 'Eve\u001B]8;;http://x\u0007 Evil\u001B[2J';
    const checks = [check({id: 'agent', label: 'Signed-in agent', state: 'passed', detail})];
    harness = await renderInk(<StatusPanel checks={checks} />);
    expect(harness.frame()).toBe('✔ Signed-in agent Eve Evil');
  });
});

describe('formatDuration', () => {
  it('uses milliseconds below a second and seconds above', () => {
    expect(formatDuration(999)).toBe('999 ms');
    expect(formatDuration(1000)).toBe('1.0 s');
    expect(formatDuration(null)).toBe('');
  });
});
