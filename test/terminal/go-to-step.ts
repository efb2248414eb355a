import {signInWithEmulatorPage} from '../helpers/emulator-browser.js';
import type {TmuxSession} from '../helpers/tmux.js';
import {readDemoDetails, readSignInUrl, signInScreenPattern} from './demo-terminal.js';

/** The checklist on step 3 has seven items. */
const checklistLength = 7;

/**
 * Drives the demo wizard from step 1 to `step` (1 to 6) the way a person would, reading the
 * values to type from the screen, and returns the screen of that step.
 */
export async function goToStep(tmux: TmuxSession, step: number): Promise<string> {
  let screen = await tmux.waitForScreen(/Step 1 of 6 · Workspace/);
  const demo = readDemoDetails(screen);
  if (step === 1) return screen;

  await tmux.typeText(demo.workspaceUrl);
  await tmux.waitForScreen(new RegExp(`› +${demo.workspaceUrl}`));
  await tmux.sendKeys('Enter');
  screen = await tmux.waitForScreen(/Step 2 of 6[\s\S]*Tenant \(optional\): \S/);
  if (step === 2) return screen;

  await tmux.sendKeys('Enter');
  await tmux.waitForScreen(/\u001B\[1mTenant \(optional\)/, {escapes: true});
  await tmux.sendKeys('Enter');
  screen = await tmux.waitForScreen(/Step 3 of 6/);
  if (step === 3) return screen;

  for (let item = 0; item < checklistLength; item++) {
    await tmux.sendKeys('Space', 'Down');
  }

  await tmux.waitForScreen(new RegExp(`(\\[x\\][\\s\\S]*){${checklistLength}}`));
  await tmux.sendKeys('Enter');
  screen = await tmux.waitForScreen(/Step 4 of 6 · Client ID/);
  if (step === 4) return screen;

  await tmux.typeText(demo.clientId);
  await tmux.waitForScreen(new RegExp(`› +${demo.clientId}`));
  await tmux.sendKeys('Enter');
  screen = await tmux.waitForScreen(signInScreenPattern);
  if (step === 5) return screen;

  const browser = await signInWithEmulatorPage(readSignInUrl(screen), demo);
  if (browser.callbackStatus !== 200) {
    throw new Error(`The sign-in callback answered ${browser.callbackStatus}.`);
  }

  return tmux.waitForScreen(/Connected[\s\S]*Showing[\s\S]*q: quit/, {timeoutMs: 20_000});
}
