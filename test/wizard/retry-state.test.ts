import {describe, expect, it} from 'vitest';
import {createRetryState} from '../../source/wizard/step-machine.js';
import type {WizardValues} from '../../source/wizard/wizard-state.js';

const saved: WizardValues = {
  workspace: 'acme',
  baseUri: 'https://acme.halopsa.com/auth',
  tenant: '',
  clientId: '0b5f3c1e-2d4a-4e6b-8c9d-1a2b3c4d5e6f',
  redirectUri: 'http://127.0.0.1:47135/callback',
  scope: 'all offline_access',
};
const instanceUrl = 'https://acme.halopsa.com';

describe('createRetryState', () => {
  it('opens the client id step for a client id failure', () => {
    const state = createRetryState(saved, {instanceUrl, field: 'clientId'});

    expect(state.step).toBe('client-id');
    expect(state.editField).toBe('clientId');
    expect(state.values).toEqual(saved);
    expect(state.instanceUrl).toBe(instanceUrl);
  });

  it('marks the checklist done', () => {
    const state = createRetryState(saved, {instanceUrl, field: 'clientId'});

    expect(state.checklist.ticked.every(Boolean)).toBe(true);
  });

  it('opens the redirect editor for a redirect failure', () => {
    const state = createRetryState(saved, {instanceUrl, field: 'redirectUri'});

    expect(state.step).toBe('checklist');
    expect(state.checklist.isEditingRedirect).toBe(true);
  });

  it('rediscovers on the base uri step', () => {
    const state = createRetryState(saved, {instanceUrl, field: 'baseUri'});

    expect(state.step).toBe('base-uri');
    expect(state.discovery).toMatchObject({status: 'running', instanceUrl});
  });

  it('starts sign-in when no field is to blame', () => {
    const state = createRetryState(saved, {instanceUrl, field: null});

    expect(state.step).toBe('sign-in');
    expect(state.signIn).toEqual({phase: 'preflight'});
  });
});
