// `deliver diff` end to end in scratch git repositories: a branch that slips a milestone across the
// National Day holidays, adds a risk, approves a change slip and records a failed acceptance round.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeProject, tempDir } from '../helpers/project.js';

const GIT_ENV = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_DATE: '2026-11-01T10:00:00Z',
  GIT_COMMITTER_DATE: '2026-11-01T10:00:00Z',
};

function git(dir: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args],
    { cwd: dir, env: GIT_ENV, encoding: 'utf8' },
  );
}

function write(dir: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
}

const MANIFEST = `schema_version: 1
name: Dashboard delivery
client: ACME
start: 2026-09-14
due: 2026-12-31
language: en
calendar:
  base: cn
`;

/** T-002 has `days` working days from 2026-09-20 (a make-up Sunday): 8 end on 2026-09-30, the eve of National Day. */
const PLAN = (days: number, extra = '') => `schema_version: 1
milestones:
  - id: M-001
    name: Prototype signed off
    depends_on: [T-002]
  - id: M-002
    name: Go-live
    depends_on: [T-003]
tasks:
  - id: T-001
    name: Research
    start: 2026-09-14
    days: 5
    status: done
  - id: T-002
    name: Prototype
    days: ${days}
    depends_on: [T-001]
    milestone: M-001
    status: in_progress
  - id: T-003
    name: Build
    days: 20
    depends_on: [M-001]
    milestone: M-002
    status: todo
${extra}`;

const REQ = (status: string, history = '') => `id: 202609-001
title: Sales dashboard
customer: ACME
contact: Li Na
urgency: high
received: 2026-09-14
receiver: Wang Lei
status: ${status}
confirmation:
  by: Li Na
  date: 2026-09-16
  method: email
history:
  - date: 2026-09-14
    to: received
${history}`;

const RISK1 = `id: R-001
title: Requirements change often
category: market
probability: 2
impact: 3
response: mitigate
owner: Zhou Min
identified: 2026-09-14
status: open
`;

const RISK2 = `id: R-002
title: "Vendor API <b>late</b> @ops *now*"
category: delivery
probability: 3
impact: 4
response: mitigate
owner: Zhou Min
identified: 2026-10-12
status: open
actions:
  - { text: Ask the vendor for a date, due: 2026-10-14, done: 2026-10-13 }
`;

const CHANGE = (approved: boolean) => `id: CR-001
title: Extra export report
reason: Customer asked for it
submitted: 2026-10-09
requirements: [202609-001]
tasks: [T-003]
schedule_days: 3
status: ${approved ? 'approved' : 'submitted'}
${approved ? 'approvals:\n  customer:\n    by: Li Na\n    date: 2026-10-13\n  internal:\n    by: Zhou Min\n    date: 2026-10-13\n' : ''}`;

const ACCEPT = (rounds: string) => `id: AC-001
deliverable: Dashboard v1
requirements: [202609-001]
delivered: 2026-11-10
${rounds}`;

const FAILED_ROUND = `rounds:
  - date: 2026-11-18
    contact: Li Na
    result: fail
    reasons:
      - Totals do not match the ERP
`;

let repo: string;

beforeAll(() => {
  repo = tempDir('deliver-diff-');
  git(repo, 'init', '-q');
  write(repo, {
    'README.md': 'docs\n',
    'delivery/deliver.yaml': MANIFEST,
    'delivery/plan.yaml': PLAN(8),
    'delivery/requirements/202609-001-sales-dashboard.yaml': REQ(
      'confirmed',
      '  - date: 2026-09-16\n    from: received\n    to: confirmed\n',
    ),
    'delivery/risks/R-001-requirements-change-often.yaml': RISK1,
    'delivery/changes/CR-001-extra-export-report.yaml': CHANGE(false),
    'delivery/acceptance/AC-001-dashboard-v1.yaml': ACCEPT(''),
  });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'baseline');
  git(repo, 'checkout', '-qb', 'feature');
  write(repo, {
    'delivery/plan.yaml': PLAN(10),
    'delivery/requirements/202609-001-sales-dashboard.yaml': REQ(
      'in_progress',
      '  - date: 2026-09-16\n    from: received\n    to: confirmed\n  - date: 2026-10-12\n    from: confirmed\n    to: in_progress\n',
    ),
    'delivery/risks/R-002-vendor-api-late.yaml': RISK2,
    'delivery/changes/CR-001-extra-export-report.yaml': CHANGE(true),
    'delivery/acceptance/AC-001-dashboard-v1.yaml': ACCEPT(FAILED_ROUND),
  });
  git(repo, 'add', '-A');
  git(repo, 'commit', '-qm', 'slip, risk, approval, failed round');
});

const cwd = () => join(repo, 'delivery');
/** Reported on 9/21, while T-002 is under way: the forecast is the plan, so plan edits show as movement. */
const diffCli = (args: string[], opts: Parameters<typeof runCli>[1]) =>
  runCli(args, { ...opts, env: { DELIVER_AS_OF: '2026-09-21', ...opts.env } });

describe('deliver diff between two revisions', () => {
  it('reports schedule movement in working days across National Day, and every record change', async () => {
    const r = await diffCli(['diff', 'main', 'feature'], { cwd: cwd() });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out).toMatch(/^Delivery diff: main \([0-9a-f]{7}\) → feature \([0-9a-f]{7}\)$/m);
    // 2026-09-30 → 2026-10-09 is 9 calendar days but only 2 working days (Oct 1–7 off).
    expect(out).toContain('Milestone M-001 Prototype signed off moves +2 working days (2026-09-30 → 2026-10-09)');
    // Build starts after the milestone: 2026-11-03 → 2026-11-05 (the make-up Saturday 10-10 counts).
    expect(out).toContain('Project end moves +2 working days (2026-11-03 → 2026-11-05)');
    expect(out).toContain('milestone M-002 Go-live: 2026-11-03 → 2026-11-05 (+2 working days)');
    expect(out).toContain(
      'T-002 Prototype: re-planned (days); 2026-09-20 – 2026-09-30, 8 d → 2026-09-20 – 2026-10-09, 10 d; end +2 working days',
    );
    expect(out).toContain('T-003 Build: moved by its dependencies, ends 2026-11-03 → 2026-11-05 (+2 working days)');
    expect(out).toContain('202609-001 Sales dashboard: confirmed → in progress');
    expect(out).toContain('New risk R-002 Vendor API <b>late</b> @ops *now*: score 12');
    expect(out).toContain('added R-002 Vendor API <b>late</b> @ops *now*: score 12 (probability 3 × impact 4), open');
    expect(out).toContain('Change slip CR-001 Extra export report: submitted → approved');
    expect(out).toContain('CR-001 Extra export report: submitted → approved, schedule impact +3 working days');
    expect(out).toContain('Acceptance AC-001 Dashboard v1: round 1 failed (2026-11-18)');
    expect(out).toContain('AC-001 Dashboard v1: round 1 on 2026-11-18 with Li Na: fail — Totals do not match the ERP');
    // KPIs count what had happened by the report date: the failed round of 11/18 shows as of 11/20.
    const later = (await runCli(['diff', 'main', 'feature'], { cwd: cwd() })).stdout;
    expect(later).toContain('acceptance pass rate: — → 0% (0/0 → 0/1)');
    expect(later).toContain('risks identified and managed: 0 → 1');
    expect(out).not.toContain('Validation:');
  });

  it('renders Markdown for a pull-request comment: summary first, details folded, record text escaped', async () => {
    const r = await diffCli(['diff', 'main', 'feature', '--format', 'md'], { cwd: cwd() });
    expect(r.code).toBe(0);
    const md = r.stdout;
    const lines = md.split('\n');
    expect(lines[0]).toBe('<!-- deliver-diff -->');
    expect(lines[1]).toMatch(/^### Delivery diff: `main \([0-9a-f]{7}\)` → `feature \([0-9a-f]{7}\)`$/);
    expect(lines[3]).toBe('- Project end moves +2 working days (2026-11-03 → 2026-11-05), because T-002 was re-planned');
    expect(md).toContain('- Milestone M-001 Prototype signed off moves +2 working days (2026-09-30 → 2026-10-09)');
    expect(md.indexOf('<details>')).toBeGreaterThan(md.indexOf('Milestone M-001'));
    expect(md).toContain('<summary>Risks (1)</summary>');
    expect(md).toContain('- New risk R-002 Vendor API &lt;b&gt;late&lt;/b&gt; @&#8203;ops \\*now\\*: score 12');
    expect(md).not.toMatch(/<b>|@ops/);
    expect(md).toContain('- Acceptance AC-001 Dashboard v1: round 1 failed (2026-11-18)');
    expect(md.split('<details>').length).toBe(md.split('</details>').length);
  });

  it('speaks Chinese with --lang zh-CN and gives a versioned JSON document', async () => {
    const zh = await diffCli(['diff', 'main', 'feature', '--lang', 'zh-CN'], { cwd: cwd() });
    expect(zh.stdout).toContain('项目完成日期变动 +2 个工作日（2026-11-03 → 2026-11-05），原因：T-002 重新计划');
    expect(zh.stdout).toContain('验收 AC-001 Dashboard v1：第 1 轮不通过（2026-11-18）');
    const js = await diffCli(['diff', 'main', 'feature', '--json'], { cwd: cwd() });
    const doc = JSON.parse(js.stdout);
    expect(doc).toMatchObject({ schema_version: 1, kind: 'diff', base: { revision: 'main', exists: true }, head: { revision: 'feature' } });
    expect(doc.plan.project_end).toEqual({ from: '2026-11-03', to: '2026-11-05', working_days: 2, cause: { kind: 'replan', id: 'T-002' } });
    expect(JSON.stringify(doc)).not.toMatch(/"[a-z]+[A-Z]\w*":/); // one key style: snake_case
    expect(doc.risks.added[0]).toMatchObject({ id: 'R-002', score: 12 });
    expect(doc.changes[0]).toMatchObject({ id: 'CR-001', from: 'submitted', to: 'approved' });
    expect(doc.acceptance.rounds[0]).toMatchObject({ id: 'AC-001', n: 1, result: 'fail' });
  });
});

describe('deliver diff against the working tree', () => {
  it('defaults to the merge base with main and reports findings introduced', async () => {
    write(repo, {
      'delivery/plan.yaml': PLAN(10, '  - id: T-004\n    name: Training\n    days: 2\n    depends_on: [T-404]\n    status: todo\n'),
    });
    try {
      const r = await diffCli(['diff'], { cwd: cwd() });
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Delivery diff: merge base with main \([0-9a-f]{7}\) → working tree$/m);
      expect(r.stdout).toContain('Project end moves +2 working days');
      expect(r.stdout).toContain('Validation: 1 finding introduced, 0 fixed');
      expect(r.stdout).toMatch(/introduced: plan\.yaml:\d+:\d+: error DLV-E042 "depends_on" refers to T-404/);
      const one = await diffCli(['diff', 'feature'], { cwd: cwd() });
      expect(one.stdout).toMatch(/^Delivery diff: feature \([0-9a-f]{7}\) → working tree$/m);
      expect(one.stdout).toContain('added T-004 Training');
      expect(one.stdout).not.toContain('Project end moves');
    } finally {
      git(repo, 'checkout', '--', 'delivery/plan.yaml');
    }
  });

  it('treats a base without the project as "everything added"', async () => {
    const dir = tempDir('deliver-diff-new-');
    git(dir, 'init', '-q');
    write(dir, { 'README.md': 'x\n' });
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'empty');
    write(dir, { 'deliver.yaml': MANIFEST, 'plan.yaml': PLAN(8), 'risks/R-001-requirements-change-often.yaml': RISK1 });
    const added = await diffCli(['diff', 'HEAD'], { cwd: dir });
    expect(added.code).toBe(0);
    expect(added.stdout).toContain('The project does not exist on the base side yet: everything is new.');
    expect(added.stdout).toContain('Project end: — → 2026-11-03');
    expect(added.stdout).toContain('Agreed due date: — → 2026-12-31');
    expect(added.stdout).not.toContain('? working days');
    expect(added.stdout).toContain('New risk R-001 Requirements change often: score 6');
    expect(added.stdout).toContain('added milestone M-001 Prototype signed off (2026-09-30)');
  });
});

describe('deliver diff refuses clearly', () => {
  it('names a missing revision (exit 2)', async () => {
    const r = await diffCli(['diff', 'no-such-branch'], { cwd: cwd() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('revision no-such-branch is not in this repository');
  });

  it('suggests fetching more history in a shallow clone', async () => {
    const dir = tempDir('deliver-shallow-');
    git(dir, 'clone', '-q', '--depth', '1', '--branch', 'feature', `file://${repo}`, 'clone');
    const r = await diffCli(['diff', 'HEAD~1'], { cwd: join(dir, 'clone', 'delivery') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('revision HEAD~1 is not in this repository');
    expect(r.stderr).toContain('fetch-depth: 0');
    expect(r.stderr).toContain('git fetch --deepen');
  });

  it('says when the project is not in a git repository (exit 2)', async () => {
    const dir = makeProject({});
    const r = await diffCli(['diff'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is not inside a git repository');
  });
});
