// `deliver … | head`: the reader goes away after the first lines. Every read command with long
// output ends quietly (no "internal error: write EPIPE", no exit 70) when its stdout is closed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/project.js';
import { builtBinary } from './built.js';

let bin = '';
let dir = '';
beforeAll(async () => {
  bin = builtBinary();
  dir = join(tempDir('deliver-pipe-'), 'p');
  const { generateProject } = (await import(pathToFileURL(join(REPO, 'bench', 'generate.mjs')).href)) as {
    generateProject: (d: string, n: number, seed?: number) => void;
  };
  generateProject(dir, 1000, 5);
}, 120_000);

/** Runs the command, closes its stdout after the first chunk, and returns its exit status and stderr. */
function headOne(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [bin, ...args, '-C', dir], {
      env: { ...process.env, DELIVER_AS_OF: '2026-11-20', DELIVER_CACHE: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.stdout.once('data', () => p.stdout.destroy());
    p.on('close', (code) => resolve({ code, stderr }));
  });
}

for (const args of [
  ['task', 'list'],
  ['gantt'],
  ['export', '--format', 'csv'],
  ['task', 'show', 'T-00001'],
  ['validate', '--format', 'github'],
  ['status', '--json'],
]) {
  it(`${args.join(' ')} | head ends quietly`, async () => {
    const r = await headOne(args);
    expect(r.stderr).not.toMatch(/internal error|EPIPE|at .*\.cjs/);
    expect([0, 1]).toContain(r.code);
  }, 60_000);
}
