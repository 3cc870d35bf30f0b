// The forecast end to end: every command that shows dates shows the same forecast; writes are
// checked before they are written (refusals in en and zh-CN, and a property over random sequences).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';
import { copyExample, hashTree, read, REPO } from '../helpers/project.js';
import { parse } from 'yaml';

const json = (s: string) => JSON.parse(s) as Record<string, any>;

describe('one forecast in every command', () => {
  it('on random report dates, status, plan show, gantt, milestone list and report weekly agree', async () => {
    const day = (k: number) => new Date(Date.UTC(2026, 8, 1 + k)).toISOString().slice(0, 10); // 2026-09-01 … 2027-02
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('erp-rollout-en', 'crm-dashboard-zh'), fc.integer({ min: 0, max: 160 }), async (example, k) => {
        const dir = join(REPO, 'examples', example);
        const asOf = day(k);
        const get = async (args: string[]) => json((await runCli([...args, '--json', '--as-of', asOf], { cwd: dir })).stdout);
        const pairs = (items: { id: string; start: string | null; end: string | null }[]) =>
          new Map(items.filter((i) => i.end !== null).map((i) => [i.id, `${i.start}..${i.end}`]));
        const plan = pairs((await get(['plan', 'show'])).items);
        const status = await get(['status']);
        expect(pairs(status.forecast)).toEqual(plan);
        // The colour and "late/early" never contradict: a forecast past the due date is red, a
        // milestone forecast after its due date is named among the reasons.
        const reasons = status.health.reasons as { code: string; ids: string[] }[];
        if (status.progress.due_float !== undefined && status.progress.due_float < 0)
          expect(reasons.some((r) => r.code === 'negative_float')).toBe(true);
        if (status.health.level === 'green') expect(status.progress.due_float === undefined || status.progress.due_float >= 0).toBe(true);
        for (const m of status.milestones.next)
          if (m.due && m.forecast > m.due) expect(reasons.some((r) => r.code === 'milestone_at_risk' && r.ids.includes(m.id))).toBe(true);
        expect(pairs((await get(['gantt'])).items)).toEqual(plan);
        const report = await get(['report', 'weekly']);
        if (report.as_of === asOf) expect(pairs(report.forecast)).toEqual(plan);
        // Next week lists forecast work in next week only.
        for (const n of report.planned_next) expect(n.end >= report.next_week.from && n.start <= report.next_week.to).toBe(true);
        for (const m of (await get(['milestone', 'list'])).items) expect(`${m.start}..${m.end}`).toBe(plan.get(m.id));
        for (const it of (await get(['plan', 'show'])).items) if (!it.finished && it.end !== null) expect(it.end >= asOf).toBe(true);
      }),
      { numRuns: 6 },
    );
  }, 60_000);

  for (const [example, asOf] of [
    ['erp-rollout-en', '2026-11-20'],
    ['crm-dashboard-zh', '2027-01-15'],
    ['erp-rollout-en', '2026-12-08'],
  ] as const) {
    it(`status, plan show, gantt, milestone list and report weekly agree (${example}, ${asOf})`, async () => {
      const dir = copyExample(example);
      const get = async (args: string[]) => json((await runCli([...args, '--json', '--as-of', asOf], { cwd: dir })).stdout);
      const pairs = (items: { id: string; start: string | null; end: string | null }[]) =>
        new Map(items.filter((i) => i.end !== null).map((i) => [i.id, `${i.start}..${i.end}`]));
      const plan = pairs((await get(['plan', 'show'])).items);
      const status = pairs((await get(['status'])).forecast);
      const gantt = pairs((await get(['gantt'])).items);
      const report = pairs((await get(['report', 'weekly'])).forecast);
      expect(plan.size).toBeGreaterThan(0);
      expect(status).toEqual(plan);
      expect(gantt).toEqual(plan);
      // The weekly report of the current week is taken as of the report date itself.
      expect(report).toEqual(plan);
      for (const m of (await get(['milestone', 'list'])).items) expect(`${m.start}..${m.end}`).toBe(plan.get(m.id));
      // Nothing unfinished lies before the report date.
      for (const it of (await get(['plan', 'show'])).items) if (!it.finished && it.end !== null) expect(it.end >= asOf).toBe(true);
    });
  }
});

describe('what the dates rest on', () => {
  it('says in one line when the forecast reaches a provisional calendar year (2027 on cn)', async () => {
    // As of 11/20 the Chinese example is forecast into January 2027.
    const dir = join(REPO, 'examples', 'crm-dashboard-zh');
    const at = ['--as-of', '2026-11-20'];
    const status = await runCli(['status', ...at], { cwd: dir });
    expect(status.stdout).toContain('注意：预测延伸到 2027 年，cn 日历该年调休尚未公布，日期可能变动');
    const en = await runCli(['plan', 'show', '--lang', 'en', ...at], { cwd: dir });
    expect(en.stderr).toContain('deliver: note: the forecast reaches 2027; cn holidays for 2027 are provisional, dates may move');
    expect(en.stderr.split('\n').filter((l) => l.includes('2027')).length).toBe(1);
    expect((await runCli(['gantt', ...at], { cwd: dir })).stderr).toContain('预测延伸到 2027 年');
    for (const cmd of [['status'], ['plan', 'show'], ['gantt'], ['report', 'weekly']]) {
      expect(json((await runCli([...cmd, '--json', ...at], { cwd: dir })).stdout).calendar_notices, cmd.join(' ')).toEqual([
        { year: 2027, status: 'provisional', base: 'cn' },
      ]);
    }
    expect((await runCli(['report', 'weekly', ...at], { cwd: dir })).stdout).toContain('2027 年的日期仅按法定节假日计算，调休安排尚未公布');
    // Early on, the forecast stays in 2026: nothing to say.
    const early = await runCli(['plan', 'show', '--json', '--as-of', '2026-09-10'], { cwd: dir });
    expect(json(early.stdout).calendar_notices).toEqual([]);
  });
});

describe('refused writes, with their message in both languages', () => {
  const cases: { name: string; args: string[]; en: string; zh: string }[] = [
    {
      name: 'an actual end after the report date',
      args: ['task', 'done', 'T-010', '--date', '2026-11-23'],
      en: 'deliver: refused: the change would introduce 1 error(s); nothing was written',
      zh: 'deliver: 已拒绝：此修改会引入 1 个错误，未写入任何内容',
    },
    {
      name: 'an actual end before the project start',
      args: ['task', 'done', 'T-010', '--date', '2026-08-20'],
      en: 'deliver: refused: the change would introduce 1 error(s); nothing was written',
      zh: 'deliver: 已拒绝：此修改会引入 1 个错误，未写入任何内容',
    },
    {
      name: 'an actual end before the actual start',
      args: ['task', 'done', 'T-010', '--start', '2026-11-18', '--date', '2026-11-16'],
      en: 'deliver: cannot finish T-010 on 2026-11-16: it started on 2026-11-18',
      zh: 'deliver: T-010 不能在 2026-11-16 完成：它的实际开始日期是 2026-11-18',
    },
    {
      name: 'a milestone reached after the report date',
      args: ['milestone', 'done', 'M-003', '--date', '2026-12-01'],
      en: 'deliver: refused: the change would introduce 1 error(s); nothing was written',
      zh: 'deliver: 已拒绝：此修改会引入 1 个错误，未写入任何内容',
    },
    {
      name: 'removing a task others depend on',
      args: ['task', 'remove', 'T-011'],
      en: 'deliver: refused: T-011 is still referenced by T-012',
      zh: 'deliver: 已拒绝：T-011 仍被 T-012 引用',
    },
  ];
  for (const c of cases) {
    for (const lang of ['en', 'zh-CN'] as const) {
      it(`${c.name} (${lang})`, async () => {
        const dir = copyExample('erp-rollout-en');
        const before = hashTree(dir);
        const r = await runCli([...c.args, '--lang', lang], { cwd: dir });
        expect(r.code).toBe(1);
        expect(r.stderr.split('\n')[0]).toBe(lang === 'en' ? c.en : c.zh);
        expect(hashTree(dir)).toEqual(before);
      });
    }
  }
  const patterns: { name: string; args: string[]; en: RegExp; zh: RegExp }[] = [
    {
      name: 'a lifecycle move dated before the request was received',
      args: ['req', 'move', '202610-001', 'in_progress', '--date', '2026-10-10'],
      en: /^deliver: refused: the change would introduce \d error\(s\); nothing was written\n[\s\S]*DLV-E10[13]/,
      zh: /^deliver: 已拒绝：此修改会引入 \d 个错误，未写入任何内容\n[\s\S]*DLV-E10[13]/,
    },
    {
      name: 'a lifecycle move dated before the previous move',
      args: ['req', 'move', '202609-001', 'delivered', '--date', '2026-09-20'],
      en: /DLV-E101 history entry \d+ \(2026-09-20\) is earlier than the entry before it \(2026-09-23\)/,
      zh: /DLV-E101 第 \d+ 条状态记录（2026-09-20）早于前一条（2026-09-23）/,
    },
    {
      name: 'a passing round that would skip lifecycle states',
      args: [
        'accept',
        'round',
        'AC-003',
        '--result',
        'pass',
        '--by',
        'Daniel Reeves',
        '--date',
        '2026-11-20',
        '--signed-by',
        'Daniel Reeves',
        '--signed-on',
        '2026-11-20',
      ],
      en: /^deliver: refused: requirement 202610-001 is confirmed; a passing round cannot accept it without its lifecycle moves/,
      zh: /^deliver: 已拒绝：需求 202610-001 处于 已确认 状态；验收通过不能跳过其生命周期/,
    },
  ];
  for (const c of patterns) {
    for (const lang of ['en', 'zh-CN'] as const) {
      it(`${c.name} (${lang})`, async () => {
        const dir = copyExample('erp-rollout-en');
        if (c.args[0] === 'accept')
          await runCli(['accept', 'add', '--deliverable', 'ASN import', '--req', '202610-001', '--delivered', '2026-11-18'], { cwd: dir });
        const before = hashTree(dir);
        const r = await runCli([...c.args, '--lang', lang], { cwd: dir });
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(lang === 'en' ? c.en : c.zh);
        expect(hashTree(dir)).toEqual(before);
      });
    }
  }

  it('names the finding with file and line (en and zh-CN)', async () => {
    const dir = copyExample('erp-rollout-en');
    const en = await runCli(['task', 'done', 'T-010', '--date', '2026-11-23'], { cwd: dir });
    expect(en.stderr).toMatch(/plan\.yaml:\d+:\d+: error DLV-E071 "actual_end" 2026-11-23 is after the report date 2026-11-20/);
    const zh = await runCli(['task', 'done', 'T-010', '--date', '2026-08-20', '--lang', 'zh-CN'], { cwd: dir });
    expect(zh.stderr).toMatch(/DLV-E072 "actual_end" 2026-08-20 早于项目开始日期 2026-09-01/);
  });
});

describe('task done, reopen and milestone done', () => {
  it('done never invents an actual start; reopen goes back to todo; a reached milestone is not overdue', async () => {
    const dir = copyExample('erp-rollout-en');
    const done = json((await runCli(['task', 'done', 'T-010', '--date', '2026-11-19', '--json'], { cwd: dir })).stdout);
    expect([done.actual_start, done.actual_end]).toEqual([null, '2026-11-19']);
    const back = json((await runCli(['task', 'reopen', 'T-010', '--json'], { cwd: dir })).stdout);
    expect(back.to).toBe('todo');
    const m = json((await runCli(['milestone', 'done', 'M-001', '--date', '2026-09-22', '--json'], { cwd: dir })).stdout);
    expect(m).toMatchObject({ id: 'M-001', done: '2026-09-22' });
    const list = json((await runCli(['milestone', 'list', '--json'], { cwd: dir })).stdout).items as Record<string, any>[];
    expect(list.find((x) => x.id === 'M-001')).toMatchObject({ late: false, reached: '2026-09-22' });
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
    // Without --date a reached milestone is refused; with it, the correction is said.
    expect((await runCli(['milestone', 'done', 'M-001'], { cwd: dir })).code).toBe(2);
    const fixed = await runCli(['milestone', 'done', 'M-001', '--date', '2026-09-21'], { cwd: dir });
    expect(fixed.stdout).toBe('M-001 reached on 2026-09-21 (corrected from 2026-09-22)\n');
    const again = json((await runCli(['milestone', 'done', 'M-001', '--date', '2026-09-23', '--json'], { cwd: dir })).stdout);
    expect(again).toMatchObject({ done: '2026-09-23', was: '2026-09-21' });
  });
});

describe('task update and remove, milestone update and show', () => {
  it('edits only the fields given, refuses cycles and unknown ids, removes what nothing references', async () => {
    const dir = copyExample('erp-rollout-en');
    const plan = () => parse(read(dir, 'plan.yaml')) as { tasks: Record<string, any>[]; milestones: Record<string, any>[] };
    const t = (id: string) => plan().tasks.find((x) => x.id === id)!;
    expect((await runCli(['task', 'update', 'T-010', '--days', '4', '--owner', 'Priya Nair'], { cwd: dir })).stdout).toBe(
      'T-010 updated: owner, days, end\n',
    );
    expect(t('T-010')).toMatchObject({ days: 4, owner: 'Priya Nair' });
    expect(t('T-010').end).toBeUndefined();
    expect((await runCli(['task', 'update', 'T-010', '--remaining', '2', '--json'], { cwd: dir })).stdout).toContain('"remaining"');
    const cyc = await runCli(['task', 'update', 'T-011', '--after', 'T-012'], { cwd: dir });
    expect([cyc.code, cyc.stderr.split('\n')[0]]).toEqual([
      1,
      'deliver: refused: T-011 would close a dependency cycle T-011 → T-012 → T-011',
    ]);
    expect((await runCli(['task', 'update', 'T-010', '--milestone', 'M-404'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['task', 'update', 'T-010'], { cwd: dir })).code).toBe(2);
    // T-017 is referenced by nothing: it goes, and the plan still validates.
    expect((await runCli(['task', 'remove', 'T-017'], { cwd: dir })).stdout).toBe('T-017 removed from the plan\n');
    expect(plan().tasks.some((x) => x.id === 'T-017')).toBe(false);
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
    // A milestone's due date, fixed; show tells the forecast and what it waits for.
    expect((await runCli(['milestone', 'update', 'M-004', '--due', '2026-12-14', '--fixed'], { cwd: dir })).stdout).toBe(
      'M-004 updated: due, fixed\n',
    );
    expect(plan().milestones.find((m) => m.id === 'M-004')).toMatchObject({ due: '2026-12-14', fixed: true });
    const show = json((await runCli(['milestone', 'show', 'M-004', '--json'], { cwd: dir })).stdout);
    expect(show.schedule).toMatchObject({ id: 'M-004', fixed: true, reached: null, due: '2026-12-14' });
    expect(show.schedule.end >= '2026-12-14').toBe(true);
    const zh = await runCli(['milestone', 'show', 'M-004', '--lang', 'zh-CN'], { cwd: dir });
    expect(zh.stdout).toContain('约定日期: 2026-12-14 (固定（合同约定）)');
  });
});

describe('a passing round never invents a lifecycle', () => {
  const history = (dir: string, file: string) => parse(read(dir, file)).history as Record<string, unknown>[];
  it('a delivered requirement: one entry, to accepted, naming the acceptance record', async () => {
    const dir = copyExample('erp-rollout-en');
    const file = 'requirements/202609-003-legacy-data-migration-items-boms-open.yaml';
    const n = history(dir, file).length;
    // the example's three rectification items: two fixed and verified, the third accepted open by the customer
    for (const n of ['1', '2'])
      expect(
        (await runCli(['accept', 'rectify', 'AC-002', n, '--verified-by', 'Sofia Marino', '--date', '2026-11-19'], { cwd: dir })).code,
      ).toBe(0);
    const r = await runCli(
      [
        'accept',
        'round',
        'AC-002',
        '--result',
        'pass',
        '--by',
        'Sofia Marino',
        '--date',
        '2026-11-20',
        '--signed-by',
        'Sofia Marino',
        '--signed-on',
        '2026-11-20',
        '--accept-open',
        '3',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    const h = history(dir, file);
    expect(h.slice(n)).toEqual([{ date: '2026-11-20', from: 'delivered', to: 'accepted', by: 'Sofia Marino', note: 'AC-002 #2' }]);
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });
  it("a requirement in progress: delivered on the record's delivery date, then accepted", async () => {
    const dir = copyExample('erp-rollout-en');
    const file = 'requirements/202609-001-mrp-planning-for-the-dayton-plant.yaml';
    await runCli(['accept', 'add', '--deliverable', 'MRP run', '--req', '202609-001', '--delivered', '2026-11-16'], { cwd: dir });
    const n = history(dir, file).length;
    const r = await runCli(
      [
        'accept',
        'round',
        'AC-003',
        '--result',
        'pass',
        '--by',
        'Sofia Marino',
        '--date',
        '2026-11-20',
        '--signed-by',
        'Sofia Marino',
        '--signed-on',
        '2026-11-20',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(history(dir, file).slice(n)).toEqual([
      { date: '2026-11-16', from: 'in_progress', to: 'delivered', note: 'AC-003' },
      { date: '2026-11-20', from: 'delivered', to: 'accepted', by: 'Sofia Marino', note: 'AC-003 #1' },
    ]);
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });
});

describe('write safety', () => {
  it('no sequence of write commands introduces a validate error', async () => {
    const base = copyExample('erp-rollout-en');
    const errorsOf = async (dir: string) => {
      const r = await runCli(['validate', '--json'], { cwd: dir });
      return (json(r.stdout).diagnostics as Record<string, any>[]).filter((d) => d.severity === 'error').length;
    };
    const initial = await errorsOf(base);
    const day = (k: number) => new Date(Date.UTC(2026, 7, 25 + k)).toISOString().slice(0, 10); // 2026-08-25 … past 2026-11-20
    const tasks = ['T-006', 'T-010', 'T-011', 'T-012', 'T-013', 'T-016'];
    const cmd = fc.oneof(
      fc
        .tuple(fc.constantFrom('start', 'done', 'reopen', 'block'), fc.constantFrom(...tasks), fc.integer({ min: 0, max: 100 }))
        .map(([a, t, k]) =>
          a === 'block'
            ? ['task', 'block', t, '--reason', 'waiting']
            : a === 'reopen'
              ? ['task', 'reopen', t]
              : ['task', a, t, '--date', day(k)],
        ),
      fc
        .tuple(fc.constantFrom('M-003', 'M-004', 'M-005'), fc.integer({ min: 0, max: 100 }))
        .map(([m, k]) => ['milestone', 'done', m, '--date', day(k)]),
      fc.tuple(fc.constantFrom(...tasks), fc.integer({ min: 1, max: 9 })).map(([t, n]) => ['task', 'update', t, '--remaining', String(n)]),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(cmd, { minLength: 1, maxLength: 5 }), async (seq) => {
        const dir = copyExample('erp-rollout-en');
        for (const args of seq) await runCli(args, { cwd: dir });
        expect(await errorsOf(dir)).toBeLessThanOrEqual(initial);
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
