// The pure diff model: in-memory projects on both sides, scheduled with the project calendar.
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../../src/core/calendar.js';
import { diag } from '../../src/core/diagnostics.js';
import { diffProjects, isEmptyDiff, type DiffSide } from '../../src/core/diff.js';
import { diffFindings } from '../../src/core/diff-findings.js';
import { projectKpis } from '../../src/core/kpi.js';
import {
  emptyProject,
  type Acceptance,
  type Change,
  type Manifest,
  type Milestone,
  type Project,
  type Requirement,
  type Risk,
  type Task,
} from '../../src/core/model.js';
import { scheduleProject } from '../../src/core/rules/schedule.js';

const AS_OF = '2026-11-20';

interface Spec {
  tasks?: Task[];
  milestones?: Milestone[];
  requirements?: Requirement[];
  risks?: Risk[];
  changes?: Change[];
  acceptance?: Acceptance[];
  due?: string;
}

function project(s: Spec): Project {
  const p = emptyProject();
  const manifest: Manifest = {
    schema_version: 1,
    name: 'P',
    client: 'C',
    start: '2026-09-14',
    ...(s.due ? { due: s.due } : {}),
    calendar: { base: 'cn' },
  };
  p.manifest = { file: 'deliver.yaml', path: [], data: manifest };
  p.planFile = 'plan.yaml';
  p.tasks = (s.tasks ?? []).map((data, i) => ({ file: 'plan.yaml', path: ['tasks', i], data }));
  p.milestones = (s.milestones ?? []).map((data, i) => ({ file: 'plan.yaml', path: ['milestones', i], data }));
  p.requirements = (s.requirements ?? []).map((data) => ({ file: `requirements/${data.id}-x.yaml`, path: [], data }));
  p.risks = (s.risks ?? []).map((data) => ({ file: `risks/${data.id}-x.yaml`, path: [], data }));
  p.changes = (s.changes ?? []).map((data) => ({ file: `changes/${data.id}-x.yaml`, path: [], data }));
  p.acceptance = (s.acceptance ?? []).map((data) => ({ file: `acceptance/${data.id}-x.yaml`, path: [], data }));
  return p;
}

function side(p: Project, exists = true, asOf = AS_OF): DiffSide {
  return { project: p, exists, schedule: scheduleProject(p, asOf).schedule, findings: [], kpis: projectKpis({ project: p, asOf }) };
}

function diff(a: Project, b: Project, asOf = AS_OF) {
  return diffProjects({ base: side(a, true, asOf), head: side(b, true, asOf), calendar: makeCalendar({ base: 'cn' }) });
}

const task = (id: string, days: number, extra: Partial<Task> = {}): Task => ({ id, name: `Task ${id}`, days, status: 'todo', ...extra });
const risk = (id: string, probability: number, impact: number, status: Risk['status'] = 'open'): Risk => ({
  id,
  title: `Risk ${id}`,
  category: 'delivery',
  probability,
  impact,
  response: 'mitigate',
  owner: 'Z',
  identified: '2026-09-14',
  status,
});
const req = (id: string, status: Requirement['status'], title = 'Dashboard'): Requirement => ({
  id,
  title,
  customer: 'C',
  contact: 'L',
  urgency: 'high',
  received: '2026-09-14',
  receiver: 'W',
  status,
});

describe('diffProjects', () => {
  it('counts milestone and project-end movement in working days of the project calendar', () => {
    // 2026-09-30 is the last working day before National Day (10-01..10-07); 10-10 is a make-up Saturday.
    const plan = (days: number) => ({
      tasks: [
        task('T-001', 5, { start: '2026-09-14' }),
        task('T-002', days, { depends_on: ['T-001'] }),
        task('T-003', 3, { depends_on: ['M-001'] }),
      ],
      milestones: [{ id: 'M-001', name: 'Prototype', depends_on: ['T-002'] }],
    });
    const d = diff(project(plan(8)), project(plan(9)), '2026-09-14'); // before any of it is due
    expect(d.plan.milestones.moved).toEqual([
      { id: 'M-001', name: 'Prototype', from: '2026-09-30', to: '2026-10-08', workingDays: 1, cause: { kind: 'replan', id: 'T-002' } },
    ]);
    // T-003: 10-08..10-10 → 10-09..10-12 (the make-up Saturday is a working day, the Sunday is not).
    expect(d.plan.projectEnd).toEqual({ from: '2026-10-10', to: '2026-10-12', workingDays: 1, cause: { kind: 'replan', id: 'T-002' } });
    expect(d.plan.tasks.replanned).toMatchObject([{ id: 'T-002', fields: ['days'], fromDays: 8, toDays: 9, workingDays: 1 }]);
    expect(d.plan.tasks.shifted).toMatchObject([{ id: 'T-003', from: '2026-10-10', to: '2026-10-12', workingDays: 1 }]);
    expect(d.plan.criticalPath).toBeUndefined();
  });

  it('attributes a movement to its cause: own progress, a predecessor, a change slip', () => {
    // Reported 10/12 (Monday): T-001 (09-14..09-18) then T-002 (5 days) then T-003 (3 days).
    const asOf = '2026-10-12';
    const base = project({
      tasks: [
        task('T-001', 5, { start: '2026-09-14', status: 'done', actual_start: '2026-09-14', actual_end: '2026-09-18' }),
        task('T-002', 5, { depends_on: ['T-001'], status: 'in_progress', actual_start: '2026-09-21' }),
        task('T-003', 3, { depends_on: ['T-002'] }),
      ],
    });
    // Open, T-002 is forecast to need 10/12 still; recorded done on Friday 10/09, it ends earlier,
    // and T-003 after it: the cause is T-002's own progress.
    const done = project({
      tasks: [base.tasks[0]!.data, { ...base.tasks[1]!.data, status: 'done', actual_end: '2026-10-09' }, base.tasks[2]!.data],
    });
    const d1 = diff(base, done, asOf);
    expect(d1.plan.tasks.shifted.find((x) => x.id === 'T-003')?.cause).toEqual({ kind: 'progress', id: 'T-002' });
    expect(d1.plan.projectEnd?.cause).toEqual({ kind: 'progress', id: 'T-002' });
    // A change slip applied to T-003 (its start pinned later) is named as the cause.
    const slip: Change = {
      id: 'CR-001',
      title: 'Later',
      reason: 'r',
      submitted: '2026-10-09',
      tasks: ['T-003'],
      schedule_days: 2,
      status: 'approved',
    };
    const pinned = project({
      tasks: [base.tasks[0]!.data, base.tasks[1]!.data, { ...base.tasks[2]!.data, start: '2026-10-20' }],
      changes: [{ ...slip, status: 'applied', applied: { date: '2026-10-12', moves: [] } }],
    });
    const d2 = diff(project({ tasks: base.tasks.map((x) => x.data), changes: [slip] }), pinned, asOf);
    expect(d2.plan.projectEnd?.cause).toEqual({ kind: 'change', id: 'T-003', change: 'CR-001' });
  });

  it('reports a changed critical path, tasks added and removed, and due date moves', () => {
    const a = project({
      tasks: [task('T-001', 5, { start: '2026-09-14' }), task('T-002', 3, { depends_on: ['T-001'] }), task('T-009', 1)],
      due: '2026-12-31',
    });
    const b = project({
      tasks: [
        task('T-001', 5, { start: '2026-09-14' }),
        task('T-002', 3, { depends_on: ['T-001'] }),
        task('T-003', 12, { start: '2026-09-14' }),
      ],
      due: '2027-01-08',
    });
    const d = diff(a, b);
    expect(d.plan.criticalPath).toEqual({ from: ['T-001', 'T-002'], to: ['T-003'] });
    expect(d.plan.tasks.added.map((t) => t.id)).toEqual(['T-003']);
    expect(d.plan.tasks.removed.map((t) => t.id)).toEqual(['T-009']);
    // 2026-12-31 (Thu) → 2027-01-08 (Fri): 01-01 is New Year's Day, 01-02/03 a weekend: 5 working days.
    expect(d.plan.due?.from).toBe('2026-12-31');
    expect(d.plan.due?.workingDays).toBe(5);
  });

  it('reports requirement status moves, risks added, closed and rescored, slip moves and rounds', () => {
    const a = project({
      requirements: [req('202609-001', 'confirmed'), req('202609-002', 'received')],
      risks: [risk('R-001', 2, 3), risk('R-002', 4, 4)],
      changes: [{ id: 'CR-001', title: 'More', reason: 'r', submitted: '2026-10-01', status: 'approved' }],
      acceptance: [
        {
          id: 'AC-001',
          deliverable: 'D',
          requirements: ['202609-001'],
          delivered: '2026-11-01',
          rounds: [{ date: '2026-11-02', contact: 'L', result: 'fail', reasons: ['x'] }],
        },
      ],
    });
    const b = project({
      requirements: [req('202609-001', 'in_progress', 'Dashboard v2')],
      risks: [risk('R-001', 3, 3), risk('R-002', 4, 4, 'closed'), risk('R-003', 5, 4)],
      changes: [
        { id: 'CR-001', title: 'More', reason: 'r', submitted: '2026-10-01', status: 'applied', schedule_days: 2 },
        { id: 'CR-002', title: 'Less', reason: 'r', submitted: '2026-11-01', status: 'submitted' },
      ],
      acceptance: [
        {
          id: 'AC-001',
          deliverable: 'D',
          requirements: ['202609-001'],
          delivered: '2026-11-01',
          rounds: [
            { date: '2026-11-02', contact: 'L', result: 'fail', reasons: ['x'] },
            { date: '2026-11-09', contact: 'L', result: 'pass', kind: 'final' },
          ],
        },
      ],
    });
    const d = diff(a, b);
    expect(d.requirements.removed.map((r) => r.id)).toEqual(['202609-002']);
    expect(d.requirements.changed).toEqual([
      { id: '202609-001', title: 'Dashboard v2', status: { from: 'confirmed', to: 'in_progress' }, fields: ['title'] },
    ]);
    expect(d.risks.added).toMatchObject([{ id: 'R-003', score: 20 }]);
    expect(d.risks.status).toMatchObject([{ id: 'R-002', from: 'open', to: 'closed' }]);
    expect(d.risks.rescored).toMatchObject([{ id: 'R-001', from: { score: 6 }, to: { score: 9 } }]);
    expect(d.changes).toEqual([
      { id: 'CR-001', title: 'More', from: 'approved', to: 'applied', schedule_days: 2 },
      { id: 'CR-002', title: 'Less', from: null, to: 'submitted' },
    ]);
    expect(d.acceptance.rounds).toEqual([
      { id: 'AC-001', deliverable: 'D', n: 2, date: '2026-11-09', result: 'pass', kind: 'final', contact: 'L', reasons: [] },
    ]);
    expect(d.acceptance.revised).toEqual([]);
    expect(d.kpis.find((k) => k.key === 'acceptance_pass_rate')).toMatchObject({ from: 0, to: 1 });
    expect(isEmptyDiff(d)).toBe(false);
  });

  it('finds nothing between identical projects', () => {
    const p = project({ tasks: [task('T-001', 2)], risks: [risk('R-001', 1, 1)] });
    expect(isEmptyDiff(diff(p, project({ tasks: [task('T-001', 2)], risks: [risk('R-001', 1, 1)] })))).toBe(true);
  });
});

describe('diffFindings', () => {
  it('matches findings by code, file and message, not by line', () => {
    const moved = { ...diag('DLV-E042', 'plan.yaml', { field: 'depends_on', id: 'T-404' }), line: 30 };
    const before = [{ ...moved, line: 12 }, diag('DLV-E040', 'requirements/a.yaml', { id: '202609-001', other: 'b' })];
    const after = [moved, diag('DLV-E042', 'plan.yaml', { field: 'depends_on', id: 'T-405' })];
    const d = diffFindings(before, after);
    expect(d.introduced.map((x) => x.args.id)).toEqual(['T-405']);
    expect(d.fixed.map((x) => x.code)).toEqual(['DLV-E040']);
  });
});

describe('kinds without a section of their own', () => {
  it('reports surveys added, removed and changed (registry: diff generic)', () => {
    const withSurveys = (list: { id: string; date: string; score: number; respondent?: string }[]) => {
      const p = project({});
      p.surveys = list.map((data) => ({ file: `surveys/${data.id}-x.yaml`, path: [], data }));
      return p;
    };
    const a = withSurveys([
      { id: 'S-001', date: '2026-11-01', score: 80, respondent: 'Li' },
      { id: 'S-002', date: '2026-11-02', score: 70 },
    ]);
    const b = withSurveys([
      { id: 'S-001', date: '2026-11-01', score: 85, respondent: 'Li' },
      { id: 'S-003', date: '2026-11-03', score: 90, respondent: 'Wang' },
    ]);
    const d = diffProjects({ base: side(a), head: side(b), calendar: makeCalendar(undefined) });
    expect(d.records.map((x) => x.kind)).toEqual(['survey', 'ticket', 'visit', 'dispatch', 'training', 'meeting']);
    expect(d.records.filter((x) => x.added.length + x.removed.length + x.changed.length)).toEqual([
      {
        kind: 'survey',
        added: [{ id: 'S-003', title: 'Wang' }],
        removed: [{ id: 'S-002', title: 'survey' }],
        changed: [{ id: 'S-001', title: 'Li', fields: ['score'] }],
      },
    ]);
    expect(isEmptyDiff(d)).toBe(false);
    expect(isEmptyDiff(diffProjects({ base: side(a), head: side(a), calendar: makeCalendar(undefined) }))).toBe(true);
  });
});

describe('acceptance diff: deliverables and rectification items (issue 15)', () => {
  it('lists deliverables handed over and each item opened, fixed, verified or accepted open', async () => {
    const { diffAcceptance } = await import('../../src/core/diff-records.js');
    const rec = (extra: Partial<Acceptance>): Project =>
      ({
        ...emptyProject(),
        acceptance: [
          {
            file: 'acceptance/AC-001-d.yaml',
            data: {
              id: 'AC-001',
              deliverable: 'D',
              requirements: [],
              delivered: '2026-11-01',
              rounds: [{ date: '2026-11-02', contact: 'L', result: 'fail', reasons: ['x', 'y'] }],
              ...extra,
            },
          },
        ],
      }) as unknown as Project;
    const a = rec({ rectifications: [{ round: 1, finding: 'x', owner: 'GC', due: '2026-11-10' }] });
    const b = rec({
      deliverables: [{ type: 'document', name: 'Manual', version: 'v1' }],
      rectifications: [
        { round: 1, finding: 'x', owner: 'GC', due: '2026-11-10', fixed: '2026-11-08', verified_by: 'L', verified: '2026-11-09' },
        { round: 1, finding: 'y', owner: 'GC', due: '2026-11-10', accepted_open: { by: 'C', date: '2026-11-12' } },
      ],
    });
    const d = diffAcceptance(a, b);
    expect(d.deliverables).toEqual([{ id: 'AC-001', name: 'Manual', version: 'v1' }]);
    expect(d.rectifications.map((x) => `${x.n}:${x.event}`)).toEqual(['1:fixed', '1:verified', '2:opened', '2:accepted_open']);
  });
});
