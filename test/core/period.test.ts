// Reporting periods and the project as of a date.
import { describe, expect, it } from 'vitest';
import { allTime, inWindow, nextWeek, parsePeriod, projectAsOf, weekOf, windowOf } from '../../src/core/period.js';
import { emptyProject, type Project } from '../../src/core/model.js';

describe('parsePeriod', () => {
  it('reads years, quarters, months, ISO weeks and ranges', () => {
    expect(parsePeriod('2026')).toMatchObject({ kind: 'year', from: '2026-01-01', to: '2026-12-31' });
    expect(parsePeriod('2026-Q1')).toMatchObject({ kind: 'quarter', from: '2026-01-01', to: '2026-03-31' });
    expect(parsePeriod('2026-q3')).toMatchObject({ label: '2026-Q3', from: '2026-07-01', to: '2026-09-30' });
    expect(parsePeriod('2026-Q4')).toMatchObject({ from: '2026-10-01', to: '2026-12-31' });
    expect(parsePeriod('2028-02')).toMatchObject({ kind: 'month', from: '2028-02-01', to: '2028-02-29' });
    expect(parsePeriod('2026-11')).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    expect(parsePeriod('2026-W47')).toMatchObject({ kind: 'week', from: '2026-11-16', to: '2026-11-22' });
    expect(parsePeriod('2026-W01')).toMatchObject({ from: '2025-12-29', to: '2026-01-04' });
    expect(parsePeriod('2026-10-01..2026-10-15')).toMatchObject({ kind: 'range', from: '2026-10-01', to: '2026-10-15' });
    expect(parsePeriod('2026-10-03')).toMatchObject({ from: '2026-10-03', to: '2026-10-03' });
  });

  it('refuses anything else', () => {
    for (const bad of ['', '26', '2026-Q5', '2026-13', '2026-W54', '2026-W00', 'Q3', '2026-10-15..2026-10-01', '2026-02-30', 'last week']) {
      expect(parsePeriod(bad), bad).toBeNull();
    }
  });

  it('weeks: the week containing a date and the week after', () => {
    expect(weekOf('2026-11-20')).toMatchObject({ label: '2026-W47', from: '2026-11-16', to: '2026-11-22' });
    expect(weekOf('2026-11-22').label).toBe('2026-W47');
    expect(nextWeek(weekOf('2026-12-30'))).toMatchObject({ label: '2027-W01', from: '2027-01-04' });
  });

  it('the window is the period cut at as-of; no period = everything up to as-of', () => {
    expect(windowOf(parsePeriod('2026-Q4')!, '2026-11-20')).toEqual({ from: '2026-10-01', to: '2026-11-20' });
    expect(windowOf(parsePeriod('2026-Q3')!, '2026-11-20')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    const all = windowOf(allTime('2026-11-20'), '2026-11-20');
    expect(all).toEqual({ to: '2026-11-20' });
    expect(inWindow(all, '1999-01-01')).toBe(true);
    expect(inWindow(all, '2026-11-21')).toBe(false);
    expect(inWindow(all, undefined)).toBe(false);
  });
});

describe('projectAsOf', () => {
  const at = <T>(data: T) => ({ file: 'x.yaml', path: [], data });
  const p: Project = {
    ...emptyProject(),
    tasks: [
      at({ id: 'T-001', name: 'a', status: 'done' as const, actual_start: '2026-11-02', actual_end: '2026-11-10' }),
      at({ id: 'T-002', name: 'b', status: 'done' as const, actual_start: '2026-11-12', actual_end: '2026-11-13' }),
    ],
    milestones: [at({ id: 'M-001', name: 'm', done: '2026-11-09' })],
    requirements: [
      at({
        id: '202611-001',
        title: 't',
        customer: 'c',
        contact: 'c',
        urgency: 'low' as const,
        received: '2026-11-01',
        receiver: 'r',
        status: 'accepted' as const,
        history: [
          { date: '2026-11-01', to: 'received' as const },
          { date: '2026-11-03', from: 'received' as const, to: 'analyzing' as const },
          { date: '2026-11-20', from: 'delivered' as const, to: 'accepted' as const },
        ],
      }),
      at({
        id: '202611-002',
        title: 't',
        customer: 'c',
        contact: 'c',
        urgency: 'low' as const,
        received: '2026-11-15',
        receiver: 'r',
        status: 'received' as const,
      }),
    ],
    acceptance: [
      at({
        id: 'AC-001',
        deliverable: 'd',
        requirements: ['202611-001'] as [string],
        delivered: '2026-11-05',
        rounds: [
          { date: '2026-11-06', contact: 'c', result: 'fail' as const, reasons: ['x'] },
          { date: '2026-11-12', contact: 'c', result: 'pass' as const },
        ],
      }),
    ],
    risks: [
      at({
        id: 'R-001',
        title: 'r',
        category: 'technical' as const,
        probability: 3,
        impact: 3,
        response: 'accept' as const,
        owner: 'o',
        identified: '2026-11-01',
        status: 'closed' as const,
        closed: { date: '2026-11-15' },
        actions: [{ text: 'a', due: '2026-11-05', done: '2026-11-11' }],
      }),
    ],
  };

  it('undoes every fact dated after as-of', () => {
    const q = projectAsOf(p, '2026-11-11');
    expect(q.tasks.map((t) => t.data.status)).toEqual(['done', 'todo']);
    expect(q.tasks[1]!.data.actual_start).toBeUndefined();
    expect(q.milestones[0]!.data.done).toBe('2026-11-09');
    expect(q.requirements.map((r) => r.data.id)).toEqual(['202611-001']);
    expect(q.requirements[0]!.data.status).toBe('analyzing');
    expect(q.acceptance[0]!.data.rounds).toHaveLength(1);
    expect(q.risks[0]!.data.status).toBe('open');
    expect(q.risks[0]!.data.actions![0]!.done).toBe('2026-11-11');
    const r = projectAsOf(p, '2026-11-10');
    expect(r.risks[0]!.data.actions![0]!.done).toBeUndefined();
    expect(projectAsOf(p, '2026-11-09').tasks[0]!.data.status).toBe('in_progress');
    expect(p.tasks[0]!.data.status).toBe('done'); // the input is not changed
  });
});
