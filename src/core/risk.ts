// Risk register logic (pure): score, action states (overdue against the report date), ordering and the 5×5 matrix model.
import type { IsoDate } from './dates.js';
import { compareIds, sortByIds } from './id-order.js';
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

/** Highest score first, then by id. */
export function sortRisks<R extends Pick<Risk, 'id' | 'probability' | 'impact'>>(risks: readonly R[]): R[] {
  return sortByIds(
    risks,
    (r) => r.id,
    (a, b) => riskScore(b) - riskScore(a),
  );
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
      const ids = risks
        .filter((r) => r.probability === p && r.impact === i)
        .map((r) => r.id)
        .sort(compareIds);
      row.push({ probability: p, impact: i, score, level: riskLevel(score), ids });
    }
    rows.push(row);
  }
  return rows;
}
