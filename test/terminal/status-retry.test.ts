import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {type HaloEmulator, startHaloEmulator} from '../../source/emulator/halo-emulator.js';
import {runWithSignIn, setupArgs} from '../helpers/cli-sign-in.js';
import {signInWithEmulatorPage} from '../helpers/emulator-browser.js';
import {findFreePort} from '../helpers/free-port.js';
import {cliPath} from '../helpers/run-cli.js';
import {hasTmux, shellQuote, startTmuxSession, type TmuxSession} from '../helpers/tmux.js';
import {exitLinePattern, readSignInUrl, signInScreenPattern} from './demo-terminal.js';

const tmuxFound = hasTmux();

let emulator: HaloEmulator;
let configDirectory: string;
let redirectUri: string;
let tmux: TmuxSession | undefined;

beforeEach(async () => {
  redirectUri = `http://127.0.0.1:${await findFreePort()}/callback`;
  emulator = await startHaloEmulator({redirectUris: [redirectUri]});
  configDirectory = await mkdtemp(path.join(tmpdir(), 'halo-wizard-retry-'));
});

afterEach(async () => {
  await tmux?.kill();
  tmux = undefined;
  await emulator.close();
  await rm(configDirectory, {recursive: true, force: true});
});

/** Saves a working connection through the non-interactive setup. */
async function setUpConnection(): Promise<void> {
  const setup = await runWithSignIn({
    args: setupArgs(emulator, redirectUri),
    emulator,
    env: {HALO_WIZARD_CONFIG_DIR: configDirectory},
  });
  expect(setup.code).toBe(0);
}

/** Spends the stored refresh token elsewhere, as a second machine sharing it would. */
async function spendStoredRefreshToken(): Promise<void> {
  const config = JSON.parse(await readFile(path.join(configDirectory, 'config.json'), 'utf8'));
  const refreshToken = config.profiles.default.tokens.refreshToken as string;
  const response = await fetch(`${emulator.authUrl}/token`, {
    method: 'POST',
    headers: {'content-type': 'application/x-www-form-urlencoded'},
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: emulator.application.clientId,
    }),
  });
  expect(response.status).toBe(200);
  emulator.revokeAccessTokens();
}

/** Runs `halo-wizard status` in tmux; the pane prints the exit code when the CLI ends. */
async function startStatusInTmux(extraArgs: string[] = []): Promise<TmuxSession> {
  const cli = [process.execPath, cliPath, 'status', ...extraArgs].map(shellQuote).join(' ');
  return startTmuxSession({
    columns: 100,
    rows: 40,
    shellCommand:
      `env -u CI HALO_WIZARD_CONFIG_DIR=${shellQuote(configDirectory)} BROWSER=none ` +
      `TERM=xterm-256color ${cli}; printf '\\n[halo-wizard exited with %s]\\n' "$?"; ` +
      'exec sleep 3600',
  });
}

describe.skipIf(!tmuxFound)('status edit and retry in tmux (skipped without tmux)', () => {
  it('signs in again from a failed status without retyping settings', async () => {
    await setUpConnection();
    await spendStoredRefreshToken();

    tmux = await startStatusInTmux();

    const failed = await tmux.waitForScreen(/Press e to edit/);
    expect(failed).toContain('halo-wizard login');
    await tmux.sendKeys('e');

    const signIn = await tmux.waitForScreen(signInScreenPattern, {join: true});
    expect(signIn).not.toContain('Step 1 of 6');
    const browser = await signInWithEmulatorPage(readSignInUrl(signIn), emulator.demoCredentials);
    expect(browser.callbackStatus).toBe(200);

    await tmux.waitForScreen(/Connected\. Every check passed\./);
    await tmux.sendKeys('q');
    const exited = await tmux.waitForScreen(exitLinePattern);
    expect(exitLinePattern.exec(exited)?.[1]).toBe('0');
  });

  it('quits with the status exit code on another key', async () => {
    await setUpConnection();
    await spendStoredRefreshToken();
    tmux = await startStatusInTmux();

    await tmux.waitForScreen(/Press e to edit/);
    await tmux.sendKeys('x');

    const exited = await tmux.waitForScreen(exitLinePattern);
    expect(exitLinePattern.exec(exited)?.[1]).toBe('4');
    expect(exited).not.toContain('Step 5 of 6');
  });

  it('ends a watch on ctrl+c with the last round exit code', async () => {
    await setUpConnection();
    await spendStoredRefreshToken();
    tmux = await startStatusInTmux(['--watch', '5']);

    await tmux.waitForScreen(/Round 1: /);
    await tmux.sendKeys('C-c');

    const exited = await tmux.waitForScreen(exitLinePattern);
    expect(exited).toContain('Stopped watching; exit code 4 from the last round.');
    expect(exitLinePattern.exec(exited)?.[1]).toBe('4');
  });
});
