// `deliver export --format csv|json|ics [--kind …]`: records for spreadsheets, scripts and calendars.
// CSV holds one kind of record (default requirements); JSON and ICS hold every kind unless --kind says.
import type { Context } from '../cli/context.js';
import { choiceOption } from '../cli/options.js';
import { JSON_SCHEMA_VERSION, printJson, println } from '../cli/output.js';
import { readProject } from '../cli/project.js';
import { EXPORT_KINDS } from '../cli/spec/export.js';
import { projectHeader } from '../core/status.js';
import { sheetOf, toCsv, type SheetKind } from '../render/export-csv.js';
import { icsEvents, toIcs, type IcsKind } from '../render/export-ics.js';
import { sanitizeInline } from '../render/sanitize.js';
import { planOf } from './plan-shared.js';
import { writeOutFile } from './report.js';

const ICS_DEFAULT: IcsKind[] = ['project', 'milestones', 'requirements', 'risks', 'acceptance'];

export async function exportRecords(ctx: Context, opts: Record<string, unknown>): Promise<void> {
  const format = choiceOption(ctx, '--format', opts.format, ['csv', 'xlsx', 'json', 'ics'] as const) ?? (ctx.json ? 'json' : 'csv');
  if (format === 'xlsx') return (await import('./export-xlsx.js')).exportXlsx(ctx, opts);
  const kind = choiceOption(ctx, '--kind', opts.kind, EXPORT_KINDS);
  const r = readProject(ctx);
  const p = r.project;
  const { schedule } = planOf(p, ctx.asOf);
  const out = opts.out === undefined || String(opts.out) === '' ? undefined : String(opts.out);
  const emit = (text: string) => {
    if (out === undefined) return void ctx.stdout.write(text);
    writeOutFile(ctx, r.root, out, text);
    println(ctx, ctx.t('xlsx.written', { file: sanitizeInline(out) }));
  };
  if (format === 'json') {
    const all = {
      requirements: p.requirements, tasks: p.tasks, milestones: p.milestones, risks: p.risks,
      changes: p.changes, acceptance: p.acceptance, surveys: p.surveys,
    };
    const chosen = kind ? { [kind]: all[kind] } : all;
    const data: Record<string, unknown> = { as_of: ctx.asOf, project: projectHeader(p) };
    for (const [k, v] of Object.entries(chosen)) data[k] = v.map((x) => x.data);
    if (out === undefined) printJson(ctx, 'export', data);
    else emit(JSON.stringify({ schema_version: JSON_SCHEMA_VERSION, kind: 'export', ...data }, null, 2) + '\n');
  } else if (format === 'csv') {
    emit(toCsv(sheetOf((kind ?? 'requirements') as SheetKind, p, schedule, ctx.asOf, ctx.t)));
  } else {
    const kinds = new Set<IcsKind>(kind ? (kind === 'changes' || kind === 'surveys' ? [] : [kind]) : ICS_DEFAULT);
    const name = p.manifest?.data.name ?? 'deliver';
    emit(toIcs(icsEvents(p, schedule, kinds, ctx.t), name, ctx.asOf));
  }
}
