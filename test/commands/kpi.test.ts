// `deliver kpi` for one project and portfolios (hand-computed values: test/core/kpi.test.ts), broken
// projects in a portfolio, --period, and `deliver survey add|list` feeding customer satisfaction.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { MANIFEST, REPO, makeProject, read, tempDir } from '../helpers/project.js';

const PORTFOLIO = join(REPO, 'test', 'golden', 'reports', 'portfolio');
const KEYS = ['on_time_delivery_rate', 'acceptance_pass_rate', 'first_pass_rate', 'customer_satisfaction', 'risk_response_rate',
  'risks_identified', 'requirements_received', 'average_cycle_days', 'analysis_sla_rate', 'feasibility_sla_rate',
  'ticket_response_rate', 'ticket_resolution_rate', 'mean_resolution_days', 'complaints'];

describe('deliver kpi', () => {
  it('the current project, --json with exactly the documented keys', async () => {
    const r = await runCli(['kpi', '--json'], { cwd: join(PORTFOLIO, 'alpha') });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ kind: 'kpi', as_of: '2026-11-20', project: { name: 'Alpha portal rollout', code: 'ALPHA' } });
    expect(Object.keys(j.kpis)).toEqual(KEYS);
    for (const k of KEYS) expect(Object.keys(j.kpis[k])).toEqual(expect.arrayContaining(['value', 'numerator', 'denominator', 'target', 'met', 'formula']));
    expect(j.kpis.risk_response_rate).toMatchObject({ value: 0.5, numerator: 2, denominator: 4, target: 0.95, met: false });
    expect(j.kpis.analysis_sla_rate).toMatchObject({ value: 0.6667, numerator: 2, denominator: 3 });
    expect(j.kpis.requirements_received).toMatchObject({ value: 5, numerator: 5, denominator: null, accepted: 1, rejected: 1 });
  });

  it('--period: value null with a reason when nothing happened', async () => {
    const r = await runCli(['kpi', join(PORTFOLIO, 'alpha'), '--period', '2026-10', '--json'], { cwd: REPO });
    const j = JSON.parse(r.stdout);
    expect(j.period).toMatchObject({ label: '2026-10', from: '2026-10-01', to: '2026-10-31' });
    expect(j.kpis.on_time_delivery_rate).toMatchObject({ value: null, met: null, reason_code: 'no_deliveries' });
    expect(j.kpis.on_time_delivery_rate.reason).toMatch(/no acceptance records/);
    expect(j.kpis.customer_satisfaction).toMatchObject({ value: 70, numerator: 70, denominator: 1, met: false });
    const text = await runCli(['kpi', '--period', '2026-10'], { cwd: join(PORTFOLIO, 'alpha') });
    expect(text.stdout).toMatch(/period 2026-10 \(1 Oct 2026 – 31 Oct 2026\)/);
    expect(text.stdout).toMatch(/On-time delivery rate: no acceptance records with an agreed date were delivered in the period/);
  });

  it('refuses a period it cannot read', async () => {
    const r = await runCli(['kpi', '--period', 'Q3-2026'], { cwd: join(PORTFOLIO, 'alpha') });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--period must be/);
  });

  it('a portfolio folder: a row per project, totals from summed numerators and denominators', async () => {
    const r = await runCli(['kpi', PORTFOLIO, '--json'], { cwd: REPO });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.kind).toBe('kpi.portfolio');
    expect(j.projects.map((p: { name: string }) => p.name)).toEqual(['Alpha portal rollout', 'Beta warehouse labels']);
    expect(j.totals.on_time_delivery_rate).toMatchObject({ value: 0.6, numerator: 3, denominator: 5 });
    expect(j.totals.customer_satisfaction).toMatchObject({ value: 85, numerator: 255, denominator: 3 });
    expect(j.totals.first_pass_rate).toMatchObject({ value: 0.6667, numerator: 2, denominator: 3 });
    expect(j.totals.average_cycle_days).toMatchObject({ value: 19, numerator: 38, denominator: 2 });
    expect(j.totals.risks_identified).toMatchObject({ value: 4, target: 6, met: false });
    const text = await runCli(['kpi', PORTFOLIO], { cwd: REPO });
    const lines = text.stdout.split('\n');
    expect(lines[0]).toBe('Portfolio KPIs: 2 projects');
    expect(lines).toContain('ALPHA\t50%\t100%\t0%\t80\t50%\t3\t5\t28\t66.7%\t33.3%\t—\t—\t—\t0');
    expect(lines).toContain('Total\t60%\t100%\t66.7%\t85\t60%\t4\t6\t19\t75%\t50%\t—\t—\t—\t0');
  });

  it('several folders make one portfolio; on a terminal the table is split to fit the width', async () => {
    const r = await runCli(['kpi', join(PORTFOLIO, 'alpha'), join(PORTFOLIO, 'beta'), '--lang', 'zh-CN'], { cwd: REPO, stdoutIsTTY: true, columns: 80 });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/项目组合 KPI：共 2 个项目/);
    const { default: stringWidth } = await import('string-width');
    for (const l of r.stdout.replace(/\x1b\[[0-9;]*m/g, '').split('\n')) expect(stringWidth(l), l).toBeLessThanOrEqual(80);
  });

  it('a broken project is reported with file:line, still counted, and the exit status is 1', async () => {
    const root = tempDir();
    cpSync(join(PORTFOLIO, 'beta'), join(root, 'beta'), { recursive: true });
    mkdirSync(join(root, 'gamma', 'surveys'), { recursive: true });
    writeFileSync(join(root, 'gamma', 'deliver.yaml'), MANIFEST);
    writeFileSync(join(root, 'gamma', 'surveys', 'S-001-x.yaml'), 'id: S-001\ndate: 2026-11-02\nscore: 75\n');
    writeFileSync(join(root, 'gamma', 'surveys', 'S-002-y.yaml'), 'id: S-002\ndate: 2026-11-03\nscore: 250\n');
    mkdirSync(join(root, 'not-a-project'));
    const r = await runCli(['kpi', root, '--json'], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/gamma: the project has errors/);
    expect(r.stderr).toMatch(/gamma\/surveys\/S-002-y\.yaml:3:\d+: error/);
    const j = JSON.parse(r.stdout);
    expect(j.projects.map((p: { dir: string; errors: number }) => [p.dir.split('/').pop(), p.errors > 0])).toEqual([['beta', false], ['gamma', true]]);
    expect(j.totals.customer_satisfaction).toMatchObject({ numerator: 95 + 75, denominator: 2 });
  });

  it('a folder that is neither a project nor holds projects is a usage error', async () => {
    const r = await runCli(['kpi', tempDir()], { cwd: REPO });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/neither a project/);
  });
});

describe('deliver survey', () => {
  it('add prints S-NNN, writes the record, and the KPI counts it', async () => {
    const dir = makeProject({});
    const a = await runCli(['survey', 'add', '--score', '88', '--dimension', 'quality=90', '--dimension', 'timeliness=80', '--dimension', 'after_sales=85',
      '--date', '2026-11-05', '--respondent', '刘建国', '--comment', '响应及时'], { cwd: dir });
    expect(a).toMatchObject({ code: 0, stdout: 'S-001\n' });
    const b = await runCli(['survey', 'add', '--score', '71.5'], { cwd: dir });
    expect(b.stdout).toBe('S-002\n');
    const text = read(dir, 'surveys/S-001-刘建国.yaml');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.deliver\/schemas\/survey\.schema\.json/);
    expect(text).toMatch(/dimensions:\n  quality: 90\n  timeliness: 80\n  after_sales: 85/);
    const k = JSON.parse((await runCli(['kpi', '--json'], { cwd: dir })).stdout);
    expect(k.kpis.customer_satisfaction).toMatchObject({ numerator: 159.5, denominator: 2, value: 79.75, met: false });
    const list = await runCli(['survey', 'list'], { cwd: dir });
    expect(list.stdout.split('\n')[1]).toBe('S-001\t2026-11-05\t88\t90\t80\t85\t刘建国\t\t响应及时');
    expect(JSON.parse((await runCli(['survey', 'list', '--json'], { cwd: dir })).stdout).items).toHaveLength(2);
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('refuses bad scores, dimensions and references', async () => {
    const dir = makeProject({});
    for (const args of [['--score', '101'], ['--score', 'high'], [], ['--score', '80', '--dimension', 'price=3'], ['--score', '80', '--dimension', 'quality=200'],
      ['--score', '80', '--req', '202611-009'], ['--score', '80', '--accept', 'AC-009']]) {
      const r = await runCli(['survey', 'add', ...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect((await runCli(['survey', 'list', '--json'], { cwd: dir })).stdout).toMatch(/"items": \[\]/);
  });
});
