import {mkdtemp, readdir, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {findFreePort} from '../helpers/free-port.js';
import {cliPath} from '../helpers/run-cli.js';
import {hasTmux, shellQuote, startTmuxSession, type TmuxSession} from '../helpers/tmux.js';

const tmuxFound = hasTmux();

let tmux: TmuxSession | undefined;
let temporaryRoot: string | undefined;

afterEach(async () => {
  await tmux?.kill();
  tmux = undefined;
  if (temporaryRoot) {
    await rm(temporaryRoot, {recursive: true, force: true});
    temporaryRoot = undefined;
  }
});

describe.skipIf(!tmuxFound)('demo config folder in tmux (skipped without tmux)', () => {
  it('is removed when the terminal closes', async () => {
    // The demo makes its folder under TMPDIR, so a private one shows what it leaves behind.
    temporaryRoot = await mkdtemp(path.join(tmpdir(), 'halo-wizard-tmpdir-'));
    const redirectUri = `http://127.0.0.1:${await findFreePort()}/callback`;
    const cli = [process.execPath, cliPath, '--demo', '--redirect-uri', redirectUri]
      .map(shellQuote)
      .join(' ');
    tmux = await startTmuxSession({
      columns: 100,
      rows: 30,
      shellCommand: `env -u CI TMPDIR=${shellQuote(temporaryRoot)} TERM=xterm-256color ${cli}`,
    });
    await tmux.waitForScreen(/Step 1 of 6/);
    expect(await readdir(temporaryRoot)).toHaveLength(1);

    // Killing the tmux server closes the pane's terminal, which sends SIGHUP.
    await tmux.kill();
    tmux = undefined;

    await expect.poll(async () => readdir(temporaryRoot ?? ''), {timeout: 10_000}).toEqual([]);
  });
});
