// `deliver req archive`: the toolkit's document checklist (登记表 … 验收表) from the records, linked files
// or not applicable; the archive warning N working days after acceptance (sla.archive_days).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { MANIFEST, makeProject, read } from '../helpers/project.js';

const REQ = `id: 202611-001
title: Loyalty export
customer: ACME
contact: Li Na
urgency: high
received: 2026-11-02
receiver: Wang
status: accepted
analysis: { analyst: Zhou, date: 2026-11-03 }
feasibility: { assessor: Sun, date: 2026-11-04, feasible: true }
confirmation: { by: Li Na, date: 2026-11-04, method: stamped_scan, evidence: scans/confirm.pdf }
history:
  - { date: 2026-11-02, to: received }
  - { date: 2026-11-03, from: received, to: analyzing }
  - { date: 2026-11-04, from: analyzing, to: confirmed }
  - { date: 2026-11-05, from: confirmed, to: in_progress }
  - { date: 2026-11-09, from: in_progress, to: delivered }
  - { date: 2026-11-11, from: delivered, to: accepted }
`;
const AC =
  'id: AC-001\ndeliverable: Export v1\nrequirements: [202611-001]\ndelivered: 2026-11-09\nrounds:\n  - { date: 2026-11-11, contact: Li Na, result: pass, signed_by: Zhao, signed_on: 2026-11-11 }\n';
const FILE = 'requirements/202611-001-loyalty-export.yaml';
const cli = (dir: string, asOf: string, ...args: string[]) => runCli(args, { cwd: dir, env: { DELIVER_AS_OF: asOf } });

function project(manifest = MANIFEST): string {
  const dir = makeProject({ 'deliver.yaml': manifest, [FILE]: REQ, 'acceptance/AC-001-export-v1.yaml': AC });
  mkdirSync(join(dir, 'docs'));
  writeFileSync(join(dir, 'docs', 'plan.docx'), 'plan');
  return dir;
}

describe('deliver req archive', () => {
  it('refuses while a document is neither in the records, linked nor marked not applicable', async () => {
    const dir = project();
    const r = await cli(dir, '2026-11-20', 'req', 'archive', '202611-001', '--number', 'ARC-001');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the records hold no handling plan');
    expect((await cli(dir, '2026-11-20', 'req', 'archive', '202611-001', '--number', 'ARC-001', '--doc', 'plan=docs/none.docx')).code).toBe(
      2,
    );
    expect(
      (
        await cli(
          dir,
          '2026-11-20',
          'req',
          'archive',
          '202611-001',
          '--number',
          'ARC-001',
          '--doc',
          'plan=docs/plan.docx',
          '--date',
          '2026-11-10',
        )
      ).code,
    ).toBe(1); // before acceptance
  });

  it('archives with number, date and the checklist; a second archive is refused', async () => {
    const dir = project();
    const r = await cli(
      dir,
      '2026-11-20',
      'req',
      'archive',
      '202611-001',
      '--number',
      'ARC-001',
      '--by',
      'Zhao',
      '--doc',
      'plan=docs/plan.docx',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('202611-001: archived as ARC-001 on 2026-11-20');
    const rec = parse(read(dir, FILE));
    expect(rec.archived).toBe('2026-11-20');
    expect(rec.archive).toEqual({
      number: 'ARC-001',
      by: 'Zhao',
      documents: [
        { doc: 'registration', state: 'present' },
        { doc: 'analysis', state: 'present' },
        { doc: 'feasibility', state: 'present' },
        { doc: 'plan', state: 'linked', ref: 'docs/plan.docx' },
        { doc: 'confirmation', state: 'linked', ref: 'scans/confirm.pdf' },
        { doc: 'acceptance', state: 'linked', ref: 'AC-001' },
      ],
    });
    expect((await cli(dir, '2026-11-20', 'req', 'archive', '202611-001', '--number', 'ARC-002', '--na', 'plan')).code).toBe(1);
    expect((await cli(dir, '2026-12-31', 'validate')).code).toBe(0);
    const zh = await cli(dir, '2026-11-20', 'export', '--lang', 'zh-CN');
    expect(zh.stdout).toContain('归档编号');
  });

  it('a request still in progress is not archived', async () => {
    const dir = makeProject({
      [FILE]: REQ.replace('status: accepted', 'status: delivered').replace('  - { date: 2026-11-11, from: delivered, to: accepted }\n', ''),
    });
    expect((await cli(dir, '2026-11-20', 'req', 'archive', '202611-001', '--number', 'A', '--na', 'plan', '--na', 'acceptance')).code).toBe(
      1,
    );
  });

  it('validate warns once an accepted request waits past sla.archive_days working days', async () => {
    const dir = project();
    expect((await cli(dir, '2026-11-25', 'validate')).stdout).toContain('no problems found'); // 10 working days after the 11th
    const late = await cli(dir, '2026-11-26', 'validate');
    expect(late.stdout).toContain('DLV-W106');
    expect(late.stdout).toContain('accepted on 2026-11-11, 11 working days ago, and not archived (due within 10)');
    const strict = project(`${MANIFEST}sla:\n  archive_days: 3\n`);
    expect((await cli(strict, '2026-11-17', 'validate')).stdout).toContain('DLV-W106');
  });
});
