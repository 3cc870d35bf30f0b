// Stale locks are taken over; nothing of the lock is left behind afterwards.
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyLockIsOld, withProjectLock } from '../../src/store/lock.js';
import { makeProject } from '../helpers/project.js';

function lockWith(content: string): string {
  const dir = makeProject({});
  mkdirSync(join(dir, '.deliver'), { recursive: true });
  writeFileSync(join(dir, '.deliver', 'lock'), content);
  return dir;
}

describe('project lock', () => {
  it.each([
    ['a dead process', JSON.stringify({ pid: 4_000_000, host: hostname(), started: Date.now() })],
    [
      'a live pid that has held it for hours (pid reused)',
      JSON.stringify({ pid: process.pid, host: hostname(), started: Date.now() - 3 * 3600_000 }),
    ],
    ['torn content', '{"pid": 12'],
  ])('takes over a lock left by %s', (_what, content) => {
    const dir = lockWith(content);
    expect(withProjectLock(dir, [], () => 'ran')).toBe('ran');
    expect(existsSync(join(dir, '.deliver', 'lock'))).toBe(false);
  });

  it('takes over an empty lock file only once it is a few seconds old (its writer died before filling it)', () => {
    const dir = lockWith('');
    const old = (Date.now() - 60_000) / 1000;
    utimesSync(join(dir, '.deliver', 'lock'), old, old);
    expect(withProjectLock(dir, [], () => 'ran')).toBe('ran');
  });

  it('never takes an empty lock file that was just created (another writer is about to fill it)', () => {
    // Found on a 10,000-task project: a waiter that had tried more than 20 times took such a lock
    // for stale and removed it, and two writers ran at once. Now only the file's age counts.
    const dir = lockWith('');
    const lock = join(dir, '.deliver', 'lock');
    expect(emptyLockIsOld(lock)).toBe(false);
    const old = (Date.now() - 60_000) / 1000;
    utimesSync(lock, old, old);
    expect(emptyLockIsOld(lock)).toBe(true);
  });
});
