import {spawnSync} from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {HaloWizardError} from '../../source/errors.js';
import {acquireFileLock} from '../../source/store/file-lock.js';

let directory: string;
let lockPath: string;

beforeEach(() => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'halo-wizard-lock-'));
  lockPath = path.join(directory, 'tokens.lock');
});

afterEach(() => {
  fs.rmSync(directory, {recursive: true, force: true});
});

const options = {now: Date.now, maxWaitMs: 150, pollMs: 10};

async function rejectionOf(promise: Promise<unknown>): Promise<HaloWizardError> {
  const error = await promise.then(
    () => new Error('expected a rejection'),
    (reason: unknown) => reason,
  );
  if (!(error instanceof HaloWizardError)) {
    throw error;
  }

  return error;
}

function writeLock(content: unknown): void {
  fs.writeFileSync(lockPath, JSON.stringify(content));
}

describe('acquireFileLock', () => {
  it('names the path when a folder is in the lock place', async () => {
    fs.mkdirSync(lockPath);

    const error = await rejectionOf(acquireFileLock(lockPath, options));

    expect(error.code).toBe('config-path-invalid');
    expect(error.kind).toBe('usage');
    expect(error.message).toContain(lockPath);
  });

  it('writes pid and time to a file only its owner can read', async () => {
    const release = await acquireFileLock(lockPath, options);

    const content = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as {pid: number};
    expect(content.pid).toBe(process.pid);
    expect(fs.statSync(lockPath).mode & 0o777).toBe(0o600);
    release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('times out while a live process holds the lock', async () => {
    const release = await acquireFileLock(lockPath, options);

    const error = await rejectionOf(acquireFileLock(lockPath, options));

    expect(error.code).toBe('lock-timeout');
    expect(error.message).toContain(`by process ${process.pid}`);
    expect(error.nextStep).toContain(lockPath);
    release();
  });

  it('hands the lock on once it is released', async () => {
    const release = await acquireFileLock(lockPath, options);
    const waiting = acquireFileLock(lockPath, {...options, maxWaitMs: 10_000});

    release();
    const releaseSecond = await waiting;

    expect(fs.existsSync(lockPath)).toBe(true);
    releaseSecond();
  });

  it('keeps a slow live holder past the stale age', async () => {
    // A refresh may outlast staleMs, and the lock of a live holder must hold until maxHeldMs.
    const held = {pid: process.pid, host: os.hostname(), createdAt: Date.now() - 60_000, id: 'slow'};
    writeLock(held);

    const error = await rejectionOf(acquireFileLock(lockPath, options));

    expect(error.code).toBe('lock-timeout');
    expect(JSON.parse(fs.readFileSync(lockPath, 'utf8'))).toEqual(held);
  });

  it('breaks a live holder past the maximum age', async () => {
    writeLock({pid: process.pid, host: os.hostname(), createdAt: Date.now() - 601_000, id: 'old'});

    const release = await acquireFileLock(lockPath, options);

    expect(JSON.parse(fs.readFileSync(lockPath, 'utf8'))).toMatchObject({pid: process.pid});
    expect(fs.readdirSync(directory)).toEqual(['tokens.lock']);
    release();
  });

  it('records the host beside the pid', async () => {
    const release = await acquireFileLock(lockPath, options);

    expect(JSON.parse(fs.readFileSync(lockPath, 'utf8'))).toMatchObject({host: os.hostname()});
    release();
  });

  it('keeps a lock of another host whatever its pid', async () => {
    const exited = spawnSync(process.execPath, ['-e', '0']);
    writeLock({pid: exited.pid, host: 'another-host', createdAt: Date.now(), id: 'remote'});

    const error = await rejectionOf(acquireFileLock(lockPath, options));

    expect(error.code).toBe('lock-timeout');
  });

  it('breaks a lock whose process is gone', async () => {
    const exited = spawnSync(process.execPath, ['-e', '0']);
    writeLock({pid: exited.pid, createdAt: Date.now(), id: 'gone'});

    const release = await acquireFileLock(lockPath, options);

    release();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('judges an unreadable lock by the age of the file', async () => {
    fs.writeFileSync(lockPath, '');

    const error = await rejectionOf(acquireFileLock(lockPath, options));
    expect(error.code).toBe('lock-timeout');

    const minuteAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(lockPath, minuteAgo, minuteAgo);
    const release = await acquireFileLock(lockPath, options);
    release();
  });

  it('leaves a lock that another process took over', async () => {
    const release = await acquireFileLock(lockPath, options);
    writeLock({pid: process.pid, createdAt: Date.now(), id: 'someone-else'});

    release();

    expect(fs.existsSync(lockPath)).toBe(true);
  });
});
