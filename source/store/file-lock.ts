import {randomUUID} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import {setTimeout as sleep} from 'node:timers/promises';
import {HaloWizardError} from '../errors.js';
import {toConfigFileError} from './config-dir.js';

/** Options of `acquireFileLock`; the defaults suit a token refresh. */
export type FileLockOptions = {
  /** Epoch milliseconds, for the lock's age. */
  now: () => number;
  /**
   * An unreadable lock file older than this is abandoned and broken: its holder crashed
   * between creating the file and writing its content. @default 30_000
   */
  staleMs?: number;
  /**
   * A lock whose holder is alive on this machine is broken only past this age, in case the
   * pid now belongs to another program. Well above the longest refresh, which the token
   * request timeout limits to 30 s. @default 600_000
   */
  maxHeldMs?: number;
  /** Give up after waiting this long in total. @default 45_000 */
  maxWaitMs?: number;
  /** Pause between attempts while another process holds the lock. @default 50 */
  pollMs?: number;
};

/** The JSON inside a lock file. `host` is null for a lock of an earlier version, which had none. */
type LockContent = {pid: number; host: string | null; createdAt: number; id: string};

/**
 * Creates `lockPath` exclusively (open with 'wx') and returns a function that removes it.
 * While another process holds the lock, polls until it is gone or abandoned: held by a pid
 * that no longer exists on this machine, older than `maxHeldMs`, or unreadable and older
 * than `staleMs`. A live holder's lock is never broken for age below `maxHeldMs`, so a slow
 * refresh keeps it. Throws HaloWizardError `lock-timeout` after `maxWaitMs`.
 */
export async function acquireFileLock(
  lockPath: string,
  options: FileLockOptions,
): Promise<() => void> {
  const {now, maxWaitMs = 45_000, pollMs = 50} = options;
  const limits = {staleMs: options.staleMs ?? 30_000, maxHeldMs: options.maxHeldMs ?? 600_000};
  const content: LockContent = {
    pid: process.pid,
    host: os.hostname(),
    createdAt: now(),
    id: randomUUID(),
  };
  const started = now();

  for (;;) {
    if (tryCreate(lockPath, content)) {
      return () => {
        release(lockPath, content.id);
      };
    }

    const held = readLock(lockPath);
    if (held !== null && isAbandoned(held, now(), limits)) {
      breakStaleLock(lockPath, held.text);
      continue;
    }

    if (now() - started >= maxWaitMs) {
      throw lockTimeoutError(lockPath, held?.content ?? null);
    }

    await sleep(pollMs);
  }
}

function tryCreate(lockPath: string, content: LockContent): boolean {
  try {
    fs.writeFileSync(lockPath, JSON.stringify(content), {flag: 'wx', mode: 0o600});
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return false;
    }

    // A folder without write permission or a full disk: the error names the path and the fix.
    throw toConfigFileError(error, lockPath, 'write');
  }
}

type HeldLock = {text: string; content: LockContent | null; modifiedAt: number};

// Returns null when the file vanished between the failed create and this read.
function readLock(lockPath: string): HeldLock | null {
  let text: string;
  let modifiedAt: number;
  try {
    text = fs.readFileSync(lockPath, 'utf8');
    modifiedAt = fs.statSync(lockPath).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return null;
    }

    // A folder in the lock's place (EISDIR) or an unreadable lock: the error names the path.
    throw toConfigFileError(error, lockPath, 'read');
  }

  return {text, content: parseLock(text), modifiedAt};
}

function parseLock(text: string): LockContent | null {
  try {
    const value = JSON.parse(text) as Partial<LockContent>;
    if (typeof value.pid === 'number' && typeof value.createdAt === 'number') {
      const host = typeof value.host === 'string' ? value.host : null;
      return {pid: value.pid, host, createdAt: value.createdAt, id: String(value.id)};
    }
  } catch {
    // Empty or partial: the holder is still writing it, or crashed while it did.
  }

  return null;
}

// Opening with 'wx' creates the file before its content is written, so an unreadable lock is
// judged by the file's age alone. A pid is checked only when the lock was taken on this
// machine: a config directory shared over the network may hold a lock from another host,
// whose pid means nothing here, so that lock is judged by age against `maxHeldMs`.
function isAbandoned(
  held: HeldLock,
  now: number,
  limits: {staleMs: number; maxHeldMs: number},
): boolean {
  const {content} = held;
  if (content === null) {
    return now - held.modifiedAt > limits.staleMs;
  }

  if (now - content.createdAt > limits.maxHeldMs) {
    return true;
  }

  // A lock without a host, written by an earlier version, is taken to be from this machine.
  const isThisHost = content.host === null || content.host === os.hostname();
  return isThisHost && !isProcessAlive(content.pid);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// The stale file is renamed aside first, so a lock another process created after our read
// is not deleted by mistake: when the file moved is not the one judged stale, it is put back.
// NOTE: if a third process creates the lock between the rename and the put-back, the moved
// holder and that process both believe they hold it. The window is a few system calls wide.
function breakStaleLock(lockPath: string, judgedText: string): void {
  const aside = `${lockPath}.stale-${process.pid}-${randomUUID()}`;
  try {
    fs.renameSync(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return;
    }

    throw error;
  }

  if (fs.readFileSync(aside, 'utf8') !== judgedText) {
    try {
      fs.linkSync(aside, lockPath);
    } catch {
      // Someone else holds the lock now; the next attempt waits for them.
    }
  }

  fs.rmSync(aside, {force: true});
}

// Removes the lock only while it is still ours: after being judged stale it may belong to
// another process.
function release(lockPath: string, id: string): void {
  const held = readLock(lockPath);
  if (held?.content?.id === id) {
    fs.rmSync(lockPath, {force: true});
  }
}

function lockTimeoutError(lockPath: string, holder: LockContent | null): HaloWizardError {
  const by = holder === null ? '' : ` by process ${holder.pid}`;
  return new HaloWizardError(
    'lock-timeout',
    `Timed out waiting for the lock ${lockPath}, held${by} while it refreshes the sign-in.`,
    {
      kind: 'unexpected',
      nextStep:
        'Wait for other halo-wizard commands to finish and try again. If none is running, ' +
        `delete ${lockPath}.`,
    },
  );
}
