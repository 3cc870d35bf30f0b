// Health rules: each rule on its own, and the level they add up to.
import { describe, expect, it } from 'vitest';
import { makeCalendar } from '../../src/core/calendar.js';
import { workflowFacts } from '../../src/core/followups.js';
import { assessHealth } from '../../src/core/health.js';
import { emptyProject, type Acceptance, type Milestone, type Project, type Risk, type Task } from '../../src/core/model.js';
import { schedule } from '../../src/core/schedule.js';

const at = <T>(data: T) => ({ file: 'x.yaml', path: [], data });
const asOf = '2026-11-20'; // a Friday

function project(parts: { tasks?: Task[]; milestones?: Milestone[]; risks?: Risk[]; acceptance?: Acceptance[]; due?: string }): Project {
  return {
    ...emptyProject(),
    manifest: at({ schema_version: 1 as const, name: 'P', client: 'C', start: '2026-11-02', ...(parts.due ? { due: parts.due } : {}) }),
    tasks: (parts.tasks ?? []).map(at),
    milestones: (parts.milestones ?? []).map(at),
    risks: (parts.risks ?? []).map(at),
    acceptance: (parts.acceptance ?? []).map(at),
  };
}

function health(p: Project) {
  const cal = makeCalendar({ base: 'none' });
  const m = p.manifest!.data;
  const sched = schedule({
    start: m.start,
    ...(m.due ? { due: m.due } : {}),
    asOf,
    tasks: p.tasks.map((t) => t.data),
    milestones: p.milestones.map((x) => x.data),
    calendar: cal,
  });
  return assessHealth(p, sched, asOf);
}

const risk = (id: string, probability: number, impact: number, actions: Risk['actions'] = [], status: Risk['status'] = 'open'): Risk => ({
  id,
  title: id,
  category: 'technical',
  probability,
  impact,
  response: 'mitigate',
  owner: 'o',
  identified: '2026-11-02',
  status,
  actions,
});

describe('assessHealth', () => {
  it('green when nothing is wrong', () => {
    const p = project({
      tasks: [{ id: 'T-001', name: 'a', start: '2026-11-16', days: 10, status: 'in_progress' }],
      due: '2026-12-31',
      risks: [risk('R-001', 2, 2, [{ text: 'x', due: '2026-11-25' }])],
    });
    expect(health(p)).toEqual({ level: 'green', reasons: [] });
  });

  it('late critical work is red, late work off the critical path amber', () => {
    const p = project({
      tasks: [
        { id: 'T-001', name: 'a', start: '2026-11-02', days: 5, status: 'in_progress' }, // ended 11-06: late
        { id: 'T-002', name: 'b', start: '2026-11-02', days: 20, status: 'in_progress' }, // the long chain: critical, not late
        { id: 'T-003', name: 'c', start: '2026-11-02', days: 2, status: 'todo' },
      ],
    });
    const h = health(p);
    expect(h.reasons.find((r) => r.code === 'late_work')?.ids).toEqual(['T-001', 'T-003']);
    expect(h.level).toBe('amber');
    const crit = health(project({ tasks: [{ id: 'T-001', name: 'a', start: '2026-11-02', days: 5, status: 'in_progress' }] }));
    expect(crit).toMatchObject({ level: 'red', reasons: [{ level: 'red', code: 'late_critical', ids: ['T-001'] }] });
  });

  it('negative float against the due date is red, with the overrun in working days', () => {
    const h = health(project({ tasks: [{ id: 'T-001', name: 'a', start: '2026-11-23', days: 10, status: 'todo' }], due: '2026-12-02' }));
    expect(h.reasons).toEqual([{ level: 'red', code: 'negative_float', ids: [], days: 2 }]);
  });

  it('milestones: a passed due date is red, a forecast after the due date amber', () => {
    const h = health(
      project({
        tasks: [{ id: 'T-001', name: 'a', start: '2026-11-23', days: 10, status: 'todo' }],
        milestones: [
          { id: 'M-001', name: 'm1', due: '2026-11-18' },
          { id: 'M-002', name: 'm2', due: '2026-11-30', depends_on: ['T-001'] },
          { id: 'M-003', name: 'm3', due: '2026-11-10', done: '2026-11-10' },
        ],
      }),
    );
    expect(h.reasons.map((r) => [r.code, r.ids])).toEqual([
      ['milestone_missed', ['M-001']],
      ['milestone_at_risk', ['M-002']],
    ]);
  });

  it('risks: high (score ≥ 15) with an overdue action red; other overdue actions and open high risks amber', () => {
    const overdue = [{ text: 'x', due: '2026-11-19' }];
    const h = health(
      project({
        risks: [
          risk('R-001', 5, 3, overdue), // 15: high and overdue
          risk('R-002', 3, 3, overdue), // 9: overdue
          risk('R-003', 4, 4), // 16: high
          risk('R-004', 5, 5, overdue, 'closed'), // closed: ignored
          risk('R-005', 5, 4, [
            { text: 'x', due: '2026-11-19', waived: 'no longer needed' },
            { text: 'y', due: '2026-11-20' },
          ]), // nothing overdue
        ],
      }),
    );
    expect(h.level).toBe('red');
    expect(h.reasons.map((r) => [r.code, r.ids])).toEqual([
      ['high_risk_overdue', ['R-001']],
      ['overdue_actions', ['R-002']],
      ['high_risk', ['R-003', 'R-005']],
    ]);
  });

  it('acceptance: a failed final round red, a failed pre-acceptance amber, a later pass clears it', () => {
    const rec = (id: string, rounds: Acceptance['rounds']): Acceptance => ({
      id,
      deliverable: id,
      requirements: ['202611-001'],
      delivered: '2026-11-10',
      rounds,
    });
    const fail = { date: '2026-11-12', contact: 'c', result: 'fail' as const, reasons: ['r'] };
    const h = health(
      project({
        acceptance: [
          rec('AC-001', [fail]),
          rec('AC-002', [{ ...fail, kind: 'pre' }]),
          rec('AC-003', [fail, { date: '2026-11-13', contact: 'c', result: 'pass' }]),
        ],
      }),
    );
    expect(h.reasons.map((r) => [r.level, r.code, r.ids])).toEqual([
      ['red', 'acceptance_failed', ['AC-001']],
      ['amber', 'rectifying', ['AC-002']],
    ]);
  });

  it('blocked work is amber', () => {
    const h = health(project({ tasks: [{ id: 'T-001', name: 'a', start: '2026-11-19', days: 5, status: 'blocked' }] }));
    expect(h).toEqual({ level: 'amber', reasons: [{ level: 'amber', code: 'blocked_work', ids: ['T-001'] }] });
  });
});

describe('requirement workflow deadlines, asked twice', () => {
  it('answers for the date and calendar asked, not the last ones (the facts are remembered per requirement list)', () => {
    const cal = makeCalendar({ base: 'none' });
    const p = project({});
    // Received on Friday 2026-11-13: analysis is due one working day later, Monday 11-16.
    const req = {
      id: '202611-001',
      title: 'R',
      customer: 'C',
      contact: 'L',
      urgency: 'low' as const,
      received: '2026-11-13',
      receiver: 'B',
      status: 'received' as const,
    };
    p.requirements = [at(req)];
    expect(workflowFacts(p, cal, '2026-11-16')).toEqual([{ id: req.id, title: 'R', step: 'analysis', due: '2026-11-16', overdue: false }]);
    expect(workflowFacts(p, cal, '2026-11-17')[0]!.overdue).toBe(true);
    expect(workflowFacts(p, cal, '2026-11-16')[0]!.overdue).toBe(false);
    // Every day a working day: the weekend counts, and Monday is already two days late.
    const everyDay = makeCalendar({ base: 'none', workweek: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] });
    expect(workflowFacts(p, everyDay, '2026-11-16')[0]).toMatchObject({ due: '2026-11-14', overdue: true });
    expect(workflowFacts(p, cal, '2026-11-16')[0]!.overdue).toBe(false);
  });
});
