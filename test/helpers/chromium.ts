// playwright-core's type declarations name DOM types such as HTMLElementTagNameMap.
/// <reference lib="dom" />
import {existsSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {type BrowserContext, chromium} from 'playwright-core';

/** Debian's Chromium; tests never download a browser of their own. */
export const chromiumPath = '/usr/bin/chromium';

// No sandbox, because CI runs as root. The other switches stop Chromium from calling Google's
// services, which a closed network refuses one connection at a time.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Returns whether Debian's Chromium is installed. */
export function hasChromium(): boolean {
  return existsSync(chromiumPath);
}

export type HeadlessChromium = {
  context: BrowserContext;
  /** Closes the browser and removes its profile folder. */
  close(): Promise<void>;
};

/** Starts headless Chromium with a new, empty profile in a temporary folder. */
export async function launchChromium(): Promise<HeadlessChromium> {
  const userDataDirectory = await mkdtemp(path.join(tmpdir(), 'halo-wizard-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDirectory, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: {width: 800, height: 600},
  });
  return {
    context,
    async close() {
      await context.close();
      await rm(userDataDirectory, {recursive: true, force: true});
    },
  };
}
