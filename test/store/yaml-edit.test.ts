import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { applyEdits, applyEditsToData, type Edit } from '../../src/store/yaml-edit.js';

function check(src: string, edits: Edit[]): string {
  const out = applyEdits(src, edits);
  expect(load(out)).toEqual(applyEditsToData(load(src), edits));
  return out;
}

const REQ = `# yaml-language-server: $schema=../.deliver/schemas/requirement.schema.json
# Hand-written note: the customer phoned twice.
id: 202611-001
title:   销售看板   # extra spaces kept
status: received  # moved by hand once
urgency: high
history:
  - date: 2026-11-02
    to: received   # intake
notes: |
  Keep this block
  exactly.
`;

describe('applyEdits', () => {
  it('replaces a scalar and leaves every other byte alone', () => {
    const out = check(REQ, [{ op: 'set', path: ['status'], value: 'analyzing' }]);
    expect(out).toBe(REQ.replace('status: received  #', 'status: analyzing  #'));
  });

  it('appends to a block list with the list indentation', () => {
    const out = check(REQ, [{ op: 'append', path: ['history'], value: { date: '2026-11-03', from: 'received', to: 'analyzing' } }]);
    expect(out).toContain('    to: received   # intake\n  - date: 2026-11-03\n    from: received\n    to: analyzing\nnotes: |');
  });

  it('adds a missing key, a nested mapping, and deletes a key', () => {
    const out = check(REQ, [
      { op: 'set', path: ['due'], value: '2026-12-01' },
      { op: 'set', path: ['confirmation'], value: { by: '李娜', date: '2026-11-05', method: 'email' } },
      { op: 'delete', path: ['urgency'] },
    ]);
    expect(out).not.toContain('urgency');
    expect(out).toContain('title:   销售看板   # extra spaces kept\n');
    expect(out.endsWith('due: 2026-12-01\nconfirmation:\n  by: 李娜\n  date: 2026-11-05\n  method: email\n')).toBe(true);
  });

  it('sets a field on a list item inside plan.yaml', () => {
    const plan =
      'schema_version: 1\ntasks:\n  - id: T-001\n    name: 调研\n    status: todo\n  - id: T-002\n    name: "原型"\n    status: todo\n    depends_on: [T-001]\n';
    const out = check(plan, [
      { op: 'set', path: ['tasks', 1, 'status'], value: 'done' },
      { op: 'set', path: ['tasks', 1, 'actual_end'], value: '2026-11-20' },
      { op: 'append', path: ['tasks', 1, 'depends_on'], value: 'T-003' },
      { op: 'set', path: ['tasks', 0, 'owner'], value: 'Wang Lei' },
    ]);
    expect(out).toContain('name: "原型"');
    expect(out).toContain('depends_on: [T-001, T-003]');
  });

  it('keeps CRLF line ends', () => {
    const src = 'id: R-001\r\nstatus: open\r\nactions:\r\n  - text: call vendor\r\n';
    const out = check(src, [
      { op: 'set', path: ['status'], value: 'closed' },
      { op: 'append', path: ['actions'], value: { text: 'x' } },
    ]);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('quotes values that YAML would read as something else', () => {
    const out = check('a: 1\n', [
      { op: 'set', path: ['b'], value: '123' },
      { op: 'set', path: ['c'], value: 'yes: no' },
      { op: 'set', path: ['d'], value: 'line1\nline2' },
    ]);
    expect(load(out)).toEqual({ a: 1, b: '123', c: 'yes: no', d: 'line1\nline2' });
  });

  it('fills an empty value and creates a list', () => {
    check('a:\nb: 2 # c\n', [
      { op: 'set', path: ['a'], value: 'x' },
      { op: 'append', path: ['list'], value: 'one' },
    ]);
    check('a:   # note\nb: 2\n', [{ op: 'set', path: ['a'], value: { k: 'v' } }]);
  });
});
