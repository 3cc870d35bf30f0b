// `deliver export --format csv|json|ics [--kind …]`: records for spreadsheets, scripts and calendars.
// CSV holds one kind of record (default requirements); JSON and ICS hold every kind unless --kind says.
import type { Context } from '../../cli/context.js';
import { readOutcome, type Outcome } from '../../cli/outcome.js';
import type { ExportOptions } from './command.js';
import { choiceOption } from '../../cli/options.js';
import { printJson } from '../../cli/output.js';
import { readProject } from '../../cli/project.js';
import { EXPORT_KINDS } from './command.js';
import { EXPORTED_KINDS, kindSpec } from '../../core/kinds/index.js';
import { recordsOf } from '../../core/model.js';
import { projectHeader } from '../../core/status.js';
import { sheetOf, toCsv, type SheetKind } from '../../render/export-csv.js';
import { icsEvents, toIcs, type IcsKind } from '../../render/export-ics.js';
import { planOf } from '../../cli/plan.js';

const ICS_DEFAULT: IcsKind[] = ['project', 'milestones', 'requirements', 'risks', 'acceptance'];
const ICS_KINDS: readonly string[] = [...ICS_DEFAULT, 'tasks'];

export async function exportRecords(ctx: Context, opts: ExportOptions): Promise<Outcome> {
  const format = choiceOption(ctx, '--format', opts.format, ['csv', 'json', 'ics'] as const) ?? (ctx.json ? 'json' : 'csv');
  const kind = choiceOption(ctx, '--kind', opts.kind, EXPORT_KINDS);
  const r = readProject(ctx);
  const p = r.project;
  const { schedule } = planOf(p, ctx.asOf);
  if (format === 'json') {
    const data: Record<string, unknown> = { as_of: ctx.asOf, project: projectHeader(p) };
    for (const k of EXPORTED_KINDS) {
      const collection = kindSpec(k).collection;
      if (!kind || kind === collection) data[collection] = recordsOf(p, k).map((x) => x.data);
    }
    printJson(ctx, 'export', data);
  } else if (format === 'csv') {
    ctx.stdout.write(toCsv(sheetOf((kind ?? 'requirements') as SheetKind, p, schedule, ctx.asOf, ctx.t)));
  } else {
    // Only dated plans and hand-overs make calendar events; change slips, surveys and minutes do not.
    const kinds = new Set<IcsKind>(kind ? (ICS_KINDS.includes(kind) ? [kind as IcsKind] : []) : ICS_DEFAULT);
    const name = p.manifest?.data.name ?? 'deliver';
    ctx.stdout.write(toIcs(icsEvents(p, schedule, kinds, ctx.t), name, ctx.asOf));
  }
  return readOutcome(r);
}
