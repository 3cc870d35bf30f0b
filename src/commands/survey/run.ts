// `deliver survey add|list`: satisfaction surveys (surveys/S-NNN-*.yaml): the customer's (score out of
// 100, the source of customer_satisfaction and satisfaction_<dimension>) and the team's rating of the
// delivery lead (--audience team, score 1–5, the source of team_communication_score).
import type { Context } from '../../cli/context.js';
import { romanize } from '../../store/romanize.js';
import { WROTE, readOutcome, type Outcome } from '../../cli/outcome.js';
import type { SurveyAddOptions } from './command.js';
import { UsageError } from '../../cli/errors.js';
import { dateOption, textOption } from '../../cli/options.js';
import { printJson, printTable, println } from '../../cli/output.js';
import { readProject } from '../../cli/project.js';
import { changeProject } from '../../cli/change-project.js';
import { compareIds } from '../../core/id-order.js';
import { nextPrefixedId, recordPath } from '../../core/ids.js';
import { CUSTOMER_DIMENSIONS, TEAM_DIMENSIONS } from '../../core/kpi-rules.js';
import { type Survey } from '../../core/model.js';

/** The seeds' names of the dimensions, accepted on the command line beside the keys. */
const ALIASES: Record<string, string> = {
  产品质量: 'quality',
  交付及时性: 'timeliness',
  售后服务: 'after_sales',
  沟通顺畅度: 'communication',
  问题解决效率: 'problem_solving',
  配合度: 'cooperation',
};

function score(ctx: Context, value: unknown, bad: string, team: boolean): number {
  const s = String(value).trim();
  const n = Number(s);
  if (!/^\d+(?:\.\d+)?$/.test(s) || (team ? n < 1 || n > 5 : n > 100)) throw new UsageError(ctx.t(team ? `${bad}Team` : bad, { value: s }));
  return n;
}

export async function surveyAdd(ctx: Context, opts: SurveyAddOptions): Promise<Outcome> {
  if (opts.score === undefined) throw new UsageError(ctx.t('err.missingOption', { option: '--score' }));
  const audience = opts.audience === undefined ? 'customer' : String(opts.audience);
  if (audience !== 'customer' && audience !== 'team') throw new UsageError(ctx.t('survey.badAudience', { value: audience }));
  const team = audience === 'team';
  const total = score(ctx, opts.score, 'survey.badScore', team);
  const given: [string, string, string][] = [];
  for (const d of (opts.dimension as string[] | undefined) ?? []) {
    const m = /^\s*([^=:：\s]+)\s*[=:：]\s*(.+)$/.exec(d);
    if (!m) throw new UsageError(ctx.t(team ? 'survey.badDimensionTeam' : 'survey.badDimension', { value: d }));
    given.push([ALIASES[m[1]!] ?? m[1]!, m[2]!, d]);
  }
  const date = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  const respondent = textOption(opts.respondent);
  const requirement = textOption(opts.req);
  const acceptance = textOption(opts.accept);
  const comment = textOption(opts.comment);
  const dimensions: Record<string, number> = {};
  const id = changeProject(ctx, (p) => {
    // Customer dimensions: the seeds' three and the project's own (survey_dimensions); team: the seeds' three.
    const own = Object.keys(p.manifest?.data.survey_dimensions ?? {});
    const allowed: readonly string[] = team
      ? TEAM_DIMENSIONS
      : [...CUSTOMER_DIMENSIONS, ...own.filter((k) => !(TEAM_DIMENSIONS as readonly string[]).includes(k))];
    for (const [key, value, text] of given) {
      if (!allowed.includes(key))
        throw new UsageError(
          ctx.t(team ? 'survey.badDimensionTeam' : 'survey.badDimension', { value: text }),
          team ? undefined : ctx.t('survey.ownDimensionHint'),
        );
      dimensions[key] = score(ctx, value, 'survey.badDimension', team);
    }
    if (requirement && !p.requirements.some((r) => r.data.id === requirement) && !p.brokenIds.has(requirement)) {
      throw new UsageError(
        ctx.t('err.unknownId', { kind: ctx.t('kind.requirement'), id: requirement }),
        ctx.t('err.unknownIdHint', { command: 'req' }),
      );
    }
    if (acceptance && !p.acceptance.some((a) => a.data.id === acceptance) && !p.brokenIds.has(acceptance)) {
      throw new UsageError(
        ctx.t('err.unknownId', { kind: ctx.t('exp.h.acceptance'), id: acceptance }),
        ctx.t('err.unknownIdHint', { command: 'accept' }),
      );
    }
    const id = nextPrefixedId('S-', [...p.surveys.map((s) => s.data.id), ...p.brokenIds]);
    const record: Record<string, unknown> = {
      id,
      date,
      ...(team ? { audience } : {}),
      ...(respondent ? { respondent } : {}),
      score: total,
      ...(Object.keys(dimensions).length ? { dimensions } : {}),
      ...(requirement ? { requirement } : {}),
      ...(acceptance ? { acceptance } : {}),
      ...(comment ? { comment } : {}),
    };
    return { changes: [{ kind: 'survey', rel: recordPath('survey', record, romanize), create: record }], result: id };
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
  printTable(
    ctx,
    [
      { header: t('exp.h.id'), value: (s: Survey) => s.id },
      { header: t('exp.h.date'), value: (s) => s.date },
      { header: t('survey.h.audience'), value: (s) => t(`survey.audience.${s.audience ?? 'customer'}`) },
      { header: t('exp.h.score'), value: (s) => s.score, align: 'right' },
      { header: t('exp.h.quality'), value: (s) => s.dimensions?.quality, align: 'right' },
      { header: t('exp.h.timeliness'), value: (s) => s.dimensions?.timeliness, align: 'right' },
      { header: t('exp.h.after_sales'), value: (s) => s.dimensions?.after_sales, align: 'right' },
      {
        header: t('survey.h.other'),
        value: (s) =>
          Object.entries(s.dimensions ?? {})
            .filter(([k]) => !(CUSTOMER_DIMENSIONS as readonly string[]).includes(k))
            .map(([k, v]) => `${k}=${v}`)
            .join(' ') || undefined,
      },
      { header: t('exp.h.respondent'), value: (s) => s.respondent },
      { header: t('exp.h.requirement'), value: (s) => s.requirement },
      { header: t('exp.h.acceptance'), value: (s) => s.acceptance },
      { header: t('exp.h.comment'), value: (s) => s.comment },
    ],
    rows,
  );
  return readOutcome(read);
}
