// `deliver renumber`: two branches that both add "the next" requirement and task T-031 merge
// without a git conflict; validate catches both duplicates (DLV-E040) and renumber repairs them,
// updating every reference, renaming the record file and keeping comments.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { hashTree, makeProject, read, tempDir } from '../helpers/project.js';

const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
const git = (dir: string, ...args: string[]) =>
  execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args],
    { cwd: dir, env: GIT_ENV, encoding: 'utf8' },
  );

function write(dir: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
}

const MANIFEST =
  'schema_version: 1\nname: Portal\nclient: ACME\nstart: 2026-09-01\ndue: 2026-12-31\nlanguage: en\ncalendar:\n  base: none\n';
const REQ = (id: string, title: string) => `# yaml-language-server: $schema=../.deliver/schemas/requirement.schema.json
id: ${id}
title: ${title}
customer: ACME
contact: Li Na
urgency: medium
received: 2026-11-05
receiver: Wang Lei
status: received
`;

const TASKS_HEAD = `# yaml-language-server: $schema=.deliver/schemas/plan.schema.json
schema_version: 1
milestones:
  - id: M-001
    name: Pilot
    depends_on: [T-030]
tasks:
  # research comes first
  - id: T-028
    name: Research
    days: 3
    status: todo
`;
const A_TASK = `  # Excel export came in on the phone
  - id: T-031
    name: Excel export
    days: 2
    depends_on: [T-028]
    requirement: 202611-004
    status: todo
`;
const MIDDLE = `  - id: T-029
    name: Design
    days: 2
    depends_on: [T-028]
    status: todo
  - id: T-030
    name: Build
    days: 5
    depends_on: [T-029] # the long one
    status: todo
`;
const B_TASKS = `  - id: T-031
    name: SSO login
    days: 3
    depends_on: [T-030]
    requirement: 202611-004
    status: todo
  - id: T-032
    name: SSO tests
    days: 1
    depends_on: [T-031]
    status: todo
`;
const BASELINES = `baselines:
  - name: contract
    taken: 2026-09-01
    items:
      - id: T-030
        end: 2026-09-30
`;

const CHANGE = (id: string, reqs: string, tasks: string, extra = '') => `id: ${id}
title: Change ${id}
reason: Customer request
submitted: 2026-11-06
requirements: [${reqs}]
tasks: [${tasks}]
status: submitted
${extra}`;

function mergedRepo(): string {
  const dir = tempDir('deliver-renumber-');
  git(dir, 'init', '-q');
  write(dir, {
    'deliver.yaml': MANIFEST,
    'plan.yaml': TASKS_HEAD + MIDDLE + BASELINES,
    'requirements/202611-003-reporting.yaml': REQ('202611-003', 'Reporting'),
    'changes/CR-001-change-cr-001.yaml': CHANGE('CR-001', '202611-003', 'T-030'),
  });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'base');
  git(dir, 'checkout', '-qb', 'excel');
  write(dir, {
    'plan.yaml': TASKS_HEAD + A_TASK + MIDDLE + BASELINES,
    'requirements/202611-004-export-to-excel.yaml': REQ('202611-004', 'Export to Excel'),
    'acceptance/AC-001-excel-export.yaml': 'id: AC-001\ndeliverable: Excel export\nrequirements: [202611-004]\ndelivered: 2026-11-12\n',
  });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'excel');
  git(dir, 'checkout', '-q', 'main');
  git(dir, 'checkout', '-qb', 'sso');
  write(dir, {
    'plan.yaml': TASKS_HEAD + MIDDLE + B_TASKS + BASELINES,
    'requirements/202611-004-sso-login.yaml': REQ('202611-004', 'SSO login'),
    'changes/CR-002-change-cr-002.yaml': CHANGE('CR-002', '202611-004', 'T-031'),
  });
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'sso');
  git(dir, 'checkout', '-q', 'excel');
  git(dir, 'merge', '-q', '--no-edit', 'sso'); // no conflict: the ids sit in different files and hunks
  return dir;
}

describe('a merge that collides ids', () => {
  it('is caught by validate and repaired by renumber with every reference updated', async () => {
    const dir = mergedRepo();
    const v = await runCli(['validate'], { cwd: dir });
    expect(v.code).toBe(1);
    expect(v.stdout).toMatch(
      /requirements\/202611-004-sso-login\.yaml:2:1: error DLV-E040 id 202611-004 is also used by requirements\/202611-004-export-to-excel\.yaml/,
    );
    expect(v.stdout).toMatch(/plan\.yaml:\d+:\d+: error DLV-E040 id T-031 is also used by plan\.yaml \(tasks\.1\)/);
    expect(v.stdout).toContain('deliver renumber 202611-004 --in requirements/202611-004-sso-login.yaml');

    // References to a duplicated id are ambiguous: a dry run lists them and writes nothing.
    const before = hashTree(dir);
    const dry = await runCli(['renumber', 'T-031', '--dry-run'], { cwd: dir });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/T-031 is used by 2 records; renumbering the copy in plan\.yaml:\d+ \(the later one/);
    expect(dry.stdout).toContain('2 reference(s) to T-031 are ambiguous');
    expect(dry.stdout).toMatch(/plan\.yaml:\d+ {2}T-032 depends_on/);
    expect(dry.stdout).toContain('changes/CR-002-change-cr-002.yaml:6  CR-002 tasks');
    expect(dry.stdout).toContain('Dry run: this is what would change; nothing is written.');
    expect(hashTree(dir)).toEqual(before);

    // The SSO branch's task (the later copy) becomes T-033; its own references follow it.
    const t = await runCli(['renumber', 'T-031', '--ref-from', 'T-032,CR-002'], { cwd: dir });
    expect(t.stderr).toBe('');
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/Renumbered T-031 → T-033 \(task\) in plan\.yaml:\d+/);
    expect(t.stdout).toContain('Moved 2 reference(s) held by T-032, CR-002 to T-033');

    const r = await runCli(
      ['renumber', '202611-004', '--in', 'requirements/202611-004-sso-login.yaml', '--ref-from', 'T-033', '--ref-from', 'CR-002'],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Renumbered 202611-004 → 202611-005 (requirement) in requirements/202611-004-sso-login.yaml');
    expect(r.stdout).toContain('Renamed requirements/202611-004-sso-login.yaml → requirements/202611-005-sso-login.yaml');
    // The Excel branch's references stay with the copy that kept the id, and the output says so.
    expect(r.stdout).toContain('2 reference(s) to 202611-004 are ambiguous');

    expect(existsSync(join(dir, 'requirements/202611-004-sso-login.yaml'))).toBe(false);
    const req = read(dir, 'requirements/202611-005-sso-login.yaml');
    expect(req).toBe(REQ('202611-005', 'SSO login'));
    const plan = read(dir, 'plan.yaml');
    expect(plan).toContain(`  # Excel export came in on the phone
  - id: T-031
    name: Excel export
    days: 2
    depends_on: [T-028]
    requirement: 202611-004
`);
    expect(plan).toContain(`  - id: T-033
    name: SSO login
    days: 3
    depends_on: [T-030]
    requirement: 202611-005
    status: todo
  - id: T-032
    name: SSO tests
    days: 1
    depends_on: [T-033]
`);
    expect(plan).toContain('    depends_on: [T-029] # the long one\n');
    expect(read(dir, 'changes/CR-002-change-cr-002.yaml')).toBe(
      `# yaml-language-server: $schema=../.deliver/schemas/change.schema.json\n${CHANGE('CR-002', '202611-005', 'T-033')}`,
    );
    expect(read(dir, 'acceptance/AC-001-excel-export.yaml')).toContain('requirements: [202611-004]');

    const after = await runCli(['validate'], { cwd: dir });
    expect(after.stdout).toContain('no problems found');
    expect(after.code).toBe(0);
    const status = git(dir, 'status', '--porcelain', '--untracked-files=all');
    expect(status).toContain(' D requirements/202611-004-sso-login.yaml');
    expect(status).toContain('?? requirements/202611-005-sso-login.yaml');
  });
});

describe('deliver renumber on a unique id', () => {
  const files = () => ({
    'deliver.yaml': MANIFEST,
    'plan.yaml': TASKS_HEAD + MIDDLE + BASELINES,
    'requirements/202611-003-reporting.yaml': REQ('202611-003', 'Reporting'),
    'changes/CR-001-change-cr-001.yaml': CHANGE('CR-001', '202611-003', 'T-030', 'notes: keep me # comment\n'),
    'changes/CR-002-change-cr-002.yaml':
      CHANGE('CR-002', '202611-003', 'T-029, T-030').replace(
        'status: submitted',
        'status: applied\napplied:\n  date: 2026-11-08\n  moves:\n    - id: T-030\n      from_start: 2026-09-10\n      from_end: 2026-09-16\n      to_start: 2026-09-11\n      to_end: 2026-09-17',
      ) + 'approvals:\n  customer:\n    by: Li Na\n    date: 2026-11-07\n  internal:\n    by: Zhou\n    date: 2026-11-07\n',
    'acceptance/AC-001-reporting.yaml': 'id: AC-001\ndeliverable: Reports\nrequirements: [202611-003]\ndelivered: 2026-11-12\n',
    'surveys/S-001-pilot.yaml': 'id: S-001\ndate: 2026-11-15\nscore: 90\nrequirement: 202611-003\nacceptance: AC-001\n',
  });

  it('rewrites every reference: depends_on, milestones, change slips, applied moves and baselines', async () => {
    const dir = makeProject(files());
    const r = await runCli(['renumber', 'T-030', '--json'], { cwd: dir });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      kind: 'renumber',
      id_kind: 'task',
      old: 'T-030',
      new: 'T-031',
      duplicate: false,
      moved_to: null,
      ambiguous: [],
    });
    expect(doc.updated.map((u: { holder: string; field: string }) => `${u.holder} ${u.field}`)).toEqual([
      'M-001 depends_on',
      'baseline contract items',
      'CR-001 tasks',
      'CR-002 tasks',
      'CR-002 applied.moves',
    ]);
    const plan = read(dir, 'plan.yaml');
    expect(plan).toContain('    depends_on: [T-031]\ntasks:\n  # research comes first\n');
    expect(plan).toContain('  - id: T-031\n    name: Build\n');
    expect(plan).toContain('      - id: T-031\n        end: 2026-09-30\n');
    expect(plan).not.toContain('T-030');
    expect(read(dir, 'changes/CR-001-change-cr-001.yaml')).toContain('tasks: [T-031]\nstatus: submitted\nnotes: keep me # comment\n');
    expect(read(dir, 'changes/CR-002-change-cr-002.yaml')).toContain('tasks: [T-029, T-031]');
    expect(read(dir, 'changes/CR-002-change-cr-002.yaml')).toContain('    - id: T-031\n      from_start');
  });

  it('renames a record file, updates survey and acceptance references, and speaks Chinese', async () => {
    const dir = makeProject(files());
    const r = await runCli(['renumber', 'AC-001', '--lang', 'zh-CN'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('已将 AC-001 重新编号为 AC-002（验收记录）');
    expect(r.stdout).toContain('已将文件 acceptance/AC-001-reporting.yaml 改名为 acceptance/AC-002-reporting.yaml');
    expect(read(dir, 'acceptance/AC-002-reporting.yaml')).toContain('id: AC-002\n');
    expect(existsSync(join(dir, 'acceptance/AC-001-reporting.yaml'))).toBe(false);
    expect(read(dir, 'surveys/S-001-pilot.yaml')).toContain('acceptance: AC-002\n');
    const req = await runCli(['renumber', '202611-003'], { cwd: dir });
    expect(req.stdout).toContain('Renumbered 202611-003 → 202611-004');
    expect(read(dir, 'surveys/S-001-pilot.yaml')).toContain('requirement: 202611-004\n');
    expect(read(dir, 'acceptance/AC-002-reporting.yaml')).toContain('requirements: [202611-004]');
    expect((await runCli(['validate'], { cwd: dir })).code).toBe(0);
  });

  it('picks a copy in plan.yaml by --line, and refuses unknown ids and wrong files (exit 2)', async () => {
    const dup = TASKS_HEAD + MIDDLE.replace('id: T-029', 'id: T-028') + BASELINES;
    const dir = makeProject({ ...files(), 'plan.yaml': dup });
    const lineOfFirst = dup.split('\n').findIndex((l) => l.includes('id: T-028')) + 1;
    const r = await runCli(['renumber', 'T-028', '--in', 'plan.yaml', '--line', String(lineOfFirst)], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Renumbered T-028 → T-031 (task) in plan.yaml:${lineOfFirst}`);
    expect(read(dir, 'plan.yaml')).toMatch(/- id: T-031\n {4}name: Research/);
    expect((await runCli(['renumber', 'T-999'], { cwd: dir })).code).toBe(2);
    const wrong = await runCli(['renumber', 'T-030', '--in', 'requirements/202611-003-reporting.yaml'], { cwd: dir });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('T-030 is not in requirements/202611-003-reporting.yaml; it is in plan.yaml');
    const badLine = await runCli(['renumber', 'T-030', '--line', '1'], { cwd: dir });
    expect(badLine.code).toBe(2);
    expect((await runCli(['renumber', 'not-an-id'], { cwd: dir })).code).toBe(2);
    // --in relative to the current folder works too.
    const sub = await runCli(['renumber', 'AC-001', '--in', 'AC-001-reporting.yaml'], { cwd: join(dir, 'acceptance') });
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('Renumbered AC-001 → AC-002 (acceptance record) in acceptance/AC-001-reporting.yaml');
  });
});
