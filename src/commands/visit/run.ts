// `deliver visit add|list`: follow-up visits (visits/V-NNN-*.yaml) and the visit plan of deliver.yaml.
import type { Context } from '../../cli/context.js';
import { romanize } from '../../store/romanize.js';
import { WROTE, readOutcome, type Outcome } from '../../cli/outcome.js';
import type { VisitAddOptions } from './command.js';
import { UsageError } from '../../cli/errors.js';
import { choiceOption, dateOption, textOption } from '../../cli/options.js';
import { printJson, printTable, println } from '../../cli/output.js';
import { readProject } from '../../cli/project.js';
import { changeProject } from '../../cli/change-project.js';
import { compareIds } from '../../core/id-order.js';
import { nextPrefixedId, recordPath } from '../../core/ids.js';
import type { Visit } from '../../core/model.js';
import { projectAsOf } from '../../core/period.js';
import { visitPlanOf, type VisitStep } from '../../core/visits.js';
import { stepLabel } from '../../render/service.js';

const CHANNELS = ['phone', 'onsite', 'email', 'im', 'meeting', 'other'] as const;

export async function visitAdd(ctx: Context, opts: VisitAddOptions): Promise<Outcome> {
  const date = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  const contact = textOption(opts.contact),
    by = textOption(opts.by),
    raised = textOption(opts.raised),
    notes = textOption(opts.notes);
  const channel = choiceOption(ctx, '--channel', opts.channel, CHANNELS);
  let satisfaction: number | undefined;
  if (opts.satisfaction !== undefined) {
    const s = String(opts.satisfaction).trim();
    if (!/^\d+(?:\.\d+)?$/.test(s) || Number(s) > 100) throw new UsageError(ctx.t('visit.badScore', { value: s }));
    satisfaction = Number(s);
  }
  const tickets = [...new Set(((opts.ticket as string[] | undefined) ?? []).map((x) => x.trim()).filter(Boolean))];
  const plan = textOption(opts.plan);
  const id = changeProject(ctx, (p) => {
    for (const tk of tickets) {
      if (!p.tickets.some((x) => x.data.id === tk) && !p.brokenIds.has(tk))
        throw new UsageError(
          ctx.t('err.unknownId', { kind: ctx.t('kind.ticket'), id: tk }),
          ctx.t('err.unknownIdHint', { command: 'ticket' }),
        );
    }
    const steps: string[] = p.manifest?.data.visit_plan?.after ?? [];
    if (plan && !steps.includes(plan)) throw new UsageError(ctx.t('visit.badStep', { value: plan, allowed: steps.join(', ') || '—' }));
    const id = nextPrefixedId('V-', [...p.visits.map((v) => v.data.id), ...p.brokenIds]);
    const record: Record<string, unknown> = {
      id,
      date,
      ...(contact ? { contact } : {}),
      ...(by ? { by } : {}),
      ...(channel ? { channel } : {}),
      ...(plan ? { plan } : {}),
      ...(raised ? { raised } : {}),
      ...(satisfaction !== undefined ? { satisfaction } : {}),
      ...(tickets.length ? { tickets } : {}),
      ...(notes ? { notes } : {}),
    };
    return { changes: [{ kind: 'visit', rel: recordPath('visit', record, romanize), create: record }], result: id };
  });
  if (ctx.json) printJson(ctx, 'visit.add', { id });
  else println(ctx, id);
  return WROTE;
}

export async function visitList(ctx: Context): Promise<Outcome> {
  const read = readProject(ctx);
  const { project } = read;
  const view = projectAsOf(project, ctx.asOf);
  const rows = view.visits.map((v) => v.data).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareIds(a.id, b.id)));
  const plan = visitPlanOf(view, ctx.asOf) ?? null;
  if (ctx.json) {
    printJson(ctx, 'visit.list', { as_of: ctx.asOf, items: rows, plan });
    return readOutcome(read);
  }
  const t = ctx.t;
  printTable(
    ctx,
    [
      { header: t('exp.h.id'), value: (v: Visit) => v.id },
      { header: t('exp.h.date'), value: (v) => v.date },
      { header: t('exp.h.contact'), value: (v) => v.contact },
      { header: t('exp.h.visited_by'), value: (v) => v.by },
      { header: t('exp.h.channel'), value: (v) => (v.channel ? t(`visit.channel.${v.channel}`) : '') },
      { header: t('exp.h.satisfaction'), value: (v) => v.satisfaction, align: 'right' },
      { header: t('exp.h.tickets'), value: (v) => (v.tickets ?? []).join(' ') },
      { header: t('exp.h.raised'), value: (v) => v.raised },
    ],
    rows,
  );
  println(ctx);
  if (!plan) {
    println(ctx, t('visit.noPlan'));
    return readOutcome(read);
  }
  println(ctx, ctx.chalk().bold(t('visit.planTitle')));
  printTable(
    ctx,
    [
      { header: t('visit.col.step'), value: (s: VisitStep) => stepLabel(t, s.step) },
      { header: t('visit.col.due'), value: (s) => s.due },
      {
        header: t('visit.col.state'),
        value: (s) => t(`visit.state.${s.state}`),
        style: (x, s, c) => (s.state === 'overdue' ? c.red(x) : x),
      },
      { header: t('visit.col.visit'), value: (s) => (s.visit ? `${s.visit} ${s.date}` : '') },
    ],
    plan.steps,
  );
  return readOutcome(read);
}
