// `deliver export --format xlsx --out <file.xlsx> [--kind …]`: the registers as one Excel workbook
// (render/export-xlsx.ts), written atomically. Its own module so that exceljs is loaded only here.
import type { Context } from '../../cli/context.js';
import { UsageError } from '../../cli/errors.js';
import { choiceOption } from '../../cli/options.js';
import { printJson, println } from '../../cli/output.js';
import { readProject } from '../../cli/project.js';
import { readOutcome, type Outcome } from '../../cli/outcome.js';
import type { ExportOptions } from './command.js';
import { projectKpis } from '../../core/kpi.js';
import type { SheetKind } from '../../render/export-csv.js';
import { renderXlsx, XLSX_SHEETS } from '../../render/export-xlsx.js';
import { sanitizeInline } from '../../render/sanitize.js';
import { loadExcel } from '../../store/sheet-read.js';
import { planOf } from '../../cli/plan.js';
import { writeOutFile } from '../report/run.js';

export async function exportXlsx(ctx: Context, opts: ExportOptions): Promise<Outcome> {
  const out = opts.out ?? '';
  const kind = choiceOption(ctx, '--kind', opts.kind, XLSX_SHEETS) as SheetKind | undefined;
  const r = readProject(ctx);
  if (out === '') throw new UsageError(ctx.t('xlsx.noStdout'));
  const p = r.project;
  const plan = planOf(p, ctx.asOf);
  const kpis = projectKpis({ project: p, asOf: ctx.asOf, calendar: plan.calendar });
  const title = p.manifest?.data.name ?? 'deliver';
  const bytes = await renderXlsx(
    loadExcel(),
    { project: p, schedule: plan.schedule, asOf: ctx.asOf, kpis, t: ctx.t, ...(kind ? { kind } : {}) },
    title,
  );
  const abs = writeOutFile(ctx, r.root, out, bytes);
  if (ctx.json) printJson(ctx, 'export', { format: 'xlsx', file: abs, bytes: bytes.length });
  else println(ctx, ctx.t('xlsx.written', { file: sanitizeInline(out) }));
  return readOutcome(r);
}
