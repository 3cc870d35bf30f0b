// `deliver import requirements|tasks|risks <file.xlsx|.csv> [--sheet] [--map 列名=field …] [--dry-run]`:
// records from a team's spreadsheet. Every row is read and checked first (cells, references, cycles,
// the record schema); any problem is reported by sheet, row and column and nothing is written.
// Otherwise all records are written in one commit through the store (journal: all files or none).
import { extname, resolve } from 'node:path';
import type { Context } from '../../cli/context.js';
import { romanize } from '../../store/romanize.js';
import { RefusedError, UsageError } from '../../cli/errors.js';
import { printJson, printTable, println } from '../../cli/output.js';
import { readProject } from '../../cli/project.js';
import { WROTE, readOutcome, type Outcome } from '../../cli/outcome.js';
import type { ImportOptions } from './command.js';
import { changeProject } from '../../cli/change-project.js';
import {
  buildRecords,
  fieldNames,
  findHeader,
  IMPORT_KINDS,
  norm,
  readRows,
  ruleProblems,
  type Built,
  type ImportKind,
  type ImportProblem,
  type ImportRow,
  type ImportSheet,
} from '../../core/import.js';
import { recordFileName } from '../../core/ids.js';
import { FOLDERS, PLAN_FILE, type Project } from '../../core/model.js';
import * as validators from '../../generated/validators.js';
import { diagnosticText } from '../../render/i18n.js';
import { sanitizeInline } from '../../render/sanitize.js';
import type { LoadedProject } from '../../store/load.js';
import { readSheets, SheetReadError } from '../../store/sheet-read.js';
import type { RecordChange } from '../../store/write.js';

function mapOption(ctx: Context, kind: ImportKind, raw: unknown): Map<string, string> {
  const list = Array.isArray(raw) ? raw.map(String) : raw === undefined ? [] : [String(raw)];
  const fields = fieldNames(kind).filter((f) => f !== 'id');
  const out = new Map<string, string>();
  for (const item of list) {
    const at = item.lastIndexOf('=');
    const col = at > 0 ? item.slice(0, at).trim() : '';
    const field = at > 0 ? item.slice(at + 1).trim() : '';
    if (!col || !fieldNames(kind).includes(field))
      throw new UsageError(ctx.t('imp.badMap', { value: sanitizeInline(item), fields: fields.join(', ') }));
    out.set(norm(col), field);
  }
  return out;
}

/** Schema problems of each built record, placed at the column of the field the schema names. */
function schemaProblems(
  kind: ImportKind,
  sheet: string,
  built: readonly Built[],
  rows: readonly ImportRow[],
  problems: ImportProblem[],
): void {
  for (const b of built) {
    const row = rows.find((r) => r.row === b.row)!;
    const v = kind === 'requirements' ? validators.requirement : kind === 'risks' ? validators.risk : validators.plan;
    const data = kind === 'tasks' ? { schema_version: 1, tasks: [b.record] } : b.record;
    if (v(data)) continue;
    // a field whose cell was already reported (unreadable, empty) is not reported again
    const seen = new Set<string>(
      Object.entries(row.where)
        .filter(([, w]) => problems.some((p) => p.row === b.row && p.letter === w.letter))
        .map(([f]) => f),
    );
    for (const e of v.errors ?? []) {
      const path = (kind === 'tasks' ? e.instancePath.replace(/^\/tasks\/0/, '') : e.instancePath).split('/').filter(Boolean);
      const field = path[0] ?? String(e.params.missingProperty ?? '');
      if (seen.has(field)) continue;
      seen.add(field);
      const w = row.where[field] ?? { column: field, letter: '' };
      problems.push({
        sheet,
        row: b.row,
        column: w.column,
        letter: w.letter,
        code: 'imp.schema',
        args: { message: `${e.message ?? e.keyword}` },
      });
    }
  }
}

interface Plan {
  sheet: ImportSheet;
  rows: ImportRow[];
  unmapped: string[];
}

function problemText(ctx: Context, p: ImportProblem): string {
  const message =
    p.code === 'imp.schema'
      ? String(p.args.message)
      : p.code.startsWith('diag:')
        ? diagnosticText(p.code.slice(5), p.args, ctx.lang).message
        : ctx.t(p.code, p.args);
  const column = p.letter ? `${p.column} (${p.letter})` : p.column;
  return ctx.t('imp.problem', {
    sheet: sanitizeInline(p.sheet),
    row: p.row,
    column: sanitizeInline(column),
    message: sanitizeInline(message),
  });
}

function refuse(ctx: Context, problems: readonly ImportProblem[]): never {
  const sorted = [...problems].sort((a, b) =>
    a.sheet < b.sheet
      ? -1
      : a.sheet > b.sheet
        ? 1
        : a.row - b.row || a.letter.length - b.letter.length || (a.letter < b.letter ? -1 : a.letter > b.letter ? 1 : 0),
  );
  for (const p of sorted) ctx.stderr.write(`  ${problemText(ctx, p)}\n`);
  throw new RefusedError(ctx.t('imp.problems', { n: problems.length }));
}

function changesFor(kind: ImportKind, built: readonly Built[], p: Project, loaded: LoadedProject): RecordChange[] {
  if (kind === 'requirements')
    return built.map((b) => ({
      kind: 'requirement',
      rel: `${FOLDERS.requirement}/${recordFileName(b.id, String(b.record.title), romanize)}`,
      create: b.record,
    }));
  if (kind === 'risks')
    return built.map((b) => ({
      kind: 'risk',
      rel: `${FOLDERS.risk}/${recordFileName(b.id, String(b.record.title), romanize)}`,
      create: b.record,
    }));
  const exists = p.planFile !== null || loaded.sources.has(PLAN_FILE);
  if (!exists) return [{ kind: 'plan', rel: PLAN_FILE, create: { schema_version: 1, tasks: built.map((b) => b.record) } }];
  return [
    { kind: 'plan', rel: p.planFile ?? PLAN_FILE, edits: built.map((b) => ({ op: 'append' as const, path: ['tasks'], value: b.record })) },
  ];
}

export async function importRecords(ctx: Context, kindArg: string, file: string, opts: ImportOptions): Promise<Outcome> {
  if (!(IMPORT_KINDS as readonly string[]).includes(kindArg))
    throw new UsageError(ctx.t('imp.badKind', { value: sanitizeInline(kindArg) }));
  const kind = kindArg as ImportKind;
  const ext = extname(file).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') throw new UsageError(ctx.t('imp.badExt', { file: sanitizeInline(file) }));
  const map = mapOption(ctx, kind, opts.map);
  const loaded = readProject(ctx); // the project's language, and a clear error outside a project
  let sheets: ImportSheet[];
  try {
    sheets = await readSheets(resolve(ctx.cwd, file));
  } catch (e) {
    if (e instanceof SheetReadError)
      throw new UsageError(ctx.t('imp.unreadable', { file: sanitizeInline(file), message: sanitizeInline(e.message) }));
    throw e;
  }
  const wanted = opts.sheet === undefined ? undefined : String(opts.sheet);
  const candidates = wanted === undefined ? sheets : sheets.filter((s) => s.name === wanted);
  if (wanted !== undefined && candidates.length === 0)
    throw new UsageError(
      ctx.t('imp.noSheet', {
        file: sanitizeInline(file),
        sheet: sanitizeInline(wanted),
        sheets: sheets.map((s) => sanitizeInline(s.name)).join(', '),
      }),
    );
  const problems: ImportProblem[] = [];
  let plan: Plan | undefined;
  for (const sheet of candidates) {
    const header = findHeader(kind, sheet, map);
    if (!header) continue;
    plan = { sheet, rows: readRows(kind, sheet, header, problems), unmapped: header.unmapped };
    break;
  }
  if (!plan) {
    throw new RefusedError(
      ctx.t('imp.noHeader', {
        file: sanitizeInline(file),
        sheet: sanitizeInline(candidates[0]?.name ?? '?'),
        kind: ctx.t(`imp.kind.${kind}`),
        wanted: fieldNames(kind)
          .filter((f) => f !== 'id')
          .join(', '),
      }),
    );
  }
  if (plan.rows.length === 0) throw new RefusedError(ctx.t('imp.empty', { file: sanitizeInline(file) }));
  const client = loaded.project.manifest?.data.client;
  const build = (p: Project) => {
    const built = buildRecords(kind, plan!.sheet.name, plan!.rows, p, { asOf: ctx.asOf, ...(client ? { client } : {}) }, problems);
    schemaProblems(kind, plan!.sheet.name, built, plan!.rows, problems);
    // the project's rules only once every record is well formed
    if (!problems.length) ruleProblems(kind, plan!.sheet.name, built, plan!.rows, p, problems);
    return built;
  };
  const built = build(loaded.project);
  if (problems.length) refuse(ctx, problems);

  if (opts.dryRun) {
    if (ctx.json) {
      printJson(ctx, 'import', {
        kind,
        file,
        sheet: plan.sheet.name,
        dry_run: true,
        records: built.map((b) => ({ row: b.row, ...b.record })),
      });
      return readOutcome(loaded);
    }
    const label = kind === 'tasks' ? 'name' : 'title';
    printTable(
      ctx,
      [
        { header: ctx.t('site.col.id'), value: (b: Built) => b.id },
        { header: 'row', value: (b) => b.row, align: 'right' },
        { header: ctx.t(kind === 'tasks' ? 'site.col.name' : 'site.col.title'), value: (b) => String(b.record[label] ?? '') },
        {
          header: ctx.t(kind === 'requirements' ? 'exp.h.received' : kind === 'tasks' ? 'exp.h.start' : 'exp.h.score'),
          value: (b) =>
            kind === 'risks'
              ? Number(b.record.probability) * Number(b.record.impact)
              : String(b.record[kind === 'requirements' ? 'received' : 'start'] ?? ''),
        },
      ],
      built,
    );
    println(ctx, ctx.t('imp.wouldCreate', { n: built.length, kind: ctx.t(`imp.kind.${kind}`) }));
    if (plan.unmapped.length) println(ctx, ctx.t('imp.unmapped', { cols: plan.unmapped.map(sanitizeInline).join(', ') }));
    return readOutcome(loaded);
  }
  // Under the lock, against the project as it is now: ids are allocated afresh, and a problem that
  // appeared meanwhile (a task removed, an id taken) still stops the whole import.
  const written = changeProject(ctx, (p, fresh) => {
    const again = build(p);
    if (problems.length) refuse(ctx, problems);
    return { changes: changesFor(kind, again, p, fresh), result: again };
  });
  if (ctx.json) printJson(ctx, 'import', { kind, file, sheet: plan.sheet.name, dry_run: false, created: written.map((b) => b.id) });
  else {
    println(ctx, ctx.t('imp.created', { n: written.length, kind: ctx.t(`imp.kind.${kind}`) }));
    println(ctx, written.map((b) => b.id).join(' '));
  }
  return WROTE;
}
