import {afterEach, describe, expect, it} from 'vitest';
import {HaloWizardError} from '../../source/errors.js';
import type {StatusCheck} from '../../source/halo/types.js';
import type {StatusReport, WizardServices} from '../../source/wizard/wizard-services.js';
import {keys} from '../ui/ink-harness.js';
import {accounts, createDeferred, createFakeServices, passedCheck} from './fake-services.js';
import {advanceToSignIn, renderWizard, type WizardHarness} from './wizard-harness.js';

/** Status checks that the test reports and finishes by hand. */
function heldChecks() {
  const done = createDeferred<StatusReport>();
  let report: ((checks: StatusCheck[]) => void) | undefined;
  let signal: AbortSignal | undefined;
  const runStatusChecks: WizardServices['runStatusChecks'] = async (
    _settings,
    _tokens,
    onUpdate,
    runSignal,
  ) => {
    report = onUpdate;
    signal = runSignal;
    return done.promise;
  };

  return {
    done,
    runStatusChecks,
    update: (checks: StatusCheck[]) => report?.(checks),
    signal: () => signal,
  };
}

const clientRejected = new HaloWizardError('invalid-client', 'Halo rejected the Client ID.', {
  kind: 'rejected',
  field: 'clientId',
  nextStep: 'Copy the Client ID shown after saving.',
});

let harness: WizardHarness | undefined;

afterEach(async () => {
  await harness?.unmount();
  harness = undefined;
});

describe('Wizard status step', () => {
  it('shows live checks then the account table', async () => {
    const held = heldChecks();
    const {services, calls} = createFakeServices({runStatusChecks: held.runStatusChecks});
    harness = await renderWizard(services);
    await advanceToSignIn(harness);
    expect(calls.saveConnection).toBe(1);
    await harness.settle(() =>
      held.update([
        passedCheck('instance', 'Instance reachable'),
        {...passedCheck('users', 'Users listed'), state: 'running', detail: 'page 2', durationMs: null},
      ]),
    );
    expect(harness.frame()).toContain('✔ Instance reachable ok (12 ms)');
    expect(harness.frame()).toContain('Users listed page 2');
    expect(harness.frame()).not.toContain('Ada Agent');
    const checks = [passedCheck('instance', 'Instance reachable'), passedCheck('users', 'Users listed')];
    await harness.settle(() => held.done.resolve({ok: true, checks, accounts}));
    expect(harness.frame()).toContain('✔ Connected. Every check passed.');
    expect(harness.frame()).toContain('Ada Agent');
    expect(harness.frame()).toContain('1 agents · 1 users · 1 inactive or disabled');
  });

  it('quits with the connected outcome on q', async () => {
    harness = await renderWizard(createFakeServices().services);
    await advanceToSignIn(harness);
    await harness.press('q');
    expect(harness.outcomes).toHaveLength(1);
    expect(harness.outcomes[0]).toMatchObject({status: 'connected', ok: true, accounts});
    expect(harness.outcomes[0]).toMatchObject({
      settings: {instanceUrl: 'https://acme.halopsa.com', clientId: '0b5f3c1e-2d4a-4e6b-8c9d-1a2b3c4d5e6f'},
    });
  });

  it('offers to edit the field of a failed check', async () => {
    const failed: StatusCheck = {
      id: 'session',
      label: 'Session valid',
      state: 'failed',
      detail: 'invalid_client',
      durationMs: 30,
      error: clientRejected,
    };
    const {services} = createFakeServices({
      runStatusChecks: async () => ({ok: false, checks: [failed], accounts: []}),
    });
    harness = await renderWizard(services);
    await advanceToSignIn(harness);
    const frame = harness.frame();
    expect(frame).toContain('✖ Session valid invalid_client (30 ms)');
    expect(frame).toContain('Next step: Copy the Client ID shown after saving.');
    expect(frame).toContain('✖ Connected, but some checks failed.');
    expect(frame).toContain('Enter: edit the failing field');
    await harness.press(keys.enter);
    expect(harness.frame()).toContain('Step 4 of 6');
  });

  it('shows a failed save and quits with it', async () => {
    const error = new HaloWizardError('config-unwritable', 'The config file could not be written.', {
      kind: 'unexpected',
      nextStep: 'Check the permissions of the config directory.',
    });
    const {services} = createFakeServices({
      saveConnection: async () => {
        throw error;
      },
    });
    harness = await renderWizard(services);
    await advanceToSignIn(harness);
    expect(harness.frame()).toContain('✖ The config file could not be written.');
    expect(harness.frame()).toContain('Next step: Check the permissions of the config directory.');
    await harness.press('q');
    expect(harness.outcomes).toEqual([{status: 'failed', error}]);
  });

  it('aborts the checks when esc goes back', async () => {
    const held = heldChecks();
    let preflightCount = 0;
    const {services} = createFakeServices({
      runStatusChecks: held.runStatusChecks,
      preflight: async () => {
        preflightCount += 1;
        return {verdict: 'ok', detail: 'ok'};
      },
    });
    harness = await renderWizard(services);
    await advanceToSignIn(harness);
    expect(held.signal()?.aborted).toBe(false);
    await harness.press(keys.escape);
    expect(held.signal()?.aborted).toBe(true);
    // Back skips the sign-in step, so no new sign-in starts.
    expect(harness.frame()).toContain('Step 4 of 6');
    expect(preflightCount).toBe(1);
  });

  it('leaves q to the filter while typing one', async () => {
    harness = await renderWizard(createFakeServices().services);
    await advanceToSignIn(harness);
    await harness.press('/', 'q');
    expect(harness.outcomes).toEqual([]);
    expect(harness.frame()).toContain('No accounts to show.');
    await harness.press(keys.escape, 'q');
    expect(harness.outcomes).toHaveLength(1);
  });
});
