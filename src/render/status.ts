// The status screen: one screen (at most 40 lines, at most `width` columns, CJK counted double) that
// a delivery lead reads in ten seconds. Lists are capped so the screen never grows past 40 lines;
// colour only marks what the words already say.
import { displayWidth as stringWidth } from './width.js';
import type { Measure } from '../core/kpi.js';
import type { StatusFacts } from '../core/status.js';
import { formatBasis, formatDate, formatMet, formatTarget, formatValue, measureName, percent, type Fmt } from './kpi.js';
import { sanitizeInline } from './sanitize.js';
import { hasService, shownMeasures, ticketPhrase, visitPlanPhrase, warrantyPhrase } from './service.js';

export type Style = 'red' | 'yellow' | 'green' | 'bold' | 'dim';
export interface Seg {
  text: string;
  style?: Style;
}
export type Paint = Record<Style, (s: string) => string>;

export interface StatusOptions extends Fmt {
  width: number;
  paint?: Paint;
  /** Extra lines at the bottom (findings, unscheduled items): counted in the 40. */
  footer?: string[];
}

export const MAX_LINES = 40;
const LIMITS = { health: 3, milestones: 3, tasks: 4, risks: 3, changes: 2, acceptance: 3, tickets: 2 };
/** Lines of the after-sales block (communication, service, visits, tickets) at most. */
const TAIL = 5;
/** Lines at the top always kept: the header, health, progress and the first section's start. */
const HEAD_KEPT = 10;

const s = (v: unknown) => sanitizeInline(v === undefined || v === null ? '' : String(v));

/** Cuts segments to `width` display columns (an ellipsis marks the cut), then paints them. */
function fitLine(segs: Seg[], width: number, paint?: Paint): string {
  const draw = (seg: Seg, text: string) => (paint && seg.style && text ? paint[seg.style](text) : text);
  if (stringWidth(segs.map((x) => x.text).join('')) <= width) return segs.map((x) => draw(x, x.text)).join('');
  let room = width - 1; // leave a column for the ellipsis
  let out = '';
  for (const seg of segs) {
    let text = '';
    let full = true;
    for (const ch of seg.text) {
      const cw = stringWidth(ch);
      if (cw > room) {
        full = false;
        break;
      }
      text += ch;
      room -= cw;
    }
    out += draw(seg, text);
    if (!full) break;
  }
  return out + '…';
}

const padTo = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - stringWidth(text)));
const padLeft = (text: string, w: number) => ' '.repeat(Math.max(0, w - stringWidth(text))) + text;

/** Shows up to `max` lines of a list; when more remain, the last line says how many. */
function capped<T>(items: readonly T[], max: number, line: (x: T) => Seg[], more: (n: number) => string): Seg[][] {
  if (items.length <= max) return items.map(line);
  return [...items.slice(0, max - 1).map(line), [{ text: `  ${more(items.length - max + 1)}`, style: 'dim' }]];
}

/** A delivery section: its item count, its usual cap, and its lines with at most `n` item lines. */
interface Section {
  count: number;
  max: number;
  lines: (n: number) => Seg[][];
}

/** Lines a section takes with at most `n` item lines (its title, then the items or a count). */
const sectionHeight = (sec: Section, n: number) => 1 + Math.min(sec.count, n);

/**
 * Item lines per section so that all of them fit `budget` lines where they can: the section taking
 * most lines gives one up first (the later one on a tie), down to its first item (its title then
 * says how many more there are).
 */
export function fitSections(sections: readonly Section[], budget: number): number[] {
  const n = sections.map((sec) => sec.max);
  const total = () => sections.reduce((sum, sec, i) => sum + sectionHeight(sec, n[i]!), 0);
  while (total() > budget) {
    let pick = -1;
    for (let i = 0; i < sections.length; i++) {
      const h = Math.min(sections[i]!.count, n[i]!);
      if (h > 1 && (pick < 0 || h >= Math.min(sections[pick]!.count, n[pick]!))) pick = i;
    }
    if (pick < 0) break;
    n[pick] = Math.min(sections[pick]!.count, n[pick]!) - 1;
  }
  return n;
}

export function renderStatus(f: StatusFacts, o: StatusOptions): string {
  const t = o.t;
  const d = (iso: string | undefined) => formatDate(o, iso, true);
  const more = (n: number) => t('status.more', { n });
  const lines: Seg[][] = [];
  // The delivery sections (milestones … acceptance), laid out at the end: when the screen is short,
  // the longest lists give way first, each down to its first item and a count (fitSections).
  const sections: Section[] = [];
  const section = <T>(title: string, items: readonly T[], max: number, line: (x: T) => Seg[]) => {
    sections.push({
      count: items.length,
      max,
      // The title says how many are not shown, so every line below it is an item.
      lines: (n) =>
        items.length === 0
          ? [[{ text: title, style: 'bold' }, { text: `${t('rep.colon')}${t('status.none')}` }]]
          : [
              [
                { text: title, style: 'bold' },
                ...(items.length > n ? [{ text: t('status.notShown', { n: items.length - n }), style: 'dim' as const }] : []),
              ],
              ...items.slice(0, n).map(line),
            ],
    });
  };

  const head = [f.project.code ? `${s(f.project.code)} ` : '', s(f.project.name)].join('');
  lines.push([{ text: head, style: 'bold' }]);
  lines.push([{ text: `${t('status.client', { client: s(f.project.client) })} · ${t('status.asOf', { date: formatDate(o, f.as_of) })}` }]);

  // health: the level, then the reasons (red first)
  const level = f.health.level;
  const levelStyle: Style = level === 'red' ? 'red' : level === 'amber' ? 'yellow' : 'green';
  lines.push([{ text: `${t('status.health')}${t('rep.colon')}` }, { text: `● ${t(`health.${level}`)}`, style: levelStyle }]);
  // Up to three lines: one reason each; beyond that the third line lists the rest side by side.
  const reasonSegs = f.health.reasons.map((r): Seg[] => [
    { text: r.level === 'red' ? '✗ ' : '! ', style: r.level === 'red' ? 'red' : 'yellow' },
    { text: t(`health.reason.${r.code}`, { ids: r.ids.join(', '), days: r.days ?? 0 }) },
  ]);
  const keep = reasonSegs.length <= LIMITS.health ? reasonSegs.length : LIMITS.health - 1;
  for (const segs of reasonSegs.slice(0, keep)) lines.push([{ text: '  ' }, ...segs]);
  if (reasonSegs.length > keep)
    lines.push([{ text: '  ' }, ...reasonSegs.slice(keep).flatMap((segs, i) => (i ? [{ text: '  ' }, ...segs] : segs))]);

  const p = f.progress;
  const pct = p.days_planned_to_date > 0 ? percent(p.days_done / p.days_planned_to_date) : '—';
  lines.push([
    { text: `${t('status.progress')}${t('rep.colon')}`, style: 'bold' },
    {
      text: `${t('status.tasksLine', { done: p.tasks_done, planned: p.tasks_planned_to_date, total: p.tasks_total })} · ${t('status.daysLine', { done: p.days_done, planned: p.days_planned_to_date, pct })}`,
    },
  ]);
  if (p.project_end) {
    const finish =
      p.due !== undefined && p.due_float !== undefined
        ? t('status.finishDue', { end: d(p.project_end), due: d(p.due), float: p.due_float })
        : t('status.finish', { end: d(p.project_end) });
    lines.push([{ text: '  ' }, { text: finish, ...(p.due_float !== undefined && p.due_float < 0 ? { style: 'red' as const } : {}) }]);
  }

  const ms = [...f.milestones.overdue.map((m) => ({ m, overdue: true })), ...f.milestones.next.map((m) => ({ m, overdue: false }))];
  const msLabelW = Math.max(stringWidth(t('status.ms.overdue')), stringWidth(t('status.ms.next')));
  section(t('status.milestones'), ms, LIMITS.milestones, ({ m, overdue }) => [
    { text: '  ' },
    { text: padTo(overdue ? t('status.ms.overdue') : t('status.ms.next'), msLabelW), ...(overdue ? { style: 'red' as const } : {}) },
    {
      text: ` ${s(m.id)} ${s(m.name)}${m.due ? ' · ' + t('status.ms.due', { date: d(m.due) }) : ''}${m.forecast && m.forecast !== m.due ? ' · ' + t('status.ms.forecast', { date: d(m.forecast) }) : ''}`,
    },
  ]);

  const lateIds = new Set(f.late_tasks.map((l) => l.id));
  const work = [
    ...f.late_tasks.map((x) => ({ late: x, blocked: undefined })),
    ...f.blocked_tasks.filter((b) => !lateIds.has(b.id)).map((x) => ({ late: undefined, blocked: x })),
  ];
  const blockedIds = new Set(f.blocked_tasks.map((b) => b.id));
  section(t('status.tasks'), work, LIMITS.tasks, ({ late, blocked }) => {
    const task = (late ?? blocked)!;
    const segs: Seg[] = [{ text: `  ${s(task.id)} ${s(task.name)}${task.owner ? ' · ' + s(task.owner) : ''} · ` }];
    if (late)
      segs.push(
        { text: t('status.task.late', { n: late.late_by }), style: late.critical ? 'red' : 'yellow' },
        { text: late.critical ? ` · ${t('status.task.critical')}` : '' },
      );
    const b = blocked ?? f.blocked_tasks.find((x) => x.id === task.id);
    if (b || blockedIds.has(task.id))
      segs.push(
        { text: `${late ? ' · ' : ''}${t('status.task.blocked')}`, style: 'yellow' },
        { text: b?.reason ? `${t('rep.colon')}${s(b.reason)}` : '' },
      );
    return segs;
  });

  section(t('status.risks'), f.risks, LIMITS.risks, (r) => [
    { text: `  ${s(r.id)} ` },
    { text: String(r.score), style: r.level === 'high' ? 'red' : r.level === 'medium' ? 'yellow' : 'green' },
    { text: ` ${s(r.title)} · ${s(r.owner)}` },
    ...(r.overdue_actions.length
      ? [
          { text: ' · ' },
          { text: t('status.risk.overdue', { list: r.overdue_actions.map((n) => `#${n}`).join(' ') }), style: 'red' as const },
        ]
      : []),
    {
      text: r.next_action
        ? ` · ${t('status.risk.next', { text: s(r.next_action.text) })}${r.next_action.due ? ` (${d(r.next_action.due)})` : ''}`
        : '',
    },
  ]);

  section(t('status.changes'), f.open_changes, LIMITS.changes, (c) => [
    {
      text: `  ${s(c.id)} ${s(c.title)} · ${d(c.submitted)}${c.schedule_days !== undefined ? ` · ${c.schedule_days > 0 ? '+' : ''}${t('rep.wd', { n: c.schedule_days })}` : ''} · `,
    },
    {
      text:
        c.status === 'approved'
          ? t('status.change.approved')
          : t('status.change.awaiting', { who: c.awaiting.map((w) => t(`rep.side.${w}`)).join(' + ') }),
      style: 'yellow',
    },
  ]);

  section(t('status.acceptance'), f.acceptance, LIMITS.acceptance, (a) => [
    { text: `  ${s(a.id)} ${s(a.deliverable)} · ${d(a.delivered)} · ` },
    a.state === 'rectifying'
      ? { text: t('status.acc.rectifying', { n: a.waiting_days }), style: 'red' }
      : { text: t('status.acc.waiting', { n: a.waiting_days }), style: 'yellow' },
  ]);

  // After-sales (only for a project with tickets or a warranty): counts and warranty, the service
  // measures on one line, then the tickets — at most TAIL lines with the communication line; when
  // the screen is short, the delivery sections above give way to them (see the cut below).
  // The service measures go on the after-sales line, not in the KPI table.
  const shown = shownMeasures(f.kpis, undefined);
  const sectionsAt = lines.length;
  const free = Math.min(TAIL, MAX_LINES - HEAD_KEPT - 2 - shown.length - (o.footer?.length ?? 0));
  let spent = 0;
  if (f.communication.length && free > 0) {
    const list = f.communication.map((m) =>
      t('status.comm.missing', {
        name: s(m.name),
        periods: m.periods.length > 3 ? `${m.periods.slice(-3).join(', ')} (+${m.periods.length - 3})` : m.periods.join(', '),
      }),
    );
    lines.push([
      { text: `${t('status.comm')}${t('rep.colon')}`, style: 'bold' },
      { text: list.join(t('rep.listSep')), style: 'red' },
    ]);
    spent = 1;
  }
  if (hasService(f.service) && free - spent > 0) {
    const sv = f.service;
    const c = sv.counts;
    const warranty = warrantyPhrase(t, sv, (iso) => formatDate(o, iso), 'status.service');
    lines.push([
      { text: `${t('status.service')}${t('rep.colon')}`, style: 'bold' },
      { text: c.total ? t('status.service.counts', c) : '', ...(c.overdue ? { style: 'red' as const } : {}) },
      { text: c.total && warranty ? ` · ${warranty}` : warranty },
    ]);
    if (c.total && free - spent > 1) {
      const v = (m: Measure) => `${formatValue(m)}${m.denominator ? ` (${m.numerator}/${m.denominator})` : ''}`;
      const k = f.kpis;
      lines.push([
        {
          text: `  ${t('status.service.kpis', { resp: v(k.ticket_response_rate), resol: v(k.ticket_resolution_rate), mttr: formatValue(k.mean_resolution_days), complaints: k.complaints.numerator })}`,
        },
      ]);
    }
    let used = spent + 1 + (c.total && free - spent > 1 ? 1 : 0);
    const vp = visitPlanPhrase(t, sv, d);
    if (vp.text && free > used) {
      lines.push([
        { text: `  ${t('status.service.visits')}${t('rep.colon')}` },
        { text: vp.text, ...(vp.late ? { style: 'red' as const } : {}) },
      ]);
      used++;
    }
    const room = Math.min(LIMITS.tickets, free - used);
    if (room > 0)
      lines.push(
        ...capped(
          sv.tickets,
          room,
          (k) => {
            const ph = ticketPhrase(t, k, d);
            return [
              { text: `  ${s(k.id)} ${s(k.title)} · ${t(`ticket.kind.${k.kind}`)} · ${t(`ticket.severity.${k.severity}`)} · ` },
              { text: ph.text, ...(ph.late ? { style: 'red' as const } : {}) },
            ];
          },
          more,
        ),
      );
  }

  // KPIs: one aligned row each
  // The KPI rows always show in full: when the screen is short, the sections above give way.
  const kpiTable = (ms2: readonly Measure[]): Seg[][] => {
    const cols = ms2.map((m) => [measureName(t, m), formatValue(m), formatBasis(t, m), formatTarget(m)]);
    const widths = [0, 1, 2, 3].map((i) => Math.max(...cols.map((c) => stringWidth(c[i]!))));
    return ms2.map((m, i) => {
      const c = cols[i]!;
      return [
        { text: `  ${padTo(c[0]!, widths[0]!)}  ` },
        { text: padLeft(c[1]!, widths[1]!), ...(m.met === false ? { style: 'red' as const } : m.met ? { style: 'green' as const } : {}) },
        { text: `  ${padLeft(c[2]!, widths[2]!)}  ${padTo(c[3]!, widths[3]!)}  ` },
        { text: formatMet(t, m), ...(m.met === false ? { style: 'red' as const } : {}) },
      ];
    });
  };
  const kpiTitle: Seg[] = [{ text: t('status.kpis'), style: 'bold' }];
  let kpiLines: Seg[][] = [kpiTitle, ...kpiTable(shown)];
  // On a short screen the measures without a target share wrapped lines (name and value), so that
  // every delivery section above still shows its first item; those with a target keep their rows.
  const compactKpis = (): Seg[][] => {
    const targeted = shown.filter((m) => m.target !== null);
    const rest = shown.filter((m) => m.target === null).map((m) => `${measureName(t, m)} ${formatValue(m)}`);
    const out: Seg[][] = [kpiTitle, ...kpiTable(targeted)];
    let line = `  ${t('status.kpiOthers')}${t('rep.colon')}`;
    let first = true;
    for (const item of rest) {
      const next = first ? line + item : `${line} · ${item}`;
      if (!first && stringWidth(next) > o.width) {
        out.push([{ text: line }]);
        line = `    ${item}`;
      } else line = next;
      first = false;
    }
    if (rest.length) out.push([{ text: line }]);
    return out;
  };

  // Follow-ups (followups.ts): one line per kind, only when something waits; kept like the KPIs.
  const followLines: Seg[][] = [];
  const follow = <T extends { overdue: boolean }>(title: string, items: readonly T[], first: (x: T) => Seg[]) => {
    if (!items.length) return;
    const overdue = items.filter((x) => x.overdue).length;
    followLines.push([
      { text: title, style: 'bold' },
      { text: t('rep.colon') },
      { text: t('status.follow.count', { n: items.length, overdue }), ...(overdue ? { style: 'red' as const } : {}) },
      { text: ' · ' },
      ...first(items[0]!),
    ]);
  };
  follow(t('status.workflow'), f.workflow, (w) => [
    { text: `${s(w.id)} ${s(w.title)} · ` },
    w.overdue
      ? { text: t('wf.overdue', { step: t(`wf.step.${w.step}`), date: d(w.due) }), style: 'red' }
      : { text: w.due ? t('wf.due', { step: t(`wf.step.${w.step}`), date: d(w.due) }) : t('wf.pending', { step: t(`wf.step.${w.step}`) }) },
  ]);
  follow(t('status.meetingActions'), f.meeting_actions, (a) => [
    { text: `${s(a.meeting)}#${a.number} ${s(a.text)} · ${s(a.owner)}` },
    a.overdue
      ? { text: ` · ${t('status.mact.overdue', { date: d(a.due) })}`, style: 'red' }
      : { text: a.due ? ` · ${t('status.mact.due', { date: d(a.due) })}` : '' },
  ]);

  follow(
    t('status.rectifications'),
    f.rectifications.map((x) => ({ ...x, overdue: x.state === 'overdue' })),
    (x) => [
      { text: t('status.rect.item', { id: s(x.acceptance), n: x.number, finding: s(x.finding), owner: s(x.owner) }) },
      x.overdue
        ? { text: ` · ${t('rect.state.overdue', { due: d(x.due) })}`, style: 'red' }
        : { text: ` · ${x.state === 'fixed' ? t('rect.state.fixed', { date: d(x.fixed) }) : t('rect.state.open', { due: d(x.due) })}` },
    ],
  );

  // Too long for the screen: the delivery sections' last lines give way (counted on one line), the
  // header, the after-sales block, the follow-ups and the KPI rows stay.
  const roomWith = (kpis: Seg[][]) => MAX_LINES - kpis.length - followLines.length - (o.footer?.length ?? 0);
  const afterSales = lines.splice(sectionsAt);
  const least = sections.reduce((sum, sec) => sum + sectionHeight(sec, 1), 0);
  if (lines.length + least + afterSales.length > roomWith(kpiLines)) kpiLines = compactKpis();
  const room = roomWith(kpiLines);
  const maxes = fitSections(sections, room - lines.length - afterSales.length);
  for (const [i, sec] of sections.entries()) lines.push(...sec.lines(maxes[i]!));
  const tailStart = lines.length;
  lines.push(...afterSales);
  // Still too long (a long head or after-sales block): the sections' last lines give way.
  if (lines.length > room) {
    const tail = lines.splice(tailStart);
    const keep = Math.max(HEAD_KEPT, room - tail.length - 1);
    const hidden = lines.length - keep;
    if (hidden > 0) lines.splice(keep, lines.length, [{ text: t('status.more', { n: hidden }), style: 'dim' }]);
    lines.push(...tail);
    if (lines.length > room) {
      const over = lines.length - room + 1;
      lines.splice(room - 1, lines.length, [{ text: t('status.more', { n: over }), style: 'dim' }]);
    }
  }
  lines.push(...followLines, ...kpiLines);

  for (const extra of o.footer ?? []) lines.push([{ text: extra, style: 'dim' }]);
  return (
    lines
      .slice(0, MAX_LINES)
      .map((l) => fitLine(l, o.width, o.paint).trimEnd())
      .join('\n') + '\n'
  );
}
