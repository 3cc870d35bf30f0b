// `deliver survey add|list`: customer satisfaction surveys (surveys/S-NNN-*.yaml), the source of the
// customer_satisfaction KPI.
import type { Context } from '../../cli/context.js';
import { WROTE, readOutcome, type Outcome } from '../../cli/outcome.js';
import type { SurveyAddOptions } from './command.js';
import { UsageError } from '../../cli/errors.js';
import { dateOption, textOption } from '../../cli/options.js';
import { printJson, printTable, println } from '../../cli/output.js';
import { readProject } from '../../cli/project.js';
import { changeProject } from '../../cli/change-project.js';
import { compareIds } from '../../core/risk.js';
import { nextPrefixedId, recordFileName } from '../../core/ids.js';
import { FOLDERS, type Survey } from '../../core/model.js';

const DIMENSIONS = ['quality', 'timeliness', 'after_sales'] as const;

function score(ctx: Context, value: unknown, bad: string): number {
  const s = String(value).trim();
  if (!/^\d+(?:\.\d+)?$/.test(s) || Number(s) > 100) throw new UsageError(ctx.t(bad, { value: s }));
  return Number(s);
}

export async function surveyAdd(ctx: Context, opts: SurveyAddOptions): Promise<Outcome> {
  if (opts.score === undefined) throw new UsageError(ctx.t('err.missingOption', { option: '--score' }));
  const total = score(ctx, opts.score, 'survey.badScore');
  const dimensions: Record<string, number> = {};
  for (const d of opts.dimension ?? []) {
    const m = /^\s*([a-z_]+)\s*[=:]\s*(.+)$/.exec(d);
    if (!m || !(DIMENSIONS as readonly string[]).includes(m[1]!)) throw new UsageError(ctx.t('survey.badDimension', { value: d }));
    dimensions[m[1]!] = score(ctx, m[2], 'survey.badDimension');
  }
  const date = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  const respondent = textOption(opts.respondent);
  const requirement = textOption(opts.req);
  const acceptance = textOption(opts.accept);
  const comment = textOption(opts.comment);
  const id = changeProject(ctx, (p) => {
    if (requirement && !p.requirements.some((r) => r.data.id === requirement) && !p.brokenIds.has(requirement)) {
      throw new UsageError(ctx.t('err.unknownId', { kind: ctx.t('kind.requirement'), id: requirement }), ctx.t('err.unknownIdHint', { command: 'req' }));
    }
    if (acceptance && !p.acceptance.some((a) => a.data.id === acceptance) && !p.brokenIds.has(acceptance)) {
      throw new UsageError(ctx.t('err.unknownId', { kind: ctx.t('exp.h.acceptance'), id: acceptance }), ctx.t('err.unknownIdHint', { command: 'accept' }));
    }
    const id = nextPrefixedId('S-', [...p.surveys.map((s) => s.data.id), ...p.brokenIds]);
    const record: Record<string, unknown> = {
      id, date, ...(respondent ? { respondent } : {}), score: total,
      ...(Object.keys(dimensions).length ? { dimensions } : {}),
      ...(requirement ? { requirement } : {}), ...(acceptance ? { acceptance } : {}), ...(comment ? { comment } : {}),
    };
    return { changes: [{ kind: 'survey', rel: `${FOLDERS.survey}/${recordFileName(id, respondent ?? 'survey')}`, create: record }], result: id };
  });
  if (ctx.json) printJson(ctx, 'survey.add', { id });
  else println(ctx, id);
  return WROTE;
}

export async function surveyList(ctx: Context): Promise<Outcome> {
  const read = readProject(ctx);
  const { project } = read;
  const rows = project.surveys.map((s) => s.data).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareIds(a.id, b.id)));
  if (ctx.json) {
    printJson(ctx, 'survey.list', { items: rows });
    return readOutcome(read);
  }
  const t = ctx.t;
  printTable(ctx, [
    { header: t('exp.h.id'), value: (s: Survey) => s.id },
    { header: t('exp.h.date'), value: (s) => s.date },
    { header: t('exp.h.score'), value: (s) => s.score, align: 'right' },
    { header: t('exp.h.quality'), value: (s) => s.dimensions?.quality, align: 'right' },
    { header: t('exp.h.timeliness'), value: (s) => s.dimensions?.timeliness, align: 'right' },
    { header: t('exp.h.after_sales'), value: (s) => s.dimensions?.after_sales, align: 'right' },
    { header: t('exp.h.respondent'), value: (s) => s.respondent },
    { header: t('exp.h.requirement'), value: (s) => s.requirement ?? s.acceptance },
    { header: t('exp.h.comment'), value: (s) => s.comment },
  ], rows);
  return readOutcome(read);
}
