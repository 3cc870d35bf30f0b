// The three-way merge behind `deliver merge-driver`, on YAML text.
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { MergeConflict, mergeYaml } from '../../src/store/merge3.js';

const BASE = `schema_version: 1
# milestones first
milestones:
  - id: M-001
    name: Go live
    depends_on: [T-002]
tasks:
  - id: T-001
    name: Design # keep me
    days: 5
    status: todo
  - id: T-002
    name: Build
    days: 10
    depends_on: [T-001]
    status: todo
`;

const addTask = (text: string, task: string) => `${text}${task}`;
const ids = (text: string, list = 'tasks') => ((load(text) as Record<string, { id: string }[]>)[list] ?? []).map((t) => t.id);

describe('mergeYaml', () => {
  it('merges records added on each side, keeping comments', () => {
    const ours = addTask(BASE, '  - id: T-003\n    name: Test\n    days: 2\n    depends_on: [T-002]\n    status: todo\n');
    const theirs = addTask(BASE, '  - id: T-004\n    name: Train # theirs\n    days: 1\n    status: todo\n');
    const r = mergeYaml(BASE, ours, theirs);
    expect(ids(r.text)).toEqual(['T-001', 'T-002', 'T-003', 'T-004']);
    expect(r.text).toContain('# milestones first');
    expect(r.text).toContain('# keep me');
    expect(r.text).toContain('# theirs');
    expect(r.renumbered).toEqual([]);
  });

  it('merges different fields of one record changed on each side, and sets', () => {
    const ours = BASE.replace('    days: 5\n    status: todo', '    days: 5\n    status: done');
    const theirs = BASE.replace('    days: 5', '    days: 6').replace('depends_on: [T-002]', 'depends_on: [T-002, T-001]');
    const merged = load(mergeYaml(BASE, ours, theirs).text) as {
      tasks: { days: number; status: string }[];
      milestones: { depends_on: string[] }[];
    };
    expect(merged.tasks[0]).toMatchObject({ days: 6, status: 'done' });
    expect(merged.milestones[0]!.depends_on).toEqual(['T-002', 'T-001']);
  });

  it('gives the incoming record the next free id when both sides added the same id, and its references follow', () => {
    const ours = addTask(BASE, '  - id: T-003\n    name: Ours\n    days: 2\n    status: todo\n');
    const theirs = addTask(
      BASE.replace('depends_on: [T-002]', 'depends_on: [T-002, T-003]'),
      '  - id: T-003\n    name: Theirs\n    days: 3\n    status: todo\n  - id: T-004\n    name: After theirs\n    days: 1\n    depends_on: [T-003]\n    status: todo\n',
    );
    const r = mergeYaml(BASE, ours, theirs);
    expect(r.renumbered.map((x) => ({ ...x, references: [...x.references].sort() }))).toEqual([
      { oldId: 'T-003', newId: 'T-005', references: ['M-001 depends_on', 'T-004 depends_on'] },
    ]);
    const merged = load(r.text) as { tasks: { id: string; name: string; depends_on?: string[] }[]; milestones: { depends_on: string[] }[] };
    expect(merged.tasks.map((t) => `${t.id} ${t.name}`)).toEqual([
      'T-001 Design',
      'T-002 Build',
      'T-003 Ours',
      'T-005 Theirs',
      'T-004 After theirs',
    ]);
    expect(merged.tasks.find((t) => t.id === 'T-004')!.depends_on).toEqual(['T-005']);
    expect(merged.milestones[0]!.depends_on).toEqual(['T-002', 'T-005']);
  });

  it('keeps one copy when both sides added the same record', () => {
    const t = '  - id: T-003\n    name: Same\n    days: 2\n    status: todo\n';
    const r = mergeYaml(BASE, addTask(BASE, t), addTask(BASE, t));
    expect(ids(r.text)).toEqual(['T-001', 'T-002', 'T-003']);
    expect(r.renumbered).toEqual([]);
  });

  it('applies a deletion on one side when the other left the record alone', () => {
    const theirs = BASE.replace(/  - id: T-002[\s\S]*$/, '');
    expect(ids(mergeYaml(BASE, addTask(BASE, '  - id: T-003\n    name: X\n    days: 1\n    status: todo\n'), theirs).text)).toEqual([
      'T-001',
      'T-003',
    ]);
  });

  it('appends histories both sides added to', () => {
    const base = 'id: R-001\nhistory:\n  - { date: 2026-09-01, status: open }\n';
    const r = mergeYaml(
      base,
      `${base}  - { date: 2026-10-01, status: monitoring }\n`,
      `${base}  - { date: 2026-10-02, status: occurred }\n`,
    );
    expect((load(r.text) as { history: unknown[] }).history).toHaveLength(3);
  });

  it('refuses what it cannot decide: the same field changed two ways, a change against a deletion, bad YAML', () => {
    expect(() => mergeYaml(BASE, BASE.replace('name: Build', 'name: Build A'), BASE.replace('name: Build', 'name: Build B'))).toThrow(
      MergeConflict,
    );
    expect(() => mergeYaml(BASE, BASE.replace('name: Build', 'name: Build A'), BASE.replace(/  - id: T-002[\s\S]*$/, ''))).toThrow(
      MergeConflict,
    );
    expect(() => mergeYaml(BASE, `${BASE}  - [oops\n`, BASE)).toThrow(MergeConflict);
  });

  it('merges a record file added on both sides with different fields only when they agree', () => {
    expect(() => mergeYaml('', 'id: R-002\ntitle: A\n', 'id: R-002\ntitle: B\n')).toThrow(MergeConflict);
    expect(mergeYaml('', 'id: R-002\ntitle: A\n', 'id: R-002\ntitle: A\n').text).toBe('id: R-002\ntitle: A\n');
  });
});
