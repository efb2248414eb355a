import {execFileSync} from 'node:child_process';
import {mkdtemp, readdir, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';

const root = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));

let workDirectory: string;
let unpacked: string;

// npm pack runs prepack (the build) and writes the tarball that `npx ./halo-wizard-<v>.tgz`
// installs. The bundle must run from the unpacked tarball alone, with no node_modules beside it.
beforeAll(async () => {
  workDirectory = await mkdtemp(path.join(tmpdir(), 'halo-wizard-pack-'));
  const output = execFileSync('npm', ['pack', '--silent', '--pack-destination', workDirectory], {
    cwd: root,
    encoding: 'utf8',
  });
  const tarball = path.join(workDirectory, output.trim().split('\n').at(-1) ?? '');
  execFileSync('tar', ['-xzf', tarball, '-C', workDirectory]);
  unpacked = path.join(workDirectory, 'package');
}, 120_000);

afterAll(async () => {
  await rm(workDirectory, {recursive: true, force: true});
});

describe('packed tarball', () => {
  it('contains the bundle and no source', async () => {
    const files = await readdir(unpacked, {recursive: true});

    expect(files).toContain(path.join('dist', 'halo-wizard.js'));
    expect(files).toContain(path.join('dist', 'xdg-open'));
    expect(files.some((file) => file.startsWith('source'))).toBe(false);
  });

  it('prints help without any installed dependency', () => {
    const help = execFileSync(process.execPath, [path.join(unpacked, 'dist', 'halo-wizard.js'), '--help'], {
      cwd: workDirectory,
      encoding: 'utf8',
    });

    expect(help).toContain('halo-wizard setup');
  });

  it('runs a command that loads the whole bundle', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [path.join(unpacked, 'dist', 'halo-wizard.js'), 'status'], {
        cwd: workDirectory,
        encoding: 'utf8',
        env: {...process.env, HALO_WIZARD_CONFIG_DIR: path.join(workDirectory, 'config')},
        stdio: 'pipe',
      });
    } catch (error) {
      const failure = error as {status: number; stderr: string};
      status = failure.status;
      stderr = failure.stderr;
    }

    expect(status).toBe(2);
    expect(stderr).toContain('No connection is saved as profile "default"');
  });
});
