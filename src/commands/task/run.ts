// `deliver task add|list|show|start|done|block|reopen`: plan tasks and their status as work happens.
import type { Context } from '../../cli/context.js';
import { WROTE, readOutcome, type Outcome } from '../../cli/outcome.js';
import type { TaskAddOptions, TaskListOptions, TaskMoveOptions, TaskShowOptions } from './command.js';
import { RefusedError, UsageError } from '../../cli/errors.js';
import { choiceOption, dateOption, intOption, requireText, textOption } from '../../cli/options.js';
import { printJson, printTable, println } from '../../cli/output.js';
import { findRecord } from '../../cli/project.js';
import { changeProject } from '../../cli/change-project.js';
import { useProjectManifest } from '../../cli/project-language.js';
import { nextPrefixedId } from '../../core/ids.js';
import type { Located, Task, TaskStatus } from '../../core/model.js';
import type { ScheduledItem } from '../../core/schedule.js';
import { safeBlock, safeText } from '../../render/sanitize.js';
import type { LoadedProject } from '../../store/load.js';
import type { Edit } from '../../store/yaml-edit.js';
import {
  appendToPlan,
  idList,
  itemColumns,
  itemJson,
  noteUnscheduled,
  readPlan,
  refuseCycle,
  refuseMilestoneCycle,
  requirePlanRefs,
  signed,
  type ItemJson,
} from '../../cli/plan.js';

export const TASK_STATUSES: readonly TaskStatus[] = ['todo', 'in_progress', 'done', 'blocked'];

export async function taskAdd(ctx: Context, opts: TaskAddOptions): Promise<Outcome> {
  useProjectManifest(ctx); // the project's language before any prompt
  const name = await requireText(ctx, opts, opts.name, '--name', ctx.t('task.ask.name'));
  const start = dateOption(ctx, '--start', opts.start);
  const days = intOption(ctx, '--days', opts.days, 0, 100000);
  const end = dateOption(ctx, '--end', opts.end);
  if (days !== undefined && end !== undefined) throw new UsageError(ctx.t('task.daysOrEnd'));
  if (start !== undefined && end !== undefined && end < start) throw new UsageError(ctx.t('task.endBeforeStart', { start, end }));
  const after = idList(opts.after);
  const milestone = textOption(opts.milestone);
  const requirement = textOption(opts.req);
  const owner = textOption(opts.owner);
  const deliverable = textOption(opts.deliverable);

  const id = changeProject(ctx, (p, loaded) => {
    requirePlanRefs(ctx, p, '--after', after, 'plan');
    if (milestone !== undefined) requirePlanRefs(ctx, p, '--milestone', [milestone], 'milestone');
    if (requirement !== undefined) requirePlanRefs(ctx, p, '--req', [requirement], 'requirement');
    const id = nextPrefixedId('T-', [...p.tasks.map((t) => t.data.id), ...p.brokenIds]);
    refuseCycle(ctx, p, id, after);
    if (milestone !== undefined) refuseMilestoneCycle(ctx, p, id, after, milestone);
    // Without --days or --end the task is one working day, written out so the plan says so.
    const record: Record<string, unknown> = {
      id,
      name,
      ...(owner ? { owner } : {}),
      ...(start ? { start } : {}),
      ...(end ? { end } : { days: days ?? 1 }),
      ...(after.length ? { depends_on: after } : {}),
      ...(milestone ? { milestone } : {}),
      ...(requirement ? { requirement } : {}),
      ...(deliverable ? { deliverable } : {}),
      status: 'todo',
    };
    return { changes: [appendToPlan(p, loaded, 'tasks', record)], result: id };
  });
  if (ctx.json) printJson(ctx, 'task.add', { id });
  else println(ctx, id);
  return WROTE;
}

type TaskRow = ItemJson & {
  actual_start: string | null;
  actual_end: string | null;
  blocked_reason: string | null;
  requirement: string | null;
  deliverable: string | null;
};

function taskRow(t: Task, it: ScheduledItem | undefined): TaskRow {
  return {
    ...itemJson(t, 'task', it),
    status: t.status,
    actual_start: t.actual_start ?? null,
    actual_end: t.actual_end ?? null,
    blocked_reason: t.blocked_reason ?? null,
    requirement: t.requirement ?? null,
    deliverable: t.deliverable ?? null,
  };
}

export async function taskList(ctx: Context, opts: TaskListOptions): Promise<Outcome> {
  const statuses = opts.status?.map((s) => choiceOption(ctx, '--status', s, TASK_STATUSES)!);
  const owners = opts.owner?.map((s) => s.trim());
  const milestone = textOption(opts.milestone);
  const baseline = textOption(opts.baseline);
  const { loaded, plan } = readPlan(ctx, baseline);
  const p = loaded.project;
  if (milestone !== undefined) requirePlanRefs(ctx, p, '--milestone', [milestone], 'milestone');
  const s = plan.schedule;
  const rows = p.tasks
    .map((t) => taskRow(t.data, s.items.get(t.data.id)))
    .filter(
      (r) =>
        (!statuses || statuses.includes(r.status as TaskStatus)) &&
        (!owners || (r.owner !== null && owners.includes(r.owner))) &&
        (milestone === undefined || r.milestone === milestone) &&
        (!opts.late || r.late),
    );
  if (ctx.json) {
    printJson(ctx, 'task.list', { as_of: ctx.asOf, baseline: s.baseline ?? null, items: rows });
    return readOutcome(loaded);
  }
  printTable(ctx, itemColumns(ctx, s.baseline !== undefined, true), rows);
  if (ctx.stdoutIsTTY && s.baseline !== undefined) println(ctx, ctx.t('plan.slipAgainst', { name: safeText(s.baseline) }));
  noteUnscheduled(ctx, p, s);
  return readOutcome(loaded);
}

function findTask(ctx: Context, loaded: LoadedProject, id: string): Located<Task> {
  return findRecord(ctx, loaded, loaded.project.tasks, id, ctx.t('kind.task'), 'task');
}

export async function taskShow(ctx: Context, id: string, opts: TaskShowOptions): Promise<Outcome> {
  const { loaded, plan } = readPlan(ctx, textOption(opts.baseline));
  const p = loaded.project;
  const task = findTask(ctx, loaded, id);
  const it = plan.schedule.items.get(id);
  const row = taskRow(task.data, it);
  const successors = [...p.tasks, ...p.milestones].filter((r) => r.data.depends_on?.includes(id)).map((r) => r.data.id);
  if (ctx.json) {
    printJson(ctx, 'task.show', { task: task.data, file: task.file, schedule: row, successors, baseline: plan.schedule.baseline ?? null });
    return readOutcome(loaded);
  }
  const t = ctx.t;
  const d = task.data;
  const line = (label: string, v: unknown) => v !== undefined && v !== null && v !== '' && println(ctx, `${label}: ${safeText(v)}`);
  println(ctx, ctx.chalk().bold(`${safeText(d.id)}  ${safeText(d.name)}`));
  line(t('plan.col.status'), t(`task.status.${d.status}`));
  line(t('plan.col.owner'), d.owner);
  if (it) {
    line(t('task.show.forecast'), t('task.show.span', { start: it.start, end: it.end, days: it.days }));
    if (it.plannedStart !== it.start || it.plannedEnd !== it.end) line(t('task.show.plannedSpan'), `${it.plannedStart} → ${it.plannedEnd}`);
    line(t('task.show.window'), t('task.show.windowText', { es: it.earlyStart, ls: it.lateStart, lf: it.lateFinish }));
    line(t('plan.col.float'), `${signed(it.totalFloat)}${it.critical ? '  ' + t('task.show.critical') : ''}`);
    if (it.late) line(t('plan.col.lateBy'), t('plan.workingDays', { n: it.lateBy }));
    if (it.baselineEnd !== undefined)
      line(
        t('task.show.baseline', { name: safeText(plan.schedule.baseline ?? '') }),
        `${it.baselineStart ?? '?'} → ${it.baselineEnd}  (${t('plan.col.slip')} ${signed(it.slip)})`,
      );
  } else {
    line(t('task.show.planned'), t('task.show.unscheduled'));
  }
  line(t('task.show.actual'), d.actual_start || d.actual_end ? `${d.actual_start ?? '?'} → ${d.actual_end ?? ''}` : undefined);
  line(t('task.show.blocked'), d.blocked_reason);
  line(t('task.show.dependsOn'), d.depends_on?.join(', '));
  line(t('task.show.successors'), successors.join(', '));
  line(t('task.show.milestone'), d.milestone);
  line(t('task.show.requirement'), d.requirement);
  line(t('task.show.deliverable'), d.deliverable);
  if (d.notes) println(ctx, safeBlock(d.notes));
  return readOutcome(loaded);
}

export type TaskAction = 'start' | 'done' | 'block' | 'reopen';

interface Move {
  from: TaskStatus;
  to: TaskStatus;
  edits: Edit[];
  after: Task;
}

/** The status change for `action`, or a refusal that says what is possible from here. */
function planMove(
  ctx: Context,
  task: Located<Task>,
  action: TaskAction,
  date: string | undefined,
  reason: string | undefined,
  start?: string,
  toTodo = false,
): Move {
  const d = task.data;
  const from = d.status;
  const at = (k: string) => [...task.path, k];
  const edits: Edit[] = [];
  const after: Task = { ...d };
  const set = (k: keyof Task, v: string) => {
    edits.push({ op: 'set', path: at(k), value: v });
    (after as Record<string, unknown>)[k] = v;
  };
  const del = (k: keyof Task) => {
    if (d[k] !== undefined) {
      edits.push({ op: 'delete', path: at(k) });
      delete after[k];
    }
  };
  const refuse = (key: string) => {
    throw new RefusedError(ctx.t(key, { id: d.id, status: from, action }), ctx.t(`task.hint.${from}`, { id: d.id }));
  };
  const day = date ?? ctx.asOf;
  let to: TaskStatus;
  switch (action) {
    case 'start':
      if (from === 'in_progress' || from === 'done') refuse(from === 'done' ? 'task.isDone' : 'task.alreadyStarted');
      to = 'in_progress';
      set('status', to);
      if (d.actual_start === undefined || date !== undefined) set('actual_start', day);
      del('blocked_reason');
      break;
    case 'done': {
      // A done task without its actual end (DLV-W064, e.g. hand-edited) may be given one.
      if (from === 'done' && d.actual_end !== undefined) refuse('task.isDone');
      if (start === undefined && d.actual_start !== undefined && day < d.actual_start)
        throw new RefusedError(ctx.t('task.endBeforeActualStart', { id: d.id, date: day, start: d.actual_start }));
      to = 'done';
      set('status', to);
      // The actual start is a fact: recorded when given, never invented for work never started.
      if (start !== undefined) {
        if (day < start) throw new RefusedError(ctx.t('task.endBeforeActualStart', { id: d.id, date: day, start }));
        set('actual_start', start);
      }
      set('actual_end', day);
      del('blocked_reason');
      break;
    }
    case 'block':
      if (from === 'done') refuse('task.isDone');
      to = 'blocked';
      set('status', to);
      set('blocked_reason', reason!);
      break;
    case 'reopen':
      // An unfinished task carrying an actual end (DLV-E065) may be reopened to clear it.
      if ((from === 'todo' || from === 'in_progress') && d.actual_end === undefined) refuse('task.notReopenable');
      // Back to todo when the work never started (or --todo says so: the actual start goes too).
      to = d.actual_start !== undefined && !toTodo ? 'in_progress' : 'todo';
      set('status', to);
      del('actual_end');
      if (toTodo) del('actual_start');
      del('blocked_reason');
      break;
  }
  return { from, to, edits, after };
}

export async function taskMove(ctx: Context, action: TaskAction, id: string, opts: TaskMoveOptions): Promise<Outcome> {
  const date = dateOption(ctx, '--date', opts.date);
  const reason = textOption(opts.reason);
  const start = action === 'done' ? dateOption(ctx, '--start', opts.start) : undefined;
  if (action === 'block' && reason === undefined)
    throw new UsageError(ctx.t('err.missingOption', { option: '--reason' }), ctx.t('task.reasonHint'));
  const move = changeProject(ctx, (p, loaded) => {
    const task = findTask(ctx, loaded, id);
    const move = planMove(ctx, task, action, date, reason, start, opts.todo === true);
    return { changes: [{ kind: 'plan', rel: task.file, edits: move.edits }], result: move };
  });
  const a = move.after;
  if (ctx.json) {
    printJson(ctx, `task.${action}`, {
      id,
      from: move.from,
      to: move.to,
      actual_start: a.actual_start ?? null,
      actual_end: a.actual_end ?? null,
      blocked_reason: a.blocked_reason ?? null,
    });
    return WROTE;
  }
  const detail =
    move.to === 'done'
      ? ctx.t('task.moved.done', { date: a.actual_end ?? '' })
      : move.to === 'in_progress' && action === 'start'
        ? ctx.t('task.moved.started', { date: a.actual_start ?? '' })
        : move.to === 'blocked'
          ? ctx.t('task.moved.blocked', { reason: safeText(a.blocked_reason) })
          : '';
  println(ctx, `${ctx.t('task.moved', { id, from: ctx.t(`task.status.${move.from}`), to: ctx.t(`task.status.${move.to}`) })}${detail}`);
  return WROTE;
}
