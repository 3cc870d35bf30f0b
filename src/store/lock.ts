// One writer at a time per project: a lock file created exclusively (O_EXCL) holding the owner's
// pid. A lock whose owner is gone (killed, crashed) is stale and is taken over; anything that an
// interrupted writer left behind is recovered before the new writer starts.
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { recover, stateDir } from './atomic.js';
import { LockTimeoutError } from './errors.js';

const LOCK = 'lock';
const WAIT_MS = 15_000;
const MAX_HOLD_MS = 10 * 60_000;
const EMPTY_LOCK_MS = 2_000;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(content: string): boolean {
  try {
    const info = JSON.parse(content) as { pid?: unknown; host?: unknown; started?: unknown };
    if (typeof info.pid !== 'number') return true;
    if (info.host !== hostname()) return false; // another machine's lock: never steal it
    if (!alive(info.pid)) return true;
    // Writers hold the lock for seconds; one held for much longer belongs to a pid reused by an
    // unrelated process after the writer died.
    return typeof info.started === 'number' && Date.now() - info.started > MAX_HOLD_MS;
  } catch {
    return true; // torn or foreign content: its writer died before finishing the lock file
  }
}

/**
 * Removes a stale lock without racing another process that is doing the same: breaking is itself
 * serialized by an exclusive `lock.break` file, and the lock is removed only if it still holds the
 * stale content (so a fresh lock taken by someone else in between is never removed).
 */
function breakStaleLock(path: string, stale: string): void {
  const breaker = `${path}.break`;
  let fd: number;
  try {
    fd = openSync(breaker, 'wx');
  } catch {
    try {
      // Its breaker died: the pid inside is gone (or, for a torn file, it is old).
      const content = readFileSync(breaker, 'utf8');
      if ((content && isStale(content)) || Date.now() - statSync(breaker).mtimeMs > 10_000) unlinkSync(breaker);
    } catch {
      /* gone */
    }
    sleep(5);
    return;
  }
  writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname() }));
  closeSync(fd);
  try {
    if (readFileSync(path, 'utf8') === stale) unlinkSync(path);
  } catch {
    /* already released */
  } finally {
    try {
      unlinkSync(breaker);
    } catch {
      /* ignore */
    }
  }
}

/** An empty lock file older than a few seconds: its writer died between creating and filling it. */
export function emptyLockIsOld(path: string): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > EMPTY_LOCK_MS;
  } catch {
    return false; // gone: try again
  }
}

/** Runs `fn` holding the project lock. `folders` are scanned for stray temp files on entry. */
export function withProjectLock<T>(root: string, folders: readonly string[], fn: () => T): T {
  const path = join(stateDir(root), LOCK);
  const deadline = Date.now() + WAIT_MS;
  let fd: number | undefined;
  while (fd === undefined) {
    try {
      fd = openSync(path, 'wx', 0o644);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let content = '';
      try {
        content = readFileSync(path, 'utf8');
      } catch {
        continue; // released between our open and read
      }
      // A lock file with no content yet may be mid-creation: give its writer a moment first. (Its
      // age, not how long we have waited: behind a queue of writers on a large project, a waiter
      // that counted its own attempts took a lock created a moment ago for stale, removed it, and
      // two writers ran at once.)
      if ((content !== '' || emptyLockIsOld(path)) && isStale(content)) {
        breakStaleLock(path, content);
        continue;
      }
      if (Date.now() > deadline) throw new LockTimeoutError(path, content.trim());
      sleep(5 + Math.floor(Math.random() * 20));
    }
  }
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), started: Date.now() }));
    closeSync(fd);
    recover(root, folders);
    return fn();
  } finally {
    try {
      unlinkSync(path);
    } catch {
      /* already removed */
    }
  }
}
