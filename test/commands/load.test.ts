// `deliver load`: two projects booking the same person 8 of 5 working days in a week, found and
// flagged; people matched by their team entry (name + email); capacity from the team entry.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeProject } from '../helpers/project.js';

const manifest = (name: string, code: string, team: string) => `schema_version: 1
name: ${name}
client: ACME
code: ${code}
start: 2026-11-02
language: en
calendar:
  base: none
team:
${team}`;

// Project A: Li Wei on T-001 for the whole week of 23 Nov (5 days), Sun Yi (2 days a week) on T-002 for 3 days.
const A = {
  'deliver.yaml': manifest('Portal', 'PORTAL', '  - name: Li Wei\n    email: li.wei@us.example\n  - name: Sun Yi\n    capacity: 2\n'),
  'plan.yaml':
    'schema_version: 1\ntasks:\n  - id: T-001\n    name: Build API\n    owner: Li Wei\n    start: 2026-11-23\n    days: 5\n    status: todo\n  - id: T-002\n    name: Reports\n    owner: Sun Yi\n    start: 2026-11-23\n    days: 2\n    status: todo\n',
};
// Project B: the same Li Wei (same email; the task names him by email) from Wednesday 25 Nov for 3 days,
// then 2 more days the week after (5 days in all, Wed 25 Nov to Tue 1 Dec). Another Li Wei (other email) too.
const B = {
  'deliver.yaml': manifest(
    'ERP',
    'ERP',
    '  - name: Li Wei\n    email: LI.WEI@us.example\n  - name: Li Wei\n    email: other.li@us.example\n',
  ),
  'plan.yaml':
    'schema_version: 1\ntasks:\n  - id: T-001\n    name: Migrate items\n    owner: li.wei@us.example\n    start: 2026-11-25\n    days: 5\n    status: todo\n  - id: T-002\n    name: Print forms\n    owner: other.li@us.example\n    start: 2026-11-30\n    days: 1\n    status: todo\n',
};

describe('deliver load', () => {
  it('finds a person booked 8 of 5 days in a week across two projects', async () => {
    const a = makeProject(A),
      b = makeProject(B);
    const r = await runCli(['load', a, b, '--from', '2026-11-23', '--to', '2026-12-06', '--json'], { cwd: a });
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(j.weeks.map((w: { week: string }) => w.week)).toEqual(['2026-W48', '2026-W49']);
    const people = j.people.map(
      (p: { name: string; email: string | null; weeks: { booked: number; capacity: number; over: boolean }[] }) => [
        p.name,
        p.email,
        p.weeks.map((w) => `${w.booked}/${w.capacity}${w.over ? '!' : ''}`),
      ],
    );
    expect(people).toEqual([
      ['Li Wei', 'li.wei@us.example', ['8/5!', '2/5']],
      ['Li Wei', 'other.li@us.example', ['0/5', '1/5']],
      ['Sun Yi', null, ['2/2', '0/2']],
    ]);
    expect(j.over_allocated).toEqual([{ name: 'Li Wei', email: 'li.wei@us.example', week: '2026-W48', booked: 8, capacity: 5 }]);
    expect(j.people[0].weeks[0].tasks).toEqual([
      { project: 'PORTAL', task: 'T-001', name: 'Build API', days: 5 },
      { project: 'ERP', task: 'T-001', name: 'Migrate items', days: 3 },
    ]);
    const text = (await runCli(['load', a, b, '--from', '2026-11-23', '--to', '2026-12-06'], { cwd: a })).stdout;
    expect(text).toContain('Li Wei <li.wei@us.example>\t8/5 !\t2/5');
    expect(text).toContain('Li Wei 2026-W48: 8 of 5 days (160%): PORTAL T-001 Build API (5); ERP T-001 Migrate items (3)');
  });

  it('uses the same forecast as status: a late unfinished task moves with the report date', async () => {
    const a = makeProject(A);
    // As of 2026-11-30 nothing of T-001 is done: the forecast keeps the plan's bar (not started ≠ moved) or moves it; load must agree with status.
    const status = JSON.parse((await runCli(['status', '--json', '--as-of', '2026-12-02'], { cwd: a })).stdout);
    const plan = JSON.parse((await runCli(['plan', 'show', '--json', '--as-of', '2026-12-02'], { cwd: a })).stdout);
    const t1 = plan.items.find((i: { id: string }) => i.id === 'T-001');
    const j = JSON.parse(
      (await runCli(['load', '--json', '--as-of', '2026-12-02', '--from', t1.start, '--to', t1.end], { cwd: a })).stdout,
    );
    const li = j.people.find((p: { name: string }) => p.name === 'Li Wei');
    expect(li.weeks.reduce((s: number, w: { booked: number }) => s + w.booked, 0)).toBe(t1.days);
    expect(status.progress.project_end).toBeDefined();
  });

  it('defaults to eight weeks from the report week; a single project; bad ranges refused', async () => {
    const a = makeProject(A);
    const j = JSON.parse((await runCli(['load', '--json', '--as-of', '2026-11-25'], { cwd: a })).stdout);
    expect([j.from, j.to, j.weeks.length]).toEqual(['2026-11-23', '2027-01-17', 8]);
    expect(j.over_allocated).toEqual([]);
    expect((await runCli(['load', '--from', '2026-12-01', '--to', '2026-11-01'], { cwd: a })).code).toBe(2);
    expect((await runCli(['load', '--lang', 'zh-CN', '--from', '2026-11-23', '--to', '2026-11-29'], { cwd: a })).stdout).toContain(
      '没有人员超出可用工作日。',
    );
  });
});
