// `deliver export --format csv|json|ics [--kind …]`: records for spreadsheets, scripts and calendars.
// CSV holds one kind of record (default requirements); JSON and ICS hold every kind unless --kind says.
import type { Context } from '../cli/context.js';
import { choiceOption } from '../cli/options.js';
import { printJson } from '../cli/output.js';
import { readProject } from '../cli/project.js';
import { EXPORT_KINDS } from '../cli/spec/export.js';
import { EXPORTED_KINDS, kindSpec } from '../core/kinds/index.js';
import { recordsOf } from '../core/model.js';
import { projectHeader } from '../core/status.js';
import { sheetOf, toCsv, type SheetKind } from '../render/export-csv.js';
import { icsEvents, toIcs, type IcsKind } from '../render/export-ics.js';
import { planOf } from './plan-shared.js';

const ICS_DEFAULT: IcsKind[] = ['project', 'milestones', 'requirements', 'risks', 'acceptance'];

export async function exportRecords(ctx: Context, opts: Record<string, unknown>): Promise<void> {
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
    const kinds = new Set<IcsKind>(kind ? (kind === 'changes' || kind === 'surveys' || kind === 'tickets' || kind === 'visits' || kind === 'dispatches' || kind === 'training' ? [] : [kind]) : ICS_DEFAULT);
    const name = p.manifest?.data.name ?? 'deliver';
    ctx.stdout.write(toIcs(icsEvents(p, schedule, kinds, ctx.t), name, ctx.asOf));
  }
}
