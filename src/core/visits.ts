// The follow-up visit plan (回访计划, pure): deliver.yaml `visit_plan` promises visits at times after
// the start (the final acceptance by default); visits carry them out. A visit naming a step (`plan:
// 1m`) carries out that step; the other visits on or after the start fill the remaining steps in order.
import { addDays, isIsoDate, type IsoDate } from './dates.js';
import type { Project, Visit } from './model.js';
import { addMonths, finalAcceptance } from './service.js';

export type StepState = 'done' | 'overdue' | 'due' | 'upcoming' | 'pending';
export interface VisitStep {
  step: string;
  /** Unknown until the plan has a start. */
  due?: IsoDate;
  state: StepState;
  visit?: string;
  date?: IsoDate;
}
export interface VisitPlanFact {
  start?: IsoDate;
  from: 'manifest' | 'acceptance';
  steps: VisitStep[];
  done: number;
  overdue: number;
}

/**
 * The day a step falls on: `7d` days, `2w` weeks, `3m` calendar months after the start; undefined
 * past 9999-12-31 (no `YYYY-MM-DD` form, and as text it would sort before every date).
 */
export function stepDate(start: IsoDate, step: string): IsoDate | undefined {
  const m = /^(\d{1,3})([dwm])$/.exec(step);
  if (!m || !isIsoDate(start)) return undefined;
  const n = Number(m[1]);
  const day = m[2] === 'd' ? addDays(start, n) : m[2] === 'w' ? addDays(start, 7 * n) : addMonths(start, n);
  return day !== undefined && isIsoDate(day) ? day : undefined;
}

/** Days before a step's date from which it shows as due. */
export const DUE_SOON_DAYS = 7;

export function visitPlanOf(p: Project, asOf: IsoDate): VisitPlanFact | undefined {
  const plan = p.manifest?.data.visit_plan;
  if (!plan || !Array.isArray(plan.after)) return undefined;
  const start = plan.start ?? finalAcceptance(p);
  const from = plan.start ? 'manifest' : 'acceptance';
  const visits = p.visits
    .map((v) => v.data)
    .filter((v) => v.date <= asOf)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  const used = new Set<string>();
  const byStep = new Map<string, Visit>();
  for (const v of visits)
    if (v.plan && plan.after.includes(v.plan) && !byStep.has(v.plan)) {
      byStep.set(v.plan, v);
      used.add(v.id);
    }
  const free = visits.filter((v) => !used.has(v.id) && !v.plan && start !== undefined && v.date >= start);
  const steps: VisitStep[] = plan.after.map((step) => {
    const due = start ? stepDate(start, step) : undefined;
    let v = byStep.get(step);
    if (!v && start) v = free.shift();
    if (v) return { step, ...(due ? { due } : {}), state: 'done', visit: v.id, date: v.date };
    if (!due) return { step, state: 'pending' };
    const state: StepState = due < asOf ? 'overdue' : due <= addDays(asOf, DUE_SOON_DAYS) ? 'due' : 'upcoming';
    return { step, due, state };
  });
  return {
    ...(start ? { start } : {}),
    from,
    steps,
    done: steps.filter((s) => s.state === 'done').length,
    overdue: steps.filter((s) => s.state === 'overdue').length,
  };
}
