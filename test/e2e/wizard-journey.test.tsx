import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {defaultScope} from '../../source/auth/defaults.js';
import {createWizardServices} from '../../source/commands/wizard-services.js';
import {type HaloEmulator, startHaloEmulator} from '../../source/emulator/halo-emulator.js';
import {openConfigStore} from '../../source/store/config-store.js';
import type {WizardOutcome} from '../../source/wizard/wizard-services.js';
import {Wizard} from '../../source/wizard/wizard.js';
import {signInWithEmulatorPage} from '../helpers/emulator-browser.js';
import {findFreePort} from '../helpers/free-port.js';
import {type InkHarness, keys, renderInk} from '../ui/ink-harness.js';

const checklistLength = 7;

let emulator: HaloEmulator;
let configDirectory: string;
let harness: InkHarness | undefined;

beforeEach(async () => {
  emulator = await startHaloEmulator({
    redirectUris: [`http://127.0.0.1:${await findFreePort()}/callback`],
    userCount: 230,
  });
  configDirectory = await mkdtemp(path.join(tmpdir(), 'halo-wizard-journey-'));
});

afterEach(async () => {
  await harness?.unmount();
  harness = undefined;
  await emulator.close();
  await rm(configDirectory, {recursive: true, force: true});
});

/**
 * Waits until the frame shows `text` while real HTTP to the emulator completes. The waiting
 * happens inside act(), so the state updates that network callbacks make are settled there.
 */
async function waitForFrame(text: string | RegExp, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = harness?.frame() ?? '';
    if (typeof text === 'string' ? frame.includes(text) : text.test(frame)) {
      return frame;
    }

    if (Date.now() > deadline) {
      expect(frame).toMatch(text);
    }

    await harness?.settle(async () => new Promise((resolve) => setTimeout(resolve, 25)));
  }
}

/** Starts the wizard with the real services; a browser stand-in signs in on the emulator. */
async function startWizard() {
  const environment = {
    fetch: globalThis.fetch,
    now: Date.now,
    env: {HALO_WIZARD_CONFIG_DIR: configDirectory},
  };
  const store = openConfigStore({env: environment.env, now: environment.now});
  const opened: string[] = [];
  const browserVisits: Array<ReturnType<typeof signInWithEmulatorPage>> = [];
  const services = createWizardServices({
    environment,
    store,
    profileName: 'default',
    async openUrl(url) {
      opened.push(url);
      if (url.includes('/auth/authorize?')) {
        browserVisits.push(signInWithEmulatorPage(url, emulator.demoCredentials));
      }

      return {opened: true, reason: null};
    },
  });
  const outcomes: WizardOutcome[] = [];

  harness = await renderInk(
    <Wizard
      services={services}
      defaultRedirectUri={emulator.application.redirectUris[0] ?? ''}
      defaultScope={defaultScope}
      signInTimeoutMs={60_000}
      onExit={(outcome) => outcomes.push(outcome)}
    />,
  );
  return {store, opened, browserVisits, outcomes};
}

/** Types every step from the workspace to the Client ID, ticking the whole checklist. */
async function typeSetupSteps(): Promise<void> {
  await harness?.press(emulator.instanceUrl, keys.enter);
  await waitForFrame('Step 2 of 6');
  await waitForFrame(`Base URI: ${emulator.authUrl}`);
  // Step 2 has two fields, the Base URI and the tenant: Enter moves on from each.
  await harness?.press(keys.enter, keys.enter);
  await waitForFrame('Step 3 of 6');
  for (let item = 0; item < checklistLength; item++) {
    await harness?.press(keys.space, keys.down);
  }

  await harness?.press(keys.enter);
  await waitForFrame('Step 4 of 6');
  await harness?.press(emulator.application.clientId, keys.enter);
}

describe('wizard journey on the emulator', () => {
  it('signs in and shows the real account counts', async () => {
    const {browserVisits, store} = await startWizard();

    await typeSetupSteps();
    await waitForFrame('Step 6 of 6');
    const frame = await waitForFrame(/Showing .* accounts/);

    const agents = emulator.data.agents.filter((agent) => agent.id !== 1 && !agent.isapiagent);
    const users = emulator.data.users;
    expect(frame).toContain(`${agents.length} agents`);
    expect(frame).toContain(`${users.length} users`);
    expect(frame).toContain(`${agents.length + users.length} accounts`);
    expect(frame).toContain('Connected. Every check passed.');
    expect(frame).toContain('Signed in as');
    expect(browserVisits).toHaveLength(1);
    expect((await browserVisits[0])?.callbackStatus).toBe(200);
    expect(store.getProfile('default')?.settings.clientId).toBe(emulator.application.clientId);
  });

  it('fixes a rejected client id without retyping the rest', async () => {
    const {browserVisits} = await startWizard();
    const copiedBeforeSaving = emulator.application.clientId;
    emulator.rotateClientId();

    await harness?.press(emulator.instanceUrl, keys.enter);
    await waitForFrame(`Base URI: ${emulator.authUrl}`);
    await harness?.press(keys.enter, keys.enter);
    await waitForFrame('Step 3 of 6');
    await harness?.press(keys.enter, 'y');
    await waitForFrame('Step 4 of 6');
    await harness?.press(copiedBeforeSaving, keys.enter);
    const failure = await waitForFrame('Next step');

    expect(failure).toContain('Field: Client ID');
    expect(failure).toContain('copy the Client ID shown after saving');
    expect(browserVisits).toHaveLength(0);

    await harness?.press(keys.enter);
    await waitForFrame('Step 4 of 6');
    await harness?.press(...Array.from({length: copiedBeforeSaving.length}, () => keys.backspace));
    await harness?.press(emulator.application.clientId, keys.enter);
    const connected = await waitForFrame(/Showing .* accounts/);

    expect(connected).toContain('Connected. Every check passed.');
    expect(browserVisits).toHaveLength(1);
  });
});
