// Tables: aligned with borders on a terminal (CJK double width handled), tab-separated with a
// header row when piped, so `deliver … | cut -f2` works. Cells are sanitized to one line.
import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import { sanitizeInline } from './sanitize.js';
import { fitColumns } from './table-fit.js';
import { displayWidth } from './width.js';

export interface Column<R> {
  header: string;
  value: (row: R) => string | number | undefined | null;
  align?: 'left' | 'right';
  /** Optional colouring on a terminal (the text itself must carry the meaning). */
  style?: (text: string, row: R, chalk: ChalkInstance) => string;
  /** How much the column matters when the terminal is narrow (default 1; the first column 3): the least is cut first. */
  importance?: number;
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
  // Fit the terminal: shave the least important columns (cells end in …), never wrap a row.
  const texts = rows.map((r) => columns.map((c) => cellText(c.value(r))));
  const natural = columns.map((c, i) => Math.max(displayWidth(c.header), ...texts.map((row) => displayWidth(row[i]!))));
  // Short columns (ids, dates, numbers, statuses) keep their width; long text may be cut to its header's width.
  const floors = columns.map((c, i) => (natural[i]! <= 12 ? natural[i]! : Math.max(displayWidth(c.header), 6)));
  const { widths, shown } = fitColumns(
    natural,
    floors,
    columns.map((c, i) => c.importance ?? (i === 0 ? 3 : 1)),
    opts.width,
  );
  const table = new Table({
    head: shown.map((i) => (opts.color && opts.chalk ? opts.chalk.bold(columns[i]!.header) : columns[i]!.header)),
    colAligns: shown.map((i) => columns[i]!.align ?? 'left'),
    colWidths: shown.map((i) => widths[i]! + 2),
    style: { head: [], border: [], compact: true, 'padding-left': 1, 'padding-right': 1 },
    wordWrap: false,
    truncate: '…',
  });
  rows.forEach((r, n) => {
    table.push(
      shown.map((i) => {
        const c = columns[i]!;
        const text = texts[n]![i]!;
        return opts.color && opts.chalk && c.style ? c.style(text, r, opts.chalk) : text;
      }),
    );
  });
  return table.toString() + '\n';
}
