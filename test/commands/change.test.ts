// CLI tests of `deliver change`: add with validated ids, approvals by both sides, reject/withdraw, list/show
// output, and apply moving a dependent chain across National Day 2026 in plan.yaml and the slip together.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { copyExample, hashTree, makeProject, MANIFEST, read } from '../helpers/project.js';

const CN_MANIFEST = MANIFEST.replace('base: none', 'base: cn');

const REQ = `id: 202609-001
title: Data dashboard
customer: ACME
contact: Li
urgency: high
received: 2026-09-01
receiver: Wang
status: received
history:
  - date: 2026-09-01
    to: received
`;

// Hand-written plan with comments, a flow mapping and odd spacing: every edit must leave the rest as it is.
const PLAN = `# yaml-language-server: $schema=.deliver/schemas/plan.schema.json
schema_version: 1

# The build chain. Keep T-004 independent!
tasks:
  - id: T-001
    name: Build      # core work
    start: 2026-09-28
    days: 3
    status: todo
  - id: T-002
    name: Test
    depends_on: [T-001]
    days:    2
    status: todo
  - {id: T-003, name: Deploy, depends_on: [T-002], days: 2, status: todo}
  - id: T-004
    name: Docs
    start: 2026-09-28
    days: 1
    status: todo
milestones:
  - id: M-001
    name: Go-live
    depends_on: [T-003]   # after deploy
`;

const changeFile = (dir: string, id: string) => `changes/${readdirSync(join(dir, 'changes')).find((f) => f.startsWith(id))!}`;

function project(): string {
  return makeProject({ 'deliver.yaml': CN_MANIFEST, 'requirements/202609-001-data-dashboard.yaml': REQ, 'plan.yaml': PLAN });
}

async function addSlip(dir: string, ...extra: string[]) {
  return runCli(
    [
      'change',
      'add',
      '--title',
      'Extra report',
      '--reason',
      'Customer wants a monthly export',
      '--req',
      '202609-001',
      '--task',
      'T-001',
      '--schedule-days',
      '3',
      '--cost',
      '12000',
      '--requested-by',
      'Li',
      '--date',
      '2026-09-10',
      ...extra,
    ],
    { cwd: dir },
  );
}

describe('deliver change add, approve, reject, withdraw', () => {
  it('registers a submitted slip with its impact', async () => {
    const dir = project();
    expect(await addSlip(dir)).toMatchObject({ code: 0, stdout: 'CR-001\n' });
    expect(parse(read(dir, changeFile(dir, 'CR-001')))).toEqual({
      id: 'CR-001',
      title: 'Extra report',
      reason: 'Customer wants a monthly export',
      requested_by: 'Li',
      submitted: '2026-09-10',
      requirements: ['202609-001'],
      tasks: ['T-001'],
      schedule_days: 3,
      cost: { amount: 12000, currency: 'CNY' },
      status: 'submitted',
    });
  });
  it('validates requirement and task ids, and the cost', async () => {
    const dir = project();
    const badReq = await runCli(['change', 'add', '--title', 'x', '--reason', 'y', '--req', '202609-999'], { cwd: dir });
    expect(badReq.code).toBe(2);
    expect(badReq.stderr).toContain('no requirement with id 202609-999');
    const badTask = await runCli(['change', 'add', '--title', 'x', '--reason', 'y', '--task', 'T-999'], { cwd: dir });
    expect(badTask.code).toBe(2);
    expect(badTask.stderr).toContain('no plan task with id T-999');
    expect((await runCli(['change', 'add', '--title', 'x', '--reason', 'y', '--cost', 'lots'], { cwd: dir })).code).toBe(2);
    expect(readdirSync(dir)).not.toContain('changes');
  });
  it('becomes approved when both sides have signed, and refuses a second signature', async () => {
    const dir = project();
    await addSlip(dir);
    const c = await runCli(['change', 'approve', 'CR-001', '--as', 'customer', '--by', 'Li', '--date', '2026-09-11'], { cwd: dir });
    expect(c.stdout).toContain('waiting for the other side');
    expect(parse(read(dir, changeFile(dir, 'CR-001'))).status).toBe('submitted');
    expect((await runCli(['change', 'approve', 'CR-001', '--as', 'customer', '--by', 'Li'], { cwd: dir })).code).toBe(1);
    expect(
      (await runCli(['change', 'approve', 'CR-001', '--as', 'internal', '--by', 'Wang', '--date', '2026-09-01'], { cwd: dir })).code,
    ).toBe(1);
    const i = await runCli(['change', 'approve', 'CR-001', '--as', 'internal', '--by', 'Wang', '--date', '2026-09-12', '--comment', 'ok'], {
      cwd: dir,
    });
    expect(i.stdout).toContain('the slip is approved');
    expect(parse(read(dir, changeFile(dir, 'CR-001')))).toMatchObject({
      status: 'approved',
      approvals: { customer: { by: 'Li', date: '2026-09-11' }, internal: { by: 'Wang', date: '2026-09-12', comment: 'ok' } },
    });
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });
  it('rejects with a reason, withdraws, and refuses to act on decided slips', async () => {
    const dir = project();
    await addSlip(dir);
    await addSlip(dir);
    expect((await runCli(['change', 'reject', 'CR-001', '--by', 'Wang'], { cwd: dir })).code).toBe(2);
    expect((await runCli(['change', 'reject', 'CR-001', '--by', 'Wang', '--reason', 'out of scope'], { cwd: dir })).code).toBe(0);
    expect(parse(read(dir, changeFile(dir, 'CR-001')))).toMatchObject({
      status: 'rejected',
      rejection: { by: 'Wang', date: '2026-11-20', reason: 'out of scope' },
    });
    expect((await runCli(['change', 'approve', 'CR-001', '--as', 'customer', '--by', 'Li'], { cwd: dir })).code).toBe(1);
    expect((await runCli(['change', 'withdraw', 'CR-002'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['change', 'apply', 'CR-002'], { cwd: dir })).stderr).toContain('it is withdrawn, not approved');
    const piped = await runCli(['change', 'list', '--status', 'rejected'], { cwd: dir });
    expect(piped.stdout.split('\n')[1]!.split('\t').slice(0, 3)).toEqual(['CR-001', 'Extra report', 'rejected']);
    expect(piped.stdout.split('\n')).toHaveLength(3);
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });
  it('rejects unknown ids with exit 2 and a hint', async () => {
    const dir = project();
    for (const args of [
      ['show', 'CR-404'],
      ['approve', 'CR-404', '--as', 'customer', '--by', 'Li'],
      ['reject', 'CR-404', '--by', 'a', '--reason', 'b'],
      ['apply', 'CR-404'],
      ['withdraw', 'CR-404'],
    ]) {
      const r = await runCli(['change', ...args], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('no change slip with id CR-404');
    }
  });
});

describe('deliver change apply', () => {
  async function approved(dir: string) {
    await addSlip(dir);
    await runCli(['change', 'approve', 'CR-001', '--as', 'customer', '--by', 'Li', '--date', '2026-09-11'], { cwd: dir });
    await runCli(['change', 'approve', 'CR-001', '--as', 'internal', '--by', 'Wang', '--date', '2026-09-11'], { cwd: dir });
  }

  it('refuses a slip that is not approved and changes nothing', async () => {
    const dir = project();
    await addSlip(dir);
    const before = hashTree(dir);
    const r = await runCli(['change', 'apply', 'CR-001'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('cannot apply CR-001: it is submitted, not approved');
    expect(hashTree(dir)).toEqual(before);
  });

  it('moves the chain by 3 working days across National Day, writing plan and slip together; twice is refused', async () => {
    // cn 2026: 09-25..27 and 10-01..07 off, Sat 10-10 a make-up working day, Sun 10-11 off.
    // Before: T-001 09-28..09-30 (3 days); T-002 10-08..10-09; T-003 Sat 10-10..Mon 10-12; M-001 10-12.
    // +3 working days: T-001 starts 09-28 → 09-29, 09-30, 10-08 = 10-08, runs 10-08, 10-09, 10-10;
    // T-002 10-12..10-13; T-003 10-14..10-15; M-001 10-15. T-004 does not depend on T-001: stays 09-28.
    // Applied on 9/12, before any of the work is due (later report dates forecast it from that date on).
    const dir = project();
    const env = { DELIVER_AS_OF: '2026-09-12' };
    await approved(dir);
    const r = await runCli(['change', 'apply', 'CR-001', '--by', 'Wang'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'CR-001 applied: 3 task(s) moved',
        '  T-001  2026-09-28…2026-09-30 → 2026-10-08…2026-10-10',
        '  T-002  2026-10-08…2026-10-09 → 2026-10-12…2026-10-13',
        '  T-003  2026-10-10…2026-10-12 → 2026-10-14…2026-10-15',
        '',
      ].join('\n'),
    );
    // Only T-001's start changed in plan.yaml: its successors follow by their dependencies.
    expect(read(dir, 'plan.yaml')).toBe(PLAN.replace('    start: 2026-09-28\n    days: 3', '    start: 2026-10-08\n    days: 3'));
    expect(parse(read(dir, changeFile(dir, 'CR-001')))).toMatchObject({
      status: 'applied',
      applied: {
        date: '2026-09-12',
        by: 'Wang',
        moves: [
          { id: 'T-001', from_start: '2026-09-28', from_end: '2026-09-30', to_start: '2026-10-08', to_end: '2026-10-10' },
          { id: 'T-002', from_start: '2026-10-08', from_end: '2026-10-09', to_start: '2026-10-12', to_end: '2026-10-13' },
          { id: 'T-003', from_start: '2026-10-10', from_end: '2026-10-12', to_start: '2026-10-14', to_end: '2026-10-15' },
        ],
      },
    });
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
    const before = hashTree(dir);
    const again = await runCli(['change', 'apply', 'CR-001'], { cwd: dir, env });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('CR-001 was already applied on 2026-09-12');
    expect(hashTree(dir)).toEqual(before);
    const show = await runCli(['change', 'show', 'CR-001'], { cwd: dir });
    expect(show.stdout).toContain('  T-003  2026-10-10…2026-10-12 → 2026-10-14…2026-10-15');
    const json = JSON.parse((await runCli(['change', 'show', 'CR-001', '--json'], { cwd: dir })).stdout);
    expect(json).toMatchObject({ kind: 'change.show', change: { id: 'CR-001', status: 'applied' } });
  });

  it('pins the start of a touched task whose predecessor does not move, keeping the hand-written plan', async () => {
    // Touch T-003 only: T-003 10-10 +3 → 10-14 (10-12, 10-13, 10-14); it gets `start` added in its flow mapping.
    const dir = project();
    await runCli(
      [
        'change',
        'add',
        '--title',
        'Deploy later',
        '--reason',
        'site not ready',
        '--task',
        'T-003',
        '--schedule-days',
        '3',
        '--date',
        '2026-09-10',
      ],
      { cwd: dir },
    );
    await runCli(['change', 'approve', 'CR-001', '--as', 'customer', '--by', 'Li', '--date', '2026-09-11'], { cwd: dir });
    await runCli(['change', 'approve', 'CR-001', '--as', 'internal', '--by', 'Wang', '--date', '2026-09-11'], { cwd: dir });
    const r = await runCli(['change', 'apply', 'CR-001', '--json'], { cwd: dir, env: { DELIVER_AS_OF: '2026-09-12' } });
    expect(JSON.parse(r.stdout).moves).toEqual([
      { id: 'T-003', from_start: '2026-10-10', from_end: '2026-10-12', to_start: '2026-10-14', to_end: '2026-10-15' },
    ]);
    const plan = read(dir, 'plan.yaml');
    expect(plan).toBe(PLAN.replace('days: 2, status: todo}', 'days: 2, status: todo, start: 2026-10-14}'));
  });

  it('writes nothing when the plan edit is refused (all or nothing)', async () => {
    const dir = project();
    await approved(dir);
    // A plan that fails its schema makes the plan write refuse; the slip must not be marked applied either.
    const broken = PLAN.replace('schema_version: 1', 'schema_version: 1\nunknown_key: true');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'plan.yaml'), broken);
    const before = hashTree(dir);
    const r = await runCli(['change', 'apply', 'CR-001'], { cwd: dir });
    expect(r.code).not.toBe(0);
    expect(hashTree(dir)).toEqual(before);
    expect(r.stderr).toContain('nothing was written: plan.yaml has errors');
    expect(parse(read(dir, changeFile(dir, 'CR-001'))).status).toBe('approved');
  });

  it('leaves plan.yaml untouched when the slip cannot be written', async () => {
    const dir = project();
    await approved(dir);
    const before = hashTree(dir);
    // A name spanning two lines is not a valid person: the slip write is refused after the plan edit was prepared.
    const r = await runCli(['change', 'apply', 'CR-001', '--by', 'Wa\nng'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`nothing was written: ${changeFile(dir, 'CR-001')} has errors`);
    expect(hashTree(dir)).toEqual(before);
  });

  it('keeps comments and formatting of a hand-edited slip through approve and apply', async () => {
    const slip = `# yaml-language-server: $schema=../.deliver/schemas/change.schema.json
# Agreed on the phone, paper copy in the binder.
id: CR-009
title: Extra report
reason: >
  The customer wants a monthly export.
submitted: 2026-09-10
tasks: [T-004]     # docs only
schedule_days: 1
status: submitted   # waiting for both signatures
`;
    const dir = makeProject({ 'deliver.yaml': CN_MANIFEST, 'plan.yaml': PLAN, 'changes/CR-009-extra-report.yaml': slip });
    const file = 'changes/CR-009-extra-report.yaml';
    await runCli(['change', 'approve', 'CR-009', '--as', 'customer', '--by', 'Li', '--date', '2026-09-11'], { cwd: dir });
    expect(read(dir, file)).toBe(`${slip}approvals:\n  customer:\n    by: Li\n    date: 2026-09-11\n`);
    await runCli(['change', 'approve', 'CR-009', '--as', 'internal', '--by', 'Wang', '--date', '2026-09-12'], { cwd: dir });
    const signed = `${slip.replace('status: submitted   #', 'status: approved   #')}approvals:\n  customer:\n    by: Li\n    date: 2026-09-11\n  internal:\n    by: Wang\n    date: 2026-09-12\n`;
    expect(read(dir, file)).toBe(signed);
    expect(
      (await runCli(['change', 'apply', 'CR-009', '--date', '2026-09-13'], { cwd: dir, env: { DELIVER_AS_OF: '2026-09-13' } })).code,
    ).toBe(0);
    // T-004 Mon 09-28 + 1 working day = Tue 09-29.
    expect(read(dir, file)).toBe(
      `${signed.replace('status: approved   #', 'status: applied   #')}applied:\n  date: 2026-09-13\n  moves:\n    - id: T-004\n      from_start: 2026-09-28\n      from_end: 2026-09-28\n      to_start: 2026-09-29\n      to_end: 2026-09-29\n`,
    );
    expect(read(dir, 'plan.yaml')).toBe(PLAN.replace('    start: 2026-09-28\n    days: 1', '    start: 2026-09-29\n    days: 1'));
  });
});

describe('deliver change apply, plan fields the forecast does not show', () => {
  // T-011 is started and forecast from its remaining work, so a slip before it moves its planned
  // end but not its forecast: that edit was written without a word before.
  async function approvedSlipBeforeT011(): Promise<{ dir: string; id: string }> {
    const dir = copyExample('erp-rollout-en');
    const add = ['change', 'add', '--title', 'Mock load 3', '--reason', 'asked', '--task', 'T-008', '--schedule-days', '3'];
    const id = (await runCli([...add, '--requested-by', 'Daniel Reeves', '-y'], { cwd: dir })).stdout.trim();
    await runCli(['change', 'approve', id, '--as', 'customer', '--by', 'Daniel Reeves'], { cwd: dir });
    await runCli(['change', 'approve', id, '--as', 'internal', '--by', 'Maya Chen'], { cwd: dir });
    return { dir, id };
  }

  it('lists every planned date it sets where the forecast does not move (--json)', async () => {
    const { dir, id } = await approvedSlipBeforeT011();
    const j = JSON.parse((await runCli(['change', 'apply', id, '--by', 'Maya Chen', '--json'], { cwd: dir })).stdout);
    expect(j.moves.map((m: { id: string }) => m.id)).not.toContain('T-011');
    expect(j.plan_edits).toContainEqual({ id: 'T-011', field: 'end', from: '2026-11-16', to: '2026-12-01' });
    expect(read(dir, 'plan.yaml')).toContain('    start: 2026-11-09\n    end: 2026-12-01\n');
  });

  it('says so in text', async () => {
    const { dir, id } = await approvedSlipBeforeT011();
    const r = await runCli(['change', 'apply', id, '--by', 'Maya Chen'], { cwd: dir });
    expect(r.stdout).toContain('planned dates set in plan.yaml where the forecast does not move:\n  T-011  end 2026-11-16 → 2026-12-01\n');
  });
});
