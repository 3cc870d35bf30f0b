// A fact recorded by a command (a risk action done, an acceptance round, an approval, a requirement's
// move) may not be dated after the report date, as tasks and milestones may not: found by a user's
// session where `risk act --date` a week ahead left `risk list` and `status` disagreeing.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { copyExample, hashTree } from '../helpers/project.js';

// The report date of every run here is 2026-11-20 (test/helpers/cli.ts).
describe('facts dated after the report date', () => {
  it.each([
    ['risk act', ['risk', 'act', 'R-001', '3', '--done', '--date', '2026-11-25'], 'actions.done'],
    [
      'accept round',
      ['accept', 'round', 'AC-002', '--result', 'fail', '--by', 'Sofia Marino', '--reason', 'still low', '--date', '2026-11-27'],
      'rounds.date',
    ],
    [
      'change approve',
      ['change', 'approve', 'CR-002', '--as', 'customer', '--by', 'Daniel Reeves', '--date', '2026-11-27'],
      'approvals.customer.date',
    ],
    ['req move', ['req', 'move', '202611-001', 'confirmed', '--date', '2026-11-23'], 'history.date'],
  ])('%s is refused with DLV-E071 at the field, nothing written', async (_name, args, field) => {
    const dir = copyExample('erp-rollout-en');
    const before = hashTree(dir);
    const r = await runCli(args, { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`DLV-E071 "${field}"`);
    expect(r.stderr).toMatch(/\.yaml:\d+:\d+: error DLV-E071/);
    expect(hashTree(dir)).toEqual(before);
  });

  it('are accepted on or before the report date', async () => {
    const dir = copyExample('erp-rollout-en');
    expect((await runCli(['risk', 'act', 'R-001', '3', '--done', '--date', '2026-11-20'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });
});
