import {afterEach, describe, expect, it} from 'vitest';
import {keys} from '../ui/ink-harness.js';
import {createDeferred, createFakeServices, usageError} from './fake-services.js';
import {redirectUri, renderWizard, type WizardHarness} from './wizard-harness.js';

function backspaces(count: number): string[] {
  return Array.from({length: count}, () => keys.backspace);
}

let harness: WizardHarness | undefined;

afterEach(async () => {
  await harness?.unmount();
  harness = undefined;
});

describe('Wizard workspace step', () => {
  it('shows the progress line and the resolved url as typed', async () => {
    harness = await renderWizard(createFakeServices().services);
    expect(harness.frame()).toContain('Step 1 of 6 · Workspace');
    await harness.press('acme');
    expect(harness.frame()).toContain('Instance URL: https://acme.halopsa.com');
  });

  it('shows the validation error and stays on enter', async () => {
    harness = await renderWizard(createFakeServices().services);
    await harness.press('not a url', keys.enter);
    expect(harness.frame()).toContain('"not a url" is not a workspace key or URL.');
    expect(harness.frame()).toContain('Step 1 of 6');
  });

  it('shows the demo hint under the field', async () => {
    const hints = {workspace: 'Type http://127.0.0.1:4567'};
    harness = await renderWizard(createFakeServices().services, {hints});
    expect(harness.frame()).toContain('Type http://127.0.0.1:4567');
  });

  it('checks the instance with a spinner before step 2', async () => {
    const answer = createDeferred<{ok: boolean; detail: string; error: null}>();
    const {services} = createFakeServices({checkInstance: async () => answer.promise});
    harness = await renderWizard(services);
    await harness.press('acme', keys.enter);
    expect(harness.frame()).toContain('Checking that https://acme.halopsa.com answers');
    await harness.settle(() => answer.resolve({ok: true, detail: 'HTTP 200', error: null}));
    expect(harness.frame()).toContain('Step 2 of 6');
    expect(harness.frame()).toContain('https://acme.halopsa.com answers: HTTP 200');
  });

  it('offers to continue when the instance does not answer', async () => {
    const error = usageError('instance-unreachable', 'acme.halopsa.com was not found.', 'workspace');
    const {services} = createFakeServices({
      checkInstance: async () => ({ok: false, detail: 'ENOTFOUND', error}),
    });
    harness = await renderWizard(services);
    await harness.press('acme', keys.enter);
    const frame = harness.frame();
    expect(frame).toContain('did not answer: ENOTFOUND');
    expect(frame).toContain('acme.halopsa.com was not found.');
    expect(frame).toContain('Next step: Fix workspace.');
    expect(frame).toContain('press Enter again to continue anyway');
    await harness.press(keys.enter);
    expect(harness.frame()).toContain('Step 2 of 6');
    expect(harness.frame()).toContain('did not answer; continuing anyway');
  });
});

describe('Wizard base uri step', () => {
  it('fills the base uri from discovery with its source', async () => {
    const {services} = createFakeServices({
      discoverAuthServer: async () => ({
        baseUri: 'https://auth.example.com/auth',
        tenant: 'acme-tenant',
        source: 'authinfo',
        detail: 'auth_url and tenant_id read',
      }),
    });
    harness = await renderWizard(services);
    await harness.press('acme', keys.enter);
    const frame = harness.frame();
    expect(frame).toContain('Base URI: https://auth.example.com/auth');
    expect(frame).toContain('Found through /api/authinfo: auth_url and tenant_id read');
    expect(frame).toContain('Tenant from authinfo: acme-tenant');
    expect(frame).toContain('Tenant (optional): acme-tenant');
    expect(frame).toContain('Configuration > Integrations > HaloPSA API > API');
  });

  it('says when the base uri is the fallback', async () => {
    const discovery = createDeferred<never>();
    const {services} = createFakeServices({
      discoverAuthServer: async instanceUrl => {
        await discovery.promise.catch(() => undefined);
        return {baseUri: `${instanceUrl}/auth`, tenant: null, source: 'fallback', detail: 'HTTP 404'};
      },
    });
    harness = await renderWizard(services);
    await harness.press('acme', keys.enter);
    expect(harness.frame()).toContain('Reading https://acme.halopsa.com/api/authinfo');
    await harness.settle(() => discovery.reject(new Error('released')));
    expect(harness.frame()).toContain('this is the <instance>/auth fallback: HTTP 404');
    expect(harness.frame()).toContain('Base URI: https://acme.halopsa.com/auth');
  });

  it('shows an invalid base uri and stays', async () => {
    harness = await renderWizard(createFakeServices().services, {initial: {baseUri: 'ftp://x'}});
    await harness.press('acme', keys.enter);
    expect(harness.frame()).toContain('"ftp://x" is not an http(s) URL.');
    await harness.press(keys.enter, keys.enter);
    expect(harness.frame()).toContain('Step 2 of 6');
  });

  it('rejects a tenant with spaces', async () => {
    harness = await renderWizard(createFakeServices().services);
    await harness.press('acme', keys.enter, keys.tab, 'a b', keys.enter);
    expect(harness.frame()).toContain('The tenant must not contain spaces');
    expect(harness.frame()).toContain('Step 2 of 6');
  });
});

describe('Wizard navigation', () => {
  it('keeps values when esc goes back', async () => {
    harness = await renderWizard(createFakeServices().services);
    await harness.press('acme', keys.enter);
    await harness.press(keys.enter, keys.enter);
    await harness.press(keys.enter, 'y');
    await harness.press('my-client');
    expect(harness.frame()).toContain('Step 4 of 6');
    await harness.press(keys.escape);
    expect(harness.frame()).toContain('Step 3 of 6');
    await harness.press(keys.escape);
    expect(harness.frame()).toContain('Base URI: https://acme.halopsa.com/auth');
    await harness.press(keys.escape);
    expect(harness.frame()).toContain('› acme');
    await harness.press(keys.enter, keys.enter, keys.enter, keys.enter, 'y');
    expect(harness.frame()).toContain('Step 4 of 6');
    expect(harness.frame()).toContain('› my-client');
  });

  it('reports a cancelled outcome once on ctrl+c', async () => {
    harness = await renderWizard(createFakeServices().services);
    await harness.press('acme', keys.ctrlC);
    expect(harness.outcomes).toEqual([{status: 'cancelled'}]);
    await harness.unmount();
    expect(harness.outcomes).toHaveLength(1);
    harness = undefined;
  });
});

describe('Wizard checklist step', () => {
  async function openChecklist(services = createFakeServices().services, uri = redirectUri) {
    harness = await renderWizard(services, {defaultRedirectUri: uri});
    await harness.press('acme', keys.enter, keys.enter, keys.enter);
    return harness;
  }

  it('asks to confirm a skip while items are unticked', async () => {
    const wizard = await openChecklist();
    await wizard.press(keys.enter);
    expect(wizard.frame()).toContain('Continue with 7 items unticked? y/n');
    await wizard.press('n');
    expect(wizard.frame()).not.toContain('unticked? y/n');
    expect(wizard.frame()).toContain('Step 3 of 6');
    await wizard.press(keys.enter, 'y');
    expect(wizard.frame()).toContain('Step 4 of 6');
  });

  it('continues without a question when all are ticked', async () => {
    const wizard = await openChecklist();
    for (let index = 0; index < 7; index += 1) {
      await wizard.press(keys.space, keys.down);
    }

    expect(wizard.frame().match(/\[x\]/g)).toHaveLength(7);
    await wizard.press(keys.enter);
    expect(wizard.frame()).toContain('Step 4 of 6');
  });

  it('counts the items still unticked', async () => {
    const wizard = await openChecklist();
    await wizard.press(keys.space, keys.down, keys.space, keys.enter);
    expect(wizard.frame()).toContain('Continue with 5 items unticked? y/n');
  });

  it('draws a long redirect url whole on its own line', async () => {
    const longUri = `http://127.0.0.1:41234/${'segment/'.repeat(14)}callback`;
    expect(longUri.length).toBeGreaterThan(100);
    const wizard = await openChecklist(createFakeServices().services, longUri);
    expect(wizard.frame().split('\n')).toContain(longUri);
  });

  it('draws the redirect url whole in a 100-column frame', async () => {
    const wizard = await openChecklist();
    expect(wizard.frame().split('\n')).toContain(redirectUri);
  });

  it('opens the applications page with o', async () => {
    const fake = createFakeServices();
    const wizard = await openChecklist(fake.services);
    await wizard.press('o');
    expect(fake.calls.openUrl).toEqual(['https://acme.halopsa.com/config/integrations/api/applications']);
    expect(wizard.frame()).toContain('(opened in the browser)');
  });

  it('says when the browser did not open', async () => {
    const {services} = createFakeServices({
      openUrl: async () => ({opened: false, reason: 'no display'}),
    });
    const wizard = await openChecklist(services);
    await wizard.press('o');
    expect(wizard.frame()).toContain('The browser did not open: no display.');
  });

  it('edits the redirect url through the validator', async () => {
    const wizard = await openChecklist();
    await wizard.press('e', ...backspaces(8), 'x y', keys.enter);
    expect(wizard.frame()).toContain('is not a loopback URL.');
    await wizard.press(...backspaces(3), 'cb', keys.enter);
    expect(wizard.frame().split('\n')).toContain('http://127.0.0.1:4170/cb');
    expect(wizard.frame()).not.toContain('New Login Redirect URL');
  });
});

describe('Wizard client id step', () => {
  it('shows a warning without blocking', async () => {
    const preflight = createDeferred<{verdict: 'ok'; detail: string}>();
    const {services} = createFakeServices({preflight: async () => preflight.promise});
    harness = await renderWizard(services, {hints: {clientId: 'Type demo-client'}});
    await harness.press('acme', keys.enter, keys.enter, keys.enter, keys.enter, 'y');
    expect(harness.frame()).toContain('Type demo-client');
    await harness.press('not-a-guid');
    expect(harness.frame()).toContain('This does not look like a GUID.');
    await harness.press(keys.enter);
    expect(harness.frame()).toContain('Step 5 of 6');
  });

  it('stays while the client id is missing', async () => {
    harness = await renderWizard(createFakeServices().services);
    await harness.press('acme', keys.enter, keys.enter, keys.enter, keys.enter, 'y', keys.enter);
    expect(harness.frame()).toContain('Step 4 of 6');
  });
});
