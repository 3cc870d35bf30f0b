// The forward pass of the scheduler (conventions: schedule.ts): one node per task and milestone,
// the graph ordered, early dates for the forecast and the plan. `schedule` adds the backward pass,
// float, the critical path and baselines on top; `scheduleDates` is the forward pass alone, and
// `rescheduleDates` runs it again over only what changed tasks reach (`change apply`).
import type { WorkCalendar } from './calendar.js';
import { dayOrNaN, fromDay, type IsoDate } from './dates.js';
import type { Milestone, Schedule, ScheduleInput, ScheduleProblem, Task } from './schedule.js';
import { orderGraph, type GraphNode } from './schedule-graph.js';

export interface Node extends GraphNode {
  task: Task | undefined;
  ms: Milestone | undefined;
  // Day numbers, filled by the forward pass: forecast (es, ef) and plan (pes, pef).
  es: number;
  ef: number;
  dur: number;
  actual: boolean;
  ok: boolean;
  pes: number;
  pef: number;
  /** Working days the backward pass reserves before the finish: the duration, or what remains of started work. */
  work: number;
  /** Explicit predecessors (depends_on) come first in preds; the rest are tasks naming the milestone. */
  nExplicit: number;
  lf: number;
  ls: number;
  /** Total float in working days, filled by the backward pass. */
  float: number;
  /** A done task or a reached milestone. */
  finished: boolean;
}

export const day = (iso: string | undefined): number | undefined => {
  const n = dayOrNaN(iso);
  return Number.isNaN(n) ? undefined : n;
};
const dayOrThrow = (iso: string, what: string): number => {
  const n = dayOrNaN(iso);
  if (Number.isNaN(n)) throw new RangeError(`${what} is not a calendar date: ${JSON.stringify(iso)}`);
  return n;
};

// Each pass is its own function, with indexed loops. They run once per command over up to 10,000
// nodes, mostly before V8 has optimized them: a function per pass is optimized with its own type
// feedback (one long function was optimized mid-loop, then thrown back to the interpreter at the
// next loop it had no feedback for), and an index costs several times less than for…of there.

/** The forward pass over the whole plan (early dates), and what it worked on. */
export function forwardAll(
  input: ScheduleInput,
  problems: ScheduleProblem[],
): { state: ForwardState; order: number[]; due: number | undefined } {
  const cal = input.calendar;
  const projectStart = dayOrThrow(input.start, 'project start');
  const due = input.due !== undefined ? dayOrThrow(input.due, 'due') : undefined;
  const asOf = dayOrThrow(input.asOf, 'as-of date');

  const nodes = buildNodes(input, problems);
  const graph = orderWithImplicit(nodes);
  for (const ids of graph.cycles) problems.push({ kind: 'cycle', ids });
  for (const [i, p] of graph.behind) problems.push({ kind: 'blocked', id: nodes[i]!.id, by: nodes[p]!.id });

  let ps0: number, now: number;
  try {
    ps0 = cal.nextWorkingDay(projectStart);
    now = cal.nextWorkingDay(asOf);
  } catch (e) {
    throw asRange(e);
  }
  const order = forwardPass(nodes, graph.order, ps0, asOf, now, cal, problems);
  return { state: { nodes, topo: graph.order, ps0, asOf, now, cal, taskCount: input.tasks.length }, order, due };
}

/** Forecast dates alone: what `schedule` gives for start, end and days, and its order. */
export interface ScheduledDates {
  items: Map<string, { start: IsoDate; end: IsoDate; days: number }>;
  /** Scheduled ids, predecessors first. */
  order: string[];
  /** As `schedule` finds them, but for baselines (none are read). */
  problems: ScheduleProblem[];
}

/**
 * The forward pass of `schedule` alone: the same start, end and days for every item, without late
 * dates, float, the critical path or baselines (`change apply` needs only where things are).
 */
export function scheduleDates(input: ScheduleInput): ScheduledDates {
  const problems: ScheduleProblem[] = [];
  const { state, order } = forwardAll(input, problems);
  const items = new Map<string, { start: IsoDate; end: IsoDate; days: number }>();
  const ids: string[] = new Array(order.length);
  for (let o = 0; o < order.length; o++) {
    const n = state.nodes[order[o]!]!;
    items.set(n.id, { start: fromDay(n.es), end: fromDay(n.ef), days: n.task ? n.dur : 0 });
    ids[o] = n.id;
  }
  const out: ScheduledDates = { items, order: ids, problems };
  forwardStates.set(out, state);
  return out;
}

/** What the forward pass of a schedule worked on, kept for rescheduleDates. */
export interface ForwardState {
  nodes: Node[];
  topo: number[];
  ps0: number;
  asOf: number;
  now: number;
  cal: WorkCalendar;
  /** Nodes [0, taskCount) are the tasks, in input order. */
  taskCount: number;
}

const forwardStates = new WeakMap<Schedule | ScheduledDates, ForwardState>();

/** Keeps what the forward pass of `result` worked on, for rescheduleDates. */
export function rememberForward(result: Schedule | ScheduledDates, state: ForwardState): void {
  forwardStates.set(result, state);
}

/**
 * The forecast start and end of every task and milestone once some tasks' own dates change, as a
 * full `schedule` of the edited tasks would give them, without scheduling the rest again: only the
 * edited tasks and what follows them (through depends_on and the milestones tasks name) go through
 * the forward pass again, in the same order, from the dates of everything else. `edited` holds
 * new versions of tasks of `before`'s input, by id (same depends_on and milestone, other fields
 * changed: `change apply` sets start, end and days). Undefined when `before` was not made by
 * `schedule`. An item missing from the result could not be scheduled. Only the dates: late dates
 * and float are not recomputed.
 */
export function rescheduleDates(
  before: Schedule | ScheduledDates,
  edited: ReadonlyMap<string, Task>,
): Map<string, { start: IsoDate; end: IsoDate }> | undefined {
  const st = forwardStates.get(before);
  if (!st) return undefined;
  // Only the nodes the forward pass will set again are copied; the rest are read, never written.
  const nodes = st.nodes.slice();
  const dirty = new Uint8Array(nodes.length);
  const stack: number[] = [];
  const tasks = new Map<number, Task>();
  for (let k = 0; k < st.taskCount && k < nodes.length; k++) {
    const t = edited.get(nodes[k]!.id);
    if (t === undefined || nodes[k]!.task === undefined) continue;
    tasks.set(k, t);
    stack.push(k);
  }
  while (stack.length) {
    const i = stack.pop()!;
    if (dirty[i]) continue;
    dirty[i] = 1;
    for (const s of nodes[i]!.succs) if (!dirty[s]) stack.push(s);
  }
  const topo = st.topo.filter((i) => dirty[i] === 1);
  for (const i of topo) nodes[i] = { ...nodes[i]!, task: tasks.get(i) ?? nodes[i]!.task, ok: false };
  forwardPass(nodes, topo, st.ps0, st.asOf, st.now, st.cal, []);
  const out = new Map<string, { start: IsoDate; end: IsoDate }>();
  for (const i of st.topo) {
    const n = nodes[i]!;
    if (n.ok) out.set(n.id, { start: fromDay(n.es), end: fromDay(n.ef) });
  }
  return out;
}

/**
 * The ids that follow `roots` in the graph `before` was scheduled on, roots included: through
 * depends_on and from a task to the milestone it names, as far as the scheduler kept that implicit
 * edge (one that would close a cycle is dropped). The edges rescheduleDates follows, so what it
 * moves is always among these. Undefined when `before` was not made by `schedule`.
 */
export function followers(before: Schedule | ScheduledDates, roots: readonly string[]): Set<string> | undefined {
  const st = forwardStates.get(before);
  if (!st) return undefined;
  const out = new Set<string>(roots);
  const stack: number[] = [];
  for (let i = 0; i < st.nodes.length; i++) if (out.has(st.nodes[i]!.id)) stack.push(i);
  while (stack.length) {
    const succs = st.nodes[stack.pop()!]!.succs;
    for (let k = 0; k < succs.length; k++) {
      const id = st.nodes[succs[k]!]!.id;
      if (out.has(id)) continue;
      out.add(id);
      stack.push(succs[k]!);
    }
  }
  return out;
}

/** One node per task and milestone (every node has the same fields from the start: one object shape), with edges. */
function buildNodes(input: ScheduleInput, problems: ScheduleProblem[]): Node[] {
  const nodes: Node[] = [];
  const index = new Map<string, number>();
  const add = (id: string, task: Task | undefined, ms: Milestone | undefined, finished: boolean) => {
    if (index.has(id)) {
      problems.push({ kind: 'duplicate_id', id });
      return;
    }
    index.set(id, nodes.length);
    nodes.push({
      id,
      preds: [],
      succs: [],
      task,
      ms,
      es: 0,
      ef: 0,
      dur: 0,
      actual: false,
      ok: false,
      pes: 0,
      pef: 0,
      work: 0,
      nExplicit: 0,
      lf: 0,
      ls: 0,
      float: 0,
      finished,
    });
  };
  for (let k = 0; k < input.tasks.length; k++) {
    const t = input.tasks[k]!;
    add(t.id, t, undefined, t.status === 'done');
  }
  for (let k = 0; k < input.milestones.length; k++) {
    const m = input.milestones[k]!;
    add(m.id, undefined, m, m.done !== undefined);
  }
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const refs = (node.task ?? node.ms)!.depends_on;
    if (refs === undefined) continue;
    for (let k = 0; k < refs.length; k++) {
      const ref = refs[k]!;
      const p = index.get(ref);
      if (p === undefined) {
        problems.push({ kind: 'unknown_ref', id: node.id, ref });
        continue;
      }
      if (node.preds.includes(p)) continue; // a repeated reference (the schema refuses these; stay safe)
      node.preds.push(p);
      nodes[p]!.succs.push(i);
    }
  }
  for (let i = 0; i < nodes.length; i++) nodes[i]!.nExplicit = nodes[i]!.preds.length;
  // A milestone waits for the tasks that name it (an implicit finish-to-start edge).
  for (let i = 0; i < nodes.length; i++) {
    const t = nodes[i]!.task;
    if (t === undefined || t.milestone === undefined) continue;
    const m = index.get(t.milestone);
    // Already explicit when the milestone's depends_on names the task (the task's successors say so:
    // asking them keeps this linear, a milestone may gather thousands of tasks).
    if (m === undefined || nodes[m]!.ms === undefined || nodes[i]!.succs.includes(m)) continue;
    nodes[m]!.preds.push(i);
    nodes[i]!.succs.push(m);
  }
  return nodes;
}

/**
 * Orders the graph; an implicit edge (task → the milestone it names) that closes a cycle is dropped
 * rather than reported (the cycle is not in the records), and the graph is ordered again.
 */
function orderWithImplicit(nodes: Node[]): ReturnType<typeof orderGraph> {
  for (;;) {
    const graph = orderGraph(nodes);
    if (graph.cycles.length === 0) return graph;
    let dropped = false;
    const stuck = [...graph.onCycle, ...graph.behind.keys()];
    const isStuck = new Uint8Array(nodes.length);
    for (const m of stuck) isStuck[m] = 1;
    for (const m of stuck) {
      const node = nodes[m]!;
      // Only a wait for work that is itself unordered can close a loop: the milestone keeps waiting
      // for the other tasks that name it.
      let kept = node.nExplicit;
      for (let k = node.nExplicit; k < node.preds.length; k++) {
        const pred = node.preds[k]!;
        if (isStuck[pred]) {
          const succs = nodes[pred]!.succs;
          succs.splice(succs.lastIndexOf(m), 1);
          dropped = true;
        } else node.preds[kept++] = pred;
      }
      node.preds.length = kept;
    }
    if (!dropped) return graph;
  }
}

/** Early dates in topological order; returns the scheduled nodes in that order. */
function forwardPass(
  nodes: Node[],
  topo: number[],
  ps0: number,
  asOf: number,
  now: number,
  cal: WorkCalendar,
  problems: ScheduleProblem[],
): number[] {
  const order: number[] = [];
  for (let o = 0; o < topo.length; o++) {
    const i = topo[o]!;
    const node = nodes[i]!;
    const preds = node.preds;
    let failed: number | undefined;
    let maxEf: number | undefined, maxPef: number | undefined;
    for (let k = 0; k < preds.length; k++) {
      const pred = nodes[preds[k]!]!;
      if (!pred.ok) {
        failed = preds[k];
        break;
      }
      maxEf = maxEf === undefined ? pred.ef : Math.max(maxEf, pred.ef);
      maxPef = maxPef === undefined ? pred.pef : Math.max(maxPef, pred.pef);
    }
    if (failed !== undefined) {
      problems.push({ kind: 'blocked', id: node.id, by: nodes[failed]!.id });
      continue;
    }
    try {
      if (node.task) forwardTask(node, node.task, maxEf, maxPef, ps0, now, cal);
      else forwardMilestone(node, node.ms!, maxEf, maxPef, ps0, asOf);
      node.ok = true;
      order.push(i);
    } catch (e) {
      problems.push({ kind: 'date_range', id: node.id, message: asRange(e).message });
    }
  }
  return order;
}

/**
 * The early start after predecessors that finish on `after` (none: the project's first working day
 * `ps0`): the next working day, never before `from`, the first working day of the task's own start.
 */
function earliest(after: number | undefined, from: number | undefined, ps0: number, cal: WorkCalendar): number {
  if (after === undefined) return from ?? ps0;
  const es = cal.addWorkingDays(after, 1);
  return from !== undefined ? Math.max(es, from) : es;
}

/** The last working day of `d` days of work starting on `s` (0 and 1 days: that day). */
function finish(s: number, d: number, cal: WorkCalendar): number {
  return d <= 1 ? s : cal.addWorkingDays(s, d - 1);
}

function forwardTask(
  node: Node,
  t: Task,
  maxEf: number | undefined,
  maxPef: number | undefined,
  ps0: number,
  now: number,
  cal: WorkCalendar,
): void {
  const planStart = t.start !== undefined ? dayOrThrow(t.start, 'start') : undefined;
  const from = planStart !== undefined ? cal.nextWorkingDay(planStart) : undefined;
  const pes = earliest(maxPef, from, ps0, cal);
  let dur: number; // 0 = one-day event
  if (t.days !== undefined) dur = t.days;
  else if (t.end !== undefined) {
    dur = Math.max(1, cal.workingDaysBetween((from ?? pes) - 1, dayOrThrow(t.end, 'end')));
  } else dur = 1;

  const aStart = t.actual_start !== undefined ? dayOrThrow(t.actual_start, 'actual_start') : undefined;
  const aEnd = t.actual_end !== undefined && t.status === 'done' ? dayOrThrow(t.actual_end, 'actual_end') : undefined;
  node.dur = node.work = dur;
  if (aEnd !== undefined) {
    // Facts: both ends as recorded; without actual_start the planned start stands (clipped to the end).
    const s = aStart ?? Math.min(pes, aEnd);
    node.es = node.pes = s;
    node.ef = node.pef = aEnd;
    node.actual = true;
    node.dur = node.work = Math.max(0, cal.workingDaysBetween(s - 1, aEnd));
    return;
  }
  if (t.status === 'done') {
    // Done without an actual end (a warning elsewhere): finished on its planned dates.
    node.pes = pes;
    node.pef = finish(pes, dur, cal);
    node.es = earliest(maxEf, from, ps0, cal);
    node.ef = finish(node.es, dur, cal);
    return;
  }
  if (aStart !== undefined || t.status === 'in_progress') {
    // Started: the start stands; what is left is `remaining`, else the planned duration less the
    // working days spent before the report date (at least 1), from the report date on.
    const s0 = aStart !== undefined ? cal.nextWorkingDay(aStart) : pes;
    node.pes = aStart ?? pes;
    node.pef = finish(s0, dur, cal);
    const fs0 = aStart !== undefined ? s0 : earliest(maxEf, from, ps0, cal);
    const spent = now > fs0 ? cal.workingDaysBetween(fs0 - 1, now - 1) : 0;
    const rem = t.remaining ?? Math.max(1, Math.max(1, dur) - spent);
    node.es = aStart ?? fs0;
    node.ef = finish(Math.max(fs0, now), rem, cal);
    node.actual = aStart !== undefined;
    if (now > fs0 || t.remaining !== undefined) node.dur = cal.workingDaysBetween(fs0 - 1, node.ef);
    node.work = now > fs0 ? rem : node.dur;
    return;
  }
  // Not started: never before the first working day on or after the report date.
  node.pes = pes;
  node.pef = finish(pes, dur, cal);
  const es = Math.max(earliest(maxEf, from, ps0, cal), now);
  const d = t.remaining ?? dur;
  node.es = es;
  node.ef = finish(es, d, cal);
  if (t.remaining !== undefined) node.dur = node.work = d;
}

function forwardMilestone(
  node: Node,
  m: Milestone,
  maxEf: number | undefined,
  maxPef: number | undefined,
  ps0: number,
  asOf: number,
): void {
  const done = m.done !== undefined ? dayOrThrow(m.done, 'done') : undefined;
  const due = m.due !== undefined ? dayOrThrow(m.due, 'due') : undefined;
  node.dur = 0;
  node.actual = done !== undefined;
  if (done !== undefined) {
    node.es = node.ef = node.pes = node.pef = done;
    return;
  }
  const at = (after: number | undefined) => {
    const d = after ?? due ?? ps0;
    return m.fixed === true && due !== undefined ? Math.max(d, due) : d;
  };
  node.pes = node.pef = at(maxPef);
  node.es = node.ef = Math.max(at(maxEf), asOf);
}

export function asRange(e: unknown): RangeError {
  if (e instanceof RangeError) return e;
  throw e; // anything else is a bug, not a data problem
}
