import {afterEach, describe, expect, it} from 'vitest';
import {HaloWizardError} from '../../source/errors.js';
import type {TokenSet} from '../../source/halo/types.js';
import type {SignInSession} from '../../source/wizard/wizard-services.js';
import {keys} from '../ui/ink-harness.js';
import {createDeferred, createFakeServices, tokens, type Deferred} from './fake-services.js';
import {advanceToSignIn, renderWizard, type WizardHarness} from './wizard-harness.js';

const authorizationUrl =
  'http://127.0.0.1:4567/auth/authorize?response_type=code&client_id=0b5f3c1e-2d4a-4e6b-8c9d-1a2b3c4d5e6f' +
  '&redirect_uri=http%3A%2F%2F127.0.0.1%3A4170%2Fcallback&scope=all%20offline_access' +
  '&state=Zm9vYmFyYmF6cXV4&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM' +
  '&code_challenge_method=S256';

const redirectMismatch = new HaloWizardError(
  'redirect-uri-mismatch',
  'Halo rejected the Login Redirect URL.',
  {kind: 'rejected', field: 'redirectUri', nextStep: 'Paste the shown URL into Login Redirect URL.'},
);

/** Sign-ins whose waits for tokens the test settles, recording each abort signal. */
function heldSignIn() {
  const waits: Array<Deferred<TokenSet>> = [];
  const signals: AbortSignal[] = [];
  let closeCount = 0;
  let startCount = 0;
  const startSignIn = async (): Promise<SignInSession> => {
    startCount += 1;
    return {
      authorizationUrl,
      async waitForTokens({signal}) {
        signals.push(signal);
        const wait = createDeferred<TokenSet>();
        waits.push(wait);
        return wait.promise;
      },
      async completeFromPastedUrl() {
        throw new Error('No address is pasted in these tests.');
      },
      async close() {
        closeCount += 1;
      },
    };
  };

  return {
    /** The wait of the latest sign-in. */
    wait: () => waits.at(-1)!,
    signals,
    startSignIn,
    closeCount: () => closeCount,
    startCount: () => startCount,
  };
}

let harness: WizardHarness | undefined;

afterEach(async () => {
  await harness?.unmount();
  harness = undefined;
});

describe('Wizard sign-in step', () => {
  it('shows a preflight failure and edits its field on enter', async () => {
    const error = new HaloWizardError('invalid-client', 'Halo does not know this Client ID.', {
      kind: 'rejected',
      field: 'clientId',
      nextStep: 'Copy the Client ID shown after saving the application.',
    });
    const {services} = createFakeServices({
      preflight: async () => {
        throw error;
      },
    });
    harness = await renderWizard(services);
    await advanceToSignIn(harness);
    const frame = harness.frame();
    expect(frame).toContain('Step 5 of 6');
    expect(frame).toContain('✖ Halo does not know this Client ID.');
    expect(frame).toContain('Field: Client ID');
    expect(frame).toContain('Next step: Copy the Client ID shown after saving the application.');
    await harness.press(keys.enter);
    expect(harness.frame()).toContain('Step 4 of 6');
  });

  it('prints the authorization url whole with a countdown', async () => {
    const held = heldSignIn();
    const {services} = createFakeServices({startSignIn: held.startSignIn});
    harness = await renderWizard(services);
    await advanceToSignIn(harness);
    const frame = harness.frame();
    expect(authorizationUrl.length).toBeGreaterThan(100);
    expect(frame.split('\n')).toContain(authorizationUrl);
    expect(frame).toContain('✔ Opened it in your browser.');
    expect(frame).toContain('05:00 left');
  });

  it('counts down from the timeout prop', async () => {
    const held = heldSignIn();
    const {services} = createFakeServices({startSignIn: held.startSignIn});
    harness = await renderWizard(services, {signInTimeoutMs: 90_000});
    await advanceToSignIn(harness);
    expect(harness.frame()).toContain('01:30 left');
  });

  it('tells the person to open the url elsewhere when no browser opened', async () => {
    const held = heldSignIn();
    const {services} = createFakeServices({
      startSignIn: held.startSignIn,
      openUrl: async () => ({opened: false, reason: 'no DISPLAY'}),
    });
    harness = await renderWizard(services);
    await advanceToSignIn(harness);
    expect(harness.frame()).toContain('The browser did not open: no DISPLAY.');
    expect(harness.frame()).toContain('Open this address in a browser on any machine.');
  });

  it('jumps to the redirect url editor after a redirect failure', async () => {
    const held = heldSignIn();
    const {services} = createFakeServices({startSignIn: held.startSignIn});
    harness = await renderWizard(services);
    await advanceToSignIn(harness);
    await harness.settle(() => held.wait().reject(redirectMismatch));
    const frame = harness.frame();
    expect(frame).toContain('✖ Halo rejected the Login Redirect URL.');
    expect(frame).toContain('Field: Login Redirect URL');
    expect(frame).toContain('r: retry sign-in · Enter: edit the field · Esc: back');
    expect(held.closeCount()).toBe(1);
    await harness.press(keys.enter);
    expect(harness.frame()).toContain('Step 3 of 6');
    expect(harness.frame()).toContain('New Login Redirect URL');
  });

  it('retries sign-in with r', async () => {
    const held = heldSignIn();
    const {services} = createFakeServices({startSignIn: held.startSignIn});
    harness = await renderWizard(services);
    await advanceToSignIn(harness);
    await harness.settle(() => held.wait().reject(redirectMismatch));
    await harness.press('r');
    expect(held.startCount()).toBe(2);
    expect(harness.frame()).toContain('Waiting for you to sign in');
    await harness.settle(() => held.wait().resolve(tokens));
    expect(harness.frame()).toContain('Step 6 of 6');
  });

  it('aborts the wait when esc goes back', async () => {
    const held = heldSignIn();
    const {services} = createFakeServices({startSignIn: held.startSignIn});
    harness = await renderWizard(services);
    await advanceToSignIn(harness);
    expect(held.signals[0]?.aborted).toBe(false);
    await harness.press(keys.escape);
    expect(harness.frame()).toContain('Step 4 of 6');
    expect(held.signals[0]?.aborted).toBe(true);
    await harness.settle(() => held.wait().reject(new Error('aborted')));
    expect(held.closeCount()).toBe(1);
    expect(harness.frame()).toContain('Step 4 of 6');
  });

  it('quits with the failure on q', async () => {
    const held = heldSignIn();
    const {services} = createFakeServices({startSignIn: held.startSignIn});
    harness = await renderWizard(services);
    await advanceToSignIn(harness);
    await harness.settle(() => held.wait().reject(redirectMismatch));
    await harness.press('q');
    expect(harness.outcomes).toEqual([{status: 'failed', error: redirectMismatch}]);
  });

  it('wraps an unexpected error with a next step', async () => {
    const {services} = createFakeServices({
      startSignIn: async () => {
        throw new Error('listen EADDRINUSE 127.0.0.1:4170');
      },
    });
    harness = await renderWizard(services);
    await advanceToSignIn(harness);
    expect(harness.frame()).toContain('✖ Sign-in failed: listen EADDRINUSE 127.0.0.1:4170');
    expect(harness.frame()).not.toContain('Enter: edit the field');
  });

  it('moves to the status step once signed in', async () => {
    const held = heldSignIn();
    const {services} = createFakeServices({startSignIn: held.startSignIn});
    harness = await renderWizard(services);
    await advanceToSignIn(harness);
    await harness.settle(() => held.wait().resolve(tokens));
    expect(harness.frame()).toContain('Step 6 of 6');
    expect(harness.frame()).not.toContain(tokens.accessToken);
  });
});
