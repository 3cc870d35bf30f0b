// `report weekly --audience customer|internal`: the customer's version leaves out records marked
// `visibility: internal` and the team's own KPIs, and lists what the customer's people must do.
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeProject } from '../helpers/project.js';

const MANIFEST = `schema_version: 1
name: Dashboard
client: ACME
start: 2026-11-02
due: 2026-12-31
language: en
calendar:
  base: none
team:
  - name: Zhou
    role: delivery specialist
    side: supplier
  - name: Manager Zhang
    role: customer lead
    side: customer
`;
const PLAN = `schema_version: 1
tasks:
  - id: T-001
    name: Provide the sales data extract
    owner: Manager Zhang
    start: 2026-11-16
    days: 10
    status: blocked
    blocked_reason: waiting for the IT department
  - id: T-002
    name: Internal code review
    owner: Zhou
    start: 2026-11-16
    days: 3
    status: in_progress
    visibility: internal
  - id: T-003
    name: Build the dashboard
    owner: Zhou
    start: 2026-11-16
    days: 5
    status: in_progress
`;
const RISK = (id: string, title: string, extra: string) => `id: ${id}
title: ${title}
category: delivery
probability: 3
impact: 4
response: mitigate
owner: Zhou
identified: 2026-11-02
status: open
${extra}`;

function project(): string {
  return makeProject({
    'deliver.yaml': MANIFEST,
    'plan.yaml': PLAN,
    'risks/R-001-key-person-leaves.yaml': RISK('R-001', 'The customer key person may leave', 'visibility: internal\n'),
    'risks/R-002-data-late.yaml': RISK(
      'R-002',
      'Sales data arrives late',
      'actions:\n  - text: Name a data owner\n    owner: Manager Zhang\n    due: 2026-11-25\n',
    ),
  });
}

describe('report weekly --audience', () => {
  it('customer: leaves out internal tasks, risks and KPIs, and lists what the customer must do', async () => {
    const dir = project();
    const r = await runCli(['report', 'weekly', '--audience', 'customer'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Internal code review');
    expect(r.stdout).not.toContain('T-002');
    expect(r.stdout).not.toContain('key person');
    expect(r.stdout).toContain('Sales data arrives late');
    expect(r.stdout).not.toMatch(/analysis|Risk response rate|communication/i);
    expect(r.stdout).toMatch(
      /## What your team is responsible for\n\n- Manager Zhang: Name a data owner \(risk R-002, action 1\), due on 25 Nov\.\n- Manager Zhang: Provide the sales data extract \(T-001\), blocked, planned to finish on 3 Dec\.\n/,
    );
  });

  it('internal: everything, no customer section; md defaults to internal, html to customer', async () => {
    const dir = project();
    const md = await runCli(['report', 'weekly'], { cwd: dir });
    expect(md.stdout).toContain('T-002');
    expect(md.stdout).toContain('key person');
    expect(md.stdout).not.toContain('What your team is responsible for');
    const html = await runCli(['report', 'weekly', '--format', 'html'], { cwd: dir });
    expect(html.stdout).not.toContain('key person');
    expect(html.stdout).toContain('What your team is responsible for');
    const both = await runCli(['report', 'weekly', '--format', 'html', '--audience', 'internal'], { cwd: dir });
    expect(both.stdout).toContain('key person');
  });

  it('JSON keeps the codes and filters the same way', async () => {
    const dir = project();
    const r = JSON.parse((await runCli(['report', 'weekly', '--audience', 'customer', '--json'], { cwd: dir })).stdout) as {
      audience: string;
      risks: { id: string }[];
      kpis: Record<string, unknown>;
      customer_todo: { kind: string; id: string }[];
    };
    expect(r.audience).toBe('customer');
    expect(r.risks.map((x) => x.id)).toEqual(['R-002']);
    expect(Object.keys(r.kpis)).not.toContain('analysis_sla_rate');
    expect(Object.keys(r.kpis)).toContain('customer_satisfaction');
    expect(r.customer_todo.map((x) => `${x.kind} ${x.id}`)).toEqual(['action R-002', 'task T-001']);
  });

  it('in Chinese too', async () => {
    const dir = project();
    const r = await runCli(['report', 'weekly', '--audience', 'customer', '--lang', 'zh-CN'], { cwd: dir });
    expect(r.stdout).toContain('## 贵方人员负责的事项');
    expect(r.stdout).toMatch(/Manager Zhang：Provide the sales data extract（T-001），阻塞，计划于/);
  });
});
