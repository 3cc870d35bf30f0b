// `deliver import`: spreadsheets in the toolkit's layout (Chinese and English headers, a title row above
// the header), every problem reported by sheet, row and column with nothing written, then the fixed
// sheet imported in one commit with fresh ids; tasks' own keys rewritten; --map, --sheet, --dry-run.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { copyExample, hashTree, makeProject, REPO, tempDir } from '../helpers/project.js';

const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');

async function workbook(sheets: Record<string, unknown[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  const file = join(tempDir(), 'register.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const REQ_HEAD = ['序号', '需求名称', '需求描述', '提出人', '提出日期', '期望完成日期', '紧急程度', '接收人'];

describe('deliver import requirements', () => {
  it('three bad rows: each problem by sheet, row and column, and nothing written; fixed, all rows in one go', async () => {
    const dir = copyExample('crm-dashboard-zh');
    const good = [
      [1, '门店库存看板', '按门店查看实时库存', '王经理', d('2026-11-18'), d('2026-12-20'), '高', '周敏'],
      [2, '会员积分导出', null, '李主管', '2026/11/19', null, '中', '周敏'],
    ];
    const bad = [
      [3, '坏日期', null, '张三', '2026-13-01', null, '中', '周敏'],
      [4, '缺提出人', null, null, d('2026-11-19'), null, '低', '周敏'],
      [5, '坏紧急程度', null, '赵六', d('2026-11-19'), null, '超级', '周敏'],
    ];
    const file = await workbook({ 客户需求登记表: [['客户需求登记表'], REQ_HEAD, ...good, ...bad] });
    const before = hashTree(dir);
    const r = await runCli(['import', 'requirements', file], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('客户需求登记表，第 5 行，提出日期 (E) 列：不是日期："2026-13-01"');
    expect(r.stderr).toContain('客户需求登记表，第 6 行，提出人 (D) 列：必填，但为空');
    expect(r.stderr).toContain('客户需求登记表，第 7 行，紧急程度 (G) 列：应为 high, medium, low 之一，收到 "超级"');
    expect(r.stderr).toContain('发现 3 个问题：未导入任何内容');
    expect(hashTree(dir)).toEqual(before);

    const fixed = await workbook({
      客户需求登记表: [
        ['客户需求登记表'],
        REQ_HEAD,
        ...good,
        [3, '好日期', null, '张三', d('2026-11-19'), null, '中', '周敏'],
        [4, '有提出人', null, '钱七', d('2026-11-19'), null, '低', '周敏'],
        [5, '紧急', null, '赵六', d('2026-11-19'), null, '紧急', '周敏'],
      ],
    });
    const dry = await runCli(['import', 'requirements', fixed, '--dry-run'], { cwd: dir });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('将创建 5 条需求（试运行：未写入）');
    expect(hashTree(dir)).toEqual(before);

    const ok = await runCli(['import', 'requirements', fixed, '--json'], { cwd: dir });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const created = JSON.parse(ok.stdout).created as string[];
    expect(created).toEqual(['202611-003', '202611-004', '202611-005', '202611-006', '202611-007']);
    const files = readdirSync(join(dir, 'requirements')).filter((f) => created.some((id) => f.startsWith(id)));
    expect(files).toHaveLength(5);
    const first = parse(readFileSync(join(dir, 'requirements', files.find((f) => f.startsWith('202611-003'))!), 'utf8'));
    expect(first).toMatchObject({
      id: '202611-003',
      title: '门店库存看板',
      description: '按门店查看实时库存',
      contact: '王经理',
      customer: '华东鑫禾零售集团有限公司',
      received: '2026-11-18',
      due: '2026-12-20',
      urgency: 'high',
      receiver: '周敏',
      status: 'received',
    });
    const second = parse(readFileSync(join(dir, 'requirements', files.find((f) => f.startsWith('202611-004'))!), 'utf8'));
    expect(second).toMatchObject({ received: '2026-11-19', urgency: 'medium' });
    expect(second.due).toBeUndefined();
    const v = await runCli(['validate'], { cwd: dir });
    expect(v.code).toBe(0);
  });

  it('round trip: the Requirements sheet of an exported workbook imports into another project', async () => {
    const alpha = join(REPO, 'test', 'golden', 'reports', 'portfolio', 'alpha');
    const file = join(tempDir(), 'out.xlsx');
    expect((await runCli(['export', '--format', 'xlsx', '--out', file], { cwd: alpha })).code).toBe(0);
    const dir = makeProject({});
    const r = await runCli(['import', 'requirements', file, '--sheet', 'Requirements', '--json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).created).toHaveLength(5);
    const titles = readdirSync(join(dir, 'requirements')).map((f) => parse(readFileSync(join(dir, 'requirements', f), 'utf8')).title);
    // the CSV/xlsx guard in front of formula text is taken off again
    expect(titles).toContain('=HYPERLINK("http://x") loyalty export');
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('a CSV saved by Excel on Chinese Windows (GBK) reads as Chinese', async () => {
    const dir = makeProject({});
    const csv = join(tempDir(), '需求.csv');
    // "需求名称,提出人,提出日期,接收人 / 门店显示板,王经理,2026-11-18,周敏" encoded as GBK
    const gbk = Buffer.from(
      'd0e8c7f3c3fbb3c62ccce1b3f6c8cb2ccce1b3f6c8d5c6da2cbdd3cad5c8cb0d0ac3c5b5eacfd4cabeb0e52ccdf5beadc0ed2c323032362d31312d31382cd6dcc3f40d0a',
      'hex',
    );
    writeFileSync(csv, gbk);
    const r = await runCli(['import', 'requirements', csv, '--dry-run', '--json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).records[0]).toMatchObject({
      title: '门店显示板',
      contact: '王经理',
      received: '2026-11-18',
      receiver: '周敏',
    });
  });

  it('an unknown --sheet lists the sheets; a file without the columns says which it looked for', async () => {
    const dir = makeProject({});
    const file = await workbook({ Notes: [['just', 'text']] });
    const r = await runCli(['import', 'requirements', file, '--sheet', 'Nope'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no sheet named "Nope" \(sheets: Notes\)/);
    const r2 = await runCli(['import', 'requirements', file], { cwd: dir });
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/no header row that names the requirement\(s\) columns/);
  });
});

describe('deliver import tasks', () => {
  it("CSV with English headers: the file's own ids become new task ids, dependencies rewritten, in one commit", async () => {
    const dir = makeProject({
      'plan.yaml':
        'schema_version: 1\nmilestones:\n  - id: M-001\n    name: Go-live\ntasks:\n  - id: T-001\n    name: Kick-off\n    days: 1\n    status: done\n    actual_end: 2026-09-01\n',
    });
    const csv = join(tempDir(), 'wbs.csv');
    writeFileSync(
      csv,
      '\ufeffID,Name,Owner,Start,Working days,Depends on,Milestone,Status\r\n1,Design,Ann,2026-09-02,5,T-001,,to do\r\n2,Build,Bob,,10,1,,\r\n3,Test,Cy,,3,"1, 2",M-001,进行中\r\n',
    );
    const r = await runCli(['import', 'tasks', csv, '--json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).created).toEqual(['T-002', 'T-003', 'T-004']);
    const plan = parse(readFileSync(join(dir, 'plan.yaml'), 'utf8'));
    expect(plan.tasks.slice(1)).toEqual([
      { id: 'T-002', name: 'Design', owner: 'Ann', start: '2026-09-02', days: 5, depends_on: ['T-001'], status: 'todo' },
      { id: 'T-003', name: 'Build', owner: 'Bob', days: 10, depends_on: ['T-002'], status: 'todo' },
      { id: 'T-004', name: 'Test', owner: 'Cy', days: 3, depends_on: ['T-002', 'T-003'], milestone: 'M-001', status: 'in_progress' },
    ]);
    expect(readdirSync(join(dir, '.deliver')).filter((f) => f.includes('journal'))).toEqual([]);
    const s = await runCli(['task', 'list', '--json'], { cwd: dir });
    expect(JSON.parse(s.stdout).items.map((i: { id: string; scheduled: boolean }) => [i.id, i.scheduled])).toEqual([
      ['T-001', true],
      ['T-002', true],
      ['T-003', true],
      ['T-004', true],
    ]);
  });

  it('unknown references and a dependency cycle are reported by row and column; nothing written', async () => {
    const dir = makeProject({});
    const csv = join(tempDir(), 'wbs.csv');
    writeFileSync(csv, '任务编号,任务名称,工期,前置任务,里程碑\n1,甲,2,2,\n2,乙,2,1,M-009\n3,丙,x,T-404,\n');
    const before = hashTree(dir);
    const r = await runCli(['import', 'tasks', csv, '--lang', 'en'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('wbs, row 4, column 工期 (C): must be a whole number from 0 to 100000, got "x"');
    expect(r.stderr).toContain('wbs, row 3, column 里程碑 (E): no milestone M-009 in the project or in this file');
    expect(r.stderr).toContain('wbs, row 4, column 前置任务 (D): no task/milestone T-404 in the project or in this file');
    expect(r.stderr).toMatch(/wbs, row 2, column 前置任务 \(D\): the dependencies make a cycle: T-00\d → T-00\d → T-00\d/);
    expect(hashTree(dir)).toEqual(before);
  });
  it("the project's rules too: an actual end on a task still to do is a problem of its row", async () => {
    const dir = makeProject({});
    const csv = join(tempDir(), 'wbs.csv');
    writeFileSync(
      csv,
      'Name,Status,Start,End,Actual end\nA,done,2026-09-01,2026-09-03,2026-09-03\nC,to do,2026-09-01,2026-09-03,2026-09-05\n',
    );
    const before = hashTree(dir);
    const r = await runCli(['import', 'tasks', csv], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('wbs, row 3, column Actual end (E): actual_end is set but the status is todo');
    expect(r.stderr).toContain('1 problem(s) found: nothing was imported');
    expect(hashTree(dir)).toEqual(before);
  });
});

describe('deliver import risks', () => {
  it('Chinese template headers and labels; --map for a column of another name', async () => {
    const dir = makeProject({});
    const file = await workbook({
      风险清单: [
        ['编号', '风险描述', '风险类别', '发生概率', '影响程度', '应对策略', '处理人', '识别日期', '应对措施'],
        ['R1', '供应商延期交货', '生产', 4, 5, '降低', '王工', d('2026-11-02'), '1. 每周催货 (2026-11-25)\n2. 找备选供应商'],
        ['R2', '需求频繁变更', '交付', 3, 3, '接受', '李工', null, null],
      ],
    });
    const noMap = await runCli(['import', 'risks', file], { cwd: dir });
    expect(noMap.code).toBe(1);
    expect(noMap.stderr).toMatch(/no header row/);
    const r = await runCli(['import', 'risks', file, '--map', '处理人=owner', '--json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).created).toEqual(['R-001', 'R-002']);
    const f = readdirSync(join(dir, 'risks')).find((x) => x.startsWith('R-001'))!;
    expect(parse(readFileSync(join(dir, 'risks', f), 'utf8'))).toMatchObject({
      id: 'R-001',
      title: '供应商延期交货',
      category: 'production',
      probability: 4,
      impact: 5,
      response: 'mitigate',
      owner: '王工',
      identified: '2026-11-02',
      status: 'open',
      actions: [{ text: '每周催货', due: '2026-11-25' }, { text: '找备选供应商' }],
    });
    const g = readdirSync(join(dir, 'risks')).find((x) => x.startsWith('R-002'))!;
    expect(parse(readFileSync(join(dir, 'risks', g), 'utf8')).identified).toBe('2026-11-20');
    const bad = await runCli(['import', 'risks', file, '--map', '处理人=nobody'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--map 处理人=nobody: expected 列名=field/);
  });

  it('refuses other kinds and other file types', async () => {
    const dir = makeProject({});
    expect((await runCli(['import', 'changes', 'x.csv'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['import', 'risks', 'x.txt'], { cwd: dir })).code).toBe(2);
    const missing = await runCli(['import', 'risks', 'missing.csv'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read missing\.csv: no such file/);
  });
});
