import {describe, expect, it} from 'vitest';
import {HaloWizardError} from '../../source/errors.js';
import type {WizardEvent} from '../../source/wizard/step-events.js';
import {wizardReducer} from '../../source/wizard/step-machine.js';
import {outcomeOnQuit} from '../../source/wizard/wizard-outcome.js';
import {
  createWizardState,
  stepForField,
  toConnectionSettings,
  type WizardState,
} from '../../source/wizard/wizard-state.js';
import type {DiscoveryResult} from '../../source/wizard/wizard-services.js';
import {accounts, tokens, usageError} from './fake-services.js';

const instanceUrl = 'https://acme.halopsa.com';
const discovered: DiscoveryResult = {
  baseUri: 'https://acme.halopsa.com/auth',
  tenant: 'acme',
  source: 'authinfo',
  detail: 'auth_url read',
};

function run(state: WizardState, ...events: WizardEvent[]): WizardState {
  return events.reduce(wizardReducer, state);
}

function fresh(): WizardState {
  return createWizardState({
    workspace: 'acme',
    baseUri: '',
    tenant: '',
    clientId: '',
    redirectUri: 'http://127.0.0.1:4170/callback',
    scope: 'all offline_access',
  });
}

/** Builds a state on `step` the ordinary way, with every earlier step done. */
function atStep(step: WizardState['step']): WizardState {
  let state = run(
    fresh(),
    {type: 'submit-workspace', instanceUrl},
    {type: 'instance-checked', instanceUrl, ok: true, detail: 'HTTP 200', error: null},
  );
  if (step === 'base-uri') return state;
  state = run(
    state,
    {type: 'discovery-finished', instanceUrl, result: discovered},
    {type: 'submit-base-uri', baseUri: discovered.baseUri},
  );
  if (step === 'checklist') return state;
  state = run(state, {type: 'checklist-submit'}, {type: 'checklist-confirm-skip', isConfirmed: true});
  if (step === 'client-id') return state;
  state = run(state, {type: 'submit-client-id', clientId: 'client-1'});
  if (step === 'sign-in') return state;
  return run(
    state,
    {type: 'preflight-passed', runId: state.runId, detail: 'ok'},
    {type: 'sign-in-started', runId: state.runId, authorizationUrl: 'http://127.0.0.1:9/a'},
    {type: 'signed-in', runId: state.runId, tokens},
  );
}

describe('wizardReducer', () => {
  it('starts on the workspace step with the given values', () => {
    const state = fresh();
    expect(state.step).toBe('workspace');
    expect(state.values.workspace).toBe('acme');
    expect(state.checklist.ticked.every(isTicked => !isTicked)).toBe(true);
  });

  it('checks the instance on submit before moving on', () => {
    const state = run(fresh(), {type: 'submit-workspace', instanceUrl});
    expect(state.step).toBe('workspace');
    expect(state.instanceCheck).toEqual({status: 'running', instanceUrl});
  });

  it('moves to the base uri step and starts discovery when the instance answers', () => {
    const state = atStep('base-uri');
    expect(state.step).toBe('base-uri');
    expect(state.instanceUrl).toBe(instanceUrl);
    expect(state.discovery).toEqual({status: 'running', instanceUrl, previous: null});
  });

  it('stays on step 1 when the instance does not answer', () => {
    const error = usageError('instance-unreachable', 'No answer.', 'workspace');
    const state = run(
      fresh(),
      {type: 'submit-workspace', instanceUrl},
      {type: 'instance-checked', instanceUrl, ok: false, detail: 'ENOTFOUND', error},
    );
    expect(state.step).toBe('workspace');
    expect(state.instanceCheck.status).toBe('unreachable');
  });

  it('continues anyway on a second enter after no answer', () => {
    const state = run(
      fresh(),
      {type: 'submit-workspace', instanceUrl},
      {type: 'instance-checked', instanceUrl, ok: false, detail: 'ENOTFOUND', error: null},
      {type: 'submit-workspace', instanceUrl},
    );
    expect(state.step).toBe('base-uri');
    expect(state.instanceUrl).toBe(instanceUrl);
  });

  it('checks again after the workspace is edited', () => {
    const state = run(
      fresh(),
      {type: 'submit-workspace', instanceUrl},
      {type: 'instance-checked', instanceUrl, ok: false, detail: 'ENOTFOUND', error: null},
      {type: 'change', field: 'workspace', value: 'acme2'},
      {type: 'submit-workspace', instanceUrl: 'https://acme2.halopsa.com'},
    );
    expect(state.step).toBe('workspace');
    expect(state.instanceCheck.status).toBe('running');
  });

  it('drops an instance check result for another address', () => {
    const state = run(
      fresh(),
      {type: 'submit-workspace', instanceUrl},
      {type: 'instance-checked', instanceUrl: 'https://old.halopsa.com', ok: true, detail: '', error: null},
    );
    expect(state.step).toBe('workspace');
    expect(state.instanceCheck.status).toBe('running');
  });

  it('fills the base uri and tenant from discovery', () => {
    const state = run(atStep('base-uri'), {type: 'discovery-finished', instanceUrl, result: discovered});
    expect(state.values.baseUri).toBe(discovered.baseUri);
    expect(state.values.tenant).toBe('acme');
    expect(state.discovery.status).toBe('done');
  });

  it('keeps a base uri the person typed over discovery', () => {
    const state = run(
      atStep('base-uri'),
      {type: 'change', field: 'baseUri', value: 'https://auth.example.com'},
      {type: 'discovery-finished', instanceUrl, result: discovered},
    );
    expect(state.values.baseUri).toBe('https://auth.example.com');
  });

  it('replaces a discovered base uri when the instance changes', () => {
    const other = 'https://beta.halopsa.com';
    const state = run(
      atStep('base-uri'),
      {type: 'discovery-finished', instanceUrl, result: discovered},
      {type: 'back'},
      {type: 'change', field: 'workspace', value: 'beta'},
      {type: 'submit-workspace', instanceUrl: other},
      {type: 'instance-checked', instanceUrl: other, ok: true, detail: '', error: null},
      {
        type: 'discovery-finished',
        instanceUrl: other,
        result: {...discovered, baseUri: `${other}/auth`, tenant: null},
      },
    );
    expect(state.values.baseUri).toBe(`${other}/auth`);
    expect(state.values.tenant).toBe('');
  });

  it('does not run discovery again for the same instance', () => {
    const state = run(
      atStep('base-uri'),
      {type: 'discovery-finished', instanceUrl, result: discovered},
      {type: 'back'},
      {type: 'submit-workspace', instanceUrl},
      {type: 'instance-checked', instanceUrl, ok: true, detail: '', error: null},
    );
    expect(state.step).toBe('base-uri');
    expect(state.discovery.status).toBe('done');
  });

  it('records a failed discovery', () => {
    const state = run(atStep('base-uri'), {type: 'discovery-failed', instanceUrl, message: 'boom'});
    expect(state.discovery).toEqual({status: 'failed', instanceUrl, message: 'boom'});
  });

  it('keeps every value when esc goes back', () => {
    const state = run(
      atStep('client-id'),
      {type: 'change', field: 'clientId', value: 'typed-id'},
      {type: 'back'},
      {type: 'back'},
      {type: 'back'},
    );
    expect(state.step).toBe('workspace');
    expect(state.values.clientId).toBe('typed-id');
    expect(state.values.baseUri).toBe(discovered.baseUri);
    expect(state.values.workspace).toBe('acme');
  });

  it('ignores esc on the first step', () => {
    const state = fresh();
    expect(run(state, {type: 'back'})).toBe(state);
  });

  it('clamps the checklist cursor to the list', () => {
    const up = run(atStep('checklist'), {type: 'checklist-move', delta: -1});
    expect(up.checklist.cursor).toBe(0);
    const moves = Array.from({length: 20}, (): WizardEvent => ({type: 'checklist-move', delta: 1}));
    const down = run(atStep('checklist'), ...moves);
    expect(down.checklist.cursor).toBe(6);
  });

  it('toggles the item under the cursor', () => {
    const state = run(
      atStep('checklist'),
      {type: 'checklist-move', delta: 2},
      {type: 'checklist-toggle'},
    );
    expect(state.checklist.ticked).toEqual([false, false, true, false, false, false, false]);
    expect(run(state, {type: 'checklist-toggle'}).checklist.ticked[2]).toBe(false);
  });

  it('asks to confirm a skip while items are unticked', () => {
    const state = run(atStep('checklist'), {type: 'checklist-submit'});
    expect(state.step).toBe('checklist');
    expect(state.checklist.isConfirmingSkip).toBe(true);
  });

  it('stays on the checklist when the skip is declined', () => {
    const state = run(
      atStep('checklist'),
      {type: 'checklist-submit'},
      {type: 'checklist-confirm-skip', isConfirmed: false},
    );
    expect(state.step).toBe('checklist');
    expect(state.checklist.isConfirmingSkip).toBe(false);
  });

  it('moves on when every item is ticked', () => {
    let state = atStep('checklist');
    for (let index = 0; index < 7; index += 1) {
      state = run(state, {type: 'checklist-toggle'}, {type: 'checklist-move', delta: 1});
    }

    state = run(state, {type: 'checklist-submit'});
    expect(state.step).toBe('client-id');
  });

  it('stores an edited redirect uri', () => {
    const state = run(
      atStep('checklist'),
      {type: 'redirect-edit-start'},
      {type: 'submit-redirect-uri', redirectUri: 'http://localhost:5000/cb'},
    );
    expect(state.values.redirectUri).toBe('http://localhost:5000/cb');
    expect(state.checklist.isEditingRedirect).toBe(false);
  });

  it('starts preflight when the client id is submitted', () => {
    const state = atStep('sign-in');
    expect(state.values.clientId).toBe('client-1');
    expect(state.signIn).toEqual({phase: 'preflight'});
  });

  it('walks sign-in through to the status step', () => {
    const state = atStep('status');
    expect(state.step).toBe('status');
    expect(state.signIn).toEqual({phase: 'signed-in', tokens});
    expect(state.status).toEqual({phase: 'saving'});
  });

  it('drops a sign-in result from an earlier run', () => {
    const signIn = atStep('sign-in');
    const retried = run(signIn, {type: 'back'}, {type: 'submit-client-id', clientId: 'client-1'});
    const state = run(retried, {type: 'preflight-passed', runId: signIn.runId, detail: 'late'});
    expect(state.signIn).toEqual({phase: 'preflight'});
  });

  it('retries sign-in from a failure under a new run', () => {
    const signIn = atStep('sign-in');
    const error = usageError('redirect-mismatch', 'Redirect differs.', 'redirectUri');
    const failed = run(signIn, {type: 'sign-in-failed', runId: signIn.runId, error});
    expect(failed.signIn).toEqual({phase: 'failed', error});
    const retried = run(failed, {type: 'retry-sign-in'});
    expect(retried.signIn).toEqual({phase: 'preflight'});
    expect(retried.runId).toBeGreaterThan(failed.runId);
  });

  it.each([
    ['workspace', 'workspace'],
    ['baseUri', 'base-uri'],
    ['tenant', 'base-uri'],
    ['redirectUri', 'checklist'],
    ['clientId', 'client-id'],
  ] as const)('jumps to the step of a failing %s', (field, step) => {
    const state = run(atStep('sign-in'), {type: 'edit-field', field});
    expect(state.step).toBe(step);
    expect(state.editField).toBe(field);
    expect(state.signIn).toEqual({phase: 'idle'});
  });

  it('opens the redirect editor when the redirect uri failed', () => {
    const state = run(atStep('sign-in'), {type: 'edit-field', field: 'redirectUri'});
    expect(state.checklist.isEditingRedirect).toBe(true);
  });

  it('ignores a jump for a failure without a field', () => {
    const state = atStep('sign-in');
    expect(run(state, {type: 'edit-field', field: null})).toBe(state);
  });

  it('tracks status checks until they finish', () => {
    const status = atStep('status');
    const runId = status.runId;
    const checking = run(status, {type: 'connection-saved', runId});
    expect(checking.status).toEqual({phase: 'checking', checks: []});
    const report = {ok: true, checks: [], accounts};
    const done = run(checking, {type: 'checks-finished', runId, report});
    expect(done.status).toEqual({phase: 'done', report});
  });
});

describe('stepForField', () => {
  it('has no step for a failure without a field', () => {
    expect(stepForField(null)).toBeNull();
  });
});

describe('toConnectionSettings', () => {
  it('sends no tenant when the field is empty', () => {
    const state = run(atStep('base-uri'), {type: 'change', field: 'tenant', value: '  '});
    expect(toConnectionSettings(state).tenant).toBeNull();
  });

  it('uses the submitted values', () => {
    const settings = toConnectionSettings(atStep('sign-in'));
    expect(settings).toEqual({
      workspace: 'acme',
      instanceUrl,
      baseUri: discovered.baseUri,
      tenant: 'acme',
      clientId: 'client-1',
      redirectUri: 'http://127.0.0.1:4170/callback',
      scope: 'all offline_access',
    });
  });
});

describe('outcomeOnQuit', () => {
  it('is cancelled before the status step', () => {
    expect(outcomeOnQuit(atStep('checklist'))).toEqual({status: 'cancelled'});
  });

  it('is failed with the sign-in failure on screen', () => {
    const signIn = atStep('sign-in');
    const error = new HaloWizardError('sign-in-timeout', 'Timed out.', {kind: 'sign-in'});
    const failed = run(signIn, {type: 'sign-in-failed', runId: signIn.runId, error});
    expect(outcomeOnQuit(failed)).toEqual({status: 'failed', error});
  });

  it('is connected with the accounts once checks finish', () => {
    const status = atStep('status');
    const report = {ok: false, checks: [], accounts};
    const done = run(
      status,
      {type: 'connection-saved', runId: status.runId},
      {type: 'checks-finished', runId: status.runId, report},
    );
    const outcome = outcomeOnQuit(done);
    expect(outcome).toMatchObject({status: 'connected', ok: false, accounts});
  });

  it('is failed when saving the connection failed', () => {
    const status = atStep('status');
    const error = new HaloWizardError('store-failed', 'Could not write.', {kind: 'unexpected'});
    const failed = run(status, {type: 'status-failed', runId: status.runId, error, isSaved: false});
    expect(outcomeOnQuit(failed)).toEqual({status: 'failed', error});
  });
});
