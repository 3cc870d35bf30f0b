// Deliverables, signed acceptance and rectification items (整改单): a pre-acceptance pass never accepts,
// a final pass needs the customer's signature and waits for every earlier item to be verified (or
// accepted open), and open or overdue items show in accept show, status, the weekly report and the KPIs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { makeProject, read } from '../helpers/project.js';

const REQ = `id: 202611-001
title: Loyalty export
customer: ACME
contact: Li Na
urgency: high
received: 2026-11-02
receiver: Wang
status: in_progress
confirmation: { by: Li Na, date: 2026-11-04, method: email }
history:
  - { date: 2026-11-02, to: received }
  - { date: 2026-11-03, from: received, to: analyzing }
  - { date: 2026-11-04, from: analyzing, to: confirmed }
  - { date: 2026-11-05, from: confirmed, to: in_progress }
`;
const REQ_FILE = 'requirements/202611-001-loyalty-export.yaml';
const at = (asOf: string) => ({ env: { DELIVER_AS_OF: asOf } });
const cli = (dir: string, asOf: string, ...args: string[]) => runCli(args, { cwd: dir, ...at(asOf) });
const acFile = 'acceptance/AC-001-loyalty-export-v1.yaml';

async function delivered(): Promise<string> {
  const dir = makeProject({ [REQ_FILE]: REQ });
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'manual.pdf'), 'pdf');
  expect(
    (
      await cli(
        dir,
        '2026-11-09',
        'accept',
        'add',
        '--deliverable',
        'Loyalty export v1',
        '--req',
        '202611-001',
        '--delivered',
        '2026-11-09',
      )
    ).stdout,
  ).toBe('AC-001\n');
  expect(
    (
      await cli(
        dir,
        '2026-11-09',
        'accept',
        'deliverable',
        'AC-001',
        '--type',
        'product',
        '--name',
        'Export module',
        '--ver',
        '1.0.0',
        '--file',
        'https://git.example/export/releases/1.0.0',
      )
    ).code,
  ).toBe(0);
  expect(
    (
      await cli(
        dir,
        '2026-11-09',
        'accept',
        'deliverable',
        'AC-001',
        '--type',
        'document',
        '--name',
        'User manual',
        '--ver',
        'v1',
        '--file',
        'docs/manual.pdf',
      )
    ).code,
  ).toBe(0);
  expect(
    (await cli(dir, '2026-11-09', 'accept', 'deliverable', 'AC-001', '--type', 'test_report', '--name', 'System test report')).code,
  ).toBe(0);
  expect((await cli(dir, '2026-11-09', 'req', 'move', '202611-001', 'delivered', '--date', '2026-11-09')).code).toBe(0);
  return dir;
}

describe('deliverables and signed acceptance', () => {
  it('lists the deliverables handed over; a missing file is refused', async () => {
    const dir = await delivered();
    expect(parse(read(dir, acFile)).deliverables).toEqual([
      {
        type: 'product',
        name: 'Export module',
        version: '1.0.0',
        file: 'https://git.example/export/releases/1.0.0',
        handed_over: '2026-11-09',
      },
      { type: 'document', name: 'User manual', version: 'v1', file: 'docs/manual.pdf', handed_over: '2026-11-09' },
      { type: 'test_report', name: 'System test report', handed_over: '2026-11-09' },
    ]);
    expect(
      (await cli(dir, '2026-11-09', 'accept', 'deliverable', 'AC-001', '--type', 'document', '--name', 'X', '--file', 'docs/none.pdf'))
        .code,
    ).toBe(2);
    const show = await cli(dir, '2026-11-09', 'accept', 'show', 'AC-001', '--lang', 'zh-CN');
    expect(show.stdout).toContain('交付物清单');
    expect(show.stdout).toContain('[测试报告] System test report');
  });

  it('a pre-acceptance pass accepts nothing; a final pass needs the signature and date and accepts the requirement', async () => {
    const dir = await delivered();
    expect((await cli(dir, '2026-11-10', 'accept', 'round', 'AC-001', '--kind', 'pre', '--result', 'pass', '--by', 'Li Na')).code).toBe(0);
    expect(parse(read(dir, REQ_FILE)).status).toBe('delivered');
    const move = await cli(dir, '2026-11-10', 'req', 'move', '202611-001', 'accepted');
    expect(move.code).toBe(1);
    expect(move.stderr).toContain('cannot mark 202611-001 accepted');
    const unsigned = await cli(dir, '2026-11-11', 'accept', 'round', 'AC-001', '--result', 'pass', '--by', 'Li Na');
    expect(unsigned.code).toBe(2);
    expect(unsigned.stderr).toContain('--signed-by');
    expect(
      (await cli(dir, '2026-11-11', 'accept', 'round', 'AC-001', '--result', 'pass', '--by', 'Li Na', '--signed-by', 'Zhao Gang')).code,
    ).toBe(2);
    expect(
      (
        await cli(
          dir,
          '2026-11-11',
          'accept',
          'round',
          'AC-001',
          '--result',
          'pass',
          '--by',
          'Li Na',
          '--signed-by',
          'Zhao Gang',
          '--signed-on',
          '2026-11-10',
        )
      ).code,
    ).toBe(1);
    const ok = await cli(
      dir,
      '2026-11-12',
      'accept',
      'round',
      'AC-001',
      '--result',
      'pass',
      '--by',
      'Li Na',
      '--date',
      '2026-11-11',
      '--signed-by',
      'Zhao Gang',
      '--signed-on',
      '2026-11-12',
    );
    expect(ok.stdout).toContain('requirements accepted: 202611-001');
    expect(parse(read(dir, REQ_FILE)).history.at(-1)).toEqual({
      date: '2026-11-11',
      from: 'delivered',
      to: 'accepted',
      by: 'Zhao Gang',
      note: 'AC-001 #2',
    });
    expect((await cli(dir, '2026-11-12', 'validate')).code).toBe(0);
  });

  it('validate warns about a final pass without signature, and the requirement it claims to accept is an error', async () => {
    const dir = makeProject({
      [REQ_FILE]:
        REQ.replace('status: in_progress', 'status: accepted') +
        '  - { date: 2026-11-06, from: in_progress, to: delivered }\n  - { date: 2026-11-10, from: delivered, to: accepted }\n',
      'acceptance/AC-001-x.yaml':
        'id: AC-001\ndeliverable: X\nrequirements: [202611-001]\ndelivered: 2026-11-06\nrounds:\n  - { date: 2026-11-07, contact: Li, kind: pre, result: pass }\n  - { date: 2026-11-10, contact: Li, result: pass }\n',
    });
    const v = await cli(dir, '2026-11-20', 'validate');
    expect(v.code).toBe(1);
    expect(v.stdout).toContain('DLV-W180');
    expect(v.stdout).toContain('DLV-E100');
  });

  it('accept add needs --req only where the project has requirements', async () => {
    const empty = makeProject({});
    expect((await cli(empty, '2026-11-20', 'accept', 'add', '--deliverable', 'Building A, units 1-40')).stdout).toBe('AC-001\n');
    expect(parse(read(empty, 'acceptance/AC-001-building-a-units-1-40.yaml')).requirements).toEqual([]);
    expect((await cli(empty, '2026-11-20', 'validate')).code).toBe(0);
    const withReqs = makeProject({ [REQ_FILE]: REQ });
    expect((await cli(withReqs, '2026-11-20', 'accept', 'add', '--deliverable', 'X')).code).toBe(2);
  });
});

describe('rectification items', () => {
  async function failed(): Promise<string> {
    const dir = await delivered();
    const f = await cli(
      dir,
      '2026-11-12',
      'accept',
      'round',
      'AC-001',
      '--result',
      'fail',
      '--by',
      'Li Na',
      '--reason',
      'Export drops the region column',
      '--reason',
      'Manual lacks the filter chapter',
      '--owner',
      'Brightline (contractor)',
      '--due',
      '2026-11-16',
    );
    expect(f.code).toBe(0);
    return dir;
  }

  it('a failed round opens items; they show in accept show, status, the weekly report, health and the KPI', async () => {
    const dir = await failed();
    expect(parse(read(dir, acFile)).rectifications).toEqual([
      { round: 1, finding: 'Export drops the region column', owner: 'Brightline (contractor)', due: '2026-11-16' },
      { round: 1, finding: 'Manual lacks the filter chapter', owner: 'Brightline (contractor)', due: '2026-11-16' },
    ]);
    expect(
      (
        await cli(
          dir,
          '2026-11-13',
          'accept',
          'rectify',
          'AC-001',
          '--finding',
          'Slow on 1M rows',
          '--owner',
          'Zhou',
          '--due',
          '2026-11-19',
        )
      ).stdout,
    ).toContain('item 3 added');
    expect((await cli(dir, '2026-11-16', 'accept', 'rectify', 'AC-001', '1', '--fixed', '--date', '2026-11-16')).code).toBe(0);
    const show = await cli(dir, '2026-11-18', 'accept', 'show', 'AC-001');
    expect(show.stdout).toContain('1. Export drops the region column  (Brightline (contractor), round 1)  [fixed 2026-11-16, to verify]');
    expect(show.stdout).toContain('2. Manual lacks the filter chapter  (Brightline (contractor), round 1)  [overdue since 2026-11-16]');
    const status = await cli(dir, '2026-11-18', 'status');
    expect(status.stdout).toContain('Rectification: 3 open, 1 overdue · AC-001#2 Manual lacks the filter chapter · Brightline (contract');
    const json = JSON.parse((await cli(dir, '2026-11-18', 'status', '--json')).stdout);
    expect(json.health.reasons).toContainEqual({ level: 'amber', code: 'rectification_overdue', ids: ['AC-001'] });
    expect(json.kpis.rectification_on_time_rate).toMatchObject({ numerator: 1, denominator: 2 });
    expect(json.rectifications[0]).toMatchObject({ acceptance: 'AC-001', number: 2, state: 'overdue', due: '2026-11-16' });
    const weekly = await cli(dir, '2026-11-18', 'report', 'weekly');
    expect(weekly.stdout).toContain('## Rectification items');
    expect(weekly.stdout).toContain(
      'Manual lacks the filter chapter — Brightline (contractor) (AC-001 Loyalty export v1, item 2): overdue since 16 Nov.',
    );
    // as of the 15th nothing was fixed yet
    const earlier = JSON.parse((await cli(dir, '2026-11-15', 'accept', 'show', 'AC-001', '--json')).stdout);
    expect(earlier.rectifications.map((x: { state: string }) => x.state)).toEqual(['open', 'open', 'open']);
  });

  it('a final pass waits for verification unless the customer accepts an item open (recorded)', async () => {
    const dir = await failed();
    const pass = [
      'accept',
      'round',
      'AC-001',
      '--result',
      'pass',
      '--by',
      'Li Na',
      '--signed-by',
      'Zhao Gang',
      '--signed-on',
      '2026-11-20',
    ];
    const refused = await cli(dir, '2026-11-20', ...pass);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('rectification items #1 #2 of an earlier round are not verified');
    expect((await cli(dir, '2026-11-17', 'accept', 'rectify', 'AC-001', '1', '--verified-by', 'Li Na')).code).toBe(1); // not fixed yet
    expect((await cli(dir, '2026-11-17', 'accept', 'rectify', 'AC-001', '1', '--fixed', '--verified-by', 'Li Na')).code).toBe(0);
    expect((await cli(dir, '2026-11-20', ...pass)).stderr).toContain('items #2 of an earlier');
    expect((await cli(dir, '2026-11-20', ...pass, '--accept-open', '2')).code).toBe(0);
    const rec = parse(read(dir, acFile));
    expect(rec.rectifications).toEqual([
      {
        round: 1,
        finding: 'Export drops the region column',
        owner: 'Brightline (contractor)',
        due: '2026-11-16',
        fixed: '2026-11-17',
        verified_by: 'Li Na',
        verified: '2026-11-17',
      },
      {
        round: 1,
        finding: 'Manual lacks the filter chapter',
        owner: 'Brightline (contractor)',
        due: '2026-11-16',
        accepted_open: { by: 'Zhao Gang', date: '2026-11-20' },
      },
    ]);
    expect(parse(read(dir, REQ_FILE)).status).toBe('accepted');
    expect((await cli(dir, '2026-11-20', 'validate')).code).toBe(0);
    const kpi = JSON.parse((await cli(dir, '2026-11-20', 'kpi', '--json')).stdout);
    expect(JSON.stringify(kpi)).toContain('rectification_on_time_rate');
  });

  it('validate reports a hand-written final pass over an unverified item, and items that do not belong to a failed round', async () => {
    const dir = makeProject({
      'acceptance/AC-001-x.yaml': `id: AC-001\ndeliverable: X\nrequirements: []\ndelivered: 2026-11-02
rounds:
  - { date: 2026-11-03, contact: Li, result: fail, reasons: [a] }
  - { date: 2026-11-10, contact: Li, result: pass, signed_by: Zhao, signed_on: 2026-11-10 }
rectifications:
  - { round: 1, finding: a, owner: Zhou, due: 2026-11-05 }
  - { round: 2, finding: b, owner: Zhou, due: 2026-11-12 }
  - { round: 1, finding: c, owner: Zhou, due: 2026-11-05, verified: 2026-11-04 }
`,
    });
    const v = await cli(dir, '2026-11-20', 'validate', '--format', 'json');
    const codes = JSON.parse(v.stdout)
      .diagnostics.map((f: { code: string }) => f.code)
      .sort();
    expect(codes).toEqual(['DLV-E182', 'DLV-E184', 'DLV-E185', 'DLV-E186']);
  });
});
