// Risk register logic (pure): score, action states (overdue against the report date), ordering and the 5×5 matrix model.
import type { IsoDate } from './dates.js';
import type { Risk, RiskAction } from './model.js';

export const RISK_CATEGORIES = ['market', 'technical', 'production', 'quality', 'delivery', 'legal'] as const;
export const RISK_RESPONSES = ['avoid', 'mitigate', 'transfer', 'accept'] as const;
export const RISK_STATUSES = ['open', 'monitoring', 'occurred', 'closed'] as const;

export function riskScore(r: Pick<Risk, 'probability' | 'impact'>): number {
  return r.probability * r.impact;
}

export type RiskLevel = 'high' | 'medium' | 'low';

/** Zones of the 5×5 grid: 15–25 high, 6–12 medium, 1–5 low (the usual traffic-light split). */
export function riskLevel(score: number): RiskLevel {
  return score >= 15 ? 'high' : score >= 6 ? 'medium' : 'low';
}

export type ActionState = 'done' | 'waived' | 'overdue' | 'planned';

/** Overdue = a due date strictly before the report date and neither carried out nor waived. */
export function actionState(a: RiskAction, asOf: IsoDate): ActionState {
  if (a.done !== undefined) return 'done';
  if (a.waived !== undefined) return 'waived';
  if (a.due !== undefined && a.due < asOf) return 'overdue';
  return 'planned';
}

/** 1-based numbers of the actions in the given state. */
function numbersWhere(r: Risk, pick: (a: RiskAction) => boolean): number[] {
  const out: number[] = [];
  (r.actions ?? []).forEach((a, i) => {
    if (pick(a)) out.push(i + 1);
  });
  return out;
}

export function overdueActions(r: Risk, asOf: IsoDate): number[] {
  return numbersWhere(r, (a) => actionState(a, asOf) === 'overdue');
}

/** Actions neither done nor waived: these keep a risk from being closed. */
export function openActions(r: Risk): number[] {
  return numbersWhere(r, (a) => a.done === undefined && a.waived === undefined);
}

/**
 * Where the trailing run of digits of `s` starts; -1 when there is none or the prefix holds a line
 * break (the rule was once the pattern /^(.*?)(\d+)$/, whose `.` stops at line breaks).
 */
function trailingDigits(s: string): number {
  let i = s.length;
  while (i > 0) {
    const c = s.charCodeAt(i - 1);
    if (c < 48 || c > 57) break;
    i--;
  }
  if (i === s.length) return -1;
  for (let k = 0; k < i; k++) {
    const c = s.charCodeAt(k);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return -1;
  }
  return i;
}

/** An id split once: the prefix before its trailing number (none without one) and that number. */
interface IdKey {
  id: string;
  prefix: string | undefined;
  num: number;
}

function idKey(id: string): IdKey {
  const d = trailingDigits(id);
  return d >= 0 ? { id, prefix: id.slice(0, d), num: Number(id.slice(d)) } : { id, prefix: undefined, num: 0 };
}

/** Same prefix: by number, then as text (R-01 before R-1); otherwise as text. */
function compareKeys(a: IdKey, b: IdKey): number {
  return (a.prefix !== undefined && a.prefix === b.prefix && a.num - b.num) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Prefixed ids compare by prefix, then by number, so R-1000 follows R-999. */
export function compareIds(a: string, b: string): number {
  return compareKeys(idKey(a), idKey(b));
}

/**
 * `ids` in compareIds order, splitting each id once instead of at every comparison (thousands of
 * late task ids are sorted for every status).
 */
export function sortIds(ids: readonly string[]): string[] {
  return ids.map(idKey).sort(compareKeys).map((k) => k.id);
}

/** Each id's position in compareIds order. */
export function idRanks(ids: readonly string[]): Map<string, number> {
  return new Map(sortIds(ids).map((id, i) => [id, i]));
}

/** Highest score first, then by id. */
export function sortRisks<R extends Pick<Risk, 'id' | 'probability' | 'impact'>>(risks: readonly R[]): R[] {
  return [...risks].sort((a, b) => riskScore(b) - riskScore(a) || compareIds(a.id, b.id));
}

export interface MatrixCell {
  probability: number;
  impact: number;
  score: number;
  level: RiskLevel;
  /** Risk ids in this cell, in id order. */
  ids: string[];
}

/** Rows from probability 5 (top) down to 1; columns impact 1 … 5. */
export function riskMatrix(risks: readonly Pick<Risk, 'id' | 'probability' | 'impact'>[]): MatrixCell[][] {
  const rows: MatrixCell[][] = [];
  for (let p = 5; p >= 1; p--) {
    const row: MatrixCell[] = [];
    for (let i = 1; i <= 5; i++) {
      const score = p * i;
      const ids = risks.filter((r) => r.probability === p && r.impact === i).map((r) => r.id).sort(compareIds);
      row.push({ probability: p, impact: i, score, level: riskLevel(score), ids });
    }
    rows.push(row);
  }
  return rows;
}
