import type {HaloEmulator} from '../../source/emulator/halo-emulator.js';
import {signInWithEmulatorPage} from './emulator-browser.js';
import {startCli} from './run-cli.js';

/** The line on stderr that setup and login print with the sign-in address. */
export const signInAddressPattern = /^http:\/\/127\.0\.0\.1:\d+\/auth\/authorize\?/;

/** Returns the non-interactive setup arguments that connect to `emulator`. */
export function setupArgs(emulator: HaloEmulator, redirectUri: string): string[] {
  return [
    'setup',
    '--non-interactive',
    '--workspace',
    emulator.instanceUrl,
    '--client-id',
    emulator.application.clientId,
    '--redirect-uri',
    redirectUri,
    '--no-browser',
  ];
}

/**
 * Runs `args` (setup or login) on the built CLI and, once it prints the sign-in address, signs
 * in on the emulator's page as a person would. Resolves when the CLI exits.
 */
export async function runWithSignIn(input: {
  args: string[];
  emulator: HaloEmulator;
  env: NodeJS.ProcessEnv;
  action?: 'approve' | 'cancel';
}) {
  const run = startCli(input.args, input.env);
  const url = await run.waitForStderrLine(signInAddressPattern);
  const browser = await signInWithEmulatorPage(url, {
    ...input.emulator.demoCredentials,
    action: input.action ?? 'approve',
  });
  const code = await run.exited();
  return {code, browser, stdout: run.stdout(), stderr: run.stderr()};
}
