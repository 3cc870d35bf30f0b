// `deliver task …` end to end, in-process: adding, listing (TTY, piped, JSON, zh-CN), status changes,
// comment-preserving edits, and dates computed on the cn calendar across National Day 2026.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyExample, hashTree, makeProject, read, REPO } from '../helpers/project.js';

const FIXTURE = join(REPO, 'test', 'golden', 'commands', 'cn-national-day');
const fixture = (name: string) => readFileSync(join(FIXTURE, name), 'utf8');
/** The cn-calendar project: T-001 → T-002 → T-003 → M-001 → T-004, over Mid-Autumn and National Day 2026. */
const cnProject = (plan = fixture('plan.yaml')) => makeProject({ 'deliver.yaml': fixture('deliver.yaml'), 'plan.yaml': plan });
const json = (s: string) => JSON.parse(s) as Record<string, any>;

describe('deliver task add', () => {
  it('creates plan.yaml when missing, numbers tasks, takes repeatable --after and validates', async () => {
    const dir = makeProject({});
    expect(existsSync(join(dir, 'plan.yaml'))).toBe(false);
    const a = await runCli(['task', 'add', '--name', 'Research', '--owner', 'Zhou', '--start', '2026-09-07', '--days', '5'], { cwd: dir });
    expect(a).toMatchObject({ code: 0, stdout: 'T-001\n', stderr: '' });
    expect(read(dir, 'plan.yaml')).toBe(
      '# yaml-language-server: $schema=.deliver/schemas/plan.schema.json\nschema_version: 1\ntasks:\n' +
        '  - id: T-001\n    name: Research\n    owner: Zhou\n    start: 2026-09-07\n    days: 5\n    status: todo\n',
    );
    expect((await runCli(['milestone', 'add', '--name', 'Signed off', '--after', 'T-001'], { cwd: dir })).stdout).toBe('M-001\n');
    const b = await runCli(
      ['task', 'add', '--json', '--name', 'Prototype', '--end', '2026-09-30', '--after', 'T-001', '--after', 'M-001'],
      { cwd: dir },
    );
    expect(json(b.stdout)).toEqual({ schema_version: 1, kind: 'task.add', id: 'T-002' });
    // A task after M-001 cannot also be one M-001 waits for.
    const loop = await runCli(['task', 'add', '--name', 'Build', '--after', 'T-001,T-002', 'M-001', '--milestone', 'M-001'], { cwd: dir });
    expect(loop.code).toBe(1);
    expect(loop.stderr).toContain('M-001 already comes before T-003, so it cannot wait for it');
    const c = await runCli(['task', 'add', '--name', 'Build', '--after', 'T-001,T-002', 'M-001', '--deliverable', 'Build report'], {
      cwd: dir,
    });
    expect(c.stdout).toBe('T-003\n');
    const plan = read(dir, 'plan.yaml');
    expect(plan).toContain(
      '  - id: T-002\n    name: Prototype\n    end: 2026-09-30\n    depends_on:\n      - T-001\n      - M-001\n    status: todo\n',
    );
    // No --days and no --end: one working day, written out.
    expect(plan).toContain(
      '  - id: T-003\n    name: Build\n    days: 1\n    depends_on:\n      - T-001\n      - T-002\n      - M-001\n    deliverable: Build report\n    status: todo\n',
    );
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('refuses unknown references, conflicting flags and a dependency cycle, writing nothing', async () => {
    const dir = cnProject();
    const before = hashTree(dir);
    const unknown = await runCli(['task', 'add', '--name', 'X', '--after', 'T-404'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--after: no task or milestone with id T-404');
    expect((await runCli(['task', 'add', '--name', 'X', '--milestone', 'T-001'], { cwd: dir })).stderr).toContain(
      '--milestone: no milestone with id T-001',
    );
    expect((await runCli(['task', 'add', '--name', 'X', '--req', '202611-009'], { cwd: dir })).code).toBe(2);
    const both = await runCli(['task', 'add', '--name', 'X', '--days', '2', '--end', '2026-10-01'], { cwd: dir });
    expect([both.code, both.stderr]).toEqual([2, 'deliver: give either --days or --end, not both\n']);
    expect((await runCli(['task', 'add', '--name', 'X', '--days', 'two'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['task', 'add', '--days', '2'], { cwd: dir })).stderr).toContain('missing --name');
    expect(hashTree(dir)).toEqual(before);

    // A hand-written reference to the id the new task would get closes a cycle: refused (exit 1).
    const dangling = makeProject({
      'plan.yaml': 'schema_version: 1\ntasks:\n  - id: T-001\n    name: a\n    days: 1\n    status: todo\n    depends_on: [T-002]\n',
    });
    const plan = read(dangling, 'plan.yaml');
    const cyc = await runCli(['task', 'add', '--name', 'b', '--after', 'T-001'], { cwd: dangling });
    expect(cyc.code).toBe(1);
    expect(cyc.stderr).toContain('T-002 would close a dependency cycle T-002 → T-001 → T-002');
    expect(read(dangling, 'plan.yaml')).toBe(plan);
    expect((await runCli(['task', 'add', '--name', 'b'], { cwd: dangling })).stdout).toBe('T-002\n');
  });
});

describe('deliver task list', () => {
  it('prints computed dates across National Day, float, critical marks and late-by, tab-separated when piped', async () => {
    const dir = cnProject();
    const r = await runCli(['task', 'list'], { cwd: dir });
    expect(r.stderr).toBe('');
    // As of the project start the forecast is the plan: T-001 skips Mid-Autumn (9/25–27); T-002
    // skips National Day (10/1–7) and works Saturday 10/10. M-001 is due 10/20, 3 working days
    // before T-003 can end: that chain has float -3; T-004 only has the project due (11/13).
    const start = await runCli(['task', 'list', '--as-of', '2026-09-21'], { cwd: dir });
    expect(start.stdout).toBe(
      [
        'ID\tName\tOwner\tStatus\tStart\tEnd\tDays\tFloat\tCrit\tLate by',
        'T-001\tRequirements research\tZhou Min\tin_progress\t2026-09-21\t2026-09-28\t5\t-3\t!\t',
        'T-002\t原型设计\tLi Na\ttodo\t2026-09-29\t2026-10-10\t5\t-3\t!\t',
        'T-003\tBuild and test\tLi Na\ttodo\t2026-10-12\t2026-10-23\t10\t-3\t!\t',
        'T-004\tUser training\tZhao Xue\ttodo\t2026-10-26\t2026-10-28\t3\t12\t\t',
        '',
      ].join('\n'),
    );
    // As of 11/20 (Friday) T-001 is still in progress: its last day is the report date (40 working
    // days since 9/21); the rest follows from Monday 11/23. M-001 (due 10/20) bounds the float of
    // T-001..T-003 (10/20 → 12/11 = 38 working days late); T-004 only the project due (11/13 → 12/16 = 23).
    expect(r.stdout).toBe(
      [
        'ID\tName\tOwner\tStatus\tStart\tEnd\tDays\tFloat\tCrit\tLate by',
        'T-001\tRequirements research\tZhou Min\tin_progress\t2026-09-21\t2026-11-20\t40\t-38\t!\t35',
        'T-002\t原型设计\tLi Na\ttodo\t2026-11-23\t2026-11-27\t5\t-38\t!\t30',
        'T-003\tBuild and test\tLi Na\ttodo\t2026-11-30\t2026-12-11\t10\t-38\t!\t20',
        'T-004\tUser training\tZhao Xue\ttodo\t2026-12-14\t2026-12-16\t3\t-23\t\t17',
        '',
      ].join('\n'),
    );
  });

  it('--late at --as-of 2026-11-20 against an earlier as-of; filters by owner, status and milestone', async () => {
    const dir = cnProject();
    const late = await runCli(['task', 'list', '--late', '--as-of', '2026-11-20', '--json'], { cwd: dir });
    const items = json(late.stdout).items as Record<string, any>[];
    expect(items.map((i) => [i.id, i.late_by])).toEqual([
      ['T-001', 35],
      ['T-002', 30],
      ['T-003', 20],
      ['T-004', 17],
    ]);
    // On 2026-10-12 only T-001 (planned to end 9/28) and T-002 (10/10, a make-up Saturday) are late.
    const early = await runCli(['task', 'list', '--late', '--as-of', '2026-10-12', '--json'], { cwd: dir });
    expect((json(early.stdout).items as Record<string, any>[]).map((i) => [i.id, i.late_by])).toEqual([
      ['T-001', 6],
      ['T-002', 1],
    ]);
    const cut = (args: string[]) =>
      runCli(['task', 'list', ...args], { cwd: dir }).then((x) =>
        x.stdout
          .trim()
          .split('\n')
          .slice(1)
          .map((l) => l.split('\t')[0]),
      );
    expect(await cut(['--owner', 'Li Na'])).toEqual(['T-002', 'T-003']);
    expect(await cut(['--owner', 'Li Na', '--owner', 'Zhao Xue'])).toEqual(['T-002', 'T-003', 'T-004']);
    expect(await cut(['--status', 'in_progress'])).toEqual(['T-001']);
    expect(await cut(['--milestone', 'M-001'])).toEqual(['T-002', 'T-003']);
    expect((await runCli(['task', 'list', '--status', 'finished'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['task', 'list', '--milestone', 'M-404'], { cwd: dir })).code).toBe(2);
  });

  it('--json carries numbers and booleans, not strings', async () => {
    const r = await runCli(['task', 'list', '--json'], { cwd: cnProject() });
    const doc = json(r.stdout);
    expect(doc).toMatchObject({ schema_version: 1, kind: 'task.list', as_of: '2026-11-20', baseline: null });
    expect(doc.items[1]).toMatchObject({
      id: 'T-002',
      kind: 'task',
      name: '原型设计',
      owner: 'Li Na',
      status: 'todo',
      milestone: 'M-001',
      scheduled: true,
      start: '2026-11-23',
      end: '2026-11-27',
      days: 5,
      total_float: -38,
      critical: true,
      late: true,
      late_by: 30,
      slip: null,
      late_start: '2026-09-23',
      late_finish: '2026-09-30',
      depends_on: ['T-001'],
      actual_start: null,
    });
  });

  it('on a terminal: aligned table, translated status, colour; zh-CN headers', async () => {
    const dir = cnProject();
    const tty = await runCli(['task', 'list'], { cwd: dir, stdoutIsTTY: true });
    expect(tty.stdout).toContain('│ T-001 │');
    expect(tty.stdout).toContain('in progress');
    expect(tty.stdout).toContain('\u001b[');
    const plain = await runCli(['task', 'list', '--no-color'], { cwd: dir, stdoutIsTTY: true, columns: 140 });
    expect(plain.stdout).not.toContain('\u001b[');
    expect(plain.stdout).toMatch(/│ T-002 │ 原型设计 +│ Li Na +│ to do +│ 2026-11-23 │ 2026-11-27 │ +5 │ +-38 │ ! +│ +30 │/);
    const zh = await runCli(['task', 'list', '--lang', 'zh-CN'], { cwd: dir, stdoutIsTTY: true, env: { NO_COLOR: '1' } });
    expect(zh.stdout).toContain('编号');
    expect(zh.stdout).toContain('负责人');
    expect(zh.stdout).toContain('进行中');
    const zhPiped = await runCli(['task', 'list', '--lang', 'zh-CN'], { cwd: dir });
    expect(zhPiped.stdout.split('\n')[0]).toBe('编号\t名称\t负责人\t状态\t开始\t结束\t工期\t浮动\t关键\t逾期');
    expect(zhPiped.stdout).toContain('\tin_progress\t'); // raw status values for scripts
  });
});

describe('deliver task start|done|block|reopen', () => {
  it('walks a task through its states and refuses illegal moves', async () => {
    const dir = cnProject();
    const run = (...a: string[]) => runCli(['task', ...a], { cwd: dir });
    const planOf = () => read(dir, 'plan.yaml');

    expect((await run('start', 'T-002', '--date', '2026-10-08')).stdout).toBe('T-002: to do → in progress (actual start 2026-10-08)\n');
    expect(planOf()).toContain('    status: in_progress\n    actual_start: 2026-10-08\n');
    const again = await run('start', 'T-002');
    expect([again.code, again.stderr]).toEqual([
      1,
      'deliver: T-002 is already in progress\n  hint: Finish it with `deliver task done T-002`, or block it with `deliver task block T-002 --reason <text>`.\n',
    ]);

    const noReason = await run('block', 'T-002');
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('missing --reason');
    expect((await run('block', 'T-002', '--reason', 'waiting for test data')).stdout).toBe(
      'T-002: in progress → blocked (waiting for test data)\n',
    );
    expect(planOf()).toContain('    blocked_reason: waiting for test data\n');

    const done = await run('done', 'T-002', '--json', '--date', '2026-10-14');
    expect(json(done.stdout)).toEqual({
      schema_version: 1,
      kind: 'task.done',
      id: 'T-002',
      from: 'blocked',
      to: 'done',
      actual_start: '2026-10-08',
      actual_end: '2026-10-14',
      blocked_reason: null,
    });
    expect(planOf()).not.toContain('blocked_reason');
    const twice = await run('done', 'T-002');
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('T-002 is already done\n');
    expect(twice.stderr).toContain('deliver task reopen T-002');

    expect((await run('reopen', 'T-002')).stdout).toBe('T-002: done → in progress\n');
    expect(planOf()).not.toContain('actual_end');
    const reopenTodo = await run('reopen', 'T-003');
    expect([reopenTodo.code, reopenTodo.stderr.split('\n')[0]]).toEqual([
      1,
      'deliver: T-003 is todo: only a done or blocked task can be reopened',
    ]);
    expect((await run('done', 'T-002', '--date', '2026-10-01')).stderr).toContain(
      'cannot finish T-002 on 2026-10-01: it started on 2026-10-08',
    );
    expect((await run('start', 'T-404')).code).toBe(2);
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('done without an actual start records none (unless --start); reopen without one goes back to todo', async () => {
    const dir = cnProject();
    // T-002 was never started: done on 10/09 records the actual end only, never an invented start.
    expect((await runCli(['task', 'done', 'T-002', '--date', '2026-10-09'], { cwd: dir })).code).toBe(0);
    expect(read(dir, 'plan.yaml')).toContain('    status: done\n    actual_end: 2026-10-09\n');
    // --start gives the day work began.
    expect((await runCli(['task', 'done', 'T-004', '--start', '2026-10-08', '--date', '2026-10-09'], { cwd: dir })).code).toBe(0);
    expect(read(dir, 'plan.yaml')).toContain('    status: done\n    actual_start: 2026-10-08\n    actual_end: 2026-10-09\n');
    const dir2 = cnProject();
    await runCli(['task', 'block', 'T-003', '--reason', 'hardware late'], { cwd: dir2 });
    expect((await runCli(['task', 'reopen', 'T-003'], { cwd: dir2 })).stdout).toBe('T-003: blocked → to do\n');
    expect((await runCli(['task', 'done', 'T-003', '--lang', 'zh-CN'], { cwd: dir2 })).stdout).toBe(
      'T-003：未开始 → 完成（实际完成 2026-11-20）\n',
    );
  });

  it('repairs what validate points at: done without an actual end (W064), an actual end on unfinished work (E065)', async () => {
    const plan = fixture('plan.yaml')
      .replace('    status: in_progress\n    actual_start: 2026-09-21\n', '    status: done\n    actual_start: 2026-09-21\n')
      .replace('    milestone: M-001\n    status: todo\n', '    milestone: M-001\n    status: todo\n    actual_end: 2026-10-09\n');
    const dir = cnProject(plan);
    const v = await runCli(['validate'], { cwd: dir });
    expect(v.stdout).toContain('DLV-W064');
    expect(v.stdout).toContain('DLV-E065');
    expect((await runCli(['task', 'done', 'T-001', '--date', '2026-09-28'], { cwd: dir })).stdout).toBe(
      'T-001: done → done (actual end 2026-09-28)\n',
    );
    expect((await runCli(['task', 'reopen', 'T-002'], { cwd: dir })).stdout).toBe('T-002: to do → to do\n');
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
    expect(read(dir, 'plan.yaml')).toBe(
      fixture('plan.yaml').replace(
        '    status: in_progress\n    actual_start: 2026-09-21\n',
        '    status: done\n    actual_start: 2026-09-21\n    actual_end: 2026-09-28\n',
      ),
    );
    expect((await runCli(['task', 'done', 'T-001'], { cwd: dir })).code).toBe(1);
  });

  it('keeps a hand-edited plan.yaml byte for byte except the lines it changes', async () => {
    const original = fixture('plan.yaml');
    const dir = cnProject(original);
    const r = await runCli(['task', 'done', 'T-001', '--date', '2026-09-29'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(read(dir, 'plan.yaml')).toBe(
      original.replace(
        '    status: in_progress\n    actual_start: 2026-09-21\n',
        '    status: done\n    actual_start: 2026-09-21\n    actual_end: 2026-09-29\n',
      ),
    );
  });
});

describe('deliver task show', () => {
  it('shows the schedule, dependencies and actual dates; --json has the record and the computed facts', async () => {
    const dir = cnProject();
    const r = await runCli(['task', 'show', 'T-003'], { cwd: dir });
    expect(r.stdout).toBe(
      [
        'T-003  Build and test',
        'Status: to do',
        'Owner: Li Na',
        'Forecast: 2026-11-30 → 2026-12-11 (10 working days)',
        'Plan without the report date: 2026-10-12 → 2026-10-23',
        'Could start: from 2026-11-30; latest start 2026-10-08, latest finish 2026-10-20',
        'Float: -38  critical path',
        'Late by: 20 working days',
        'After: T-002',
        'Followed by: M-001',
        'Milestone: M-001',
        '',
      ].join('\n'),
    );
    const j = json((await runCli(['task', 'show', 'T-003', '--json'], { cwd: dir })).stdout);
    expect(j).toMatchObject({
      kind: 'task.show',
      file: 'plan.yaml',
      task: { id: 'T-003', days: 10 },
      schedule: { end: '2026-12-11', total_float: -38 },
      successors: ['M-001'],
    });
    expect((await runCli(['task', 'show', 'T-009'], { cwd: dir })).code).toBe(2);
  });

  it('prints notes of several lines as lines, with control characters still escaped', async () => {
    const withNotes = (notes: string) =>
      fixture('plan.yaml').replace(
        '  - id: T-003\n    name: Build and test\n',
        `  - id: T-003\n    name: Build and test\n    notes: ${notes}\n`,
      );
    const block = await runCli(['task', 'show', 'T-003'], { cwd: cnProject(withNotes('|\n      First line.\n      Second line.')) });
    expect(block.stdout).toContain('\nFirst line.\nSecond line.\n');
    // An escape sequence (a validate error of its own) is shown, not obeyed.
    const esc = await runCli(['task', 'show', 'T-003'], { cwd: cnProject(withNotes('"One\\nTwo \\e[31mred"')) });
    expect(esc.stdout).toContain('\nOne\nTwo \\x1b[31mred\n');
    expect(esc.stdout).not.toContain('\u001b');
  });
});

describe('deliver task update --milestone', () => {
  it('refuses a milestone that already comes before the task, writing nothing; a later one is fine', async () => {
    // T-016 follows T-015, which follows M-004 … M-003: M-003 waiting for T-016 would be a loop, and
    // the scheduler would drop every task M-003 gathers by name (the forecast moved 14 days earlier).
    const dir = copyExample('erp-rollout-en');
    const before = hashTree(dir);
    const r = await runCli(['task', 'update', 'T-016', '--milestone', 'M-003'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('refused: T-016 would close a dependency cycle T-016 → T-015');
    expect(hashTree(dir)).toEqual(before);
    expect((await runCli(['task', 'update', 'T-016', '--milestone', 'M-005'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });
});
