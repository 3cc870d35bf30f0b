// Tests for acceptance logic: first-pass, waiting for the customer, round checks and the moves to accepted.
import { describe, expect, it } from 'vitest';
import { acceptanceState, firstPass, isWaitingForCustomer, passMoves, roundRefusal } from '../../src/core/acceptance.js';
import type { Acceptance, AcceptanceRound } from '../../src/core/model.js';

const rec = (rounds: AcceptanceRound[], delivered = '2026-11-01'): Acceptance => ({
  id: 'AC-001',
  deliverable: 'x',
  requirements: ['202609-001'],
  delivered,
  rounds,
});
const pass = (date: string, kind?: 'pre' | 'final'): AcceptanceRound => ({
  date,
  contact: 'Li',
  result: 'pass',
  ...(kind ? { kind } : {}),
});
const fail = (date: string, kind?: 'pre' | 'final'): AcceptanceRound => ({
  date,
  contact: 'Li',
  result: 'fail',
  reasons: ['fix it'],
  ...(kind ? { kind } : {}),
});

describe('acceptance logic', () => {
  it('first-pass: passed with no failed round before the pass; undecided while nothing failed and nothing passed', () => {
    expect(firstPass(rec([pass('2026-11-05')]))).toBe(true);
    expect(firstPass(rec([pass('2026-11-03', 'pre'), pass('2026-11-05')]))).toBe(true);
    expect(firstPass(rec([fail('2026-11-03'), pass('2026-11-05')]))).toBe(false);
    expect(firstPass(rec([fail('2026-11-03', 'pre')]))).toBe(false);
    expect(firstPass(rec([pass('2026-11-03', 'pre')]))).toBeNull();
    expect(firstPass(rec([]))).toBeNull();
  });
  it('waits for the customer from delivery until a passing final round', () => {
    expect(isWaitingForCustomer(rec([]), '2026-11-20')).toBe(true);
    expect(isWaitingForCustomer(rec([pass('2026-11-03', 'pre')]), '2026-11-20')).toBe(true);
    expect(isWaitingForCustomer(rec([pass('2026-11-05')]), '2026-11-20')).toBe(false);
    expect(isWaitingForCustomer(rec([], '2026-11-21'), '2026-11-20')).toBe(false);
    expect(acceptanceState(rec([fail('2026-11-03')]), '2026-11-20')).toBe('rectifying');
    expect(acceptanceState(rec([], '2026-11-21'), '2026-11-20')).toBe('scheduled');
  });
  it('refuses a round after a pass, out of date order, before delivery or failing without a reason', () => {
    expect(roundRefusal(rec([pass('2026-11-05')]), fail('2026-11-06'))).toEqual({ kind: 'after_pass', round: 1 });
    expect(roundRefusal(rec([fail('2026-11-05')]), pass('2026-11-04'))).toEqual({
      kind: 'out_of_order',
      date: '2026-11-04',
      prevDate: '2026-11-05',
    });
    expect(roundRefusal(rec([]), pass('2026-10-31'))).toEqual({ kind: 'before_delivery', date: '2026-10-31', delivered: '2026-11-01' });
    expect(roundRefusal(rec([]), { date: '2026-11-02', contact: 'Li', result: 'fail' })).toEqual({ kind: 'fail_without_reason' });
    expect(roundRefusal(rec([pass('2026-11-03', 'pre')]), pass('2026-11-05'))).toBeUndefined();
  });
  it('accepts on a pass without inventing lifecycle moves', () => {
    expect(passMoves({ status: 'delivered' }, 'AC-001', '2026-11-01', '2026-11-05', 2)).toEqual({
      kind: 'moves',
      entries: [{ date: '2026-11-05', from: 'delivered', to: 'accepted', note: 'AC-001 #2', signed: true }],
    });
    // In progress: delivered on the acceptance record's delivery date (a fact of the record), then accepted.
    expect(passMoves({ status: 'in_progress' }, 'AC-001', '2026-11-01', '2026-11-05', 1)).toEqual({
      kind: 'moves',
      entries: [
        { date: '2026-11-01', from: 'in_progress', to: 'delivered', note: 'AC-001', signed: false },
        { date: '2026-11-05', from: 'delivered', to: 'accepted', note: 'AC-001 #1', signed: true },
      ],
    });
    for (const status of ['received', 'analyzing', 'confirmed', 'on_hold'] as const)
      expect(passMoves({ status }, 'AC-001', '2026-11-01', '2026-11-05', 1)).toEqual({ kind: 'would_skip', status });
    expect(passMoves({ status: 'accepted' }, 'AC-001', '2026-11-01', '2026-11-05', 1)).toEqual({ kind: 'nothing' });
    expect(passMoves({ status: 'rejected' }, 'AC-001', '2026-11-01', '2026-11-05', 1)).toEqual({ kind: 'nothing' });
  });
});
