// Reading spreadsheets for `deliver import`: .xlsx through exceljs (loaded only here), .csv through a
// small RFC 4180 reader (UTF-8 with or without a byte-order mark, CRLF or LF). Cells come out as
// text, numbers, booleans or ISO dates; formulas as their cached result.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CellValue, ImportSheet } from '../core/import.js';

export const MAX_SHEET_BYTES = 50 * 1024 * 1024;

export class SheetReadError extends Error {}

/** Undoes the CSV export's guard: a quote in front of = + - @ was added so spreadsheets would not evaluate the text. */
function unguard(s: string): string {
  return /^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s;
}

/**
 * UTF-8 (with or without a byte-order mark); otherwise GB18030, which covers the GBK ("ANSI") files
 * that Excel and WPS on Chinese Windows save as CSV.
 */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const endField = () => {
    row.push(wasQuoted ? field : unguard(field));
    field = '';
    wasQuoted = false;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      wasQuoted = true;
      continue;
    }
    if (c === ',') {
      endField();
      continue;
    }
    if (c === '\r' || c === '\n') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
      continue;
    }
    field += c;
  }
  if (field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  // quoted fields keep the guard too: the export quotes a field when it has commas or quotes
  return rows.map((r) => r.map(unguard));
}

function excelCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return unguard(v);
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((x) => x.text ?? '').join('');
    if ('result' in o) return excelCell(o.result);
    if ('formula' in o || 'sharedFormula' in o) return null;
    if (typeof o.text === 'string') return o.text;
    if ('error' in o) return String(o.error);
  }
  return String(v);
}

/**
 * exceljs, required on first use: the bundle leaves it outside (scripts/build.mjs) and a plain
 * require() is what a CommonJS bundle can resolve from node_modules at run time.
 */
export function loadExcel(): typeof import('exceljs') {
  return createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
}

export async function readSheets(file: string): Promise<ImportSheet[]> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw new SheetReadError((e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message);
  }
  if (size > MAX_SHEET_BYTES) throw new SheetReadError(`larger than ${MAX_SHEET_BYTES / 1024 / 1024} MB`);
  if (/\.csv$/i.test(file)) {
    const name = file.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '');
    return [{ name, rows: parseCsv(decodeCsv(readFileSync(file))) }];
  }
  const ExcelJS = loadExcel();
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(file);
  } catch (e) {
    throw new SheetReadError(`not a readable .xlsx workbook (${(e as Error).message})`);
  }
  const sheets: ImportSheet[] = [];
  wb.eachSheet((ws) => {
    const rows: CellValue[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: CellValue[] = [];
      for (let c = 1; c <= ws.columnCount; c++) cells.push(excelCell(row.getCell(c).value));
      rows.push(cells);
    }
    sheets.push({ name: ws.name, rows });
  });
  return sheets;
}
