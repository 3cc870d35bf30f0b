// Tests for the risk register logic: score, zones, overdue actions against the report date, ordering and the matrix model.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Risk } from '../../src/core/model.js';
import { compareIds, sortIds } from '../../src/core/id-order.js';
import { actionState, openActions, overdueActions, riskLevel, riskMatrix, riskScore, sortRisks } from '../../src/core/risk.js';

const risk = (id: string, probability: number, impact: number, extra: Partial<Risk> = {}): Risk => ({
  id,
  title: id,
  category: 'delivery',
  probability,
  impact,
  response: 'mitigate',
  owner: 'Wang',
  status: 'open',
  identified: '2026-09-01',
  ...extra,
});

describe('risk logic', () => {
  it('scores probability × impact and zones the score', () => {
    expect(riskScore(risk('R-001', 4, 5))).toBe(20);
    expect([25, 15, 12, 6, 5, 1].map(riskLevel)).toEqual(['high', 'high', 'medium', 'medium', 'low', 'low']);
  });
  it('flags an action overdue only when its due date is before the report date and it is neither done nor waived', () => {
    const r = risk('R-001', 3, 3, {
      actions: [
        { text: 'a', due: '2026-11-19' },
        { text: 'b', due: '2026-11-20' },
        { text: 'c', due: '2026-11-01', done: '2026-11-02' },
        { text: 'd', due: '2026-11-01', waived: 'not needed' },
        { text: 'e' },
      ],
    });
    expect(r.actions!.map((a) => actionState(a, '2026-11-20'))).toEqual(['overdue', 'planned', 'done', 'waived', 'planned']);
    expect(overdueActions(r, '2026-11-20')).toEqual([1]);
    expect(openActions(r)).toEqual([1, 2, 5]);
  });
  it('sorts by score descending, then by id numerically', () => {
    const sorted = sortRisks([risk('R-010', 2, 2), risk('R-002', 5, 4), risk('R-1000', 4, 5), risk('R-003', 2, 2)]);
    expect(sorted.map((r) => r.id)).toEqual(['R-002', 'R-1000', 'R-003', 'R-010']);
    expect(compareIds('R-999', 'R-1000')).toBeLessThan(0);
  });
  it('compares ids exactly as the original pattern rule /^(.*?)(\\d+)$/ did', () => {
    const byPattern = (a: string, b: string): number => {
      const ma = /^(.*?)(\d+)$/.exec(a),
        mb = /^(.*?)(\d+)$/.exec(b);
      if (ma && mb && ma[1] === mb[1]) return Number(ma[2]) - Number(mb[2]) || (a < b ? -1 : a > b ? 1 : 0);
      return a < b ? -1 : a > b ? 1 : 0;
    };
    const id = fc.oneof(
      fc.tuple(fc.constantFrom('R-', 'T-', 'M-', 'REQ-', '', 'R\n-', 'a\u2028'), fc.stringMatching(/^[0-9]{0,20}$/)).map(([p, n]) => p + n),
      fc.string({ unit: fc.constantFrom('R', '-', '0', '1', '9', '\n', '\r', 'x', '\u2029') }),
    );
    fc.assert(
      fc.property(id, id, (a, b) => Math.sign(compareIds(a, b)) === Math.sign(byPattern(a, b))),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.array(id, { maxLength: 30 }), (ids) => {
        expect(sortIds(ids)).toEqual([...ids].sort(compareIds));
      }),
      { numRuns: 2000 },
    );
  });
  it('puts each risk in its cell: probability 5 on the top row, impact 1 in the first column', () => {
    const m = riskMatrix([risk('R-002', 5, 1), risk('R-001', 5, 1), risk('R-003', 1, 5), risk('R-004', 3, 3)]);
    expect(m).toHaveLength(5);
    expect(m[0]![0]).toMatchObject({ probability: 5, impact: 1, score: 5, ids: ['R-001', 'R-002'] });
    expect(m[4]![4]).toMatchObject({ probability: 1, impact: 5, ids: ['R-003'] });
    expect(m[2]![2]).toMatchObject({ probability: 3, impact: 3, score: 9, level: 'medium', ids: ['R-004'] });
    expect(m.flat().reduce((n, c) => n + c.ids.length, 0)).toBe(4);
  });
});
