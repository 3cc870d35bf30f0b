// CLI tests of `deliver accept`: add with validated requirements, rounds (fail needs a reason, nothing after a
// pass), a passing round accepting the requirements in the same write, list/show output and hand edits surviving.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { hashTree, makeProject, read } from '../helpers/project.js';

const req = (id: string, status: string, history: string) => `id: ${id}
title: Requirement ${id}
customer: ACME
contact: Li
urgency: medium
received: 2026-09-01
receiver: Wang
status: ${status}
confirmation:
  by: Li
  date: 2026-09-03
  method: email
history:
${history}`;

const DELIVERED = `  - date: 2026-09-01
    to: received
  - {date: 2026-09-02, from: received, to: analyzing}
  - {date: 2026-09-03, from: analyzing, to: confirmed}
  - {date: 2026-09-04, from: confirmed, to: in_progress}
  - {date: 2026-10-30, from: in_progress, to: delivered}
`;
const IN_PROGRESS = `  - date: 2026-09-01
    to: received
  - {date: 2026-09-02, from: received, to: analyzing}
  - {date: 2026-09-03, from: analyzing, to: confirmed}
  - {date: 2026-09-04, from: confirmed, to: in_progress}
`;

const acFile = (dir: string, id: string) => `acceptance/${readdirSync(join(dir, 'acceptance')).find((f) => f.startsWith(id))!}`;

function project(): string {
  return makeProject({
    'requirements/202609-001-a.yaml': req('202609-001', 'delivered', DELIVERED),
    'requirements/202609-002-b.yaml': req('202609-002', 'in_progress', IN_PROGRESS),
  });
}

describe('deliver accept add', () => {
  it('records the deliverable with its requirements', async () => {
    const dir = project();
    const r = await runCli(
      [
        'accept',
        'add',
        '--deliverable',
        'Dashboard v1',
        '--req',
        '202609-001',
        '--req',
        '202609-002',
        '--delivered',
        '2026-11-02',
        '--items',
        'charts',
        '--items',
        'export',
      ],
      { cwd: dir },
    );
    expect(r).toMatchObject({ code: 0, stdout: 'AC-001\n' });
    expect(parse(read(dir, acFile(dir, 'AC-001')))).toEqual({
      id: 'AC-001',
      deliverable: 'Dashboard v1',
      requirements: ['202609-001', '202609-002'],
      delivered: '2026-11-02',
      items: ['charts', 'export'],
    });
  });
  it('needs at least one known requirement', async () => {
    const dir = project();
    expect((await runCli(['accept', 'add', '--deliverable', 'x'], { cwd: dir })).code).toBe(2);
    const unknown = await runCli(['accept', 'add', '--deliverable', 'x', '--req', '202609-404'], { cwd: dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no requirement with id 202609-404');
    expect(readdirSync(dir)).not.toContain('acceptance');
  });
});

describe('deliver accept round', () => {
  async function withRecord() {
    const dir = project();
    await runCli(
      ['accept', 'add', '--deliverable', 'Dashboard v1', '--req', '202609-001', '--req', '202609-002', '--delivered', '2026-11-02'],
      { cwd: dir },
    );
    return dir;
  }

  it('needs a reason for a fail; a pass accepts the requirements, walking the lifecycle where needed', async () => {
    const dir = await withRecord();
    expect((await runCli(['accept', 'round', 'AC-001', '--result', 'fail', '--by', 'Li'], { cwd: dir })).code).toBe(2);
    const f = await runCli(
      [
        'accept',
        'round',
        'AC-001',
        '--result',
        'fail',
        '--by',
        'Li',
        '--date',
        '2026-11-05',
        '--reason',
        'export broken',
        '--reason',
        'slow',
      ],
      { cwd: dir },
    );
    expect(f).toMatchObject({ code: 0, stdout: 'AC-001 round 1 (final): failed\n' });
    expect(parse(read(dir, 'requirements/202609-001-a.yaml')).status).toBe('delivered');
    expect((await runCli(['accept', 'round', 'AC-001', '--result', 'pass', '--by', 'Li', '--date', '2026-11-04'], { cwd: dir })).code).toBe(
      1,
    );
    const p = await runCli(
      [
        'accept',
        'round',
        'AC-001',
        '--result',
        'pass',
        '--by',
        'Li',
        '--date',
        '2026-11-12',
        '--signed-by',
        'Zhang',
        '--signed-on',
        '2026-11-12',
        '--checked',
        'export',
      ],
      { cwd: dir },
    );
    expect(p.stdout).toBe('AC-001 round 2 (final): passed\nrequirements accepted: 202609-001, 202609-002\n');
    expect(parse(read(dir, acFile(dir, 'AC-001'))).rounds).toEqual([
      { date: '2026-11-05', contact: 'Li', result: 'fail', reasons: ['export broken', 'slow'] },
      { date: '2026-11-12', contact: 'Li', checked: ['export'], result: 'pass', signed_by: 'Zhang', signed_on: '2026-11-12' },
    ]);
    const a = parse(read(dir, 'requirements/202609-001-a.yaml'));
    expect(a.status).toBe('accepted');
    expect(a.history.at(-1)).toEqual({ date: '2026-11-12', from: 'delivered', to: 'accepted', by: 'Zhang', note: 'AC-001 #2' });
    const b = parse(read(dir, 'requirements/202609-002-b.yaml'));
    expect(b.status).toBe('accepted');
    expect(b.history.slice(-2).map((h: { from: string; to: string }) => `${h.from}>${h.to}`)).toEqual([
      'in_progress>delivered',
      'delivered>accepted',
    ]);
    const v = await runCli(['validate'], { cwd: dir });
    expect(v.stdout).toContain('no problems found');
    const after = await runCli(['accept', 'round', 'AC-001', '--result', 'fail', '--by', 'Li', '--reason', 'x'], { cwd: dir });
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('round 2 already passed');
  });
  it('a passing pre-acceptance round moves nothing and refuses dates before delivery', async () => {
    const dir = await withRecord();
    expect(
      (await runCli(['accept', 'round', 'AC-001', '--result', 'pass', '--by', 'Li', '--date', '2026-11-01'], { cwd: dir })).stderr,
    ).toContain('before the delivery date 2026-11-02');
    const pre = await runCli(['accept', 'round', 'AC-001', '--result', 'pass', '--kind', 'pre', '--by', 'Li', '--date', '2026-11-03'], {
      cwd: dir,
    });
    expect(pre.stdout).toBe('AC-001 round 1 (pre-acceptance): passed\n');
    expect(parse(read(dir, 'requirements/202609-001-a.yaml')).status).toBe('delivered');
  });
  it('rejects unknown ids with exit 2 and a hint', async () => {
    const dir = await withRecord();
    for (const args of [
      ['show', 'AC-404'],
      ['round', 'AC-404', '--result', 'pass', '--by', 'Li'],
    ]) {
      const r = await runCli(['accept', ...args], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('no acceptance record with id AC-404');
      expect(r.stderr).toContain('deliver accept list');
    }
  });
  it('keeps comments and formatting of hand-edited files through a passing round', async () => {
    const record = `# yaml-language-server: $schema=../.deliver/schemas/acceptance.schema.json
# Handed over at the site meeting.
id: AC-007
deliverable: Dashboard v1
requirements: [202609-001]
delivered: 2026-11-02   # per the delivery note

rounds:
  - date: 2026-11-05
    contact: Li
    result: fail
    reasons:
      - export broken   # fixed on 11-09
`;
    const reqText = `# yaml-language-server: $schema=../.deliver/schemas/requirement.schema.json\n${req('202609-001', 'delivered', DELIVERED)}`;
    const dir = makeProject({ 'acceptance/AC-007-dashboard.yaml': record, 'requirements/202609-001-a.yaml': reqText });
    const r = await runCli(
      [
        'accept',
        'round',
        'AC-007',
        '--result',
        'pass',
        '--by',
        'Li',
        '--date',
        '2026-11-10',
        '--signed-by',
        'Zhang',
        '--signed-on',
        '2026-11-11',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(read(dir, 'acceptance/AC-007-dashboard.yaml')).toBe(
      `${record}  - date: 2026-11-10\n    contact: Li\n    result: pass\n    signed_by: Zhang\n    signed_on: 2026-11-11\n`,
    );
    expect(read(dir, 'requirements/202609-001-a.yaml')).toBe(
      `${reqText.replace('status: delivered', 'status: accepted')}  - date: 2026-11-10\n    from: delivered\n    to: accepted\n    by: Zhang\n    note: "AC-007 #2"\n`,
    );
  });
});

describe('deliver accept list and show', () => {
  async function three() {
    const dir = project();
    const add = (d: string, r: string, delivered: string) =>
      runCli(['accept', 'add', '--deliverable', d, '--req', r, '--delivered', delivered], { cwd: dir });
    await add('Dashboard v1', '202609-001', '2026-11-02');
    await add('Export module', '202609-002', '2026-11-10');
    await add('Manual', '202609-002', '2026-11-25');
    await runCli(
      [
        'accept',
        'round',
        'AC-001',
        '--result',
        'pass',
        '--by',
        'Li',
        '--date',
        '2026-11-05',
        '--signed-by',
        'Li',
        '--signed-on',
        '2026-11-05',
      ],
      { cwd: dir },
    );
    await runCli(['accept', 'round', 'AC-002', '--result', 'fail', '--by', 'Li', '--date', '2026-11-12', '--reason', 'crash'], {
      cwd: dir,
    });
    return dir;
  }
  it('shows rounds, first pass, latest result and what waits for the customer (piped)', async () => {
    const dir = await three();
    const r = await runCli(['accept', 'list'], { cwd: dir });
    expect(r.stdout).toBe(
      [
        'ID\tDeliverable\tRequirements\tDelivered\tRounds\tFirst pass\tLatest\tState\tWaiting',
        'AC-001\tDashboard v1\t202609-001\t2026-11-02\t1\tyes\t2026-11-05 pass\taccepted\t',
        'AC-002\tExport module\t202609-002\t2026-11-10\t1\tno\t2026-11-12 fail\trectifying\t10',
        'AC-003\tManual\t202609-002\t2026-11-25\t0\t\t\tscheduled\t',
        '',
      ].join('\n'),
    );
    const tty = await runCli(['accept', 'list'], { cwd: dir, stdoutIsTTY: true });
    expect(tty.stdout).toContain('Waiting for the customer (1): AC-002 (Export module)');
    const json = JSON.parse((await runCli(['accept', 'list', '--json'], { cwd: dir })).stdout);
    expect(json.waiting).toEqual(['AC-002']);
    expect(json.items[0]).toMatchObject({
      id: 'AC-001',
      rounds_count: 1,
      first_pass: true,
      state: 'accepted',
      waiting_for_customer: false,
    });
    expect((await runCli(['accept', 'list', '--waiting'], { cwd: dir })).stdout.split('\n')).toHaveLength(3);
    const zh = await runCli(['accept', 'list', '--lang', 'zh-CN'], { cwd: dir, stdoutIsTTY: true });
    expect(zh.stdout).toContain('等待客户验收（1）');
  });
  it('shows one record with its rounds, in text and JSON', async () => {
    const dir = await three();
    const r = await runCli(['accept', 'show', 'AC-002'], { cwd: dir });
    expect(r.stdout).toContain('  1. 2026-11-12  final  fail  Li');
    expect(r.stdout).toContain('     ✗ crash');
    const json = JSON.parse((await runCli(['accept', 'show', 'AC-002', '--json'], { cwd: dir })).stdout);
    expect(json).toMatchObject({
      kind: 'accept.show',
      acceptance: { id: 'AC-002' },
      first_pass: false,
      state: 'rectifying',
      waiting_days: 10,
    });
    const before = hashTree(dir);
    await runCli(['accept', 'list'], { cwd: dir });
    expect(hashTree(dir)).toEqual(before);
  });
});
