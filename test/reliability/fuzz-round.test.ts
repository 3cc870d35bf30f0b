// Regression tests for what a fuzzing round over the bundled example found (issue 18's independent
// hostile set in spirit): each failed before its fix. Dates far from the project that commands took
// and then crashed on, a chart window the calendar cannot tell, read commands that blamed a broken
// record on a write, and a file name that is not valid UTF-8.
import { readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyExample } from '../helpers/project.js';

const ENV = { DELIVER_CACHE: '0', DELIVER_AS_OF: '2026-11-20', TZ: 'UTC' };

describe('a fuzzing round over the example', () => {
  it('a report date or week whose periods leave four-digit years is a usage error, not a crash', async () => {
    const dir = copyExample('erp-rollout-en');
    for (const args of [
      ['report', 'weekly', '--as-of', '9999-12-31'],
      ['report', 'weekly', '--week', '9999-W52'],
      ['report', 'weekly', '--as-of', '0999-06-01'],
      ['load', '--as-of', '0999-06-01'],
      ['load', '--as-of', '9999-12-31'],
      ['kpi', '--period', '0999-06'],
    ]) {
      const r = await runCli([...args, '-C', dir], { cwd: dir, env: ENV });
      expect([r.code, args]).toEqual([2, args]);
      expect(r.stderr).not.toContain('internal error');
    }
    const r = await runCli(['status', '--as-of', '0999-06-01', '-C', dir], { cwd: dir, env: ENV });
    expect(r.stderr).toContain('--as-of must be a date from 1900-01-01 to 2999-12-31');
  });

  it('a Gantt window at day scale that the working calendar cannot tell is a usage error', async () => {
    const dir = copyExample('erp-rollout-en');
    const r = await runCli(['gantt', '--scale', 'day', '--from', '1926-08-31', '-C', dir], { cwd: dir, env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--from/--to reach days the working calendar cannot tell');
    expect((await runCli(['gantt', '--scale', 'week', '--from', '1926-08-31', '-C', dir], { cwd: dir, env: ENV })).code).toBe(0);
  });

  it('showing a broken record says it cannot be shown; changing it, that nothing was written', async () => {
    const dir = copyExample('erp-rollout-en');
    const file = readdirSync(join(dir, 'risks')).find((f) => f.startsWith('R-001'))!;
    const path = join(dir, 'risks', file);
    const { readFileSync } = await import('node:fs');
    writeFileSync(path, readFileSync(path, 'utf8').replace(/^status: .*$/m, 'status: bogus'));
    const show = await runCli(['risk', 'show', 'R-001', '-C', dir], { cwd: dir, env: ENV });
    expect(show.code).toBe(1);
    expect(show.stderr).toContain('R-001 cannot be shown: its file has errors');
    expect(show.stderr).toMatch(new RegExp(`risks/${file}:\\d+:\\d+`));
    const close = await runCli(['risk', 'close', 'R-001', '-C', dir], { cwd: dir, env: ENV });
    expect(close.code).toBe(1);
    expect(close.stderr).toContain('R-001 cannot be changed: its file has errors (nothing was written)');
  });

  it('a record file whose name is not valid UTF-8 is refused by name (E019), not reported missing', async () => {
    const dir = copyExample('erp-rollout-en');
    const file = readdirSync(join(dir, 'risks')).find((f) => f.startsWith('R-001'))!;
    const badName = Buffer.concat([Buffer.from(join(dir, 'risks', 'R-001-')), Buffer.from([0xff, 0xfe]), Buffer.from('x.yaml')]);
    renameSync(join(dir, 'risks', file), badName);
    const r = await runCli(['validate', '-C', dir], { cwd: dir, env: ENV });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('DLV-E019');
    expect(r.stdout + r.stderr).not.toContain('ENOENT');
  });
});
