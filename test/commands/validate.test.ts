import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { hashTree, makeProject } from '../helpers/project.js';

const REQ = (id: string, extra = '') => `id: ${id}
title: Sales dashboard
customer: ACME
contact: Li Na
urgency: high
received: 2026-11-02
receiver: Wang Lei
status: received
${extra}`;

describe('deliver validate', () => {
  it('passes a clean project with exit 0', async () => {
    const dir = makeProject({ 'requirements/202611-001-sales-dashboard.yaml': REQ('202611-001') });
    const r = await runCli(['validate', '-C', dir], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('no problems found');
    expect(r.code).toBe(0);
  });

  it('reports file:line:col, code, message and hint, and changes nothing', async () => {
    const dir = makeProject({
      'requirements/202611-001-a.yaml': REQ('202611-001', 'due: 2026-02-30\n'),
      'requirements/202611-002-b.yaml': REQ('202611-001'),
      'plan.yaml':
        'schema_version: 1\ntasks:\n  - id: T-001\n    name: a\n    status: todo\n    days: 1\n    depends_on: [T-002]\n  - id: T-002\n    name: b\n    status: todo\n    days: 1\n    depends_on: [T-001, T-404]\n',
    });
    const before = hashTree(dir);
    const r = await runCli(['validate'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('requirements/202611-001-a.yaml:9:1: error DLV-E025 "due" is not a real calendar date');
    expect(r.stdout).toMatch(
      /requirements\/202611-002-b\.yaml:1:1: error DLV-E040 id 202611-001 is also used by requirements\/202611-001-a\.yaml/,
    );
    expect(r.stdout).toContain('deliver renumber 202611-001');
    expect(r.stdout).toMatch(/DLV-E041 the file name does not begin with the record id 202611-001/);
    expect(r.stdout).toMatch(/plan\.yaml:\d+:\d+: error DLV-E060 dependency cycle: T-001 → T-002 → T-001/);
    expect(r.stdout).toMatch(/plan\.yaml:12:\d+: error DLV-E042 "depends_on" refers to T-404/);
    expect(hashTree(dir)).toEqual(before);
  });

  it('prints GitHub annotations and JSON', async () => {
    const dir = makeProject({ 'requirements/202611-001-a.yaml': REQ('202611-001', 'colour: red\n') });
    const gh = await runCli(['validate', '--format', 'github'], { cwd: dir });
    expect(gh.stdout).toMatch(/^::error file=requirements\/202611-001-a\.yaml,line=9,col=1,title=DLV-E022::unknown field "colour"/m);
    const js = await runCli(['validate', '--json'], { cwd: dir });
    const doc = JSON.parse(js.stdout);
    expect(doc.kind).toBe('diagnostics');
    expect(doc.diagnostics[0]).toMatchObject({
      code: 'DLV-E022',
      file: 'requirements/202611-001-a.yaml',
      line: 9,
      column: 1,
      severity: 'error',
    });
    expect(js.code).toBe(1);
  });

  it('shows escape sequences from records visibly, never raw', async () => {
    const dir = makeProject({ 'requirements/202611-001-a.yaml': REQ('202611-001', 'status2: "\\e[31mred\\u202e"\n') });
    const r = await runCli(['validate'], { cwd: dir });
    expect(r.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(r.code).toBe(1);
  });

  it('exits 2 outside a project', async () => {
    const dir = makeProject({}, false);
    const r = await runCli(['validate'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no deliver project here');
  });

  it('speaks Chinese with --lang zh-CN', async () => {
    const dir = makeProject({ 'requirements/202611-001-a.yaml': REQ('202611-001', 'colour: red\n') });
    const r = await runCli(['validate', '--lang', 'zh-CN'], { cwd: dir });
    expect(r.stdout).toContain('未知字段 "colour"');
  });
});
