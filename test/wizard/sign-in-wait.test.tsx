import {afterEach, describe, expect, it} from 'vitest';
import {HaloWizardError} from '../../source/errors.js';
import type {TokenSet} from '../../source/halo/types.js';
import type {SignInSession} from '../../source/wizard/wizard-services.js';
import {keys} from '../ui/ink-harness.js';
import {createDeferred, createFakeServices, tokens, type Deferred} from './fake-services.js';
import {advanceToSignIn, renderWizard, type WizardHarness} from './wizard-harness.js';

const authorizationUrl =
  'http://127.0.0.1:4567/auth/authorize?response_type=code&client_id=0b5f3c1e' +
  '&redirect_uri=http%3A%2F%2F127.0.0.1%3A4170%2Fcallback&state=Zm9vYmFy&code_challenge=E9Me';

const pastedAddress = 'http://127.0.0.1:4170/callback?code=abc&state=Zm9vYmFy';

const timedOut = new HaloWizardError('sign-in-timed-out', 'No sign-in response arrived.', {
  kind: 'sign-in',
});

const notAnAddress = new HaloWizardError(
  'pasted-address-invalid',
  'The pasted address contains no sign-in response (no code or error parameter).',
  {kind: 'usage', nextStep: 'Copy the whole address and paste it again.'},
);

type Wait = Deferred<TokenSet> & {timeoutMs: number; signal: AbortSignal};

/** Creates a sign-in session whose waits and pastes the test settles by hand. */
function heldSession() {
  const waits: Wait[] = [];
  const pastes: Array<Deferred<TokenSet> & {address: string}> = [];
  let closeCount = 0;
  const session: SignInSession = {
    authorizationUrl,
    async waitForTokens({signal, timeoutMs}) {
      const wait = {...createDeferred<TokenSet>(), timeoutMs, signal};
      waits.push(wait);
      return wait.promise;
    },
    async completeFromPastedUrl(address) {
      const paste = {...createDeferred<TokenSet>(), address};
      pastes.push(paste);
      return paste.promise;
    },
    async close() {
      closeCount += 1;
    },
  };

  return {session, waits, pastes, closeCount: () => closeCount};
}

let harness: WizardHarness | undefined;

afterEach(async () => {
  await harness?.unmount();
  harness = undefined;
});

async function startWaiting() {
  const held = heldSession();
  const {services, calls} = createFakeServices({startSignIn: async () => held.session});
  harness = await renderWizard(services);
  await advanceToSignIn(harness);
  return {held, calls, harness};
}

async function timeOut(held: ReturnType<typeof heldSession>, wizard: WizardHarness) {
  await wizard.settle(() => held.waits.at(-1)!.reject(timedOut));
}

function countOf(text: string, part: string): number {
  return text.split(part).length - 1;
}

describe('sign-in step after a timeout', () => {
  it('offers four choices and keeps the session open', async () => {
    const {held, harness} = await startWaiting();

    await timeOut(held, harness);

    const frame = harness.frame();
    expect(frame).toContain('No sign-in response arrived in time.');
    expect(frame).toContain('❯ Open the browser again');
    expect(frame).toContain('Print the sign-in address again');
    expect(frame).toContain('Paste the address the browser ended on');
    expect(frame).toContain('Go back to the Client ID');
    expect(frame).not.toContain('Waiting for you to sign in');
    expect(held.closeCount()).toBe(0);
  });

  it('still accepts a late browser response', async () => {
    const {held, harness} = await startWaiting();
    await timeOut(held, harness);

    expect(held.waits).toHaveLength(2);
    expect(held.waits[1]!.timeoutMs).toBeGreaterThan(86_400_000);
    await harness.settle(() => held.waits[1]!.resolve(tokens));

    expect(harness.frame()).toContain('Step 6 of 6');
  });

  it('opens the browser again and restarts the countdown', async () => {
    const {held, calls, harness} = await startWaiting();
    await timeOut(held, harness);

    await harness.press(keys.enter);

    expect(calls.openUrl).toEqual([authorizationUrl, authorizationUrl]);
    expect(harness.frame()).toContain('Waiting for you to sign in · 05:00 left');
    expect(held.waits.at(-1)!.timeoutMs).toBe(300_000);
    expect(held.waits[1]!.signal.aborted).toBe(true);
  });

  it('prints the address again', async () => {
    const {held, calls, harness} = await startWaiting();
    expect(countOf(harness.frame(), authorizationUrl)).toBe(1);
    await timeOut(held, harness);

    await harness.press(keys.down, keys.enter);

    expect(countOf(harness.frame(), authorizationUrl)).toBe(2);
    expect(calls.openUrl).toHaveLength(1);
    expect(harness.frame()).toContain('Waiting for you to sign in');
  });

  it('opens the paste field', async () => {
    const {held, harness} = await startWaiting();
    await timeOut(held, harness);

    await harness.press(keys.down, keys.down, keys.enter);

    expect(harness.frame()).toContain('Paste the whole address from the browser tab');
    expect(harness.frame()).not.toContain('Go back to the Client ID');
    await harness.press(keys.escape);
    expect(harness.frame()).toContain('Go back to the Client ID');
  });

  it('goes back to the client id and closes the session', async () => {
    const {held, harness} = await startWaiting();
    await timeOut(held, harness);

    await harness.press(keys.down, keys.down, keys.down, keys.enter);

    expect(harness.frame()).toContain('Step 4 of 6');
    expect(held.closeCount()).toBe(1);
  });
});

describe('sign-in step paste field', () => {
  it('opens on p while the wait goes on', async () => {
    const {held, harness} = await startWaiting();

    await harness.press('p');

    expect(harness.frame()).toContain('Paste the whole address from the browser tab');
    expect(harness.frame()).toContain('Waiting for you to sign in');
    expect(harness.frame()).toContain('Enter: check the address · Esc: close the field');
    expect(held.waits[0]!.signal.aborted).toBe(false);
  });

  it('completes the sign-in from a pasted address', async () => {
    const {held, harness} = await startWaiting();
    await harness.press('p');

    await harness.press(`${pastedAddress}\r`);

    expect(held.pastes.map((paste) => paste.address)).toEqual([pastedAddress]);
    expect(harness.frame()).toContain('Checking the pasted address…');
    await harness.settle(() => held.pastes[0]!.resolve(tokens));
    expect(harness.frame()).toContain('Step 6 of 6');
  });

  it('shows a rejected paste and keeps waiting', async () => {
    const {held, harness} = await startWaiting();
    await harness.press('p', `${pastedAddress}\r`);

    await harness.settle(() => held.pastes[0]!.reject(notAnAddress));

    const frame = harness.frame();
    expect(frame).toContain('✖ The pasted address contains no sign-in response');
    expect(frame).toContain('Next step: Copy the whole address and paste it again.');
    expect(frame).toContain('Waiting for you to sign in');
    expect(held.waits[0]!.signal.aborted).toBe(false);
  });

  it('lets the browser win while the field is open', async () => {
    const {held, harness} = await startWaiting();
    await harness.press('p', 'http://half-typed');

    await harness.settle(() => held.waits[0]!.resolve(tokens));

    expect(harness.frame()).toContain('Step 6 of 6');
    expect(held.pastes).toHaveLength(0);
  });

  it('reports a sign-in failure from the pasted address', async () => {
    const {held, harness} = await startWaiting();
    await harness.press('p', `${pastedAddress}\r`);
    const declined = new HaloWizardError('access-denied', 'The sign-in was declined in Halo.', {
      kind: 'sign-in',
      nextStep: 'Sign in again and approve the request.',
    });

    await harness.settle(() => held.pastes[0]!.reject(declined));

    expect(harness.frame()).toContain('✖ The sign-in was declined in Halo.');
    expect(harness.frame()).toContain('r: retry sign-in');
  });

  it('closes on esc without leaving the step', async () => {
    const {harness} = await startWaiting();
    await harness.press('p');

    await harness.press(keys.escape);

    expect(harness.frame()).toContain('Step 5 of 6');
    expect(harness.frame()).not.toContain('Paste the whole address');
  });
});
