// `deliver kpi` for one project and portfolios (hand-computed values: test/core/kpi.test.ts), broken
// projects in a portfolio, --period, and `deliver survey add|list` feeding customer satisfaction.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { MANIFEST, REPO, makeProject, read, tempDir } from '../helpers/project.js';

const PORTFOLIO = join(REPO, 'test', 'golden', 'reports', 'portfolio');
const KEYS = [
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
];

describe('deliver kpi', () => {
  it('the current project, --json with exactly the documented keys', async () => {
    const r = await runCli(['kpi', '--json'], { cwd: join(PORTFOLIO, 'alpha') });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ kind: 'kpi', as_of: '2026-11-20', project: { name: 'Alpha portal rollout', code: 'ALPHA' } });
    expect(Object.keys(j.kpis)).toEqual(KEYS);
    for (const k of KEYS)
      expect(Object.keys(j.kpis[k])).toEqual(expect.arrayContaining(['value', 'numerator', 'denominator', 'target', 'met', 'formula']));
    expect(j.kpis.risk_response_rate).toMatchObject({ value: 0.6667, numerator: 2, denominator: 3, target: 0.95, met: false, waived: 1 });
    expect(j.kpis.risks_identified).toMatchObject({
      value: 2,
      numerator: 2,
      denominator: null,
      identified: 3,
      managed: 2,
      target: 3,
      met: false,
    });
    expect(j.kpis.project_on_time_rate).toMatchObject({
      value: null,
      numerator: 0,
      denominator: 0,
      target: 0.9,
      met: null,
      reason_code: 'not_delivered',
      delivered_on: null,
    });
    expect(j.kpis.satisfaction_timeliness).toMatchObject({ value: 85, numerator: 85, denominator: 1, target: 80, met: true });
    expect(j.kpis.team_communication_score).toMatchObject({ value: null, target: 4, reason_code: 'no_team_surveys' });
    for (const k of KEYS) if (j.kpis[k].value === null) expect(j.kpis[k].reason, k).toEqual(expect.any(String));
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
    expect(text.stdout).toMatch(
      /On-time delivery rate \(deliverables\): no acceptance records with a date to judge against were delivered in the period/,
    );
    expect(text.stdout).toMatch(/Analysis on time \(SLA\): 1 requirement\(s\) rejected or put on hold by the deadline are left out/);
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
    expect(j.totals.risks_identified).toMatchObject({ value: 3, target: 3, met: false, projects_met: 0, projects: 2 });
    const text = await runCli(['kpi', PORTFOLIO], { cwd: REPO });
    const lines = text.stdout.split('\n');
    expect(lines[0]).toBe('Portfolio KPIs: 2 projects');
    expect(lines).toContain('ALPHA\t—\t50%\t100%\t0%\t80\t92\t85\t93\t—\t66.7%\t2\t5\t28\t66.7%\t66.7%\t—\t—\t—\t—\t0');
    expect(lines).toContain('Total\t—\t60%\t100%\t66.7%\t85\t92\t85\t93\t—\t75%\t3\t6\t19\t75%\t75%\t—\t—\t—\t—\t0');
    expect(lines).toContain('  Risks identified and managed: 0 of 2 projects meet the target of 3 per project');
  });

  it('several folders make one portfolio; on a terminal the table is split to fit the width', async () => {
    const r = await runCli(['kpi', join(PORTFOLIO, 'alpha'), join(PORTFOLIO, 'beta'), '--lang', 'zh-CN'], {
      cwd: REPO,
      stdoutIsTTY: true,
      columns: 80,
    });
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
    expect(j.projects.map((p: { dir: string; errors: number }) => [p.dir.split('/').pop(), p.errors > 0])).toEqual([
      ['beta', false],
      ['gamma', true],
    ]);
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
    const a = await runCli(
      [
        'survey',
        'add',
        '--score',
        '88',
        '--dimension',
        'quality=90',
        '--dimension',
        'timeliness=80',
        '--dimension',
        'after_sales=85',
        '--date',
        '2026-11-05',
        '--respondent',
        '刘建国',
        '--comment',
        '响应及时',
      ],
      { cwd: dir },
    );
    expect(a).toMatchObject({ code: 0, stdout: 'S-001\n' });
    const b = await runCli(['survey', 'add', '--score', '71.5'], { cwd: dir });
    expect(b.stdout).toBe('S-002\n');
    const text = read(dir, 'surveys/S-001-liu-jian-guo.yaml');
    expect(text).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.deliver\/schemas\/survey\.schema\.json/);
    expect(text).toMatch(/dimensions:\n {2}quality: 90\n {2}timeliness: 80\n {2}after_sales: 85/);
    const k = JSON.parse((await runCli(['kpi', '--json'], { cwd: dir })).stdout);
    expect(k.kpis.customer_satisfaction).toMatchObject({ numerator: 159.5, denominator: 2, value: 79.75, met: false });
    const list = await runCli(['survey', 'list'], { cwd: dir });
    expect(list.stdout.split('\n')[1]).toBe('S-001\t2026-11-05\tcustomer\t88\t90\t80\t85\t\t刘建国\t\t\t响应及时');
    expect(JSON.parse((await runCli(['survey', 'list', '--json'], { cwd: dir })).stdout).items).toHaveLength(2);
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('--audience team: a team member rates the delivery lead 1–5; the team_communication_score KPI, not customer satisfaction', async () => {
    const dir = makeProject({});
    const a = await runCli(
      [
        'survey',
        'add',
        '--audience',
        'team',
        '--score',
        '4',
        '--dimension',
        '沟通顺畅度=5',
        '--dimension',
        'cooperation=4',
        '--date',
        '2026-11-05',
        '--respondent',
        'Bob',
      ],
      { cwd: dir },
    );
    expect(a).toMatchObject({ code: 0, stdout: 'S-001\n' });
    expect(read(dir, 'surveys/S-001-bob.yaml')).toMatch(
      /audience: team\nrespondent: Bob\nscore: 4\ndimensions:\n  communication: 5\n  cooperation: 4/,
    );
    expect((await runCli(['survey', 'add', '--audience', 'team', '--score', '3', '--date', '2026-11-06'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['survey', 'add', '--score', '90', '--date', '2026-11-06'], { cwd: dir })).code).toBe(0);
    const k = JSON.parse((await runCli(['kpi', '--json'], { cwd: dir })).stdout).kpis;
    // (4 + 3) / 2 = 3.5 < 4
    expect(k.team_communication_score).toMatchObject({ value: 3.5, numerator: 7, denominator: 2, target: 4, met: false });
    expect(k.customer_satisfaction).toMatchObject({ value: 90, numerator: 90, denominator: 1 });
    const october = JSON.parse((await runCli(['kpi', '--json', '--period', '2026-10'], { cwd: dir })).stdout).kpis;
    expect(october.team_communication_score).toMatchObject({ value: null, reason_code: 'no_team_surveys' });
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
    for (const args of [
      ['--score', '6'],
      ['--score', '0'],
      ['--score', '4', '--dimension', 'quality=4'],
      ['--score', '4', '--dimension', 'communication=7'],
    ]) {
      expect((await runCli(['survey', 'add', '--audience', 'team', ...args], { cwd: dir })).code, args.join(' ')).toBe(2);
    }
    expect((await runCli(['survey', 'add', '--audience', 'boss', '--score', '4'], { cwd: dir })).code).toBe(2);
    // written by hand: the schema holds a team score to 1–5
    writeFileSync(join(dir, 'surveys', 'S-009-x.yaml'), 'id: S-009\ndate: 2026-11-07\naudience: team\nscore: 80\n');
    const v = await runCli(['validate'], { cwd: dir });
    expect(v.code).toBe(1);
    expect(v.stdout + v.stderr).toMatch(/S-009-x\.yaml:4:\d+: error/);
  });

  it("a dimension of the project's own (survey_dimensions) is scored and measured as satisfaction_<key>", async () => {
    const dir = makeProject({ 'deliver.yaml': `${MANIFEST}survey_dimensions:\n  training: 培训服务\n` });
    expect(
      (
        await runCli(
          ['survey', 'add', '--score', '85', '--dimension', 'training=70', '--dimension', '产品质量=90', '--date', '2026-11-05'],
          { cwd: dir },
        )
      ).code,
    ).toBe(0);
    expect(
      (await runCli(['survey', 'add', '--score', '75', '--dimension', 'training=80', '--date', '2026-11-06'], { cwd: dir })).code,
    ).toBe(0);
    expect((await runCli(['survey', 'add', '--score', '75', '--dimension', 'price=80'], { cwd: dir })).code).toBe(2);
    const j = JSON.parse((await runCli(['kpi', '--json'], { cwd: dir })).stdout);
    expect(Object.keys(j.kpis).slice(5, 9)).toEqual([
      'satisfaction_quality',
      'satisfaction_timeliness',
      'satisfaction_after_sales',
      'satisfaction_training',
    ]);
    expect(j.kpis.satisfaction_training).toMatchObject({
      value: 75,
      numerator: 150,
      denominator: 2,
      target: 80,
      met: false,
      dimension: 'training',
      label: '培训服务',
    });
    expect(j.kpis.satisfaction_quality).toMatchObject({ value: 90, numerator: 90, denominator: 1, met: true });
    const text = await runCli(['kpi'], { cwd: dir });
    expect(text.stdout).toMatch(/Satisfaction: 培训服务\t75\t150 \/ 2\t≥ 80\t✗ NO/);
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
    // written by hand with a dimension nobody declared: measured all the same, and `validate` warns
    writeFileSync(join(dir, 'surveys', 'S-003-x.yaml'), 'id: S-003\ndate: 2026-11-07\nscore: 80\ndimensions:\n  pricing: 60\n');
    const v = await runCli(['validate'], { cwd: dir });
    expect(v.stdout + v.stderr).toMatch(
      /S-003-x\.yaml:5:\d+: warning DLV-W093 dimension "pricing" is not one a customer survey scores \(quality, timeliness, after_sales, training\)/,
    );
    expect(JSON.parse((await runCli(['kpi', '--json'], { cwd: dir })).stdout).kpis.satisfaction_pricing).toMatchObject({
      value: 60,
      label: 'pricing',
    });
  });

  it('refuses bad scores, dimensions and references', async () => {
    const dir = makeProject({});
    for (const args of [
      ['--score', '101'],
      ['--score', 'high'],
      [],
      ['--score', '80', '--dimension', 'price=3'],
      ['--score', '80', '--dimension', 'quality=200'],
      ['--score', '80', '--req', '202611-009'],
      ['--score', '80', '--accept', 'AC-009'],
    ]) {
      const r = await runCli(['survey', 'add', ...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect((await runCli(['survey', 'list', '--json'], { cwd: dir })).stdout).toMatch(/"items": \[\]/);
  });
});
