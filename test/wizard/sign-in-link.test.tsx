import {afterEach, describe, expect, it} from 'vitest';
import {hyperlink} from '../../source/ui/terminal-link.js';
import type {SignInSession} from '../../source/wizard/wizard-services.js';
import {createFakeServices} from './fake-services.js';
import {advanceToSignIn, renderWizard, type WizardHarness} from './wizard-harness.js';

const osc8 = '\u001B]8;';
const authorizationUrl =
  'http://127.0.0.1:4567/auth/authorize?response_type=code&client_id=0b5f3c1e' +
  '&redirect_uri=http%3A%2F%2F127.0.0.1%3A4170%2Fcallback&state=Zm9vYmFy&code_challenge=E9Me';

/** Starts a sign-in that waits until the wizard aborts it, so step 5 stays on screen. */
async function waitingSignIn(): Promise<SignInSession> {
  return {
    authorizationUrl,
    async waitForTokens({signal}) {
      return new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(new Error('aborted')));
      });
    },
    async completeFromPastedUrl() {
      throw new Error('No address is pasted in these tests.');
    },
    async close() {},
  };
}

let harness: WizardHarness | undefined;

afterEach(async () => {
  await harness?.unmount();
  harness = undefined;
});

async function renderSignIn(hyperlinks: boolean): Promise<string> {
  const {services} = createFakeServices({startSignIn: waitingSignIn});
  harness = await renderWizard(services, {hyperlinks});
  await advanceToSignIn(harness);
  return harness.frame();
}

describe('Wizard sign-in address', () => {
  it('is an osc 8 hyperlink when the terminal draws them', async () => {
    const frame = await renderSignIn(true);
    expect(frame).toContain('Step 5 of 6');
    expect(frame.split('\n')).toContain(hyperlink(authorizationUrl));
  });

  it('is plain text otherwise', async () => {
    const frame = await renderSignIn(false);
    expect(frame).toContain('Step 5 of 6');
    expect(frame).not.toContain(osc8);
    expect(frame.split('\n')).toContain(authorizationUrl);
  });
});
