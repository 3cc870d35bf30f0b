// `deliver milestone add|list` end to end, in-process, on the cn calendar across National Day 2026.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { hashTree, makeProject, read, REPO } from '../helpers/project.js';

const FIXTURE = join(REPO, 'test', 'golden', 'commands', 'cn-national-day');
const fixture = (name: string) => readFileSync(join(FIXTURE, name), 'utf8');
const cnProject = () => makeProject({ 'deliver.yaml': fixture('deliver.yaml'), 'plan.yaml': fixture('plan.yaml') });

describe('deliver milestone add', () => {
  it('creates plan.yaml when missing and appends after hand-written milestones, keeping comments', async () => {
    const empty = makeProject({});
    expect((await runCli(['milestone', 'add', '--name', 'Kick-off', '--due', '2026-09-01'], { cwd: empty })).stdout).toBe('M-001\n');
    expect(read(empty, 'plan.yaml')).toBe(
      '# yaml-language-server: $schema=.deliver/schemas/plan.schema.json\nschema_version: 1\nmilestones:\n  - id: M-001\n    name: Kick-off\n    due: 2026-09-01\n',
    );

    const dir = cnProject();
    const before = fixture('plan.yaml');
    const r = await runCli(
      ['milestone', 'add', '--json', '--name', 'Final acceptance', '--due', '2026-11-13', '--after', 'T-004', 'M-001'],
      { cwd: dir },
    );
    expect(JSON.parse(r.stdout)).toEqual({ schema_version: 1, kind: 'milestone.add', id: 'M-002' });
    expect(read(dir, 'plan.yaml')).toBe(
      before.replace(
        '    depends_on: [T-003]\n',
        '    depends_on: [T-003]\n  - id: M-002\n    name: Final acceptance\n    due: 2026-11-13\n    depends_on:\n      - T-004\n      - M-001\n',
      ),
    );
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('refuses unknown predecessors and a missing name, writing nothing', async () => {
    const dir = cnProject();
    const before = hashTree(dir);
    const r = await runCli(['milestone', 'add', '--name', 'X', '--after', 'T-009'], { cwd: dir });
    expect([r.code, r.stderr.split('\n')[0]]).toEqual([2, 'deliver: --after: no task or milestone with id T-009']);
    expect((await runCli(['milestone', 'add', '--due', '2026-12-01'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['milestone', 'add', '--name', 'X', '--due', '2026-13-01'], { cwd: dir })).code).toBe(2);
    expect(hashTree(dir)).toEqual(before);
  });
});

describe('deliver milestone list', () => {
  it('shows the computed date, due, variance in working days, reached and late', async () => {
    const dir = cnProject();
    await runCli(['milestone', 'add', '--name', 'Contract signed', '--due', '2026-09-18'], { cwd: dir });
    // Reached: a milestone with `done` is finished (never late).
    expect((await runCli(['milestone', 'done', 'M-002', '--date', '2026-09-21'], { cwd: dir })).stdout).toBe(
      'M-002 reached on 2026-09-21\n',
    );
    expect(read(dir, 'plan.yaml')).toContain('    due: 2026-09-18\n    done: 2026-09-21\n');
    const r = await runCli(['milestone', 'list'], { cwd: dir });
    expect(r.stderr).toBe('');
    // M-001 was planned with T-003 on 2026-10-23 (late by 20 at 11/20); as of 11/20 the unfinished work
    // moves it to 12/11, 38 working days after its due date 10/20.
    // M-002 was reached Monday 9/21, due Friday 9/18: +2, because Sunday 9/20 is a make-up working day.
    expect(r.stdout).toBe(
      [
        'ID\tName\tDate\tDue\tVs due\tReached\tCrit\tLate by',
        'M-001\tGo-live\t2026-12-11\t2026-10-20\t+38\t\t!\t20',
        'M-002\tContract signed\t2026-09-21\t2026-09-18\t+2\t2026-09-21\t\t',
        '',
      ].join('\n'),
    );
    const j = JSON.parse((await runCli(['milestone', 'list', '--json'], { cwd: dir })).stdout);
    expect(j.items[0]).toMatchObject({
      id: 'M-001',
      kind: 'milestone',
      end: '2026-12-11',
      due: '2026-10-20',
      due_variance: 38,
      reached: null,
      late: true,
      late_by: 20,
      critical: true,
    });
    expect(j.items[1]).toMatchObject({ id: 'M-002', reached: '2026-09-21', finished: true, late: false, due_variance: 2, status: 'done' });
    const late = await runCli(['milestone', 'list', '--late'], { cwd: dir });
    expect(
      late.stdout
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split('\t')[0]),
    ).toEqual(['M-001']);
    const zh = await runCli(['milestone', 'list', '--lang', 'zh-CN'], { cwd: dir, stdoutIsTTY: true, env: { NO_COLOR: '1' } });
    expect(zh.stdout).toContain('约定日期');
    expect(zh.stdout).toMatch(/│ M-001 │ Go-live +│ 2026-12-11 │ 2026-10-20 │ +\+38 │/);
  });
});
