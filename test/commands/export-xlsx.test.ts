// `deliver export --format xlsx`: the workbook read back with exceljs and with an independent reader
// (zip and SpreadsheetML parsed by hand): a sheet per register named in the project's language, styled
// header, frozen panes, filters, widths, real dates and numbers, formula text neutralised.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO, hashTree, tempDir } from '../helpers/project.js';
import { excelDate, readXlsx } from '../helpers/xlsx-reader.js';

const ALPHA = join(REPO, 'test', 'golden', 'reports', 'portfolio', 'alpha');
const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');

async function exportTo(lang: string, extra: string[] = []): Promise<string> {
  const file = join(tempDir(), 'registers.xlsx');
  const r = await runCli(['export', '--format', 'xlsx', '--out', file, '--lang', lang, ...extra], { cwd: ALPHA });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/registers\.xlsx/);
  return file;
}

describe('export --format xlsx', () => {
  it('read back with exceljs: sheets, header, frozen panes, filter, widths, dates and numbers', async () => {
    const file = await exportTo('zh-CN');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '需求登记表',
      '任务分解清单',
      '里程碑',
      '风险清单',
      '变更记录',
      '验收记录',
      '满意度调查',
      'KPI',
    ]);
    const req = wb.getWorksheet('需求登记表')!;
    expect(req.getRow(1).getCell(1).value).toBe('编号');
    expect(req.getRow(1).font?.bold).toBe(true);
    expect(req.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(req.autoFilter).toBeTruthy();
    expect(req.rowCount).toBe(6);
    const rows = new Map<string, import('exceljs').Row>();
    req.eachRow((row, i) => {
      if (i > 1) rows.set(String(row.getCell(1).value), row);
    });
    const r1 = rows.get('202610-001')!;
    // Columns by their header (codes have a label column beside them, so positions move)
    const colOf = (ws: import('exceljs').Worksheet, header: string) => (ws.getRow(1).values as unknown[]).indexOf(header);
    expect(r1.getCell(colOf(req, '接收日期')).value).toEqual(new Date('2026-10-05T00:00:00Z'));
    expect(rows.get('202611-001')!.getCell(2).value).toBe('\'=HYPERLINK("http://x") loyalty export');
    expect(req.getColumn(2).width).toBeGreaterThan(10);
    const risks = wb.getWorksheet('风险清单')!;
    expect(typeof risks.getRow(2).getCell(colOf(risks, '可能性')).value).toBe('number');
    const kpi = wb.getWorksheet('KPI')!;
    expect(kpi.getRow(1).getCell(1).value).toBe('指标');
    expect(kpi.rowCount).toBe(21); // a header and one row per measure
  });

  it('read back by an independent reader: the zip and the sheet XML parsed by hand', async () => {
    const file = await exportTo('en');
    const { sheets, dateStyles } = readXlsx(readFileSync(file));
    expect(sheets.map((s) => s.name)).toEqual(['Requirements', 'Tasks', 'Milestones', 'Risks', 'Changes', 'Acceptance', 'Surveys', 'KPI']);
    const req = sheets[0]!;
    expect(req.text('A1')).toBe('ID');
    expect(req.text('B1')).toBe('Title');
    expect(req.xml).toMatch(/<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"\/>/);
    expect(req.xml).toMatch(/<autoFilter ref="A1:[A-Z]+6"\/>/);
    expect(req.xml).toMatch(/<col min="2" max="2" width="\d+(\.\d+)?" customWidth="1"\/>/);
    // find the row of 202610-001 and check its received date is a number cell in a date style
    const rowOf = (id: string) => [...req.cells.values()].find((c) => c.ref.startsWith('A') && c.value === id)!.ref.slice(1);
    const letterOf = (header: string) =>
      [...req.cells.values()].find((c) => /^[A-Z]+1$/.test(c.ref) && req.text(c.ref) === header)!.ref.slice(0, -1);
    const g = req.cells.get(`${letterOf('Received')}${rowOf('202610-001')}`)!;
    expect(g.type).toBeUndefined();
    expect(dateStyles.has(g.style)).toBe(true);
    expect(excelDate(Number(g.value))).toBe('2026-10-05');
    // formula text stays text, with the same guard as the CSV; no cell anywhere holds a formula
    const t = req.cells.get(`B${rowOf('202611-001')}`)!;
    expect(['s', 'inlineStr', 'str']).toContain(t.type);
    expect(t.value).toBe('\'=HYPERLINK("http://x") loyalty export');
    for (const s of sheets) expect(s.xml).not.toMatch(/<f>/);
    // numbers are numbers: probability and impact of the risks, the KPI values
    const risks = sheets[3]!;
    expect(risks.text('E1')).toBe('Probability');
    expect(risks.cells.get('E2')!.type).toBeUndefined();
    expect(Number(risks.text('E2'))).toBeGreaterThanOrEqual(1);
    const kpi = sheets[7]!;
    expect(kpi.text('A2')).toBe('Project on-time rate');
    expect(kpi.cells.get('C2')!.type).toBeUndefined();
  });

  it('one register with --kind; refuses to write a workbook to the terminal; the project is untouched', async () => {
    const before = hashTree(ALPHA);
    const file = await exportTo('en', ['--kind', 'risks']);
    const { sheets } = readXlsx(readFileSync(file));
    expect(sheets.map((s) => s.name)).toEqual(['Risks']);
    const r = await runCli(['export', '--format', 'xlsx'], { cwd: ALPHA });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out <file\.xlsx>/);
    expect(hashTree(ALPHA)).toEqual(before);
  });

  it('--out writes the other formats to a file too', async () => {
    const file = join(tempDir(), 'risks.csv');
    const r = await runCli(['export', '--kind', 'risks', '--out', file], { cwd: ALPHA });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/risks\.csv/);
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('\ufeffID,Title')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(5);
  });
});
