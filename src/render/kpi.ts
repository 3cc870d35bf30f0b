// Locale formatting shared by the reports (dates, percentages, KPI values and targets) and the KPI
// tables for one project and a portfolio. Pure: strings in, strings out.
import type { IsoDate } from '../core/dates.js';
import { kpiList, unitOf, type KpiKey, type Kpis, type Measure } from '../core/kpi.js';
import { sanitizeInline } from './sanitize.js';
import type { Translate } from './i18n.js';
import type { Column } from './table.js';

export interface Fmt {
  t: Translate;
  /** The year dates are shown without (the report's year); other years are spelled out. */
  year: number;
}

/** 2026-11-20 → "20 Nov 2026" / "2026年11月20日"; `short` drops the year when it is the report's year. */
export function formatDate(f: Fmt, iso: IsoDate | undefined, short = false): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const y = Number(m[1]),
    mo = Number(m[2]),
    d = Number(m[3]);
  const args = { y, m: mo, d, mon: f.t(`rep.date.month${mo}`) };
  return f.t(short && y === f.year ? 'rep.date.short' : 'rep.date.long', args);
}

export function formatRange(f: Fmt, from: IsoDate, to: IsoDate, short = false): string {
  return f.t('rep.date.range', { from: formatDate(f, from, short), to: formatDate(f, to, short) });
}

/** Percent with one decimal unless whole: 0.9 → "90%", 2/3 → "66.7%". */
export function percent(x: number): string {
  const p = Math.round(x * 1000) / 10;
  return `${Number.isInteger(p) ? p : p.toFixed(1)}%`;
}

function num(x: number): string {
  const r = Math.round(x * 10) / 10;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
}

export function formatValue(m: Pick<Measure, 'key' | 'value'>): string {
  if (m.value === null) return '—';
  return unitOf(m.key) === 'rate' ? percent(m.value) : num(m.value);
}

export function formatTarget(m: Pick<Measure, 'key' | 'target'>): string {
  if (m.target === null) return '—';
  const v = unitOf(m.key) === 'rate' ? percent(m.target) : num(m.target);
  return `${m.key === 'average_cycle_days' ? '≤' : '≥'} ${v}`;
}

/** A measure's name; the project's own satisfaction dimensions carry theirs (user text, sanitized). */
export function measureName(t: Translate, m: Pick<Measure, 'key' | 'label'>): string {
  return m.label !== undefined ? t('kpi.name.satisfaction_own', { dim: sanitizeInline(m.label) }) : t(`kpi.name.${m.key}`);
}

function measureShort(t: Translate, m: Pick<Measure, 'key' | 'label'>): string {
  return m.label !== undefined ? t('kpi.short.satisfaction_own', { dim: sanitizeInline(m.label) }) : t(`kpi.short.${m.key}`);
}

/** "4 / 5" (with the waived actions beside the risk response rate), or for counts the count with its details. */
export function formatBasis(t: Translate, m: Measure): string {
  if (m.key === 'requirements_received')
    return t('kpi.throughput', { n: m.numerator, accepted: m.accepted ?? 0, rejected: m.rejected ?? 0 });
  if (m.key === 'risks_identified') return t('kpi.managed', { managed: m.managed ?? m.numerator, identified: m.identified ?? m.numerator });
  if (m.denominator === null) return String(m.numerator);
  const basis = `${num(m.numerator)} / ${m.denominator}`;
  return m.waived ? `${basis}${t('kpi.waived', { n: m.waived })}` : basis;
}

export function formatMet(t: Translate, m: Pick<Measure, 'met'>): string {
  return m.met === null ? t('kpi.met.na') : m.met ? `✓ ${t('kpi.met.yes')}` : `✗ ${t('kpi.met.no')}`;
}

/** The table of one project's (or the portfolio total's) measures. */
export function measureColumns(t: Translate): Column<Measure>[] {
  return [
    { header: t('kpi.col.measure'), value: (m) => measureName(t, m) },
    {
      header: t('kpi.col.value'),
      value: (m) => formatValue(m),
      align: 'right',
      style: (s, m, c) => (m.met === false ? c.red(s) : m.met ? c.green(s) : s),
    },
    { header: t('kpi.col.basis'), value: (m) => formatBasis(t, m), align: 'right' },
    { header: t('kpi.col.target'), value: (m) => formatTarget(m), align: 'right' },
    { header: t('kpi.col.met'), value: (m) => formatMet(t, m), style: (s, m, c) => (m.met === false ? c.red(s) : m.met ? c.green(s) : s) },
  ];
}

export function measureRows(k: Kpis): Measure[] {
  return kpiList(k);
}

/** The measure `key` of a row (the project's own dimensions included); undefined when the row has none. */
function measureOf(k: Kpis, key: KpiKey): Measure | undefined {
  return (k as Record<string, Measure | undefined>)[key] ?? k.own?.find((m) => m.key === key);
}

/**
 * Notes under a table: when the project was delivered and against which date, why a value is missing,
 * deliveries left out for want of a date, requirements whose clock a rejection or hold stopped.
 */
export function measureNotes(t: Translate, k: Kpis, f?: Fmt): string[] {
  const out: string[] = [];
  const note = (m: Measure, reason: string) => out.push(t('kpi.note', { name: measureName(t, m), reason }));
  const p = k.project_on_time_rate;
  if (f && (p.delivered_on || p.due)) {
    const moved = p.moved_days ? t('kpi.moved', { n: p.moved_days > 0 ? `+${p.moved_days}` : String(p.moved_days) }) : '';
    if (!p.delivered_on) note(p, t('kpi.dueOnly', { due: formatDate(f, p.due!), moved }));
    else
      note(
        p,
        p.due
          ? t('kpi.deliveredDue', { date: formatDate(f, p.delivered_on), due: formatDate(f, p.due), moved })
          : t('kpi.delivered', { date: formatDate(f, p.delivered_on) }),
      );
  }
  for (const m of measureRows(k)) if (m.reason) note(m, t(`kpi.reason.${m.reason}`));
  const ex = k.on_time_delivery_rate.excluded ?? 0;
  if (ex > 0) note(k.on_time_delivery_rate, t('kpi.excluded', { n: ex }));
  for (const m of [k.analysis_sla_rate, k.feasibility_sla_rate]) if (m.stopped) note(m, t('kpi.stopped', { n: m.stopped }));
  const r = k.risks_identified;
  if (r.projects) note(r, t('kpi.projectsMet', { n: r.projects_met ?? 0, of: r.projects, target: r.target ?? '—' }));
  return out;
}

export interface PortfolioRow {
  name: string;
  kpis: Kpis;
  total?: boolean;
}

/** Portfolio table columns for a group of measures: project, then one value per measure. */
function headerOf(t: Translate, rows: readonly PortfolioRow[], key: KpiKey): string {
  for (const r of rows) {
    const m = measureOf(r.kpis, key);
    if (m) return measureShort(t, m);
  }
  return t(`kpi.short.${key}`);
}

export function portfolioColumns(t: Translate, keys: readonly KpiKey[], rows: readonly PortfolioRow[] = []): Column<PortfolioRow>[] {
  return [
    { header: t('kpi.col.project'), value: (r) => r.name },
    ...keys.map(
      (key): Column<PortfolioRow> => ({
        header: headerOf(t, rows, key),
        value: (r) => {
          const m = measureOf(r.kpis, key);
          return m ? formatValue(m) : '—';
        },
        align: 'right',
        style: (s, r, c) => (measureOf(r.kpis, key)?.met === false ? c.red(s) : s),
      }),
    ),
  ];
}

/**
 * Splits the measures into groups whose portfolio table fits `width` columns on a terminal
 * (each column costs its widest cell plus 3 for padding and border).
 */
export function measureGroups(widthOf: (s: string) => number, t: Translate, rows: readonly PortfolioRow[], width: number): KpiKey[][] {
  const nameW = Math.max(widthOf(t('kpi.col.project')), ...rows.map((r) => widthOf(r.name))) + 4;
  const groups: KpiKey[][] = [[]];
  let used = nameW;
  const keys = rows.length ? kpiList(rows[rows.length - 1]!.kpis).map((m) => m.key) : [];
  for (const key of keys) {
    const w =
      Math.max(
        widthOf(headerOf(t, rows, key)),
        ...rows.map((r) => {
          const m = measureOf(r.kpis, key);
          return widthOf(m ? formatValue(m) : '—');
        }),
      ) + 3;
    if (used + w > width && groups[groups.length - 1]!.length > 0) {
      groups.push([]);
      used = nameW;
    }
    groups[groups.length - 1]!.push(key);
    used += w;
  }
  return groups;
}
