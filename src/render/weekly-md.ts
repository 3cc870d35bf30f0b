// The weekly report as a document of plain professional sentences (shared by Markdown and HTML), and
// its Markdown rendering. Record text is escaped for the target format before it enters a sentence.
import { shownKpi } from '../core/weekly-audience.js';
import { customerTodoSection } from './weekly-audience.js';
import type { WeeklyReport } from '../core/weekly.js';
import type { SummaryPoint } from '../core/weekly-summary.js';
import { formatDate, formatMet, formatRange, formatTarget, formatValue, formatBasis, measureName, type Fmt } from './kpi.js';
import { sanitizeInline } from './sanitize.js';
import { hasService, shownMeasures, ticketPhrase, visitPlanPhrase, warrantyPhrase } from './service.js';

export interface Section {
  title: string;
  /** Sentences, one paragraph each. */
  paragraphs?: string[];
  /** Bullet items, each one or more sentences; `sub` are indented under it. */
  items?: { text: string; sub?: string[] }[];
  table?: { head: string[]; rows: string[][]; align?: ('left' | 'right')[] };
}

export interface WeeklyDoc {
  title: string;
  subtitle: string;
  meta: string;
  health: 'green' | 'amber' | 'red';
  sections: Section[];
}

/** One summary point as a sentence: names first, ids as references in brackets. */
function pointText(s: SummaryPoint, t: Fmt['t'], x: (v: unknown) => string, d: (iso: string | undefined) => string): string {
  switch (s.kind) {
    case 'milestone_late':
      return t('wk.sum.msLate', { name: x(s.name), id: x(s.id), forecast: d(s.forecast), due: d(s.due), n: s.days });
    case 'milestone_missed':
      return s.forecast
        ? t('wk.sum.msMissed', { name: x(s.name), id: x(s.id), due: d(s.due), forecast: d(s.forecast) })
        : t('wk.sum.msMissedNoForecast', { name: x(s.name), id: x(s.id), due: d(s.due) });
    case 'blocked':
      return t(s.reason ? 'wk.sum.blocked' : 'wk.sum.blockedNoReason', {
        name: x(s.name),
        id: x(s.id),
        owner: s.owner ? t('wk.sum.on', { owner: x(s.owner) }) : '',
        reason: x(s.reason),
        feeds: s.feeds ? t('wk.sum.feeds', { id: x(s.feeds) }) : '',
      });
    case 'late_critical':
      return t('wk.sum.lateCritical', {
        name: x(s.name),
        id: x(s.id),
        owner: s.owner ? t('wk.sum.on', { owner: x(s.owner) }) : '',
        n: s.days,
      });
    case 'risk_overdue':
      return t('wk.sum.riskOverdue', { title: x(s.title), id: x(s.id), owner: x(s.owner) });
    case 'acceptance_failed':
      return t('wk.sum.accFailed', { deliverable: x(s.deliverable), id: x(s.id) });
    case 'other':
      return '';
  }
}

/** Builds the document; `esc` makes record text safe for the output format. */
export function weeklyDoc(r: WeeklyReport, f: Fmt, esc: (s: string) => string): WeeklyDoc {
  const t = f.t;
  const x = (v: unknown) => esc(sanitizeInline(v === undefined || v === null ? '' : String(v)));
  const d = (iso: string | undefined) => formatDate(f, iso, true);
  const owner = (o: string | undefined) => (o ? t('wk.owner', { owner: x(o) }) : '');
  const sections: Section[] = [];

  // summary
  const sep = t('rep.listSep');
  const comma = t('rep.comma');
  // The colour in words, then the few things behind it as sentences (ids as references).
  const told = r.summary.filter((s) => s.kind !== 'other').map((s) => pointText(s, t, x, d));
  const others = r.summary
    .filter((s): s is Extract<typeof s, { kind: 'other' }> => s.kind === 'other')
    .map((s) => t(`health.reason.${s.code}`, { ids: s.ids.map(x).join(', '), days: 0 }));
  const summary = [
    [t(`wk.sum.${r.health.level}`), ...told, ...(others.length ? [t('wk.sum.also', { reasons: others.join(sep) })] : [])].join(
      t('wk.sum.join'),
    ),
  ];
  const p = r.progress;
  summary.push(
    t('wk.progress', {
      done: p.tasks_done,
      planned: p.tasks_planned_to_date,
      total: p.tasks_total,
      daysDone: p.days_done,
      daysPlanned: p.days_planned_to_date,
    }),
  );
  if (p.project_end) {
    const fl = p.due_float;
    summary.push(
      p.due === undefined || fl === undefined
        ? t('wk.finishNoDue', { end: d(p.project_end) })
        : fl > 0
          ? t('wk.finishEarly', { end: d(p.project_end), due: d(p.due), float: fl })
          : fl === 0
            ? t('wk.finishOnDue', { due: d(p.due) })
            : t('wk.finishLate', { end: d(p.project_end), due: d(p.due), float: -fl }),
    );
  }
  // What the dates rest on: a year whose holidays are not (fully) published yet.
  for (const n of r.calendar_notices) summary.push(t(`wk.calendar.${n.status}`, { year: n.year }));
  sections.push({ title: t('wk.summary'), paragraphs: summary });

  // done this week
  const done = [
    ...r.done.map((k) => ({
      text:
        t('wk.doneItem', { id: x(k.id), name: x(k.name), owner: owner(k.owner), date: d(k.date) }) +
        (k.deliverable ? t('wk.deliverable', { deliverable: x(k.deliverable) }) : ''),
    })),
    ...r.milestones_reached.map((m) => ({ text: t('wk.msReached', { id: x(m.id), name: x(m.name), date: d(m.date) }) })),
    ...r.delivered.map((a) => ({ text: t('wk.delivered', { id: x(a.id), deliverable: x(a.deliverable), date: d(a.date) }) })),
  ];
  sections.push(done.length ? { title: t('wk.done'), items: done } : { title: t('wk.done'), paragraphs: [t('wk.doneNone')] });

  // next week: the part of each bar that falls in it (work under way started before; no past dates)
  const next = r.planned_next.map((k) => ({
    text:
      t('wk.nextItem', {
        id: x(k.id),
        name: x(k.name),
        owner: owner(k.owner),
        range: formatRange(f, k.start < r.next_week.from ? r.next_week.from : k.start, k.end, true),
      }) +
      (k.late
        ? t('wk.behind', { date: d(k.planned_end) })
        : k.status === 'blocked'
          ? t('wk.blocked')
          : k.status === 'in_progress'
            ? t('wk.inProgress')
            : ''),
  }));
  const nextTitle = t('wk.next', { range: formatRange(f, r.next_week.from, r.next_week.to, true) });
  sections.push(next.length ? { title: nextTitle, items: next } : { title: nextTitle, paragraphs: [t('wk.nextNone')] });

  // milestones
  const ms = [
    ...r.milestones.overdue.map((m) => ({
      text:
        t('wk.msOverdue', { id: x(m.id), name: x(m.name), due: d(m.due ?? m.forecast) }) +
        (m.forecast && m.forecast > (m.due ?? '') ? t('wk.msExpected', { date: d(m.forecast) }) : ''),
    })),
    ...r.milestones.next.slice(0, 5).map((m) => ({
      text: !m.due
        ? t('wk.msNoDue', { id: x(m.id), name: x(m.name), forecast: d(m.forecast) })
        : m.forecast && m.forecast > m.due
          ? t('wk.msLate', { id: x(m.id), name: x(m.name), due: d(m.due), forecast: d(m.forecast) })
          : t('wk.msOnTrack', { id: x(m.id), name: x(m.name), due: d(m.due) }),
    })),
  ];
  sections.push(ms.length ? { title: t('wk.milestones'), items: ms } : { title: t('wk.milestones'), paragraphs: [t('wk.msNone')] });

  // risks
  const risks = r.risks.map((k) => ({
    text: t('wk.risk', {
      id: x(k.id),
      title: x(k.title),
      level: t(`wk.level.${k.level}`),
      score: k.score,
      owner: x(k.owner),
      response: t(`wk.resp.${k.response}`),
    }),
    sub: k.actions.map((a) =>
      a.state === 'done'
        ? t('wk.actDone', { date: d(a.done), text: x(a.text) })
        : a.state === 'overdue'
          ? t('wk.actOverdue', { date: d(a.due), text: x(a.text), owner: owner(a.owner) })
          : a.due
            ? t('wk.actPlanned', { date: d(a.due), text: x(a.text), owner: owner(a.owner) })
            : t('wk.actPlannedNoDue', { text: x(a.text), owner: owner(a.owner) }),
    ),
  }));
  sections.push(risks.length ? { title: t('wk.risks'), items: risks } : { title: t('wk.risks'), paragraphs: [t('wk.riskNone')] });

  // change slips
  const who = (a: ('customer' | 'internal')[]) => (a.length === 2 ? t('wk.who.both') : t(`wk.who.${a[0] ?? 'internal'}`));
  const changes = r.changes.map((c) => {
    const state =
      c.event === 'rejected' || c.status === 'rejected'
        ? t('wk.cs.rejected')
        : c.event === 'applied' || c.status === 'applied'
          ? t('wk.cs.applied')
          : c.status === 'approved'
            ? t('wk.cs.approved')
            : c.status === 'withdrawn'
              ? t('wk.cs.withdrawn')
              : t('wk.cs.submitted', { who: who(c.awaiting) });
    const impact = [
      ...(c.schedule_days !== undefined && c.schedule_days !== 0
        ? [t('wk.impactDays', { n: c.schedule_days > 0 ? `+${c.schedule_days}` : c.schedule_days })]
        : []),
      ...(c.cost ? [t('wk.impactCost', { amount: c.cost.amount.toLocaleString('en-US'), currency: x(c.cost.currency) })] : []),
    ];
    return {
      text:
        t('wk.change', { id: x(c.id), title: x(c.title), date: d(c.submitted), state }) +
        (impact.length ? t('wk.impact', { impact: impact.join(comma) }) : ''),
    };
  });
  sections.push(changes.length ? { title: t('wk.changes'), items: changes } : { title: t('wk.changes'), paragraphs: [t('wk.changeNone')] });

  // what the customer must provide
  const asks = r.customer_asks.map((a) => {
    if (a.kind === 'task') {
      const args = { name: x(a.name), id: x(a.id), owner: a.owner ? `${comma}${x(a.owner)}` : '', by: d(a.by) };
      return {
        text:
          t(a.late ? 'wk.askTaskLate' : 'wk.askTask', args) + (a.deliverable ? t('wk.askExpect', { deliverable: x(a.deliverable) }) : ''),
      };
    }
    if (a.kind === 'action') {
      const args = { text: x(a.text), id: x(a.id), n: a.number, owner: x(a.owner), by: d(a.by) };
      return { text: t(a.late ? 'wk.askActionLate' : a.by ? 'wk.askAction' : 'wk.askActionNoBy', args) };
    }
    if (a.kind === 'acceptance') return { text: t('wk.askAcc', { deliverable: x(a.deliverable), id: x(a.id), date: d(a.delivered) }) };
    return {
      text: a.by
        ? t('wk.askChange', { id: x(a.id), title: x(a.title), by: d(a.by) })
        : t('wk.askChangeNoBy', { id: x(a.id), title: x(a.title) }),
    };
  });
  sections.push(asks.length ? { title: t('wk.asks'), items: asks } : { title: t('wk.asks'), paragraphs: [t('wk.askNone')] });
  if (r.customer_todo) sections.push(customerTodoSection(r.customer_todo, f, x));

  // acceptance
  const acc = r.acceptance.map((a) => ({
    text:
      a.state === 'accepted'
        ? t('wk.accAccepted', { id: x(a.id), deliverable: x(a.deliverable), date: d(a.accepted_on) })
        : a.state === 'rectifying'
          ? t('wk.accRect', { id: x(a.id), deliverable: x(a.deliverable), date: d(a.last_round?.date) })
          : t('wk.accWaiting', { id: x(a.id), deliverable: x(a.deliverable), date: d(a.delivered) }),
  }));
  sections.push(acc.length ? { title: t('wk.acceptance'), items: acc } : { title: t('wk.acceptance'), paragraphs: [t('wk.accNone')] });

  // follow-ups: shown only when something waits
  if (r.workflow.length)
    sections.push({
      title: t('wk.workflow'),
      items: r.workflow.map((w) => {
        const step = t(`wf.step.${w.step}`);
        const state = w.overdue
          ? t('wf.overdue', { step, date: d(w.due) })
          : w.due
            ? t('wf.due', { step, date: d(w.due) })
            : t('wf.pending', { step });
        return { text: t('wk.wfItem', { title: x(w.title), id: x(w.id), state }) };
      }),
    });
  if (r.meeting_actions.length)
    sections.push({
      title: t('wk.meetingActions'),
      items: r.meeting_actions.map((a) => ({
        text: t('wk.mactItem', {
          text: x(a.text),
          owner: x(a.owner),
          meeting: x(a.meeting),
          title: x(a.title),
          n: a.number,
          state: a.overdue ? t('wk.mactOverdue', { date: d(a.due) }) : a.due ? t('wk.mactDue', { date: d(a.due) }) : '',
        }),
      })),
    });

  if (r.rectifications.length)
    sections.push({
      title: t('wk.rectifications'),
      items: r.rectifications.map((it) => ({
        text: t('wk.rectItem', {
          finding: x(it.finding),
          owner: x(it.owner),
          id: x(it.acceptance),
          deliverable: x(it.deliverable),
          n: it.number,
          state:
            it.state === 'fixed'
              ? t('rect.state.fixed', { date: d(it.fixed) })
              : it.state === 'overdue'
                ? t('rect.state.overdue', { due: d(it.due) })
                : t('rect.state.open', { due: d(it.due) }),
        }),
      })),
    });

  // training held this week
  if (r.training.length) {
    sections.push({
      title: t('wk.training'),
      items: r.training.map((k) => ({
        text: t('wk.trainingItem', {
          topic: x(k.topic),
          audience: x(k.audience ?? '—'),
          date: d(k.date),
          trainer: k.trainer ? t('wk.trainingBy', { trainer: x(k.trainer) }) : '',
          attended: k.attended ?? '—',
        }),
      })),
    });
  }

  // after-sales service (a project with tickets or a warranty)
  if (hasService(r.service)) {
    const sv = r.service;
    const vp = visitPlanPhrase(t, sv, d).text;
    const paragraphs = [
      sv.counts.open ? t('wk.serviceCounts', sv.counts) : t('wk.serviceNone'),
      warrantyPhrase(t, sv, (iso) => formatDate(f, iso), 'wk'),
      vp ? t('wk.visits', { plan: vp }) : '',
    ].filter(Boolean);
    const items = sv.tickets.map((k) => ({
      text: t('wk.serviceTicket', {
        id: x(k.id),
        title: x(k.title),
        kind: t(`ticket.kind.${k.kind}`),
        severity: t(`ticket.severity.${k.severity}`),
        opened: d(k.opened),
        state: ticketPhrase(t, k, d).text,
      }),
    }));
    sections.push({ title: t('wk.service'), paragraphs, ...(items.length ? { items } : {}) });
  }

  // KPIs
  sections.push({
    title: t('wk.kpis'),
    table: {
      head: [t('kpi.col.measure'), t('kpi.col.value'), t('kpi.col.basis'), t('kpi.col.target'), t('kpi.col.met')],
      rows: shownMeasures(r.kpis, r.service)
        .filter((m) => shownKpi(r, m))
        .map((m) => [
          m.label !== undefined ? t('kpi.name.satisfaction_own', { dim: x(m.label) }) : measureName(t, m),
          formatValue(m),
          formatBasis(t, m),
          formatTarget(m),
          formatMet(t, m),
        ]),
      align: ['left', 'right', 'right', 'right', 'left'],
    },
  });

  return {
    title: t('wk.title', { name: x(r.project.name) }),
    subtitle: t('wk.subtitle', { week: r.week.label, range: formatRange(f, r.week.from, r.week.to) }),
    meta: t('wk.meta', { client: x(r.project.client), date: formatDate(f, r.as_of), health: t(`health.${r.health.level}`) }),
    health: r.health.level,
    sections,
  };
}

/** Markdown: backslash-escapes the characters that would start markup inside record text. */
export function mdEscape(s: string): string {
  return s.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

export function renderWeeklyMd(r: WeeklyReport, f: Fmt): string {
  return renderDocMd(weeklyDoc(r, f, mdEscape));
}

/** A report document (title, subtitle, sections of paragraphs, items and tables) as Markdown. */
export function renderDocMd(doc: { title: string; subtitle: string; meta: string; sections: readonly Section[] }): string {
  const out: string[] = [`# ${doc.title}`, '', `**${doc.subtitle}**`, '', doc.meta, ''];
  for (const s of doc.sections) {
    out.push(`## ${s.title}`, '');
    for (const p of s.paragraphs ?? []) out.push(p, '');
    if (s.items) {
      for (const it of s.items) {
        out.push(`- ${it.text}`);
        for (const sub of it.sub ?? []) out.push(`  - ${sub}`);
      }
      out.push('');
    }
    if (s.table) {
      const cell = (c: string) => c.replace(/(?<!\\)\|/g, '\\|'); // record text arrives escaped already
      out.push(`| ${s.table.head.map(cell).join(' | ')} |`);
      out.push(`| ${s.table.head.map((_, i) => (s.table!.align?.[i] === 'right' ? '---:' : '---')).join(' | ')} |`);
      for (const row of s.table.rows) out.push(`| ${row.map(cell).join(' | ')} |`);
      out.push('');
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}
