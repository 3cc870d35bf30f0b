// `deliver gantt` end to end: width, scale, window, colour only on a terminal, zh-CN, Mermaid for a
// pull request, and a plan with a cycle still drawn (findings on stderr, exit 1). Goldens in
// test/golden/commands/ (UPDATE_GOLDEN=1 rewrites them).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { hashTree, makeProject, REPO } from '../helpers/project.js';
import { expectGolden } from '../helpers/golden.js';

const GOLDEN = join(REPO, 'test', 'golden', 'commands');
const FIXTURE = join(GOLDEN, 'cn-national-day');
const fixture = (name: string) => readFileSync(join(FIXTURE, name), 'utf8');
const cnProject = (plan = fixture('plan.yaml'), manifest = fixture('deliver.yaml')) =>
  makeProject({ 'deliver.yaml': manifest, 'plan.yaml': plan });

const golden = (name: string, actual: string): void => expectGolden(GOLDEN, name, actual);

const widths = (s: string) =>
  s
    .trimEnd()
    .split('\n')
    .map((l) => stringWidth(l));

describe('deliver gantt', () => {
  for (const lang of ['en', 'zh-CN'] as const) {
    for (const width of [80, 160]) {
      it(`draws the plan in ${width} columns, ${lang}, piped: no colour, every line fits`, async () => {
        const r = await runCli(['gantt', '--width', String(width), '--lang', lang, '--as-of', '2026-10-15'], { cwd: cnProject() });
        expect(r).toMatchObject({ code: 0, stderr: '' });
        expect(r.stdout).not.toContain('\u001b[');
        expect(Math.max(...widths(r.stdout))).toBeLessThanOrEqual(width);
        golden(`gantt-${lang}-${width}.txt`, r.stdout);
      });
    }
  }

  it('uses the terminal width by default and colour only on a terminal without NO_COLOR', async () => {
    const dir = cnProject();
    const tty = await runCli(['gantt'], { cwd: dir, stdoutIsTTY: true, columns: 90 });
    expect(tty.stdout).toContain('\u001b[');
    const stripped = tty.stdout.replace(/\u001b\[[0-9;]*m/g, '');
    expect(Math.max(...widths(stripped))).toBeLessThanOrEqual(90);
    const piped = await runCli(['gantt'], { cwd: dir, columns: 90 });
    expect(piped.stdout).toBe(stripped); // the same chart, readable without colour
    const noColor = await runCli(['gantt'], { cwd: dir, stdoutIsTTY: true, columns: 90, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).toBe(stripped);
  });

  it('marks the as-of day, the critical path, milestones and non-working days across National Day', async () => {
    const r = await runCli(['gantt', '--width', '120', '--as-of', '2026-10-15', '--scale', 'day'], { cwd: cnProject() });
    const lines = r.stdout.split('\n');
    const row = (id: string) => lines.find((l) => l.includes(id))!;
    expect(lines[0]).toBe('Dashboard rollout · 2026-09-21 – 2026-11-13 · days · as of 2026-10-15');
    expect(row('T-001').startsWith('!T-001')).toBe(true);
    expect(row('M-001')).toContain('◆');
    // T-001, still in progress on 10/15, runs to the report date; the rest is forecast from 10/16.
    expect(row('T-001')).toMatch(/▓{20,}/);
    expect(row('T-002')).toContain('·······'); // National Day, 10/1–10/7, shaded off before the bar
    expect(row('M-001')).toMatch(/│.*◆/); // the as-of column (10/15) before the milestone
    expect(r.stdout).toContain('Critical path: T-001 → T-002 → T-003 → M-001');
    const plan = await runCli(['gantt', '--width', '120', '--as-of', '2026-09-21', '--scale', 'day'], { cwd: cnProject() });
    const planRow = (id: string) => plan.stdout.split('\n').find((l) => l.includes(id))!;
    expect(planRow('T-001')).toContain('·······'); // as of the start, the plan: National Day shaded in T-002's way
    expect(planRow('T-002')).toContain('░░░░░░░░░░░░'); // 9/29 to 10/10 (a make-up Saturday), drawn as one bar
  });

  it('takes a window and a week scale, and refuses a window that ends before it starts', async () => {
    const dir = cnProject();
    const w = await runCli(['gantt', '--from', '2026-10-01', '--to', '2026-10-31', '--width', '100'], { cwd: dir });
    expect(w.stdout.split('\n')[0]).toBe('Dashboard rollout · 2026-10-01 – 2026-10-31 · days · as of 2026-11-20');
    expect(w.stdout).toContain('◂'); // T-002 began before the window
    const week = await runCli(['gantt', '--scale', 'week', '--width', '80'], { cwd: dir });
    expect(week.stdout.split('\n')[0]).toContain('weeks');
    const bad = await runCli(['gantt', '--from', '2026-10-31', '--to', '2026-10-01'], { cwd: dir });
    expect([bad.code, bad.stderr]).toEqual([2, 'deliver: --to 2026-10-01 is before --from 2026-10-31\n']);
    expect((await runCli(['gantt', '--width', 'wide'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['gantt', '--scale', 'month'], { cwd: dir })).code).toBe(2);
  });

  it('--format mermaid prints a fenced block for a pull request, with holidays excluded and make-up days included', async () => {
    const r = await runCli(['gantt', '--format', 'mermaid'], { cwd: cnProject() });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('```mermaid\ngantt\n    title Dashboard rollout\n')).toBe(true);
    expect(r.stdout.endsWith('```\n')).toBe(true);
    expect(r.stdout).toContain(
      '    excludes weekends, 2026-09-25, 2026-10-01, 2026-10-02, 2026-10-05, 2026-10-06, 2026-10-07\n    includes 2026-10-10\n',
    );
    // As of 11/20 T-003 is forecast 11/30–12/11 (Mermaid's end is exclusive).
    expect(r.stdout).toContain('T-003 Build and test :crit, T-003, 2026-11-30, 2026-12-12');
    golden('gantt-mermaid-zh-CN.md', (await runCli(['gantt', '--format', 'mermaid', '--lang', 'zh-CN'], { cwd: cnProject() })).stdout);
    const j = JSON.parse((await runCli(['gantt', '--format', 'mermaid', '--json'], { cwd: cnProject() })).stdout);
    expect(j).toMatchObject({ schema_version: 1, kind: 'gantt', format: 'mermaid', as_of: '2026-11-20', baseline: null });
    expect(j.chart).toBe(r.stdout);
  });

  it('draws what can be scheduled when the plan has a cycle, reports it on stderr and exits 1', async () => {
    const dir = cnProject(fixture('plan.yaml').replace('    depends_on: [T-001]\n', '    depends_on: [T-001, T-003]\n'));
    const before = hashTree(dir);
    const r = await runCli(['gantt', '--width', '100'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('!T-001 Requirements research');
    expect(r.stdout).not.toContain('T-003 Build');
    expect(r.stdout).toContain('4 item(s) not scheduled: run deliver validate');
    expect(r.stderr).toMatch(/plan\.yaml:\d+:\d+: error DLV-E060 dependency cycle: T-002 → T-003 → T-002/);
    const m = await runCli(['gantt', '--format', 'mermaid'], { cwd: dir });
    expect(m.code).toBe(1);
    expect(m.stdout).toContain('T-001 Requirements research');
    expect(hashTree(dir)).toEqual(before);
  });

  it('an empty plan is a chart saying so, not an error', async () => {
    const r = await runCli(['gantt', '--width', '80'], { cwd: makeProject({}) });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nothing is scheduled in this window.');
  });
});
