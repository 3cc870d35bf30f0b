// The record side of a project diff (pure): requirements (status moves), risks (added, closed,
// rescored), change slips (submitted, approved, applied…) and acceptance rounds recorded.
import { KIND_NAMES, kindSpec, type KindName } from './kinds/index.js';
import {
  recordsOf,
  type Acceptance,
  type AcceptanceRound,
  type Change,
  type Project,
  type Requirement,
  type RequirementStatus,
  type Risk,
} from './model.js';
import { sortIds } from './id-order.js';
import { riskScore } from './risk.js';

export interface RequirementRef {
  id: string;
  title: string;
  status: RequirementStatus;
}

export interface RequirementChange {
  id: string;
  title: string;
  /** Present when the status moved. */
  status?: { from: RequirementStatus; to: RequirementStatus };
  /** Other top-level fields whose value changed (history is implied by a status move). */
  fields: string[];
}

export interface RequirementsDiff {
  added: RequirementRef[];
  removed: RequirementRef[];
  changed: RequirementChange[];
}

export interface RiskRef {
  id: string;
  title: string;
  status: Risk['status'];
  probability: number;
  impact: number;
  score: number;
}

export interface RiskStatusMove {
  id: string;
  title: string;
  from: Risk['status'];
  to: Risk['status'];
}

export interface RiskRescore {
  id: string;
  title: string;
  from: { probability: number; impact: number; score: number };
  to: { probability: number; impact: number; score: number };
}

export interface RisksDiff {
  added: RiskRef[];
  removed: RiskRef[];
  /** Status moves; a move to `closed` is a risk closed, from `closed` one reopened. */
  status: RiskStatusMove[];
  rescored: RiskRescore[];
}

/** A change slip that appeared, moved or disappeared: `from` null = new, `to` null = removed. */
export interface ChangeMove {
  id: string;
  title: string;
  from: Change['status'] | null;
  to: Change['status'] | null;
  schedule_days?: number;
  cost?: { amount: number; currency: string };
}

export interface RoundRecorded {
  id: string;
  deliverable: string;
  /** 1-based round number in the record. */
  n: number;
  date: string;
  result: AcceptanceRound['result'];
  kind?: AcceptanceRound['kind'];
  contact: string;
  reasons: string[];
}

export interface AcceptanceDiff {
  added: { id: string; deliverable: string }[];
  removed: { id: string; deliverable: string }[];
  rounds: RoundRecorded[];
  /** Records whose earlier rounds were edited or removed (history rewritten: worth a look). */
  revised: string[];
  /** Rectification items opened, fixed, verified or accepted open, and deliverables handed over, in this change set. */
  rectifications: { id: string; n: number; event: 'opened' | 'fixed' | 'verified' | 'accepted_open'; finding: string; owner: string }[];
  deliverables: { id: string; name: string; version?: string }[];
}

/** Records of one kind by id; with duplicate ids the first in file order stands for the id. */
export function byId<T extends { id: string }>(list: readonly { data: T }[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const r of list) if (!m.has(r.data.id)) m.set(r.data.id, r.data);
  return m;
}

/** Equal as JSON. The same object on both sides (a file unchanged between them is read once) is equal at once. */
export const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);
/**
 * Ids whose record is not the very same object on both sides, in id order: a record read from a
 * file unchanged between the sides is one object, and a diff of records says nothing about it.
 */
export function changedKeys<T>(a: Map<string, T>, b: Map<string, T>): string[] {
  const ids: string[] = [];
  for (const [id, x] of a) if (b.get(id) !== x) ids.push(id);
  for (const id of b.keys()) if (!a.has(id)) ids.push(id);
  return sortIds(ids);
}

/** The ids of both sides, each once, in id order (each id split once, not at every comparison: 10,000 tasks). */
export const sortedKeys = <T>(a: Map<string, T>, b: Map<string, T>) => {
  const ids = new Set(a.keys());
  for (const id of b.keys()) ids.add(id);
  return sortIds([...ids]);
};

export function diffRequirements(base: Project, head: Project): RequirementsDiff {
  const a = byId<Requirement>(base.requirements),
    b = byId<Requirement>(head.requirements);
  const out: RequirementsDiff = { added: [], removed: [], changed: [] };
  const ref = (r: Requirement): RequirementRef => ({ id: r.id, title: r.title, status: r.status });
  for (const id of changedKeys(a, b)) {
    const x = a.get(id),
      y = b.get(id);
    if (!x) out.added.push(ref(y!));
    else if (!y) out.removed.push(ref(x));
    else {
      const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((k) => k !== 'status' && k !== 'history' && k !== 'id');
      const fields = keys
        .filter((k) => !sameJson((x as unknown as Record<string, unknown>)[k], (y as unknown as Record<string, unknown>)[k]))
        .sort();
      if (!sameJson(x.history, y.history) && x.status === y.status) fields.push('history');
      if (x.status !== y.status || fields.length) {
        out.changed.push({ id, title: y.title, ...(x.status !== y.status ? { status: { from: x.status, to: y.status } } : {}), fields });
      }
    }
  }
  return out;
}

export function diffRisks(base: Project, head: Project): RisksDiff {
  const a = byId<Risk>(base.risks),
    b = byId<Risk>(head.risks);
  const out: RisksDiff = { added: [], removed: [], status: [], rescored: [] };
  const ref = (r: Risk): RiskRef => ({
    id: r.id,
    title: r.title,
    status: r.status,
    probability: r.probability,
    impact: r.impact,
    score: riskScore(r),
  });
  for (const id of changedKeys(a, b)) {
    const x = a.get(id),
      y = b.get(id);
    if (!x) out.added.push(ref(y!));
    else if (!y) out.removed.push(ref(x));
    else {
      if (x.status !== y.status) out.status.push({ id, title: y.title, from: x.status, to: y.status });
      if (x.probability !== y.probability || x.impact !== y.impact) {
        out.rescored.push({
          id,
          title: y.title,
          from: { probability: x.probability, impact: x.impact, score: riskScore(x) },
          to: { probability: y.probability, impact: y.impact, score: riskScore(y) },
        });
      }
    }
  }
  return out;
}

export function diffChanges(base: Project, head: Project): ChangeMove[] {
  const a = byId<Change>(base.changes),
    b = byId<Change>(head.changes);
  const out: ChangeMove[] = [];
  for (const id of changedKeys(a, b)) {
    const x = a.get(id),
      y = b.get(id);
    if (x && y && x.status === y.status) continue;
    const r = (y ?? x)!;
    out.push({
      id,
      title: r.title,
      from: x?.status ?? null,
      to: y?.status ?? null,
      ...(r.schedule_days !== undefined ? { schedule_days: r.schedule_days } : {}),
      ...(r.cost ? { cost: { amount: r.cost.amount, currency: r.cost.currency } } : {}),
    });
  }
  return out;
}

export function diffAcceptance(base: Project, head: Project): AcceptanceDiff {
  const a = byId<Acceptance>(base.acceptance),
    b = byId<Acceptance>(head.acceptance);
  const out: AcceptanceDiff = { added: [], removed: [], rounds: [], revised: [], rectifications: [], deliverables: [] };
  for (const id of changedKeys(a, b)) {
    const x = a.get(id),
      y = b.get(id);
    if (!y) {
      out.removed.push({ id, deliverable: x!.deliverable });
      continue;
    }
    if (!x) out.added.push({ id, deliverable: y.deliverable });
    const before = x?.rounds ?? [],
      after = y.rounds ?? [];
    // Rounds are appended: the common prefix is old, the rest was recorded in this change set.
    let k = 0;
    while (k < before.length && k < after.length && sameJson(before[k], after[k])) k++;
    if (k < before.length) out.revised.push(id);
    after.slice(k).forEach((r, i) => {
      out.rounds.push({
        id,
        deliverable: y.deliverable,
        n: k + i + 1,
        date: r.date,
        result: r.result,
        contact: r.contact,
        reasons: r.reasons ?? [],
        ...(r.kind !== undefined ? { kind: r.kind } : {}),
      });
    });
    (y.rectifications ?? []).forEach((item, i) => {
      const old = x?.rectifications?.[i];
      const ev = (event: AcceptanceDiff['rectifications'][number]['event']) =>
        out.rectifications.push({ id, n: i + 1, event, finding: item.finding, owner: item.owner });
      if (!old || old.finding !== item.finding) ev('opened');
      if (item.fixed !== undefined && old?.fixed === undefined) ev('fixed');
      if (item.verified !== undefined && old?.verified === undefined) ev('verified');
      if (item.accepted_open !== undefined && old?.accepted_open === undefined) ev('accepted_open');
    });
    const had = new Set((x?.deliverables ?? []).map((d) => JSON.stringify(d)));
    for (const d of y.deliverables ?? [])
      if (!had.has(JSON.stringify(d))) out.deliverables.push({ id, name: d.name, ...(d.version ? { version: d.version } : {}) });
  }
  return out;
}

/** A kind without a diff section of its own: records added, removed, or with fields changed. */
export interface RecordsDiff {
  kind: KindName;
  added: { id: string; title: string }[];
  removed: { id: string; title: string }[];
  changed: { id: string; title: string; fields: string[] }[];
}

/** Every kind the registry marks `diff: 'generic'`, one entry each (empty lists when nothing changed). */
export function diffOtherRecords(base: Project, head: Project): RecordsDiff[] {
  return KIND_NAMES.filter((k) => kindSpec(k).diff === 'generic').map((kind) => {
    const spec = kindSpec(kind);
    const a = byId(recordsOf(base, kind) as { data: { id: string } }[]),
      b = byId(recordsOf(head, kind) as { data: { id: string } }[]);
    const title = (r: { id: string }) => spec.title(r) ?? r.id;
    const out: RecordsDiff = { kind, added: [], removed: [], changed: [] };
    for (const id of changedKeys(a, b)) {
      const x = a.get(id) as Record<string, unknown> | undefined,
        y = b.get(id) as Record<string, unknown> | undefined;
      if (!x) out.added.push({ id, title: title(y as { id: string }) });
      else if (!y) out.removed.push({ id, title: title(x as { id: string }) });
      else {
        const fields = [...new Set([...Object.keys(x), ...Object.keys(y)])].filter((k) => !sameJson(x[k], y[k])).sort();
        if (fields.length) out.changed.push({ id, title: title(y as { id: string }), fields });
      }
    }
    return out;
  });
}
