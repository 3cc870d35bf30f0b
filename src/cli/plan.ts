// The computed plan for commands (status, task, milestone, plan, gantt, change apply, KPIs): the
// project's calendar and schedule, the JSON shape and table columns of a scheduled item, problem texts, and the
// plumbing the plan commands share (reading with --baseline, findings, references, plan.yaml appends).
import type { Context } from './context.js';
import { FindingsError, RefusedError, UsageError } from './errors.js';
import { printDiagnostics } from './output.js';
import { readProject, type ReadProject } from './project.js';
import type { WorkCalendar } from '../core/calendar.js';
import { forecastCalendarNotices, type CalendarNotice } from '../core/forecast.js';
import { findCycles } from '../core/graph.js';
import { kindOfId } from '../core/ids.js';
import { isIsoDate, type IsoDate } from '../core/dates.js';
import { projectAsOf } from '../core/period.js';
import { PLAN_FILE, type Project, type Task } from '../core/model.js';
import { projectDue, scheduleProject } from '../core/rules/schedule.js';
import type { Schedule, ScheduledItem, ScheduleProblem } from '../core/schedule.js';
import type { Translate } from '../render/i18n.js';
import { sanitizeInline } from '../render/sanitize.js';
import type { Column } from '../render/table.js';
import type { LoadedProject } from '../store/load.js';
import type { RecordChange } from '../store/write.js';

export interface ProjectPlan {
  calendar: WorkCalendar;
  schedule: Schedule;
}

/**
 * The project's working-day calendar and forecast as of `asOf`, from the project as it stood then
 * (facts dated later are not known yet: the same view status and the reports use, so every command
 * shows the same dates). Slip is measured against `baselineName`, else the latest baseline. Never
 * throws on bad plan data: cycles, unknown references and unusable dates end up in
 * `schedule.problems` and those items are left out.
 */
export function planOf(project: Project, asOf: IsoDate, baselineName?: string): ProjectPlan {
  const view = isIsoDate(asOf) ? projectAsOf(project, asOf) : project;
  // A baseline named explicitly stays usable even when taken after the report date.
  const withBase = baselineName !== undefined && view.baselines !== project.baselines ? { ...view, baselines: project.baselines } : view;
  return scheduleProject(withBase, asOf, baselineName);
}

export { projectDue };

/** Baseline names, oldest first (as listed). */
export function baselineNames(project: Project): string[] {
  return project.baselines.map((b) => b.data.name);
}

/** A signed working-day figure: +3, 0, -2. */
export function signed(n: number | undefined): string {
  return n === undefined ? '' : n > 0 ? `+${n}` : String(n);
}

/** One scheduled task or milestone as machine-readable facts (numbers, booleans, null when unknown). */
export interface ItemJson {
  id: string;
  kind: 'task' | 'milestone';
  name: string;
  status: string;
  owner: string | null;
  milestone: string | null;
  /** False when the item could not be scheduled (cycle, behind a cycle, unusable date). */
  scheduled: boolean;
  start: IsoDate | null;
  end: IsoDate | null;
  days: number | null;
  early_start: IsoDate | null;
  early_finish: IsoDate | null;
  late_start: IsoDate | null;
  late_finish: IsoDate | null;
  total_float: number | null;
  critical: boolean;
  finished: boolean;
  actual: boolean;
  late: boolean;
  late_by: number;
  slip: number | null;
  baseline_start: IsoDate | null;
  baseline_end: IsoDate | null;
  due: IsoDate | null;
  due_variance: number | null;
  depends_on: string[];
}

export function itemJson(
  rec: { id: string; name: string; depends_on?: string[] } & Partial<Pick<Task, 'owner' | 'milestone' | 'status'>> & {
      due?: string;
      done?: string;
    },
  kind: 'task' | 'milestone',
  it: ScheduledItem | undefined,
): ItemJson {
  return {
    id: rec.id,
    kind,
    name: rec.name,
    status: it?.status ?? rec.status ?? (rec.done !== undefined ? 'done' : 'todo'),
    owner: rec.owner ?? null,
    milestone: rec.milestone ?? null,
    scheduled: it !== undefined,
    start: it?.start ?? null,
    end: it?.end ?? null,
    days: it ? it.days : null,
    early_start: it?.earlyStart ?? null,
    early_finish: it?.earlyFinish ?? null,
    late_start: it?.lateStart ?? null,
    late_finish: it?.lateFinish ?? null,
    total_float: it ? it.totalFloat : null,
    critical: it?.critical ?? false,
    finished: it?.finished ?? false,
    actual: it?.actual ?? false,
    late: it?.late ?? false,
    late_by: it?.lateBy ?? 0,
    slip: it?.slip ?? null,
    baseline_start: it?.baselineStart ?? null,
    baseline_end: it?.baselineEnd ?? null,
    due: rec.due ?? null,
    due_variance: it?.dueVariance ?? null,
    depends_on: rec.depends_on ?? [],
  };
}

/** A schedule problem in the user's language (record text sanitized). */
export function problemText(t: Translate, p: ScheduleProblem): string {
  const s = sanitizeInline;
  switch (p.kind) {
    case 'cycle':
      return t('plan.problem.cycle', { cycle: p.ids.map(s).join(' → ') });
    case 'unknown_ref':
      return t('plan.problem.unknownRef', { id: s(p.id), ref: s(p.ref) });
    case 'duplicate_id':
      return t('plan.problem.duplicate', { id: s(p.id) });
    case 'blocked':
      return t('plan.problem.blocked', { id: s(p.id), by: s(p.by) });
    case 'date_range':
      return t('plan.problem.dateRange', { id: s(p.id), message: s(p.message) });
    case 'unknown_baseline':
      return t('plan.problem.unknownBaseline', { name: s(p.name) });
  }
}

/** Ids the schedule could not place (for "not scheduled" notes). */
export function unscheduledIds(project: Project, schedule: Schedule): string[] {
  return [...project.tasks, ...project.milestones].map((r) => r.data.id).filter((id) => !schedule.items.has(id));
}

/** Table columns for scheduled items; `withSlip` once a baseline exists. */
export function itemColumns<R extends ItemJson>(ctx: Context, withSlip: boolean, withOwner: boolean): Column<R>[] {
  const t = ctx.t;
  const cols: (Column<R> | false)[] = [
    { header: t('plan.col.id'), value: (r) => r.id },
    { header: t('plan.col.name'), value: (r) => r.name, style: (x, r, c) => (r.critical ? c.red(x) : x) },
    withOwner && { header: t('plan.col.owner'), value: (r) => r.owner },
    {
      header: t('plan.col.status'),
      value: (r) => statusText(ctx, r.status),
      style: (x, r, c) => (r.status === 'blocked' ? c.magenta(x) : r.status === 'done' ? c.green(x) : x),
    },
    { header: t('plan.col.start'), value: (r) => r.start },
    { header: t('plan.col.end'), value: (r) => r.end },
    { header: t('plan.col.days'), value: (r) => (r.kind === 'milestone' ? '◆' : r.days), align: 'right' },
    { header: t('plan.col.float'), value: (r) => r.total_float, align: 'right', importance: 0 },
    { header: t('plan.col.critical'), value: (r) => (r.critical ? '!' : ''), style: (x, _r, c) => c.red.bold(x) },
    { header: t('plan.col.lateBy'), value: (r) => (r.late ? r.late_by : ''), align: 'right', style: (x, _r, c) => c.yellow(x) },
    withSlip && {
      header: t('plan.col.slip'),
      value: (r) => (r.slip === null ? '' : signed(r.slip)),
      align: 'right',
      style: (x, r, c) => ((r.slip ?? 0) > 0 ? c.yellow(x) : x),
    },
  ];
  return cols.filter((c): c is Column<R> => c !== false);
}

/** The forecast of every scheduled item, in schedule order (the same in every command's --json). */
export function forecastJson(
  s: Schedule,
): { id: string; kind: 'task' | 'milestone'; start: IsoDate; end: IsoDate; finished: boolean; total_float: number }[] {
  return s.order.map((id) => {
    const it = s.items.get(id)!;
    return { id, kind: it.kind, start: it.start, end: it.end, finished: it.finished, total_float: it.totalFloat };
  });
}

/** The one-line notice for a year the forecast reaches without full calendar data. */
export function calendarNoticeText(ctx: Context, n: CalendarNotice): string {
  return ctx.t(`forecast.notice.${n.status}`, { year: n.year, base: n.base });
}

/**
 * One line on stderr per year the forecast reaches without full calendar data (2027 on cn today);
 * returns the notices for --json (`calendar_notices`).
 */
export function noteCalendar(ctx: Context, plan: ProjectPlan, loaded?: ReadProject): CalendarNotice[] {
  const notices = forecastCalendarNotices(plan.schedule, plan.calendar);
  // A year without data that the findings already name (DLV-W052, printed with the plan) is not said twice.
  const said = new Set((loaded?.findings ?? []).filter((d) => d.code === 'DLV-W052').map((d) => Number(d.args.year)));
  for (const n of notices) if (!(n.status === 'missing' && said.has(n.year))) ctx.stderr.write(`deliver: ${calendarNoticeText(ctx, n)}\n`);
  return notices;
}

// ---- command plumbing shared by task, milestone, plan and gantt ----

/** Reads the project and computes its plan; an unknown `--baseline` is a usage error listing the names. */
export function readPlan(ctx: Context, baseline?: string): { loaded: ReadProject; plan: ProjectPlan } {
  // Scheduled before the rules (as every command shows it: against the latest baseline) so that the
  // calendar rule reuses this plan; a named baseline is scheduled after its name is checked.
  const loaded = readProject(ctx, undefined, baseline === undefined ? (p) => planOf(p, ctx.asOf) : undefined);
  if (baseline !== undefined && !loaded.project.baselines.some((b) => b.data.name === baseline)) {
    const names = baselineNames(loaded.project);
    throw new UsageError(
      ctx.t('plan.unknownBaseline', { name: baseline }),
      names.length ? ctx.t('plan.baselinesAre', { names: names.join(', ') }) : ctx.t('plan.noBaselinesHint'),
    );
  }
  return { loaded, plan: planOf(loaded.project, ctx.asOf, baseline) };
}

/**
 * After a chart or schedule table was printed: errors of the project go to stderr with exit 1
 * (the output above is what could be scheduled); calendar coverage warnings are shown too.
 */
export function reportPlanFindings(ctx: Context, loaded: ReadProject): void {
  const errors = loaded.findings.filter((d) => d.severity === 'error');
  const coverage = loaded.findings.filter((d) => d.code === 'DLV-W052');
  if (errors.length) throw new FindingsError([...errors, ...coverage], loaded.sources, ctx.t('plan.hasErrors'));
  if (coverage.length) printDiagnostics(ctx, coverage);
}

/** Notes on stderr for items the schedule could not place (list commands stay exit 0). */
export function noteUnscheduled(ctx: Context, project: Project, schedule: Schedule): void {
  const ids = unscheduledIds(project, schedule);
  if (ids.length)
    ctx.stderr.write(`deliver: ${ctx.t('plan.unscheduled', { count: ids.length, ids: ids.map(sanitizeInline).join(', ') })}\n`);
}

/** `--after T-001 M-002`, `--after T-001,M-002`: trimmed, de-duplicated, in the order given. */
export function idList(value: unknown): string[] {
  const raw = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return [
    ...new Set(
      raw
        .flatMap((v) => String(v).split(','))
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** Refuses ids that name no task or milestone (a broken record still counts as existing). */
export function requirePlanRefs(
  ctx: Context,
  p: Project,
  flag: string,
  ids: readonly string[],
  allowed: 'plan' | 'milestone' | 'requirement',
): void {
  const known = new Set<string>(
    allowed === 'requirement'
      ? p.requirements.map((r) => r.data.id)
      : allowed === 'milestone'
        ? p.milestones.map((m) => m.data.id)
        : [...p.tasks.map((t) => t.data.id), ...p.milestones.map((m) => m.data.id)],
  );
  const okBroken = (id: string) =>
    p.brokenIds.has(id) &&
    (allowed === 'requirement'
      ? kindOfId(id) === 'requirement'
      : allowed === 'milestone'
        ? kindOfId(id) === 'milestone'
        : kindOfId(id) === 'task' || kindOfId(id) === 'milestone');
  for (const id of ids) {
    if (!known.has(id) && !okBroken(id)) {
      const kind = ctx.t(allowed === 'requirement' ? 'kind.requirement' : allowed === 'milestone' ? 'kind.milestone' : 'kind.planItem');
      throw new UsageError(
        ctx.t('plan.unknownRef', { flag, kind, id }),
        ctx.t('plan.unknownRefHint', { command: allowed === 'requirement' ? 'req' : allowed === 'milestone' ? 'milestone' : 'task' }),
      );
    }
  }
}

/**
 * Refuses a new item whose dependencies would close a cycle. A new id has no successors of its own,
 * but hand-written `depends_on` entries may already name the id it is about to receive.
 */
export function refuseCycle(ctx: Context, p: Project, id: string, dependsOn: readonly string[]): void {
  const deps = new Map<string, readonly string[]>();
  for (const r of [...p.tasks, ...p.milestones]) deps.set(r.data.id, r.data.depends_on ?? []);
  deps.set(id, dependsOn);
  const found = findCycles([id], (n) => (deps.get(n) ?? []).filter((d) => deps.has(d))).find((c) => c.includes(id));
  if (found) {
    // Told from the new record's side: T-002 → T-001 → T-002.
    const at = found.indexOf(id);
    const cycle = [...found.slice(at, -1), ...found.slice(0, at), id];
    throw new RefusedError(
      ctx.t('plan.wouldCycle', { id, cycle: cycle.map(sanitizeInline).join(' → ') }),
      ctx.t('plan.wouldCycleHint', { id }),
    );
  }
}

/**
 * Refuses task `id` naming `milestone` when the milestone already comes before the task (through
 * depends_on, or tasks naming milestones): the milestone would wait for work that waits for it. The
 * scheduler would drop that wait, and with it every task the milestone gathers by name, so the
 * forecast would quietly lose them. `dependsOn`: the task's predecessors after the command.
 */
export function refuseMilestoneCycle(ctx: Context, p: Project, id: string, dependsOn: readonly string[], milestone: string): void {
  const deps = new Map<string, string[]>();
  for (const r of [...p.tasks, ...p.milestones]) deps.set(r.data.id, [...(r.data.depends_on ?? [])]);
  // A milestone waits for the tasks naming it; the task's own naming is the one being decided.
  for (const t of p.tasks) if (t.data.milestone !== undefined && t.data.id !== id) deps.get(t.data.milestone)?.push(t.data.id);
  deps.set(id, [...dependsOn]);
  if (!p.milestones.some((m) => m.data.id === milestone)) return;
  deps.get(milestone)!.push(id);
  const found = findCycles([milestone], (n) => (deps.get(n) ?? []).filter((d) => deps.has(d))).find(
    (c) => c.includes(milestone) && c.includes(id),
  );
  if (!found) return;
  // Told from the task's side: T-016 → T-015 → … → M-003 → T-016.
  const at = found.indexOf(id);
  const cycle = [...found.slice(at, -1), ...found.slice(0, at), id];
  throw new RefusedError(
    ctx.t('plan.wouldCycle', { id, cycle: cycle.map(sanitizeInline).join(' → ') }),
    ctx.t('plan.milestoneCycleHint', { id, milestone: sanitizeInline(milestone) }),
  );
}

/** Appends a task, milestone or baseline to plan.yaml, creating the file when there is none yet. */
export function appendToPlan(
  p: Project,
  loaded: LoadedProject,
  section: 'tasks' | 'milestones' | 'baselines',
  record: Record<string, unknown>,
): RecordChange {
  const exists = p.planFile !== null || loaded.sources.has(PLAN_FILE);
  if (!exists) return { kind: 'plan', rel: PLAN_FILE, create: { schema_version: 1, [section]: [record] } };
  return { kind: 'plan', rel: p.planFile ?? PLAN_FILE, edits: [{ op: 'append', path: [section], value: record }] };
}

/** Status word: translated on a terminal, the record's value when piped (scripts match on it). */
export function statusText(ctx: Context, status: string): string {
  return ctx.stdoutIsTTY ? ctx.t(`task.status.${status}`) : status;
}
