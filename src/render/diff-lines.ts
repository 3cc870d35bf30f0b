// The content of a delivery diff as translatable lines (message key + arguments), shared by the
// text and Markdown renderers; each renderer escapes the string arguments for its medium.
import type { Diagnostic } from '../core/diagnostics.js';
import type { ProjectDiff } from '../core/diff.js';
import type { DateMove } from '../core/diff-plan.js';
import type { KpiDelta } from '../core/diff-kpi.js';
import type { Translate } from './i18n.js';

export type Args = Record<string, string | number>;

export interface Msg {
  key: string;
  args: Args;
}

export interface Section {
  /** Message key of the heading. */
  title: string;
  lines: Msg[];
  /** Findings are rendered by the diagnostics renderer, not from messages. */
  findings?: { introduced: Diagnostic[]; fixed: Diagnostic[] };
}

export interface DiffDocument {
  notes: Msg[];
  summary: Msg[];
  sections: Section[];
}

const SUMMARY_ITEMS = 6;

export function signed(n: number | null | undefined): string {
  return n === null || n === undefined ? '?' : n > 0 ? `+${n}` : String(n);
}

const d = (s: string | null | undefined) => s ?? '—';

function kpiValue(unit: KpiDelta['unit'], v: number | null): string {
  if (v === null) return '—';
  if (unit === 'rate') return `${trim(v * 100)}%`;
  return unit === 'count' ? String(v) : trim(v);
}

function trim(n: number): string {
  return String(Math.round(n * 10) / 10);
}

function moveArgs(m: DateMove): Args {
  return { from: d(m.from), to: d(m.to), delta: signed(m.workingDays), cause: '' };
}

/** The move's arguments with its cause told (`own`: the item moved by itself). */
function causedArgs(t: Translate, m: DateMove, own?: string): Args {
  const c = m.cause;
  if (!c) return moveArgs(m);
  const key =
    own !== undefined && c.id === own && c.kind !== 'added' && c.kind !== 'removed' ? `diff.cause.own.${c.kind}` : `diff.cause.${c.kind}`;
  return { ...moveArgs(m), cause: t(key, { id: c.id, change: c.change ?? '' }) };
}

/** Up to SUMMARY_ITEMS lines, then "and N more". */
function capped(lines: Msg[]): Msg[] {
  return lines.length <= SUMMARY_ITEMS
    ? lines
    : [...lines.slice(0, SUMMARY_ITEMS - 1), { key: 'diff.sum.more', args: { count: lines.length - SUMMARY_ITEMS + 1 } }];
}

export function diffDocument(diff: ProjectDiff, t: Translate): DiffDocument {
  const notes: Msg[] = [];
  if (!diff.baseExists && diff.headExists) notes.push({ key: 'diff.baseNoProject', args: {} });
  if (diff.baseExists && !diff.headExists) notes.push({ key: 'diff.headNoProject', args: {} });
  const st = {
    req: (s: string) => t(`status.${s}`),
    task: (s: string) => t(`task.status.${s}`),
    risk: (s: string) => t(`risk.status.${s}`),
    change: (s: string | null) => (s === null ? t('diff.change.gone') : t(`change.status.${s}`)),
    result: (s: string) => t(`accept.result.${s}`),
  };
  const p = diff.plan,
    r = diff.requirements,
    k = diff.risks;

  // ---- summary: the headline facts a reviewer needs before opening anything ----
  const summary: Msg[] = [];
  if (p.projectEnd) {
    const e = p.projectEnd;
    summary.push(
      e.from && e.to ? { key: 'diff.sum.projectEnd', args: causedArgs(t, e) } : { key: 'diff.sum.projectEndSet', args: moveArgs(e) },
    );
  }
  if (p.due) summary.push({ key: p.due.from && p.due.to ? 'diff.sum.due' : 'diff.sum.dueSet', args: moveArgs(p.due) });
  summary.push(
    ...capped(
      p.milestones.moved
        .filter((m) => m.workingDays !== 0 && m.from && m.to)
        .map((m) => ({ key: 'diff.sum.milestone', args: { id: m.id, name: m.name, ...causedArgs(t, m, m.id) } })),
    ),
  );
  if (p.criticalPath) summary.push({ key: 'diff.sum.criticalPath', args: {} });
  if (r.added.length + r.removed.length + r.changed.length)
    summary.push({ key: 'diff.sum.requirements', args: { added: r.added.length, removed: r.removed.length, changed: r.changed.length } });
  const tk = p.tasks;
  if (tk.added.length + tk.removed.length + tk.replanned.length)
    summary.push({ key: 'diff.sum.tasks', args: { added: tk.added.length, removed: tk.removed.length, replanned: tk.replanned.length } });
  summary.push(...capped(k.added.map((x) => ({ key: 'diff.sum.riskAdded', args: { id: x.id, title: x.title, score: x.score } }))));
  const closed = k.status.filter((x) => x.to === 'closed');
  if (closed.length) summary.push({ key: 'diff.sum.risksClosed', args: { count: closed.length, ids: closed.map((x) => x.id).join(', ') } });
  if (k.rescored.length)
    summary.push({
      key: 'diff.sum.risksRescored',
      args: { count: k.rescored.length, ids: k.rescored.map((x) => `${x.id} ${x.from.score}→${x.to.score}`).join(', ') },
    });
  summary.push(
    ...capped(
      diff.changes.map((c) => ({
        key: 'diff.sum.change',
        args: { id: c.id, title: c.title, status: c.from === null ? st.change(c.to) : `${st.change(c.from)} → ${st.change(c.to)}` },
      })),
    ),
  );
  summary.push(
    ...capped(
      diff.acceptance.rounds.map((x) => ({
        key: x.result === 'pass' ? 'diff.sum.roundPass' : 'diff.sum.roundFail',
        args: { id: x.id, deliverable: x.deliverable, n: x.n, date: x.date },
      })),
    ),
  );
  for (const x of diff.records) {
    if (x.added.length + x.removed.length + x.changed.length)
      summary.push({
        key: 'diff.sum.records',
        args: { kinds: t(`kind.${x.kind}.plural`), added: x.added.length, removed: x.removed.length, changed: x.changed.length },
      });
  }
  if (diff.kpis.length) summary.push({ key: 'diff.sum.kpis', args: { count: diff.kpis.length } });
  const f = diff.findings;
  if (f.introduced.length + f.fixed.length)
    summary.push({ key: 'diff.sum.findings', args: { introduced: f.introduced.length, fixed: f.fixed.length } });
  summary.push(...capped(diff.unreadable.map((x) => ({ key: 'diff.sum.unreadable', args: { id: x.id, title: x.title, file: x.file } }))));

  // ---- details ----
  const sections: Section[] = [];
  const add = (title: string, lines: Msg[]) => lines.length && sections.push({ title, lines });
  add('diff.sec.requirements', [
    ...r.added.map((x) => ({ key: 'diff.req.added', args: { id: x.id, title: x.title, status: st.req(x.status) } })),
    ...r.removed.map((x) => ({ key: 'diff.req.removed', args: { id: x.id, title: x.title, status: st.req(x.status) } })),
    ...r.changed.flatMap((x): Msg[] => [
      ...(x.status
        ? [{ key: 'diff.req.moved', args: { id: x.id, title: x.title, from: st.req(x.status.from), to: st.req(x.status.to) } }]
        : []),
      ...(x.fields.length ? [{ key: 'diff.req.fields', args: { id: x.id, title: x.title, fields: x.fields.join(', ') } }] : []),
    ]),
  ]);
  add('diff.sec.schedule', [
    ...(p.projectEnd
      ? [{ key: p.projectEnd.from && p.projectEnd.to ? 'diff.plan.end' : 'diff.plan.endSet', args: causedArgs(t, p.projectEnd) }]
      : []),
    ...(p.due ? [{ key: p.due.from && p.due.to ? 'diff.plan.due' : 'diff.plan.dueSet', args: moveArgs(p.due) }] : []),
    ...p.milestones.added.map((m) => ({ key: 'diff.ms.added', args: { id: m.id, name: m.name, date: d(m.date) } })),
    ...p.milestones.removed.map((m) => ({ key: 'diff.ms.removed', args: { id: m.id, name: m.name } })),
    ...p.milestones.moved.flatMap((m): Msg[] => [
      ...(m.from !== m.to
        ? [{ key: m.from && m.to ? 'diff.ms.moved' : 'diff.ms.movedSet', args: { id: m.id, name: m.name, ...causedArgs(t, m, m.id) } }]
        : []),
      ...(m.due ? [{ key: 'diff.ms.due', args: { id: m.id, name: m.name, from: d(m.due.from), to: d(m.due.to) } }] : []),
    ]),
    ...(p.criticalPath
      ? [{ key: 'diff.cp', args: { from: p.criticalPath.from.join(' → ') || '—', to: p.criticalPath.to.join(' → ') || '—' } }]
      : []),
  ]);
  add('diff.sec.tasks', [
    ...tk.added.map((x) => ({
      key: 'diff.task.added',
      args: { id: x.id, name: x.name, start: d(x.start), end: d(x.end), days: x.days ?? '?' },
    })),
    ...tk.removed.map((x) => ({ key: 'diff.task.removed', args: { id: x.id, name: x.name } })),
    ...tk.replanned.map((x) => ({
      key: 'diff.task.replanned',
      args: {
        id: x.id,
        name: x.name,
        fields: x.fields.join(', '),
        fromStart: d(x.fromStart),
        toStart: d(x.toStart),
        fromDays: x.fromDays ?? '?',
        toDays: x.toDays ?? '?',
        ...moveArgs(x),
      },
    })),
    ...tk.shifted.map((x) => ({
      key: x.cause?.id === x.id ? 'diff.task.movedOwn' : 'diff.task.shifted',
      args: { id: x.id, name: x.name, ...causedArgs(t, x, x.id) },
    })),
    ...tk.status.map((x) => ({ key: 'diff.task.status', args: { id: x.id, name: x.name, from: st.task(x.from), to: st.task(x.to) } })),
  ]);
  add('diff.sec.risks', [
    ...k.added.map((x) => ({
      key: 'diff.risk.added',
      args: { id: x.id, title: x.title, score: x.score, p: x.probability, i: x.impact, status: st.risk(x.status) },
    })),
    ...k.removed.map((x) => ({ key: 'diff.risk.removed', args: { id: x.id, title: x.title } })),
    ...k.status.map((x) => ({
      key: x.to === 'closed' ? 'diff.risk.closed' : 'diff.risk.status',
      args: { id: x.id, title: x.title, from: st.risk(x.from), to: st.risk(x.to) },
    })),
    ...k.rescored.map((x) => ({
      key: 'diff.risk.rescored',
      args: {
        id: x.id,
        title: x.title,
        from: x.from.score,
        to: x.to.score,
        pf: x.from.probability,
        if: x.from.impact,
        pt: x.to.probability,
        it: x.to.impact,
      },
    })),
  ]);
  add(
    'diff.sec.changes',
    diff.changes.map((c) => ({
      key: c.from === null ? 'diff.change.new' : 'diff.change.moved',
      args: {
        id: c.id,
        title: c.title,
        from: st.change(c.from),
        to: st.change(c.to),
        impact: c.schedule_days !== undefined ? t('diff.change.impact', { days: signed(c.schedule_days) }) : '',
      },
    })),
  );
  const a = diff.acceptance;
  add('diff.sec.acceptance', [
    ...a.added.map((x) => ({ key: 'diff.acc.added', args: { id: x.id, deliverable: x.deliverable } })),
    ...a.removed.map((x) => ({ key: 'diff.acc.removed', args: { id: x.id, deliverable: x.deliverable } })),
    ...a.rounds.map((x) => ({
      key: 'diff.acc.round',
      args: {
        id: x.id,
        deliverable: x.deliverable,
        n: x.n,
        date: x.date,
        kind: x.kind ? t('diff.acc.kind', { kind: t(`accept.kind.${x.kind}`) }) : '',
        result: st.result(x.result),
        contact: x.contact,
        reasons: x.reasons.length ? t('diff.acc.reasons', { reasons: x.reasons.join('; ') }) : '',
      },
    })),
    ...a.revised.map((id) => ({ key: 'diff.acc.revised', args: { id } })),
    ...a.deliverables.map((x) => ({ key: 'diff.acc.deliverable', args: { id: x.id, name: x.name, version: x.version ?? '' } })),
    ...a.rectifications.map((x) => ({ key: `diff.acc.rect.${x.event}`, args: { id: x.id, n: x.n, finding: x.finding, owner: x.owner } })),
  ]);
  for (const x of diff.records) {
    const kind = t(`kind.${x.kind}`);
    add(`kind.${x.kind}.plural`, [
      ...x.added.map((y) => ({ key: 'diff.rec.added', args: { kind, id: y.id, title: y.title } })),
      ...x.removed.map((y) => ({ key: 'diff.rec.removed', args: { kind, id: y.id, title: y.title } })),
      ...x.changed.map((y) => ({ key: 'diff.rec.changed', args: { kind, id: y.id, title: y.title, fields: y.fields.join(', ') } })),
    ]);
  }
  add(
    'diff.sec.kpis',
    diff.kpis.map((x) => ({
      key: 'diff.kpi.line',
      args: {
        name: t(`diff.kpi.${x.key}`),
        from: kpiValue(x.unit, x.from),
        to: kpiValue(x.unit, x.to),
        counts:
          x.fromCounts.denominator !== null || x.toCounts.denominator !== null
            ? ` (${x.fromCounts.numerator}/${x.fromCounts.denominator ?? '—'} → ${x.toCounts.numerator}/${x.toCounts.denominator ?? '—'})`
            : '',
        target: x.target !== null ? t('diff.kpi.target', { target: kpiValue(x.unit, x.target) }) : '',
      },
    })),
  );
  if (f.introduced.length + f.fixed.length) sections.push({ title: 'diff.sec.findings', lines: [], findings: f });
  return { notes, summary, sections };
}
