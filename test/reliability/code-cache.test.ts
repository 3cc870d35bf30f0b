// The built binary runs through V8's code cache (bin/load-bundle.cjs): it must be used when it
// matches, and a missing, corrupt, foreign or switched-off cache must only cost speed, never change
// what the command prints.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/project.js';
import { builtBinary } from './built.js';

let bin = '';
let dist = '';
const EXAMPLE = join(REPO, 'examples', 'erp-rollout-en');
const ENV = { ...process.env, DELIVER_CACHE: '0', DELIVER_AS_OF: '2026-11-20', NO_COLOR: '1', LANG: 'en_US.UTF-8' };

/** Whether loading the bundle (in a fresh process, as the shim does) used the code cache. */
function cacheUsed(forHelp: boolean, env: NodeJS.ProcessEnv = ENV): boolean {
  const loader = join(dirname(bin), 'load-bundle.cjs');
  const code = `process.stdout.write(String(require(${JSON.stringify(loader)}).loadBundle(${JSON.stringify(dist)}, { forHelp: ${forHelp} }).codeCacheUsed))`;
  const r = spawnSync(process.execPath, ['-e', code], { env, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout === 'true';
}

function run(args: string[], env: NodeJS.ProcessEnv = ENV) {
  const r = spawnSync(process.execPath, [bin, ...args, '-C', EXAMPLE], { env, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('code cache of the built bundle', () => {
  let expected: Record<string, ReturnType<typeof run>> = {};
  beforeAll(() => {
    bin = builtBinary();
    dist = join(dirname(bin), '..', 'dist');
    expected = Object.fromEntries(['status', 'validate', 'gantt'].map((c) => [c, run([c])]));
  }, 240_000);

  it('is used for commands and for help when it matches the bundle', () => {
    expect(cacheUsed(false)).toBe(true);
    expect(cacheUsed(true)).toBe(true);
    expect(expected.status?.code).toBe(0);
    expect(expected.status?.stdout).toContain('HVP-ERP-26');
  });

  it('DELIVER_CODE_CACHE=0 compiles from source, with the same output', () => {
    const env = { ...ENV, DELIVER_CODE_CACHE: '0' };
    expect(cacheUsed(false, env)).toBe(false);
    for (const [c, want] of Object.entries(expected)) expect(run([c], env)).toEqual(want);
  });

  it('a corrupt cache is rejected by V8 and the output is unchanged', () => {
    writeFileSync(join(dist, 'main.cjs.cache'), Buffer.alloc(4096, 7));
    expect(cacheUsed(false)).toBe(false);
    for (const [c, want] of Object.entries(expected)) expect(run([c])).toEqual(want);
  });

  it('a cache made from another build is not used', () => {
    // Same length, another build id: only the header check can tell (V8 compares lengths).
    const file = join(dist, 'main.cjs');
    const source = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      source.replace(/deliver-build=([0-9a-f])/, (_m, c: string) => `deliver-build=${c === '0' ? '1' : '0'}`),
    );
    expect(cacheUsed(true)).toBe(false);
    expect(run(['--help']).code).toBe(0);
  });
});
