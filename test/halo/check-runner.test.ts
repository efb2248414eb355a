import {describe, expect, it} from 'vitest';
import {HaloWizardError} from '../../source/errors.js';
import {createCheckRunner} from '../../source/halo/check-runner.js';

function sessionEnded(): HaloWizardError {
  return new HaloWizardError('session-ended', 'The sign-in has ended.', {kind: 'sign-in'});
}

describe('createCheckRunner', () => {
  it('skips session checks after the session fails later', async () => {
    const runner = createCheckRunner({now: () => 0, onUpdate: () => undefined});
    let agentsRan = false;

    await runner.run('instance', async () => 'answers');
    await runner.run('session', async () => 'access token valid for 59 min');
    await runner.run('agent', async () => {
      throw sessionEnded();
    });
    await runner.run('agents', async () => {
      agentsRan = true;
      return '25 agents';
    });

    const checks = runner.snapshot();
    expect(agentsRan).toBe(false);
    expect(checks.find((check) => check.id === 'agent')?.state).toBe('failed');
    expect(checks.find((check) => check.id === 'agents')).toMatchObject({
      state: 'skipped',
      detail: 'needs the session that failed in "Signed in as"',
    });
  });

  it('keeps running checks after another failure', async () => {
    const runner = createCheckRunner({now: () => 0, onUpdate: () => undefined});

    await runner.run('instance', async () => 'answers');
    await runner.run('session', async () => 'valid');
    await runner.run('agent', async () => {
      throw new HaloWizardError('server-error', 'HTTP 502', {kind: 'rejected'});
    });
    await runner.run('agents', async () => '25 agents');

    expect(runner.snapshot().find((check) => check.id === 'agents')?.state).toBe('passed');
  });
});
