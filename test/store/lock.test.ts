// Stale locks are taken over; nothing of the lock is left behind afterwards.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withProjectLock } from '../../src/store/lock.js';
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
    ['a live pid that has held it for hours (pid reused)', JSON.stringify({ pid: process.pid, host: hostname(), started: Date.now() - 3 * 3600_000 })],
    ['torn content', '{"pid": 12'],
  ])('takes over a lock left by %s', (_what, content) => {
    const dir = lockWith(content);
    expect(withProjectLock(dir, [], () => 'ran')).toBe('ran');
    expect(existsSync(join(dir, '.deliver', 'lock'))).toBe(false);
  });
});
