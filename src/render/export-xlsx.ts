// One Excel workbook with a sheet per register, laid out as the toolkit's templates (需求登记表,
// 任务分解清单, 风险清单, 变更记录, 验收记录, KPI): the same columns as the CSV export, a styled header
// row, frozen header and id column, a filter on every column, widths from the content, real dates
// (date cells, yyyy-mm-dd) and numbers, labels in the project's language. Text that a spreadsheet
// would read as a formula gets the same leading quote as in the CSV; exceljs stores every text as a
// string cell, never as a formula.
import { isIsoDate, type IsoDate } from '../core/dates.js';
import { kpiList, unitOf, type Kpis } from '../core/kpi.js';
import { measureName } from './kpi.js';
import type { Project } from '../core/model.js';
import type { Schedule } from '../core/schedule.js';
import { sheetOf, type Cell, type SheetKind } from './export-csv.js';
import type { Translate } from './i18n.js';
import { sanitize } from './sanitize.js';
import { displayWidth } from './width.js';

export const XLSX_SHEETS: readonly SheetKind[] = ['requirements', 'tasks', 'milestones', 'risks', 'changes', 'acceptance', 'surveys'];

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell's value for the workbook: ISO dates as dates, text guarded against formulas. */
export function xlsxValue(v: Cell): string | number | boolean | Date | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (isIsoDate(v)) return new Date(`${v}T00:00:00Z`);
  const s = sanitize(v);
  return FORMULA_START.test(s) ? `'${s}` : s;
}

interface SheetData {
  name: string;
  headers: string[];
  rows: (string | number | boolean | Date | null)[][];
  formats?: (string | undefined)[];
}

export interface WorkbookInput {
  project: Project;
  schedule: Schedule;
  asOf: IsoDate;
  kpis: Kpis;
  t: Translate;
  /** One register only; default every register and the KPI sheet. */
  kind?: SheetKind;
}

export function workbookSheets(input: WorkbookInput): SheetData[] {
  const { project, schedule, asOf, kpis, t } = input;
  const kinds = input.kind ? [input.kind] : XLSX_SHEETS;
  const sheets: SheetData[] = kinds.map((k) => {
    const s = sheetOf(k, project, schedule, asOf, t);
    return { name: t(`xlsx.sheet.${k}`), headers: s.headers, rows: s.rows.map((r) => r.map(xlsxValue)) };
  });
  if (!input.kind) {
    sheets.push({
      name: t('xlsx.sheet.kpi'),
      headers: [
        'xlsx.kpi.measure',
        'xlsx.kpi.value',
        'xlsx.kpi.numerator',
        'xlsx.kpi.denominator',
        'xlsx.kpi.target',
        'xlsx.kpi.met',
        'xlsx.kpi.formula',
      ].map((k) => t(k)),
      rows: kpiList(kpis).map((m) => [
        measureName(t, m),
        m.value,
        m.numerator,
        m.denominator,
        m.target,
        m.met === null ? null : m.met ? `✓ ${t('kpi.met.yes')}` : `✗ ${t('kpi.met.no')}`,
        m.label !== undefined ? t('kpi.formula.satisfaction_own', { dim: m.label }) : t(`kpi.formula.${m.key}`),
      ]),
      formats: kpiList(kpis).map((m) => (unitOf(m.key) === 'rate' ? '0.0%' : '0.0')),
    });
  }
  return sheets;
}

const widthOf = (v: unknown): number => {
  if (v === null || v === undefined) return 0;
  if (v instanceof Date) return 10;
  return Math.max(
    ...String(v)
      .split('\n')
      .map((l) => displayWidth(l)),
  );
};

/** Builds the workbook with `ExcelJS` (passed in: loaded only by the commands that need it). */
export async function renderXlsx(ExcelJS: typeof import('exceljs'), input: WorkbookInput, title: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'deliver';
  wb.title = title;
  // Fixed so that the same records give the same workbook.
  wb.created = new Date(`${input.asOf}T00:00:00Z`);
  wb.modified = wb.created;
  for (const s of workbookSheets(input)) {
    const ws = wb.addWorksheet(s.name.slice(0, 31), { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
    ws.addRow(s.headers);
    for (const r of s.rows) ws.addRow(r);
    const header = ws.getRow(1);
    header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    header.alignment = { vertical: 'middle', wrapText: true };
    header.height = 22;
    s.headers.forEach((_, i) => {
      const c = header.getCell(i + 1);
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
      c.border = { bottom: { style: 'thin', color: { argb: 'FF000000' } } };
    });
    s.headers.forEach((h, i) => {
      const col = ws.getColumn(i + 1);
      const widest = Math.max(displayWidth(h) + 2, ...s.rows.map((r) => widthOf(r[i]) + 1));
      col.width = Math.min(60, Math.max(8, widest));
      const long = s.rows.some((r) => widthOf(r[i]) > 60 || (typeof r[i] === 'string' && (r[i] as string).includes('\n')));
      if (s.rows.some((r) => r[i] instanceof Date)) col.numFmt = 'yyyy-mm-dd';
      if (long) col.alignment = { wrapText: true, vertical: 'top' };
    });
    if (s.formats)
      s.formats.forEach((f, r) => {
        if (f) ws.getCell(r + 2, 2).numFmt = f;
        if (f) ws.getCell(r + 2, 5).numFmt = f;
      });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + s.rows.length, column: s.headers.length } };
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
