// `deliver report sent|log`: reports sent to the customer (sent-reports/RS-NNN-*.yaml), and the
// communication plan of deliver.yaml checked against them.
import type { Context } from '../../cli/context.js';
import { romanize } from '../../store/romanize.js';
import { WROTE, readOutcome, type Outcome } from '../../cli/outcome.js';
import type { ReportSentOptions } from './command.js';
import { UsageError } from '../../cli/errors.js';
import { choiceOption, dateOption, textOption } from '../../cli/options.js';
import { printJson, printTable, println } from '../../cli/output.js';
import { readProject } from '../../cli/project.js';
import { changeProject } from '../../cli/change-project.js';
import { missingCommunication, spanOf, type MissingComm } from '../../core/communication.js';
import { compareIds } from '../../core/id-order.js';
import { nextPrefixedId, recordPath } from '../../core/ids.js';
import type { Dispatch } from '../../core/model.js';
import { projectAsOf } from '../../core/period.js';

export async function reportSent(ctx: Context, opts: ReportSentOptions): Promise<Outcome> {
  const week = textOption(opts.week)
    ?.toUpperCase()
    .replace(/^(\d{4})-W/, '$1-W');
  const month = textOption(opts.month);
  if (week && month) throw new UsageError(ctx.t('sent.weekOrMonth'));
  if (week && !/^\d{4}-W\d{2}$/.test(week)) throw new UsageError(ctx.t('err.badPeriod', { value: week }));
  if (month && !/^\d{4}-\d{2}$/.test(month)) throw new UsageError(ctx.t('err.badPeriod', { value: month }));
  const period = week ?? month;
  if (period && !spanOf(period)) throw new UsageError(ctx.t('err.badPeriod', { value: period }));
  const type = choiceOption(ctx, '--type', opts.type, ['weekly', 'monthly', 'other'] as const) ?? (month ? 'monthly' : 'weekly');
  const date = dateOption(ctx, '--date', opts.date) ?? ctx.asOf;
  const promise = textOption(opts.promise),
    note = textOption(opts.note);
  const to = [...new Set(((opts.to as string[] | undefined) ?? []).map((x) => x.trim()).filter(Boolean))];
  const file = textOption(opts.file)?.replace(/\\/g, '/');
  if (file && (file.startsWith('/') || /^[A-Za-z]:/.test(file) || file.split('/').includes('..')))
    throw new UsageError(ctx.t('sent.badFile', { value: file }));
  const id = changeProject(ctx, (p) => {
    const names = (p.manifest?.data.communication ?? []).filter((c) => c.kind === 'report').map((c) => c.name);
    if (promise && !names.includes(promise))
      throw new UsageError(ctx.t('sent.unknownPromise', { value: promise, allowed: names.join(', ') || '—' }));
    const id = nextPrefixedId('RS-', [...p.dispatches.map((d) => d.data.id), ...p.brokenIds]);
    const record: Record<string, unknown> = {
      id,
      date,
      type,
      ...(period ? { period } : {}),
      ...(promise ? { promise } : {}),
      ...(to.length ? { to } : {}),
      ...(file ? { file } : {}),
      ...(note ? { note } : {}),
    };
    return { changes: [{ kind: 'dispatch', rel: recordPath('dispatch', record, romanize), create: record }], result: id };
  });
  if (ctx.json) printJson(ctx, 'report.sent', { id });
  else println(ctx, id);
  return WROTE;
}

export async function reportLog(ctx: Context): Promise<Outcome> {
  const read = readProject(ctx);
  const { project } = read;
  const view = projectAsOf(project, ctx.asOf);
  const rows = view.dispatches.map((d) => d.data).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareIds(a.id, b.id)));
  const missing = missingCommunication(view, ctx.asOf);
  if (ctx.json) {
    printJson(ctx, 'report.log', { as_of: ctx.asOf, items: rows, communication: view.manifest?.data.communication ?? [], missing });
    return readOutcome(read);
  }
  const t = ctx.t;
  printTable(
    ctx,
    [
      { header: t('exp.h.id'), value: (d: Dispatch) => d.id },
      { header: t('exp.h.date'), value: (d) => d.date },
      { header: t('exp.h.report_type'), value: (d) => t(`sent.type.${d.type}`) },
      { header: t('exp.h.period'), value: (d) => d.period },
      { header: t('exp.h.promise'), value: (d) => d.promise },
      { header: t('exp.h.sent_to'), value: (d) => (d.to ?? []).join(', ') },
      { header: t('exp.h.file'), value: (d) => d.file },
    ],
    rows,
  );
  println(ctx);
  if (!(view.manifest?.data.communication ?? []).length) println(ctx, t('sent.noPlan'));
  else if (!missing.length) println(ctx, t('sent.allKept'));
  else for (const m of missing) println(ctx, missingLine(ctx, m));
  return readOutcome(read);
}

export function missingLine(ctx: Context, m: MissingComm): string {
  return ctx.t(m.kind === 'report' ? 'sent.missingReport' : 'sent.missingMeeting', { name: m.name, periods: m.periods.join(', ') });
}
