// `deliver plan baseline|show` end to end (baselines and slip in working days across National Day
// 2026), and the schedule rule DLV-W052 (the plan reaching years the cn calendar does not know).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../../src/core/rules/schedule.js';
import { emptyProject, type Manifest, type Project, type Task } from '../../src/core/model.js';
import { runCli } from '../helpers/cli.js';
import { hashTree, makeProject, read, REPO } from '../helpers/project.js';

const FIXTURE = join(REPO, 'test', 'golden', 'commands', 'cn-national-day');
const fixture = (name: string) => readFileSync(join(FIXTURE, name), 'utf8');
const cnProject = (manifest = fixture('deliver.yaml'), plan = fixture('plan.yaml')) =>
  makeProject({ 'deliver.yaml': manifest, 'plan.yaml': plan });
const json = (s: string) => JSON.parse(s) as Record<string, any>;

describe('deliver plan baseline', () => {
  it('freezes every computed date under a default name and refuses the same name twice', async () => {
    const dir = cnProject();
    const r = await runCli(['plan', 'baseline', '--as-of', '2026-09-21'], { cwd: dir });
    expect(r).toMatchObject({
      code: 0,
      stderr: '',
      stdout: 'Baseline "baseline-2026-09-21" taken 2026-09-21: 5 tasks and milestones frozen.\n',
    });
    expect(read(dir, 'plan.yaml')).toBe(
      fixture('plan.yaml') +
        [
          'baselines:',
          '  - name: baseline-2026-09-21',
          '    taken: 2026-09-21',
          '    items:',
          '      - id: T-001',
          '        start: 2026-09-21',
          '        end: 2026-09-28',
          '      - id: T-002',
          '        start: 2026-09-29',
          '        end: 2026-10-10',
          '      - id: T-003',
          '        start: 2026-10-12',
          '        end: 2026-10-23',
          '      - id: T-004',
          '        start: 2026-10-26',
          '        end: 2026-10-28',
          '      - id: M-001',
          '        end: 2026-10-23',
          '',
        ].join('\n'),
    );
    const before = hashTree(dir);
    const dup = await runCli(['plan', 'baseline', '--as-of', '2026-09-21'], { cwd: dir });
    expect([dup.code, dup.stderr.split('\n')[0]]).toEqual([1, 'deliver: a baseline named "baseline-2026-09-21" already exists']);
    expect(hashTree(dir)).toEqual(before);
    const named = await runCli(['plan', 'baseline', '--name', '合同基线', '--json'], { cwd: dir });
    expect(json(named.stdout)).toEqual({ schema_version: 1, kind: 'plan.baseline', name: '合同基线', taken: '2026-11-20', items: 5 });
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('then a late finish shows as +N working days of slip in task list, plan show and the chart', async () => {
    const dir = cnProject();
    await runCli(['plan', 'baseline', '--as-of', '2026-09-21', '--name', 'contract'], { cwd: dir });
    // Planned to end Monday 9/28, done Wednesday 9/30: +2. T-002 then starts after National Day,
    // on 10/08, and ends 10/13 instead of 10/10: also +2 (Saturday 10/10 is a working day).
    // Reported on 9/30, when it happened (later report dates move the unstarted work itself).
    const env = { DELIVER_AS_OF: '2026-09-30' };
    await runCli(['task', 'done', 'T-001', '--date', '2026-09-30'], { cwd: dir, env });
    const list = await runCli(['task', 'list', '--json'], { cwd: dir, env });
    expect((json(list.stdout).items as Record<string, any>[]).map((i) => [i.id, i.end, i.baseline_end, i.slip])).toEqual([
      ['T-001', '2026-09-30', '2026-09-28', 2],
      ['T-002', '2026-10-13', '2026-10-10', 2],
      ['T-003', '2026-10-27', '2026-10-23', 2],
      ['T-004', '2026-10-30', '2026-10-28', 2],
    ]);
    expect(json(list.stdout).baseline).toBe('contract');
    const piped = await runCli(['task', 'list'], { cwd: dir, env });
    expect(piped.stdout.split('\n')[0]).toBe('ID\tName\tOwner\tStatus\tStart\tEnd\tDays\tFloat\tCrit\tLate by\tSlip');
    // Float -5: M-001 is due 10/20 and now falls on 10/27 (10/21, 22, 23, 26, 27).
    expect(piped.stdout).toContain('T-002\t原型设计\tLi Na\ttodo\t2026-10-08\t2026-10-13\t5\t-5\t!\t\t+2\n');
    const tty = await runCli(['task', 'list'], { cwd: dir, stdoutIsTTY: true, env: { ...env, NO_COLOR: '1' } });
    expect(tty.stdout).toContain('Slip in working days against baseline contract.');
    const ms = await runCli(['milestone', 'list'], { cwd: dir, env });
    expect(ms.stdout).toContain('M-001\tGo-live\t2026-10-27\t2026-10-20\t+5\t\t!\t\t+2\n');
    const chart = await runCli(['gantt', '--width', '120'], { cwd: dir, env });
    expect(chart.stdout).toMatch(/T-002 原型设计.* \+2d\n/);
    // Reported on 11/20 with nothing else done: the work left moves past the report date, and so does the slip.
    const later = json((await runCli(['task', 'list', '--json'], { cwd: dir })).stdout).items as Record<string, any>[];
    expect(later.map((i) => [i.id, i.start, i.end, i.slip])).toEqual([
      ['T-001', '2026-09-21', '2026-09-30', 2],
      ['T-002', '2026-11-20', '2026-11-26', 34],
      ['T-003', '2026-11-27', '2026-12-10', 34],
      ['T-004', '2026-12-11', '2026-12-15', 34],
    ]);
    expect(chart.stdout).toContain('  baseline');
  });

  it('refuses to freeze a plan that cannot be fully scheduled', async () => {
    const dir = makeProject({
      'plan.yaml':
        'schema_version: 1\ntasks:\n  - id: T-001\n    name: a\n    days: 1\n    status: todo\n    depends_on: [T-002]\n  - id: T-002\n    name: b\n    days: 1\n    status: todo\n    depends_on: [T-001]\n',
    });
    const r = await runCli(['plan', 'baseline'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('dependency cycle: T-001 → T-002 → T-001');
    expect((await runCli(['plan', 'baseline'], { cwd: makeProject({}) })).stderr).toContain('no tasks or milestones to freeze');
  });
});

describe('deliver plan show', () => {
  it('prints the schedule with project end, float against the due date and the critical path', async () => {
    const r = await runCli(['plan', 'show', '--as-of', '2026-09-21'], { cwd: cnProject() });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    // M-001 is due 10/20 but falls on 10/23: what leads to it has float -3; T-004 only answers to the
    // project due 11/13 (+12).
    expect(r.stdout).toBe(
      [
        'Dashboard rollout · as of 2026-09-21',
        'Start 2026-09-21 · forecast end 2026-10-28 · due 2026-11-13',
        'Float against the due date: +12 working days.',
        '',
        'ID\tName\tOwner\tStatus\tStart\tEnd\tDays\tFloat\tCrit\tLate by',
        'T-001\tRequirements research\tZhou Min\tin_progress\t2026-09-21\t2026-09-28\t5\t-3\t!\t',
        'T-002\t原型设计\tLi Na\ttodo\t2026-09-29\t2026-10-10\t5\t-3\t!\t',
        'T-003\tBuild and test\tLi Na\ttodo\t2026-10-12\t2026-10-23\t10\t-3\t!\t',
        'M-001\tGo-live\t\ttodo\t2026-10-23\t2026-10-23\t◆\t-3\t!\t',
        'T-004\tUser training\tZhao Xue\ttodo\t2026-10-26\t2026-10-28\t3\t12\t\t',
        '',
        'Critical path: T-001 → T-002 → T-003 → M-001',
        '',
      ].join('\n'),
    );
    const alias = await runCli(['plan', 'schedule', '--as-of', '2026-09-21'], { cwd: cnProject() });
    expect(alias.stdout).toBe(r.stdout);
    // As of 11/20 the unfinished work is forecast from the report date on.
    const now = await runCli(['plan', 'show'], { cwd: cnProject() });
    expect(now.stdout.split('\n').slice(0, 3)).toEqual([
      'Dashboard rollout · as of 2026-11-20',
      'Start 2026-09-21 · forecast end 2026-12-16 · due 2026-11-13',
      'The forecast misses the due date by 23 working days.',
    ]);
  });

  it('shows negative float when the due date cannot be met, in zh-CN too, and --json with numbers', async () => {
    // Due 10/20; the plan ends 10/28: 10/21, 22, 23, 26, 27, 28 = 6 working days late.
    const dir = cnProject(fixture('deliver.yaml').replace('due: 2026-11-13', 'due: 2026-10-20'));
    const env = { DELIVER_AS_OF: '2026-09-21' };
    expect((await runCli(['plan', 'show'], { cwd: dir, env })).stdout).toContain('The forecast misses the due date by 6 working days.\n');
    const zh = await runCli(['plan', 'show', '--lang', 'zh-CN'], { cwd: dir, stdoutIsTTY: true, env: { ...env, NO_COLOR: '1' } });
    expect(zh.stdout).toContain('按当前预测将比约定完成日期晚 6 个工作日。');
    expect(zh.stdout).toContain('关键路径：T-001 → T-002 → T-003 → M-001 → T-004');
    expect(zh.stdout).toContain('│ 编号  │');
    const j = json((await runCli(['plan', 'show', '--json'], { cwd: dir, env })).stdout);
    expect(j).toMatchObject({
      kind: 'plan.show',
      project_start: '2026-09-21',
      project_end: '2026-10-28',
      due: '2026-10-20',
      due_float: -6,
      calendar: 'cn',
      baseline: null,
      critical_path: ['T-001', 'T-002', 'T-003', 'M-001', 'T-004'],
      problems: [],
    });
    expect(j.items.map((i: { id: string; total_float: number }) => [i.id, i.total_float])).toEqual([
      ['T-001', -6],
      ['T-002', -6],
      ['T-003', -6],
      ['M-001', -6],
      ['T-004', -6],
    ]);
  });

  it('still prints what can be scheduled when the plan has a cycle, with the findings on stderr and exit 1', async () => {
    const plan = fixture('plan.yaml').replace('    depends_on: [T-001]\n', '    depends_on: [T-001, T-003]\n');
    const dir = cnProject(fixture('deliver.yaml'), plan);
    const before = hashTree(dir);
    const r = await runCli(['plan', 'show'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('T-001\tRequirements research\tZhou Min\tin_progress\t2026-09-21\t2026-11-20\t40');
    expect(r.stdout).toMatch(/T-002\t原型设计\tLi Na\ttodo\t\t\t\t\t\t\n/);
    expect(r.stdout).toContain('Problems:\n  dependency cycle: T-002 → T-003 → T-002\n');
    expect(r.stderr).toContain('the project has errors');
    expect(r.stderr).toMatch(/plan\.yaml:\d+:\d+: error DLV-E060 dependency cycle/);
    const j = await runCli(['plan', 'show', '--json'], { cwd: dir });
    expect(j.code).toBe(1);
    expect(json(j.stdout).problems[0]).toMatchObject({
      kind: 'cycle',
      ids: ['T-002', 'T-003', 'T-002'],
      message: 'dependency cycle: T-002 → T-003 → T-002',
    });
    const list = await runCli(['task', 'list'], { cwd: dir });
    // Like every read command on a project with errors: the list, then the findings and exit 1.
    expect(list.code).toBe(1);
    expect(list.stdout).toContain('T-001');
    expect(list.stderr).toContain('deliver: 4 item(s) cannot be scheduled: T-002, T-003, T-004, M-001 (run deliver validate)\n');
    expect(list.stderr).toMatch(/plan\.yaml:\d+:\d+: error DLV-E060 dependency cycle: T-002 → T-003 → T-002/);
    expect(hashTree(dir)).toEqual(before);
  });

  it('rejects an unknown --baseline with the names there are', async () => {
    const dir = cnProject();
    const none = await runCli(['plan', 'show', '--baseline', 'x'], { cwd: dir });
    expect([none.code, none.stderr]).toEqual([
      2,
      'deliver: no baseline named "x"\n  hint: The plan has no baselines yet; take one with `deliver plan baseline`.\n',
    ]);
    await runCli(['plan', 'baseline', '--name', 'v1'], { cwd: dir });
    expect((await runCli(['gantt', '--baseline', 'v2'], { cwd: dir })).stderr).toContain('Baselines: v1.');
  });
});

describe('checkSchedule (DLV-W052, DLV-W053)', () => {
  const project = (manifest: Partial<Manifest>, tasks: Task[]): Project => ({
    ...emptyProject(),
    manifest: { file: 'deliver.yaml', path: [], data: { schema_version: 1, name: 'P', client: 'C', start: '2026-11-02', ...manifest } },
    planFile: 'plan.yaml',
    tasks: tasks.map((data, i) => ({ file: 'plan.yaml', path: ['tasks', i], data })),
  });
  const long = (days: number): Task => ({ id: 'T-001', name: 'long', status: 'todo', days });

  it('warns once per year the plan reaches without full cn data: 2027 is provisional, 2028 missing', () => {
    const ds = checkSchedule(project({ calendar: { base: 'cn' } }, [long(400)]));
    expect(ds.map((d) => [d.code, d.severity, d.file, d.args.year, d.args.base, d.path])).toEqual([
      ['DLV-W053', 'warning', 'deliver.yaml', 2027, 'cn', ['calendar', 'base']],
      ['DLV-W052', 'warning', 'deliver.yaml', 2028, 'cn', ['calendar', 'base']],
    ]);
  });

  it('counts the due date, and is silent inside the covered years or without a base calendar', () => {
    expect(checkSchedule(project({ calendar: { base: 'cn' }, due: '2027-01-15' }, [long(5)])).map((d) => d.args.year)).toEqual([2027]);
    expect(
      checkSchedule(project({ calendar: { base: 'cn' }, contract: { due: '2027-01-15' } }, [long(5)])).map((d) => d.args.year),
    ).toEqual([2027]);
    expect(checkSchedule(project({ calendar: { base: 'cn' } }, [long(20)]))).toEqual([]);
    expect(checkSchedule(project({ calendar: { base: 'none' } }, [long(600)]))).toEqual([]);
    expect(checkSchedule(project({}, [long(600)]))).toEqual([]);
  });
});
