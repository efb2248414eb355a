import type {WizardOutcome, WizardServices} from '../../source/wizard/wizard-services.js';
import {Wizard, type WizardProps} from '../../source/wizard/wizard.js';
import {keys, renderInk, type InkHarness} from '../ui/ink-harness.js';

export const redirectUri = 'http://127.0.0.1:4170/callback';

export type WizardHarness = InkHarness & {outcomes: WizardOutcome[]};

/** Renders the wizard with test defaults and records every outcome it reports. */
export async function renderWizard(
  services: WizardServices,
  props: Partial<Omit<WizardProps, 'services' | 'onExit'>> = {},
): Promise<WizardHarness> {
  const outcomes: WizardOutcome[] = [];
  const harness = await renderInk(
    <Wizard
      services={services}
      defaultRedirectUri={redirectUri}
      defaultScope="all offline_access"
      signInTimeoutMs={300_000}
      onExit={outcome => outcomes.push(outcome)}
      {...props}
    />,
  );
  return {...harness, outcomes};
}

/** Presses through steps 1 to 4 while the fake services resolve at once. */
export async function advanceToSignIn(harness: InkHarness): Promise<void> {
  await harness.press('acme', keys.enter);
  await harness.press(keys.enter, keys.enter);
  await harness.press(keys.enter, 'y');
  await harness.press('0b5f3c1e-2d4a-4e6b-8c9d-1a2b3c4d5e6f', keys.enter);
}
