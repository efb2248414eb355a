import {mkdir} from 'node:fs/promises';
import {afterEach, describe, expect, it} from 'vitest';
import {hasChromium, type HeadlessChromium, launchChromium} from '../helpers/chromium.js';
import {hasTmux} from '../helpers/tmux.js';
import {
  type DemoTerminal,
  readDemoDetails,
  readSignInUrl,
  startDemoTerminal,
} from '../terminal/demo-terminal.js';
import {goToStep} from '../terminal/go-to-step.js';

const canRun = hasTmux() && hasChromium();
if (!canRun) {
  console.warn('Skipping the real-browser suite: it needs tmux and /usr/bin/chromium.');
}

let terminal: DemoTerminal | undefined;
let browser: HeadlessChromium | undefined;
afterEach(async () => {
  await browser?.close();
  browser = undefined;
  await terminal?.close();
  terminal = undefined;
});

/** Runs the demo to step 5 and opens the printed sign-in address in Chromium. */
async function openSignInPage() {
  terminal = await startDemoTerminal({columns: 100, rows: 30});
  const screen = await goToStep(terminal.tmux, 5);
  const demo = readDemoDetails(screen);
  browser = await launchChromium();
  const page = await browser.context.newPage();
  await page.goto(readSignInUrl(screen));
  await page.getByRole('heading', {name: 'Sign in to HaloPSA'}).waitFor();
  await page.getByLabel('Username').fill(demo.username);
  await page.getByLabel('Password').fill(demo.password);
  await mkdir('test-output', {recursive: true});
  return {page, tmux: terminal.tmux};
}

describe.skipIf(!canRun)('sign-in in chromium (skipped without tmux and chromium)', () => {
  it('lands on the success page and the status step', async () => {
    const {page, tmux} = await openSignInPage();
    await page.getByRole('button', {name: 'Sign in'}).click();

    await page.getByRole('heading', {name: 'Signed in to HaloPSA'}).waitFor();
    expect(new URL(page.url()).pathname).toBe('/callback');
    await page.screenshot({path: 'test-output/browser-success.png'});
    await tmux.waitForScreen(/Connected\. Every check passed\./, {timeoutMs: 20_000});
  });

  it('lands on the failure page when the sign-in is declined', async () => {
    const {page, tmux} = await openSignInPage();
    await page.getByRole('button', {name: 'Cancel'}).click();

    await page.getByRole('heading', {name: 'Sign-in failed'}).waitFor();
    await page.screenshot({path: 'test-output/browser-declined.png'});
    const screen = await tmux.waitForScreen(/✖/);
    expect(screen).toMatch(/r: retry sign-in/);
  });
});
