import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scriptedPrompter } from '../helpers/cli.js';
import { makeProject, read } from '../helpers/project.js';

const HAND_WRITTEN = `# yaml-language-server: $schema=../.deliver/schemas/requirement.schema.json
# 客户电话沟通两次，需求见会议纪要。
id: 202611-001
title:  销售数据看板     # 标题按客户原话
customer: 华东零售
contact: 李娜
urgency: high    # 董事会要求月底前看到
received: 2026-11-02
receiver: 王磊
status: received
history:
  - date: 2026-11-02
    to: received   # intake by phone

notes: |
  保留这一段
    缩进也要保留。
`;

describe('deliver req', () => {
  it('adds requirements with ids from the received month and lists them', async () => {
    const dir = makeProject({});
    const add = (title: string, received: string) =>
      runCli(
        [
          'req',
          'add',
          '--title',
          title,
          '--customer',
          'ACME',
          '--contact',
          'Li Na',
          '--urgency',
          'high',
          '--received',
          received,
          '--receiver',
          'Wang',
        ],
        { cwd: dir },
      );
    expect((await add('Sales dashboard', '2026-11-02')).stdout).toBe('202611-001\n');
    expect((await add('Export to Excel', '2026-11-05')).stdout).toBe('202611-002\n');
    const r = await runCli(
      [
        'req',
        'add',
        '--json',
        '--title',
        'Login via SSO',
        '--customer',
        'ACME',
        '--contact',
        'Li',
        '--received',
        '2026-12-01',
        '--receiver',
        'Wang',
      ],
      { cwd: dir },
    );
    expect(JSON.parse(r.stdout)).toMatchObject({ id: '202612-001' });
    expect(readdirSync(join(dir, 'requirements')).sort()).toEqual([
      '202611-001-sales-dashboard.yaml',
      '202611-002-export-to-excel.yaml',
      '202612-001-login-via-sso.yaml',
    ]);
    expect(read(dir, 'requirements/202611-001-sales-dashboard.yaml').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../.deliver/schemas/requirement.schema.json',
    );

    const list = await runCli(['req', 'list', '--urgency', 'high'], { cwd: dir });
    expect(list.stdout.split('\n')[0]).toBe('ID\tTitle\tCustomer\tUrgency\tStatus\tReceived\tDue\tReceiver\tNext step');
    expect(list.stdout).toContain('202611-002\tExport to Excel\tACME\thigh\treceived\t2026-11-05\t\tWang\tanalysis 2026-11-06 overdue');
    expect(list.stdout).not.toContain('202612-001');
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('asks for missing fields in a terminal and refuses without one', async () => {
    const dir = makeProject({});
    const piped = await runCli(['req', 'add', '--title', 'x'], { cwd: dir });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain('missing --contact');
    const prompter = scriptedPrompter(['ACME', 'Li Na', 'low', '2026-11-03', '', 'Wang']);
    const r = await runCli(['req', 'add', '--title', 'Report'], { cwd: dir, stdinIsTTY: true, prompter });
    expect(r.stdout).toBe('202611-001\n');
    expect(prompter.asked.length).toBe(6);
    expect(read(dir, 'requirements/202611-001-report.yaml')).toContain('urgency: low');
  });

  it('moves along the lifecycle, keeping hand-written comments byte for byte', async () => {
    const dir = makeProject({ 'requirements/202611-001-sales-dashboard.yaml': HAND_WRITTEN });
    const r = await runCli(['req', 'move', '202611-001', 'analyzing', '--date', '2026-11-03', '--by', '王磊'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const after = read(dir, 'requirements/202611-001-sales-dashboard.yaml');
    expect(after).toBe(
      HAND_WRITTEN.replace('status: received\n', 'status: analyzing\n').replace(
        '    to: received   # intake by phone\n',
        '    to: received   # intake by phone\n  - date: 2026-11-03\n    from: received\n    to: analyzing\n    by: 王磊\n',
      ),
    );
  });

  it('refuses illegal moves with the allowed ones, and accepted without a passing round', async () => {
    const dir = makeProject({ 'requirements/202611-001-sales-dashboard.yaml': HAND_WRITTEN });
    const bad = await runCli(['req', 'move', '202611-001', 'delivered'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('cannot move 202611-001 from received to delivered');
    expect(bad.stderr).toContain('analyzing, rejected, on_hold');
    expect(read(dir, 'requirements/202611-001-sales-dashboard.yaml')).toBe(HAND_WRITTEN);
    for (const s of ['analyzing', 'confirmed', 'in_progress', 'delivered'])
      expect((await runCli(['req', 'move', '202611-001', s], { cwd: dir })).code).toBe(0);
    const acc = await runCli(['req', 'move', '202611-001', 'accepted'], { cwd: dir });
    expect(acc.code).toBe(1);
    expect(acc.stderr).toContain('no acceptance record has a passing round');
    expect((await runCli(['req', 'move', '202611-404', 'analyzing'], { cwd: dir })).code).toBe(2);
  });

  it('shows a requirement with linked work, as text and JSON', async () => {
    const dir = makeProject({
      'requirements/202611-001-sales-dashboard.yaml': HAND_WRITTEN,
      'plan.yaml':
        'schema_version: 1\ntasks:\n  - id: T-001\n    name: Build dashboard\n    status: todo\n    days: 3\n    requirement: 202611-001\n',
    });
    const r = await runCli(['req', 'show', '202611-001'], { cwd: dir });
    expect(r.stdout).toContain('T-001  Build dashboard  [to do]');
    const j = JSON.parse((await runCli(['req', 'show', '202611-001', '--json'], { cwd: dir })).stdout);
    expect(j.tasks.map((t: { id: string }) => t.id)).toEqual(['T-001']);
    expect(j.requirement.title).toBe('销售数据看板');
  });

  it('refuses to edit a file that has become invalid, writing nothing', async () => {
    const broken = HAND_WRITTEN.replace('urgency: high', 'urgency: high\nurgency: low');
    const dir = makeProject({ 'requirements/202611-001-sales-dashboard.yaml': broken });
    const r = await runCli(['req', 'move', '202611-001', 'analyzing'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('202611-001 cannot be changed: its file has errors');
    expect(r.stderr).toMatch(/requirements\/202611-001-sales-dashboard\.yaml:8:1: error DLV-E002 duplicate key "urgency"/);
    expect(read(dir, 'requirements/202611-001-sales-dashboard.yaml')).toBe(broken);
  });
});
