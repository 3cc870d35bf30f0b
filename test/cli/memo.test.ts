// Remembered command output can never be stale: any changed byte, flag, date or language gives a
// fresh answer, and the remembered one is identical to a fresh computation.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyExample, read, tempDir } from '../helpers/project.js';

describe('remembered output', () => {
  it('repeats exactly what a fresh run prints, and notices every change', async () => {
    const dir = copyExample('erp-rollout-en');
    const cache = tempDir();
    const env = { DELIVER_CACHE: '1', DELIVER_CACHE_DIR: cache };
    const fresh = await runCli(['status'], { cwd: dir });
    const first = await runCli(['status'], { cwd: dir, env });
    const second = await runCli(['status'], { cwd: dir, env });
    expect(first).toEqual(fresh);
    expect(second).toEqual(fresh);
    expect(readdirSync(join(cache, 'output'))).toHaveLength(1);

    const otherDay = await runCli(['status', '--as-of', '2026-12-01'], { cwd: dir, env });
    expect(otherDay.stdout).not.toBe(fresh.stdout);
    expect(otherDay).toEqual(await runCli(['status', '--as-of', '2026-12-01'], { cwd: dir }));

    const plan = read(dir, 'plan.yaml');
    writeFileSync(join(dir, 'plan.yaml'), plan.replace(/status: blocked/, 'status: in_progress').replace(/\n\s+blocked_reason:[^\n]*/, ''));
    const edited = await runCli(['status'], { cwd: dir, env });
    expect(edited.stdout).not.toBe(fresh.stdout);
    expect(edited).toEqual(await runCli(['status'], { cwd: dir }));

    const zh = await runCli(['status', '--lang', 'zh-CN'], { cwd: dir, env });
    expect(zh.stdout).toContain('健康度');
  });

  it('does not remember a failing run', async () => {
    const dir = copyExample('erp-rollout-en');
    const cache = tempDir();
    const env = { DELIVER_CACHE: '1', DELIVER_CACHE_DIR: cache };
    writeFileSync(join(dir, 'risks', 'R-009-broken.yaml'), 'id: R-009\ntitle: [\n');
    const r = await runCli(['validate'], { cwd: dir, env });
    expect(r.code).toBe(1);
    expect(readdirSync(cache).includes('output') ? readdirSync(join(cache, 'output')) : []).toHaveLength(0);
  });
});
