// `deliver status`: golden screens in English and Chinese, the 100×40 limit on the bundled examples at
// several dates, colour only on a terminal, and --json with the same facts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { REPO, hashTree } from '../helpers/project.js';
import { expectGolden } from '../helpers/golden.js';

const GOLDEN = join(REPO, 'test', 'golden', 'reports');
const ALPHA = join(GOLDEN, 'portfolio', 'alpha');

const golden = (name: string, actual: string): void => expectGolden(GOLDEN, name, actual);

function fits(screen: string, width = 100): void {
  const lines = screen.replace(/\n$/, '').split('\n');
  expect(lines.length).toBeLessThanOrEqual(40);
  for (const l of lines) expect(stringWidth(l), l).toBeLessThanOrEqual(width);
}

describe('deliver status', () => {
  it.each(['en', 'zh-CN'])('golden screen (%s)', async (lang) => {
    const before = hashTree(ALPHA);
    const r = await runCli(['status', '--lang', lang, '--as-of', '2026-11-20'], { cwd: ALPHA });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    fits(r.stdout);
    golden(`status-${lang}.txt`, r.stdout);
    expect(hashTree(ALPHA)).toEqual(before); // a read command writes nothing
  });

  it('shows health with reasons, progress, work, risks, changes, acceptance and KPIs', async () => {
    const r = await runCli(['status', '--as-of', '2026-11-20'], { cwd: ALPHA });
    expect(r.stdout).toMatch(/Health: ● RED/);
    expect(r.stdout).toMatch(/✗ high risk with overdue actions: R-001\n {2}! tasks behind plan: T-002\n {2}! blocked tasks: T-005/);
    expect(r.stdout).toMatch(/T-005 Key-user training · Alice Wong · BLOCKED: Training room <b>not booked<\/b> & no date yet/);
    expect(r.stdout).toMatch(/R-001 16 Payment vendor sandbox unstable · Bob Li · overdue actions #2/);
    expect(r.stdout).toMatch(/CR-001 Add a CSV export to the order API · 16 Nov · \+3 wd · awaiting customer/);
    expect(r.stdout).toMatch(/AC-002 Report pack, "Q4"; draft · 18 Nov · waiting for the customer 2 wd/);
    expect(r.stdout).toMatch(/On-time delivery rate \(deliverables\) +50% +1 \/ 2 +— +—/);
    expect(r.stdout).toMatch(/Risks identified and managed +2 +2 of 3 identified +≥ 3 +✗ NO/);
  });

  it('fits 40 lines and the width (80, 100, 120, up to 160) on the bundled examples at several dates, in both languages', async () => {
    for (const ex of ['crm-dashboard-zh', 'erp-rollout-en']) {
      const dir = join(REPO, 'examples', ex);
      if (!existsSync(join(dir, 'deliver.yaml'))) continue;
      for (const asOf of ['2026-09-15', '2026-10-20', '2026-11-20', '2026-12-24', '2027-02-01']) {
        for (const lang of ['en', 'zh-CN']) {
          // The terminal's width up to 160 columns (wider lines are hard to read).
          for (const columns of [80, 120, 200]) {
            const w = await runCli(['status', '--lang', lang, '--as-of', asOf], { cwd: dir, stdoutIsTTY: true, columns });
            fits(w.stdout.replace(/\x1b\[[0-9;]*m/g, ''), Math.min(columns, 160));
          }
          const r = await runCli(['status', '--lang', lang, '--as-of', asOf], { cwd: dir, stdoutIsTTY: true, columns: 100 });
          expect(r.code, `${ex} ${asOf} ${lang}: ${r.stderr}`).toBe(0);
          fits(r.stdout.replace(/\x1b\[[0-9;]*m/g, ''));
          // every KPI is on the screen (the KPIs come last, then only footer notes; the sections above are capped)
          expect(r.stdout, `${ex} ${asOf} ${lang}`).toMatch(
            lang === 'en' ? /Rectification on time[^\n]*\n(?:\S[^\n]*\n)*$/ : /整改按时完成率[^\n]*\n(?:\S[^\n]*\n)*$/,
          );
          // and so is every delivery section, with at least its first item when it has any
          const titles =
            lang === 'en'
              ? ['Milestones', 'Late and blocked tasks', 'Top risks', 'Open change slips', 'Acceptance waiting']
              : ['里程碑', '延误与阻塞的任务', '主要风险', '未结变更单', '待验收'];
          const plain = r.stdout.replace(/\x1b\[[0-9;]*m/g, '');
          for (const title of titles) expect(plain, `${ex} ${asOf} ${lang}: ${title}`).toMatch(new RegExp(`^${title}(?:$| |（|：|:)`, 'm'));
          expect(plain).not.toMatch(/^(?:… and \d+ more|……另有 \d+ 项)$/m);
        }
      }
    }
  });

  it('colour only on a terminal, and never with --no-color', async () => {
    const tty = await runCli(['status'], { cwd: ALPHA, stdoutIsTTY: true });
    expect(tty.stdout).toMatch(/\x1b\[31m● RED/);
    const plain = await runCli(['status', '--no-color'], { cwd: ALPHA, stdoutIsTTY: true });
    expect(plain.stdout).not.toMatch(/\x1b/);
    const piped = await runCli(['status'], { cwd: ALPHA });
    expect(piped.stdout).not.toMatch(/\x1b/);
  });

  it('record text cannot reach the terminal as escape sequences', async () => {
    const { makeProject } = await import('../helpers/project.js');
    const dir = makeProject({
      'plan.yaml':
        'schema_version: 1\ntasks:\n  - id: T-001\n    name: "evil \\e[31m name"\n    start: 2026-11-02\n    days: 1\n    status: blocked\n',
    });
    const r = await runCli(['status'], { cwd: dir, stdoutIsTTY: true });
    expect(r.stdout).toContain('evil \\x1b[31m name');
  });

  it('--json: the same facts, KPIs with numerator, denominator, target, met and formula', async () => {
    const r = await runCli(['status', '--json', '--as-of', '2026-11-20'], { cwd: ALPHA });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({
      schema_version: 1,
      kind: 'status',
      as_of: '2026-11-20',
      project: { name: 'Alpha portal rollout', client: 'Northwind Trading' },
    });
    expect(j.health.level).toBe('red');
    expect(j.health.reasons[0]).toEqual({ level: 'red', code: 'high_risk_overdue', ids: ['R-001'] });
    expect(j.progress).toMatchObject({ tasks_total: 6, tasks_done: 2 });
    expect(j.late_tasks.map((t: { id: string }) => t.id)).toContain('T-002');
    expect(j.blocked_tasks).toEqual([
      { id: 'T-005', name: 'Key-user training', owner: 'Alice Wong', reason: 'Training room <b>not booked</b> & no date yet' },
    ]);
    expect(j.open_changes[0]).toMatchObject({ id: 'CR-001', awaiting: ['customer'] });
    expect(j.acceptance.map((a: { id: string }) => a.id)).toEqual(['AC-002']);
    expect(Object.keys(j.kpis)).toEqual([
      'project_on_time_rate',
      'on_time_delivery_rate',
      'acceptance_pass_rate',
      'first_pass_rate',
      'customer_satisfaction',
      'satisfaction_quality',
      'satisfaction_timeliness',
      'satisfaction_after_sales',
      'team_communication_score',
      'risk_response_rate',
      'risks_identified',
      'requirements_received',
      'average_cycle_days',
      'analysis_sla_rate',
      'feasibility_sla_rate',
      'rectification_on_time_rate',
      'ticket_response_rate',
      'ticket_resolution_rate',
      'mean_resolution_days',
      'complaints',
    ]);
    expect(j.kpis.on_time_delivery_rate).toMatchObject({ value: 0.5, numerator: 1, denominator: 2, target: null, met: null });
    expect(typeof j.kpis.on_time_delivery_rate.formula).toBe('string');
    // one KPI engine: the same figures as `deliver kpi` and the weekly report
    const kpi = JSON.parse((await runCli(['kpi', '--json'], { cwd: ALPHA })).stdout);
    expect(j.kpis).toEqual(kpi.kpis);
    const weekly = JSON.parse((await runCli(['report', 'weekly', '--json'], { cwd: ALPHA })).stdout);
    expect(weekly.kpis).toEqual(kpi.kpis);
  });

  it('an earlier --as-of shows the project as it was then', async () => {
    const r = await runCli(['status', '--json', '--as-of', '2026-11-11'], { cwd: ALPHA });
    const j = JSON.parse(r.stdout);
    expect(j.open_changes).toEqual([]); // CR-001 was submitted on 11-16
    expect(j.kpis.acceptance_pass_rate).toMatchObject({ numerator: 0, denominator: 1 });
    expect(j.progress.tasks_done).toBe(1); // T-006 was finished on 11-18
  });

  it('a project with errors still shows the screen, says so on stderr and exits 1', async () => {
    const { makeProject } = await import('../helpers/project.js');
    const dir = makeProject({ 'risks/R-001-x.yaml': 'id: R-001\ntitle: x\n' });
    const r = await runCli(['status'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Health/);
    expect(r.stderr).toMatch(/error/);
  });
});
