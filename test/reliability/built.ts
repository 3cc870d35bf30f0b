// The built CLI for real-process tests: rebuilds when dist/ is missing or older than the sources
// (serialized across test files by a lock folder), then copies bin/, dist/ and package.json into a
// private folder so a rebuild by someone else mid-test cannot pull the bundle from under it.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, tempDir } from '../helpers/project.js';

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) max = Math.max(max, newestMtime(join(path, name)));
  return max;
}

function isStale(): boolean {
  const out = join(REPO, 'dist', 'main.cjs');
  if (!existsSync(out)) return true;
  const built = statSync(out).mtimeMs;
  return ['src', 'schemas', 'scripts', 'package.json'].some((p) => newestMtime(join(REPO, p)) > built);
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds under a lock folder shared by the test files that need the binary. */
function buildIfStale(): void {
  const lock = join(tmpdir(), 'deliver-reliability-build.lock');
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another test file is building; a lock older than 3 minutes was left by a killed run.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* gone */
      }
      if (Date.now() > deadline) throw new Error('timed out waiting for another build');
      sleep(200);
    }
  }
  try {
    if (isStale()) {
      const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Path of a private copy of bin/deliver.js with its bundle. */
export function builtBinary(): string {
  buildIfStale();
  const dir = tempDir('deliver-bin-');
  for (let attempt = 0; ; attempt++) {
    try {
      for (const p of ['bin', 'dist', 'package.json']) cpSync(join(REPO, p), join(dir, p), { recursive: true });
      if (!existsSync(join(dir, 'dist', 'main.cjs'))) throw new Error('dist/main.cjs missing');
      return join(dir, 'bin', 'deliver.js');
    } catch (e) {
      // Someone rebuilt (dist/ is removed and written again) while we copied: try again.
      if (attempt >= 5) throw e;
      sleep(1000);
      buildIfStale();
    }
  }
}
