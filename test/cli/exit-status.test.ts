// The exit status comes from what the command returns, so the remembered-output layer reproduces
// it: every read command whose output is remembered, run twice on a project with an error, prints
// the same stdout and stderr and exits with the same code as a run with the cache off.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyExample, tempDir } from '../helpers/project.js';

/** Every remembered read command (src/cli/memo.ts callers), with the output formats they offer. */
const CACHED: string[][] = [
  ['status'],
  ['status', '--json'],
  ['validate'],
  ['validate', '--format', 'json'],
  ['validate', '--format', 'github'],
  ['validate', '--strict'],
  ['gantt'],
  ['gantt', '--format', 'mermaid'],
  ['kpi'],
  ['kpi', '--json'],
  ['kpi', '--period', '2026-Q4'],
];

function brokenProject(): string {
  const dir = copyExample('erp-rollout-en');
  writeFileSync(join(dir, 'risks', 'R-009-broken.yaml'), 'id: R-009\ntitle: [\n');
  return dir;
}

describe('exit status with remembered output', () => {
  it('the list covers every command whose output is remembered', () => {
    const commands = join(import.meta.dirname, '..', '..', 'src', 'commands');
    const memoized = readdirSync(commands).flatMap((noun) =>
      [...readFileSync(join(commands, noun, 'command.ts'), 'utf8').matchAll(/memoized\w*\(ctx, (?:dirs, )?'([\w ]+)'/g)].map((m) => m[1]),
    );
    expect(memoized.length).toBeGreaterThan(0);
    expect(new Set(memoized)).toEqual(new Set(CACHED.map((args) => args[0])));
  });

  it.each(CACHED.map((args) => [args.join(' '), args]))(
    '%s on a broken project: the same stdout, stderr and exit code every time',
    async (_name, args) => {
      const dir = brokenProject();
      const env = { DELIVER_CACHE: '1', DELIVER_CACHE_DIR: tempDir() };
      const off = await runCli(args, { cwd: dir, env: { DELIVER_CACHE: '0' } });
      expect(off.code).toBe(1);
      expect(off.stderr + off.stdout).toContain('R-009-broken.yaml');
      const first = await runCli(args, { cwd: dir, env });
      const second = await runCli(args, { cwd: dir, env });
      expect(first).toEqual(off);
      expect(second).toEqual(off);
    },
  );

  it('kpi over a portfolio with one broken project: the same every time', async () => {
    const folder = tempDir();
    mkdirSync(join(folder, 'a'));
    cpSync(brokenProject(), join(folder, 'a'), { recursive: true });
    cpSync(copyExample('crm-dashboard-zh'), join(folder, 'b'), { recursive: true });
    const env = { DELIVER_CACHE: '1', DELIVER_CACHE_DIR: tempDir() };
    for (const args of [
      ['kpi', folder],
      ['kpi', folder, '--json'],
    ]) {
      const off = await runCli(args, { cwd: folder, env: { DELIVER_CACHE: '0' } });
      expect(off.code).toBe(1);
      expect(off.stderr).toContain('R-009-broken.yaml');
      expect(await runCli(args, { cwd: folder, env })).toEqual(off);
      expect(await runCli(args, { cwd: folder, env })).toEqual(off);
    }
  });

  it('a clean project: the same every time, and each command line that exits 0 remembered once', async () => {
    const dir = copyExample('erp-rollout-en');
    const cache = tempDir();
    const env = { DELIVER_CACHE: '1', DELIVER_CACHE_DIR: cache };
    let ok = 0;
    for (const args of CACHED) {
      const off = await runCli(args, { cwd: dir, env: { DELIVER_CACHE: '0' } });
      if (off.code === 0) ok++;
      expect(await runCli(args, { cwd: dir, env })).toEqual(off);
      expect(await runCli(args, { cwd: dir, env })).toEqual(off);
    }
    expect(ok).toBeGreaterThan(0);
    expect(readdirSync(join(cache, 'output'))).toHaveLength(ok);
  });
});
