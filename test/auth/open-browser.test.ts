import {spawn, type ChildProcess} from 'node:child_process';
import {afterEach, describe, expect, it} from 'vitest';
import {openBrowser} from '../../source/auth/open-browser.js';

const url = 'http://127.0.0.1:9/auth/authorize?client_id=x';
const desktop = {DISPLAY: ':0'};
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill();
    }
  }
});

// Stands in for a browser launcher: a node child that runs the given script.
function launcher(script: string): (url: string) => Promise<ChildProcess> {
  return async () => {
    const child = spawn(process.execPath, ['-e', script], {stdio: 'ignore'});
    children.push(child);
    return child;
  };
}

function unusedOpener(): (url: string) => Promise<ChildProcess> {
  return async () => {
    throw new Error('The opener must not run.');
  };
}

describe('openBrowser', () => {
  it('does not open without a display on linux', async () => {
    const result = await openBrowser(url, {env: {}, platform: 'linux', opener: unusedOpener()});

    expect(result.opened).toBe(false);
    expect(result.reason).toContain('DISPLAY');
  });

  it('does not open in an ssh session', async () => {
    for (const env of [{SSH_CONNECTION: '10.0.0.1 1 10.0.0.2 22'}, {SSH_TTY: '/dev/pts/1'}]) {
      const result = await openBrowser(url, {
        env: {...desktop, ...env},
        platform: 'darwin',
        opener: unusedOpener(),
      });

      expect(result.opened).toBe(false);
      expect(result.reason).toContain('SSH');
    }
  });

  it('does not open in ci', async () => {
    const result = await openBrowser(url, {
      env: {...desktop, CI: 'true'},
      platform: 'linux',
      opener: unusedOpener(),
    });

    expect(result.opened).toBe(false);
    expect(result.reason).toContain('CI');
  });

  it('opens only http and https addresses', async () => {
    const result = await openBrowser('file:///etc/passwd', {
      env: desktop,
      platform: 'linux',
      opener: unusedOpener(),
    });

    expect(result.opened).toBe(false);
  });

  it('reports a launcher that fails to start', async () => {
    const missing = async (): Promise<ChildProcess> => {
      throw Object.assign(new Error('spawn xdg-open ENOENT'), {code: 'ENOENT'});
    };
    const result = await openBrowser(url, {env: desktop, platform: 'linux', opener: missing});

    expect(result.opened).toBe(false);
    expect(result.reason).toContain('ENOENT');
  });

  it('reports a launcher that exits non-zero', async () => {
    const result = await openBrowser(url, {
      env: desktop,
      platform: 'linux',
      opener: launcher('process.exit(3)'),
    });

    expect(result.opened).toBe(false);
    expect(result.reason).toContain('code 3');
  });

  it('counts a launcher that exits zero as opened', async () => {
    const result = await openBrowser(url, {
      env: desktop,
      platform: 'linux',
      opener: launcher('process.exit(0)'),
    });

    expect(result).toEqual({opened: true, reason: null});
  });

  it('counts a launcher still running after the window as opened', async () => {
    const result = await openBrowser(url, {
      env: desktop,
      platform: 'linux',
      opener: launcher('setTimeout(() => {}, 30_000)'),
      exitWatchMs: 200,
    });

    expect(result).toEqual({opened: true, reason: null});
  });

  it('passes the url to the opener', async () => {
    const opened: string[] = [];
    const recorder = async (target: string): Promise<ChildProcess> => {
      opened.push(target);
      return launcher('process.exit(0)')(target);
    };

    await openBrowser(url, {env: {}, platform: 'darwin', opener: recorder});

    expect(opened).toEqual([url]);
  });
});
