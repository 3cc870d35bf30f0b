// The local read-back (read-back.ts) must give what a full parse of the edited text gives, or
// nothing: over random edits of plans by the editor, and over random hostile text put in place of
// list items or anywhere at all.
import { describe, expect, it } from 'vitest';
import { parseRecordText } from '../../src/store/parse-policy.js';
import { readBackEdited } from '../../src/store/read-back.js';
import { sameData } from '../../src/store/same-data.js';
import { applyEdits, applyEditsToData, type Edit } from '../../src/store/yaml-edit.js';
import { blockStructure } from '../../src/store/yaml-narrow.js';
import { rng as random } from '../../bench/generate.mjs';

const pad = (i: number) => String(i).padStart(4, '0');

/** A plan of `n` tasks in several shapes: comments, blank lines, block scalars, flow and block lists, quoted text, a nested baseline list. */
function plan(n: number, column: number): string {
  const at = ' '.repeat(column);
  const tasks = Array.from({ length: n }, (_, i) => {
    const id = `T-${pad(i + 1)}`;
    const lines = [
      `${at}- id: ${id}   # task ${i + 1}`,
      `${at}  name: "Task ${i + 1}: the \\"${i % 3 ? 'plan' : '计划'}\\""`,
      `${at}  days: ${(i % 4) + 1}`,
    ];
    if (i % 5 === 1) lines.push(`${at}  depends_on: [T-${pad(i)}]`);
    if (i % 5 === 2) lines.push(`${at}  depends_on:`, `${at}    - T-${pad(i)}`, `${at}    - T-${pad(i - 1)}`);
    if (i % 7 === 3) lines.push(`${at}  notes: |`, `${at}    - not an item`, `${at}    # nor a comment`, '', `${at}    end`);
    if (i % 11 === 4) lines.push('# a comment at the left', `${at}  owner: 'Li ''Na'''`);
    lines.push(`${at}  status: todo`);
    if (i % 6 === 0) lines.push('');
    return lines.map((l) => `${l}\n`).join('');
  });
  const items = Array.from(
    { length: n },
    (_, i) => `      - id: T-${pad(i + 1)}\n        end: 2026-01-${String((i % 28) + 1).padStart(2, '0')}\n`,
  );
  return `# yaml-language-server: $schema=.deliver/schemas/plan.schema.json\nschema_version: 1\n# the work\ntasks:   # all of it\n\n${tasks.join('')}milestones:\n${at}- id: M-001\n${at}  name: Done\n${at}  depends_on: [T-0001]\nbaselines:\n  - name: contract\n    taken: 2026-01-02\n    items:\n${items.join('')}`;
}

function randomEdits(next: () => number, n: number): Edit[] {
  const pick = (k: number) => Math.floor(next() * k);
  const edits: Edit[] = [];
  const count = 1 + pick(3);
  for (let e = 0; e < count; e++) {
    const i = pick(n);
    const r = next();
    if (r < 0.3) edits.push({ op: 'set', path: ['tasks', i, 'status'], value: ['done', 'in_progress', 'blocked'][pick(3)]! });
    else if (r < 0.45) edits.push({ op: 'set', path: ['tasks', i, 'start'], value: `2026-0${1 + pick(9)}-1${pick(10)}` });
    else if (r < 0.55) edits.push({ op: 'delete', path: ['tasks', i, 'days'] });
    else if (r < 0.65) edits.push({ op: 'set', path: ['tasks', i, 'notes'], value: `line one\n- line two\n# three ${pick(100)}` });
    else if (r < 0.75)
      edits.push({ op: 'append', path: ['tasks'], value: { id: `T-9${pad(e)}`, name: `New: ${pick(9)}`, days: 1, status: 'todo' } });
    else if (r < 0.82) edits.push({ op: 'set', path: ['tasks', i, 'depends_on'], value: [`T-${pad(1 + pick(n))}`] });
    else if (r < 0.88) edits.push({ op: 'set', path: ['tasks', i, 'name'], value: '名称 "quoted" \'single\' #hash' });
    else if (r < 0.93) edits.push({ op: 'set', path: ['milestones', 0, 'name'], value: 'Renamed' });
    else if (r < 0.97) edits.push({ op: 'append', path: ['baselines', 0, 'items'], value: { id: 'T-0001', end: '2026-02-01' } });
    else edits.push({ op: 'delete', path: ['tasks', i] });
  }
  return edits;
}

/** The local read-back of `after`, held to the full parse: the same data, or undefined. */
function holdsToFullParse(before: string, beforeData: unknown, after: string): 'local' | 'full' {
  const local = readBackEdited(before, beforeData, after, 'plan.yaml');
  if (local === undefined) return 'full';
  const full = parseRecordText(after, 'plan.yaml');
  expect(full.diagnostics).toEqual([]);
  expect(sameData(local, full.data)).toBe(true);
  return 'local';
}

describe('the local read-back of an edited plan', () => {
  for (const [column, eol] of [
    [2, '\n'],
    [0, '\n'],
    [2, '\r\n'],
  ] as const) {
    it(`gives a full parse's data for random edits (items at column ${column}${eol === '\r\n' ? ', CRLF' : ''})`, () => {
      const n = 300;
      const before = plan(n, column).replace(/\n/g, eol);
      const parsed = parseRecordText(before, 'plan.yaml');
      expect(parsed.diagnostics).toEqual([]);
      const next = random(column * 7 + eol.length);
      const used = { local: 0, full: 0 };
      for (let round = 0; round < 150; round++) {
        const edits = randomEdits(next, n);
        let after: string;
        try {
          after = applyEdits(before, edits, { narrow: true });
        } catch {
          continue;
        }
        used[holdsToFullParse(before, parsed.data, after)]++;
        // What the write path compares it with.
        const expected = applyEditsToData(parsed.data, edits);
        const local = readBackEdited(before, parsed.data, after, 'plan.yaml');
        if (local !== undefined) expect(sameData(local, expected)).toBe(true);
      }
      // Edits of tasks alone are read back locally: the test is not vacuous.
      expect(used.local).toBeGreaterThan(100);
    });
  }

  it('reads back a change at an item boundary with the item before it (text added after an item)', () => {
    const before = plan(300, 2);
    const parsed = parseRecordText(before, 'plan.yaml');
    const edits: Edit[] = [{ op: 'set', path: ['tasks', 150, 'start'], value: '2026-03-01' }];
    const after = applyEdits(before, edits, { narrow: true });
    const local = readBackEdited(before, parsed.data, after, 'plan.yaml');
    expect(local).toBeDefined();
    expect(sameData(local, applyEditsToData(parsed.data, edits))).toBe(true);
  });

  it('leaves small files, changes outside one top-level list and lists that are not their key’s whole value to the full parse', () => {
    const small = 'tasks:\n  - id: T-1\n    status: todo\n';
    expect(readBackEdited(small, parseRecordText(small, 'plan.yaml').data, small.replace('todo', 'done'), 'plan.yaml')).toBeUndefined();
    const before = plan(300, 2);
    const data = parseRecordText(before, 'plan.yaml').data;
    // Two lists at once: a task and a milestone.
    const both = before.replace('T-0300   # task 300', 'T-0300   # task 300!').replace('name: Done', 'name: Finished');
    expect(readBackEdited(before, data, both, 'plan.yaml')).toBeUndefined();
    // A tag on the key line.
    const tagged = before.replace('tasks:   # all of it', 'tasks: !!seq');
    const taggedData = parseRecordText(tagged, 'plan.yaml').data;
    expect(readBackEdited(tagged, taggedData, tagged.replace('status: todo', 'status: done'), 'plan.yaml')).toBeUndefined();
  });
});

/** Lines that could end a list item, start one, or belong to a scalar, at or around column 2. */
const HOSTILE_LINES = [
  '  - id: T-7001',
  '  - id: T-7002\r',
  '    name: plain',
  '    name: "double',
  '  quoted"',
  "    note: 'single",
  "   quoted'",
  '    notes: |',
  '    notes: |+',
  '    notes: >-',
  '    notes: |1',
  '      - inside a scalar',
  '      # inside a scalar',
  '  # comment at the column',
  '# comment at the left',
  '',
  '   ',
  '\r',
  '\t- tab',
  '  -\ttab after the dash',
  '    - nested',
  '  -',
  '  - ',
  '---',
  '...',
  '%YAML 1.2',
  '<<<<<<< HEAD',
  '=======',
  '    flow: [a,',
  '  b]',
  '    anchor: &x 1',
  '    alias: *x',
  '    <<: {a: 1}',
  '    __proto__: 1',
  '    invisible: a\u202eb',
  '    ? complex',
  '    : value',
  '  key: at the column',
  ' one: space',
  'milestones:',
  '    id: T-0001',
  '    days: 3',
  '      deeper: 1',
  '    zero: 0',
];

function hostileText(next: () => number): string {
  const lines: string[] = [];
  const count = 1 + Math.floor(next() * 6);
  for (let i = 0; i < count; i++) lines.push(HOSTILE_LINES[Math.floor(next() * HOSTILE_LINES.length)]!);
  // Usually a list entry first, as edits give.
  if (next() < 0.7) lines.unshift(`  - id: T-8${pad(count)}`);
  return lines.map((l) => `${l}\n`).join('');
}

describe('the local read-back of hostile text', () => {
  const before = plan(300, 2);
  const parsed = parseRecordText(before, 'plan.yaml');
  const items = blockStructure(before)!.lists.find((l) => l.top && l.key === 'tasks')!.items;

  it('agrees with the full parse whenever it answers, with whole list items replaced', () => {
    const next = random(11);
    const used = { local: 0, full: 0 };
    for (let round = 0; round < 1500; round++) {
      const a = Math.floor(next() * items.length);
      const b = Math.min(items.length, a + Math.floor(next() * 3));
      const from = items[a]!;
      const to = b < items.length ? items[b]! : before.indexOf('\nmilestones:') + 1;
      const after = before.slice(0, from) + hostileText(next) + before.slice(to);
      used[holdsToFullParse(before, parsed.data, after)]++;
    }
    expect(used.local).toBeGreaterThan(100);
    expect(used.full).toBeGreaterThan(100);
  });

  it('agrees with the full parse whenever it answers, with text replaced anywhere', () => {
    const next = random(12);
    const used = { local: 0, full: 0 };
    for (let round = 0; round < 1500; round++) {
      const from = Math.floor(next() * before.length);
      const to = Math.min(before.length, from + Math.floor(next() * 200));
      const text = next() < 0.5 ? hostileText(next) : HOSTILE_LINES[Math.floor(next() * HOSTILE_LINES.length)]!;
      used[holdsToFullParse(before, parsed.data, before.slice(0, from) + text + before.slice(to))]++;
    }
    expect(used.local).toBeGreaterThan(50);
  });
});
