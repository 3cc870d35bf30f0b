// What is waiting on someone (pure): the next step of each requirement in the intake workflow, with
// the deadlines the toolkit sets (analysis within 1 working day of intake, assessment within 2 after
// the analysis — deliver.yaml `sla` changes them — then the customer's written confirmation), and the
// open action items of meetings. The status screen, `req list` and the weekly report show them.
import type { WorkCalendar } from './calendar.js';
import { compareDates, type IsoDate } from './dates.js';
import { compareIds } from './id-order.js';
import { addWorking, workingDays } from './kpi-rules.js';
import type { Project, Requirement } from './model.js';

export type WorkflowStep = 'analysis' | 'assessment' | 'confirmation';

export interface WorkflowFact {
  id: string;
  title: string;
  step: WorkflowStep;
  /** The deadline of the step (none for the customer's confirmation). */
  due?: IsoDate;
  overdue: boolean;
}

export interface MeetingActionFact {
  meeting: string;
  title: string;
  number: number;
  text: string;
  owner: string;
  due?: IsoDate;
  overdue: boolean;
}

export interface SlaDays {
  analysis: number;
  feasibility: number;
}

export function slaDays(p: Project): SlaDays {
  const sla = p.manifest?.data.sla;
  return { analysis: sla?.analysis_days ?? 1, feasibility: sla?.feasibility_days ?? 2 };
}

/**
 * The next workflow step of a requirement still in intake (received or analyzing); undefined when it
 * has moved on, is held, rejected, or was judged not feasible (the next step is a rejection).
 */
export function workflowStep(r: Requirement, cal: WorkCalendar, asOf: IsoDate, sla: SlaDays): WorkflowFact | undefined {
  if (r.status !== 'received' && r.status !== 'analyzing') return undefined;
  const fact = (step: WorkflowStep, start: IsoDate | undefined, days: number | undefined): WorkflowFact => {
    if (start === undefined || days === undefined) return { id: r.id, title: r.title, step, overdue: false };
    const due = addWorking(cal, start, days);
    const elapsed = workingDays(cal, start, asOf);
    return { id: r.id, title: r.title, step, ...(due ? { due } : {}), overdue: elapsed !== undefined && elapsed > days };
  };
  if (!r.analysis) return fact('analysis', r.received, sla.analysis);
  if (!r.feasibility) return fact('assessment', r.analysis.date, sla.feasibility);
  if (!r.feasibility.feasible) return undefined;
  if (!r.confirmation) return fact('confirmation', undefined, undefined);
  return undefined;
}

/**
 * The last result per requirement list: the status screen asks twice (its health and its workflow
 * list) over thousands of requirements. Kept for the same list, manifest, calendar and date, so
 * callers must not change the returned list (projects are never changed in place: the store builds
 * a changed one anew).
 */
const lastFacts = new WeakMap<
  Project['requirements'],
  { manifest: Project['manifest']; cal: WorkCalendar; asOf: IsoDate; facts: WorkflowFact[] }
>();

/** Every requirement with a workflow step waiting, overdue first, then by deadline and id. */
export function workflowFacts(p: Project, cal: WorkCalendar, asOf: IsoDate): readonly WorkflowFact[] {
  const hit = lastFacts.get(p.requirements);
  if (hit && hit.manifest === p.manifest && hit.cal === cal && hit.asOf === asOf) return hit.facts;
  const facts = computeWorkflowFacts(p, cal, asOf);
  lastFacts.set(p.requirements, { manifest: p.manifest, cal, asOf, facts });
  return facts;
}

function computeWorkflowFacts(p: Project, cal: WorkCalendar, asOf: IsoDate): WorkflowFact[] {
  const sla = slaDays(p);
  return p.requirements
    .flatMap((r) => {
      const f = workflowStep(r.data, cal, asOf, sla);
      return f ? [f] : [];
    })
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || compareDates(a.due ?? '9999', b.due ?? '9999') || compareIds(a.id, b.id));
}

/** Open action items of every meeting (the project as of the report date), overdue first, then by due date. */
export function meetingActionFacts(p: Project, asOf: IsoDate): MeetingActionFact[] {
  return p.meetings
    .flatMap(({ data: m }) =>
      (m.actions ?? []).flatMap((a, i) =>
        a.done !== undefined
          ? []
          : [
              {
                meeting: m.id,
                title: m.title,
                number: i + 1,
                text: a.text,
                owner: a.owner,
                ...(a.due ? { due: a.due } : {}),
                overdue: a.due !== undefined && a.due < asOf,
              },
            ],
      ),
    )
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        compareDates(a.due ?? '9999', b.due ?? '9999') ||
        compareIds(a.meeting, b.meeting) ||
        a.number - b.number,
    );
}
