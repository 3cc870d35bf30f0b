// Tables: aligned with borders on a terminal (CJK double width handled), tab-separated with a
// header row when piped, so `deliver … | cut -f2` works. Cells are sanitized to one line.
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { sanitizeInline } from './sanitize.js';

export interface Column<R> {
  header: string;
  value: (row: R) => string | number | undefined | null;
  align?: 'left' | 'right';
  /** Optional colouring on a terminal (the text itself must carry the meaning). */
  style?: (text: string, row: R, chalk: ChalkInstance) => string;
}

export interface TableOptions {
  tty: boolean;
  color: boolean;
  chalk: ChalkInstance | undefined;
  width: number;
}

function cellText(v: string | number | undefined | null): string {
  return v === undefined || v === null ? '' : sanitizeInline(String(v));
}

export function renderTable<R>(columns: Column<R>[], rows: readonly R[], opts: TableOptions): string {
  if (!opts.tty) {
    const lines = [columns.map((c) => c.header).join('\t')];
    for (const r of rows) lines.push(columns.map((c) => cellText(c.value(r))).join('\t'));
    return lines.join('\n') + '\n';
  }
  const table = new Table({
    head: columns.map((c) => (opts.color && opts.chalk ? opts.chalk.bold(c.header) : c.header)),
    colAligns: columns.map((c) => c.align ?? 'left'),
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
    wordWrap: false,
  });
  for (const r of rows) {
    table.push(columns.map((c) => {
      const text = cellText(c.value(r));
      return opts.color && opts.chalk && c.style ? c.style(text, r, opts.chalk) : text;
    }));
  }
  return table.toString() + '\n';
}
