import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { applyEdits, applyEditsToData, type Edit } from '../../src/store/yaml-edit.js';
import { narrowForEdits, scanStructure } from '../../src/store/yaml-narrow.js';
import { rng } from '../../bench/generate.mjs';

/** A plan with comments, blank lines, block scalars holding `- ` lines and a nested baseline list. */
function plan(n: number): string {
  const tasks = Array.from({ length: n }, (_, i) => {
    const id = `T-${String(i + 1).padStart(3, '0')}`;
    const extra =
      i % 7 === 3 ? `    notes: |\n      - not an item\n      - nor this\n` : i % 5 === 2 ? `    # a comment inside ${id}\n` : '';
    return `  - id: ${id}   # task ${i + 1}\n    name: Task ${i + 1}\n    days: ${(i % 4) + 1}\n${i ? `    depends_on: [T-${String(i).padStart(3, '0')}]\n` : ''}${extra}    status: todo\n${i % 6 === 0 ? '\n' : ''}`;
  });
  const items = Array.from(
    { length: n },
    (_, i) => `      - id: T-${String(i + 1).padStart(3, '0')}\n        end: 2026-01-${String((i % 28) + 1).padStart(2, '0')}\n`,
  );
  return `# yaml-language-server: $schema=.deliver/schemas/plan.schema.json\nschema_version: 1\n# the work\ntasks:\n${tasks.join('')}milestones:\n  - id: M-001\n    name: Done\n    depends_on: [T-001]\nbaselines:\n  - name: contract\n    taken: 2026-01-02\n    items:\n${items.join('')}`;
}

const EDITS: [string, Edit[]][] = [
  ['a status', [{ op: 'set', path: ['tasks', 4, 'status'], value: 'done' }]],
  [
    'new keys on an item',
    [
      { op: 'set', path: ['tasks', 10, 'actual_start'], value: '2026-02-01' },
      { op: 'set', path: ['tasks', 10, 'actual_end'], value: '2026-02-03' },
    ],
  ],
  ['a key deleted from an item with notes', [{ op: 'delete', path: ['tasks', 3, 'notes'] }]],
  [
    'the last item',
    [
      { op: 'set', path: ['tasks', 29, 'status'], value: 'blocked' },
      { op: 'set', path: ['tasks', 29, 'blocked_reason'], value: 'waiting: for parts' },
    ],
  ],
  ['the first item', [{ op: 'set', path: ['tasks', 0, 'name'], value: '第一项 "quoted"' }]],
  ['an append to the list', [{ op: 'append', path: ['tasks'], value: { id: 'T-031', name: 'New', days: 1, status: 'todo' } }]],
  ['a list replaced inside an item', [{ op: 'set', path: ['tasks', 12, 'depends_on'], value: ['T-001', 'T-002'] }]],
  [
    'several items at once',
    [
      { op: 'set', path: ['tasks', 2, 'status'], value: 'done' },
      { op: 'set', path: ['tasks', 20, 'status'], value: 'in_progress' },
      { op: 'append', path: ['tasks'], value: { id: 'T-031', name: 'x', days: 1, status: 'todo' } },
    ],
  ],
  ['the nested baseline list', [{ op: 'append', path: ['baselines', 0, 'items'], value: { id: 'T-031', end: '2026-03-01' } }]],
  ['a new top-level key', [{ op: 'set', path: ['notes'], value: 'added' }]],
  ['a top-level scalar', [{ op: 'set', path: ['schema_version'], value: 1 }]],
  ['an item out of range', [{ op: 'set', path: ['tasks', 99, 'status'], value: 'done' }]],
];

describe('narrowed edits', () => {
  for (const eol of ['\n', '\r\n']) {
    for (const [what, edits] of EDITS) {
      it(`give the same text as editing the whole file: ${what}${eol === '\r\n' ? ' (CRLF)' : ''}`, () => {
        const src = plan(30).replace(/\n/g, eol);
        let whole: string | Error, narrowed: string | Error;
        try {
          whole = applyEdits(src, edits);
        } catch (e) {
          whole = e as Error;
        }
        try {
          narrowed = applyEdits(src, edits, { narrow: true, minBytes: 0 });
        } catch (e) {
          narrowed = e as Error;
        }
        if (whole instanceof Error) {
          expect(narrowed).toBeInstanceOf(Error);
          return;
        }
        expect(narrowed).toBe(whole);
        expect(load(whole as string)).toEqual(applyEditsToData(load(src), edits));
      });
    }
  }

  it('leaves out the untouched items of every long list, nested ones too', () => {
    const src = plan(30);
    const n = narrowForEdits(src, [{ op: 'set', path: ['tasks', 4, 'status'], value: 'done' }], 0)!;
    expect(n.text.length).toBeLessThan(src.length / 5);
    expect(n.edits[0]!.path).toEqual(['tasks', 0, 'status']);
    expect(n.text).toContain('id: T-005');
    expect(n.text).toContain('id: T-030'); // the last item stays, so the list ends where it did
    expect(n.text).not.toContain('id: T-006');
    expect(load(n.text)).toMatchObject({ tasks: [{ id: 'T-005' }, { id: 'T-030' }], baselines: [{ items: [{ id: 'T-030' }] }] });
  });

  it('keeps small files and anything it cannot read plainly whole', () => {
    expect(narrowForEdits(plan(30), [{ op: 'append', path: ['tasks'], value: {} }])).toBeUndefined(); // below the size
    expect(narrowForEdits(`---\n${plan(30)}`, [{ op: 'append', path: ['tasks'], value: {} }], 0)).toBeUndefined();
    expect(narrowForEdits(`"quoted": 1\n${plan(30)}`, [{ op: 'append', path: ['tasks'], value: {} }], 0)).toBeUndefined();
    const whole = narrowForEdits(plan(30), [{ op: 'set', path: ['tasks'], value: [] }], 0)!.text; // the tasks whole, the baseline still narrowed
    expect(whole).toContain('id: T-010   # task 10');
    expect(whole).not.toMatch(/end: 2026-01-10/);
  });
});

describe('the structure scan', () => {
  // Lines of every kind scan tells apart, at columns around the lists' own.
  const LINE_BODIES = ['- id: x', '-', '- ', '-x: 1', 'key: v', 'key:', '# note', '', '\tkey: v', '"q": 1', '- - a', 'k: |', '  ', '---'];

  function randomText(next: () => number, eol: string): string {
    const lines = ['schema_version: 1', 'tasks:'];
    const count = 5 + Math.floor(next() * 60);
    for (let i = 0; i < count; i++) {
      const body = LINE_BODIES[Math.floor(next() * LINE_BODIES.length)]!;
      // Mostly plain top-level keys and items, sometimes anything.
      const top = next() < 0.1 && body.endsWith(':') ? `k${i}:` : body;
      lines.push(' '.repeat(Math.floor(next() * 7)) + (next() < 0.15 ? top.trimStart() : top));
    }
    return lines.join(eol) + (next() < 0.5 ? eol : '');
  }

  it('finds the same lists and keys whether it jumps over deep lines or reads every line', () => {
    const next = rng(20261206);
    let found = 0;
    for (let i = 0; i < 3000; i++) {
      const src = randomText(next, next() < 0.3 ? '\r\n' : '\n');
      const jumped = scanStructure(src);
      expect(jumped, src).toEqual(scanStructure(src, false));
      if (jumped) found++;
    }
    for (const eol of ['\n', '\r\n'])
      expect(scanStructure(plan(30).replace(/\n/g, eol))).toEqual(scanStructure(plan(30).replace(/\n/g, eol), false));
    expect(found).toBeGreaterThan(1000); // most texts are plain enough to scan
  });
});
