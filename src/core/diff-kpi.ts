// KPI deltas of a change set (pure): every measure whose value, or the counts behind it, changed.
import { KPI_KEYS, KPI_UNIT, type KpiKey, type KpiUnit, type Kpis } from './kpi.js';

export interface KpiDelta {
  key: KpiKey;
  unit: KpiUnit;
  from: number | null;
  to: number | null;
  /** The counts behind the values ("9/10 → 9/11"). */
  fromCounts: { numerator: number; denominator: number | null };
  toCounts: { numerator: number; denominator: number | null };
  target: number | null;
  metFrom: boolean | null;
  metTo: boolean | null;
}

export function diffKpis(base: Kpis, head: Kpis): KpiDelta[] {
  const out: KpiDelta[] = [];
  for (const key of KPI_KEYS) {
    const a = base[key],
      b = head[key];
    if (!a || !b) continue;
    if (a.value === b.value && a.numerator === b.numerator && a.denominator === b.denominator && a.target === b.target) continue;
    out.push({
      key,
      unit: KPI_UNIT[key],
      from: a.value,
      to: b.value,
      fromCounts: { numerator: a.numerator, denominator: a.denominator },
      toCounts: { numerator: b.numerator, denominator: b.denominator },
      target: b.target,
      metFrom: a.met,
      metTo: b.met,
    });
  }
  return out;
}
