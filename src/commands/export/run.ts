// `deliver export --format csv|json|ics [--kind …]`: records for spreadsheets, scripts and calendars.
// CSV holds one kind of record (default requirements); JSON and ICS hold every kind unless --kind says.
import type { Context } from '../../cli/context.js';
import { readOutcome, type Outcome } from '../../cli/outcome.js';
import type { ExportOptions } from './command.js';
import { choiceOption } from '../../cli/options.js';
import { JSON_SCHEMA_VERSION, printJson, println } from '../../cli/output.js';
import { readProject } from '../../cli/project.js';
import { EXPORT_KINDS } from './command.js';
import { EXPORTED_KINDS, kindSpec } from '../../core/kinds/index.js';
import { recordsOf } from '../../core/model.js';
import { projectHeader } from '../../core/status.js';
import { sheetOf, toCsv, type SheetKind } from '../../render/export-csv.js';
import { icsEvents, toIcs, type IcsKind } from '../../render/export-ics.js';
import { planOf } from '../../cli/plan.js';
import { sanitizeInline } from '../../render/sanitize.js';
import { writeOutFile } from '../report/run.js';

const ICS_DEFAULT: IcsKind[] = ['project', 'milestones', 'requirements', 'risks', 'acceptance'];
const ICS_KINDS: readonly string[] = [...ICS_DEFAULT, 'tasks'];

export async function exportRecords(ctx: Context, opts: ExportOptions): Promise<Outcome> {
  const format = choiceOption(ctx, '--format', opts.format, ['csv', 'xlsx', 'json', 'ics'] as const) ?? (ctx.json ? 'json' : 'csv');
  if (format === 'xlsx') return (await import('./xlsx.js')).exportXlsx(ctx, opts);
  const kind = choiceOption(ctx, '--kind', opts.kind, EXPORT_KINDS);
  const r = readProject(ctx);
  const p = r.project;
  const { schedule } = planOf(p, ctx.asOf);
  const out = opts.out === undefined || opts.out === '' ? undefined : opts.out;
  const emit = (text: string) => {
    if (out === undefined) return void ctx.stdout.write(text);
    writeOutFile(ctx, r.root, out, text);
    println(ctx, ctx.t('xlsx.written', { file: sanitizeInline(out) }));
  };
  if (format === 'json') {
    const data: Record<string, unknown> = { as_of: ctx.asOf, project: projectHeader(p) };
    for (const k of EXPORTED_KINDS) {
      const collection = kindSpec(k).collection;
      if (!kind || kind === collection) data[collection] = recordsOf(p, k).map((x) => x.data);
    }
    if (out === undefined) printJson(ctx, 'export', data);
    else emit(JSON.stringify({ schema_version: JSON_SCHEMA_VERSION, kind: 'export', ...data }, null, 2) + '\n');
  } else if (format === 'csv') {
    emit(toCsv(sheetOf((kind ?? 'requirements') as SheetKind, p, schedule, ctx.asOf, ctx.t)));
  } else {
    // Only dated plans and hand-overs make calendar events; change slips, surveys and minutes do not.
    const kinds = new Set<IcsKind>(kind ? (ICS_KINDS.includes(kind) ? [kind as IcsKind] : []) : ICS_DEFAULT);
    const name = p.manifest?.data.name ?? 'deliver';
    emit(toIcs(icsEvents(p, schedule, kinds, ctx.t), name, ctx.asOf));
  }
  return readOutcome(r);
}
