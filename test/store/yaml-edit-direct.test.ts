// The direct editor (yaml-edit-direct.ts) must write exactly what the `yaml`-based editor writes
// for the same edits, or leave them to it: over random scalar edits of every example and fixture
// record and of plans in many shapes, and for the text of every kind of scalar.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecordText } from '../../src/store/parse-policy.js';
import { blockText, directEdits, scalarText } from '../../src/store/yaml-edit-direct.js';
import { applyEdits, blockLines, inlineScalar, type Edit } from '../../src/store/yaml-edit.js';
import { REPO } from '../helpers/project.js';
import { rng as random } from '../../bench/generate.mjs';
import { yamlFiles } from '../helpers/yaml-docs.js';

const VALUES: (string | number | boolean | null)[] = [
  'done',
  'in_progress',
  '2026-11-20',
  '202611-003',
  'Alice Chen',
  '李娜',
  'T-0042',
  3,
  0,
  -2,
  1.5,
  true,
  false,
  null,
  'true',
  'null',
  '1.5',
  '0x1f',
  '-5',
  'a: b',
  'a #b',
  ' lead',
  'trail ',
  'two  spaces',
  "it's",
  '"quoted"',
  '- dash',
  'line\nbreak',
  'tab\there',
  '#hash',
  'NaN',
  '.inf',
  'v1.2.3',
  'a/b',
  'é',
];

const KEYS = ['status', 'days', 'start', 'end', 'actual_end', 'done', 'owner', 'name', 'notes', 'true', 'new_key'];

/** A plan in several shapes: comments (trailing and on their own), quotes, block scalars, flow and block lists, blank lines. */
function plan(n: number, column: number, next: () => number): string {
  const at = ' '.repeat(column);
  const items = Array.from({ length: n }, (_, i) => {
    const lines = [`${at}- id: T-${String(i + 1).padStart(3, '0')}`, `${at}  name: Task ${i + 1}`];
    const r = next();
    if (r < 0.15) lines.push(`${at}  status: todo   # not started`);
    else if (r < 0.25) lines.push(`${at}  status: "todo"`);
    else lines.push(`${at}  status: todo`);
    if (next() < 0.5) lines.push(`${at}  days: ${1 + Math.floor(next() * 5)}`);
    const deps = next();
    if (deps < 0.2) lines.push(`${at}  depends_on: [T-001]`);
    else if (deps < 0.35) lines.push(`${at}  depends_on:`, `${at}    - T-001`);
    if (next() < 0.1) lines.push(`${at}  notes: |`, `${at}    first`, `${at}    - second`);
    if (next() < 0.1) lines.push(`${at}  # a comment in the item`);
    if (next() < 0.05) lines.push('# a comment at the left');
    if (next() < 0.1) lines.push(`${at}  owner:`);
    if (next() < 0.2) lines.push('');
    return lines.map((l) => `${l}\n`).join('');
  });
  return `# yaml-language-server: $schema=.deliver/schemas/plan.schema.json\nschema_version: 1\nstatus: draft\ntasks:\n${items.join('')}milestones:\n${at}- id: M-001\n${at}  name: Done\n`;
}

/** Plain data of some depth: scalars, lists and mappings, some empty, some holding text to quote. */
function randomValue(next: () => number, depth: number): unknown {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const r = next();
  if (depth === 0 || r < 0.4) return pick(VALUES);
  const n = Math.floor(next() * 3);
  if (r < 0.7) return Array.from({ length: n }, () => randomValue(next, depth - 1));
  return Object.fromEntries(Array.from({ length: n }, () => [next() < 0.05 ? 'a key' : pick(KEYS), randomValue(next, depth - 1)]));
}

/** A record for a list: mostly flat (scalars, lists of scalars), sometimes with a mapping inside or an unusual key. */
function randomItem(next: () => number): Record<string, unknown> {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const item: Record<string, unknown> = {};
  const n = 1 + Math.floor(next() * 4);
  for (let k = 0; k < n; k++) {
    const r = next();
    const key = r < 0.05 ? 'true' : r < 0.1 ? 'a key' : pick(KEYS);
    const v = next();
    item[key] = v < 0.6 ? pick(VALUES) : v < 0.8 ? [pick(VALUES), pick(VALUES)] : v < 0.9 ? [] : { inner: pick(VALUES) };
  }
  return item;
}

function randomEdits(next: () => number, data: Record<string, unknown>): Edit[] {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const lists = Object.entries(data).filter(([, v]) => Array.isArray(v) && v.length > 0) as [string, unknown[]][];
  const edits: Edit[] = [];
  const count = 1 + Math.floor(next() * 3);
  for (let k = 0; k < count; k++) {
    const value = pick(VALUES);
    const path =
      lists.length && next() < 0.7
        ? (([key, list]) => [key, Math.floor(next() * list.length), pick(KEYS)])(pick(lists))
        : [next() < 0.5 ? pick(Object.keys(data)) : pick(KEYS)];
    const r = next();
    if (r < 0.15 && lists.length) edits.push({ op: 'append', path: [pick(lists)[0]], value: randomItem(next) });
    else if (r < 0.3) edits.push({ op: 'delete', path });
    else edits.push({ op: 'set', path, value: r < 0.4 ? randomValue(next, 2) : value });
  }
  return edits;
}

/** The direct editor's text equals the `yaml`-based editor's whenever it gives one. */
function agrees(src: string, edits: Edit[]): boolean {
  const direct = directEdits(src, edits);
  if (direct === undefined) return false;
  let viaYaml: string | undefined;
  try {
    viaYaml = applyEdits(src, edits);
  } catch {
    viaYaml = undefined;
  }
  expect(direct).toBe(viaYaml);
  return true;
}

describe('the direct editor', () => {
  it('writes collections in block style as the yaml-based editor does, or leaves them to it', () => {
    const next = random(6);
    let written = 0;
    for (let i = 0; i < 3000; i++) {
      const v = randomValue(next, 3);
      if (v === null || typeof v !== 'object') continue;
      const lines = blockText(v);
      if (lines === undefined) continue;
      written++;
      expect(lines.join('\n')).toBe(blockLines(v, 0, '\n'));
    }
    expect(written).toBeGreaterThan(300);
  });

  it('writes each scalar as the yaml-based editor does', () => {
    const next = random(5);
    const chars = 'ab Z09_./-:#\'"李 é\t,[]{}&*!|>?%@`~=+';
    const texts = [...VALUES];
    for (let i = 0; i < 3000; i++)
      texts.push(Array.from({ length: 1 + Math.floor(next() * 6) }, () => chars[Math.floor(next() * chars.length)]).join(''));
    for (const v of texts) expect(scalarText(v)).toBe(inlineScalar(v));
  });

  for (const [column, eol] of [
    [2, '\n'],
    [0, '\n'],
    [2, '\r\n'],
  ] as const) {
    it(`edits plans as the yaml-based editor does (items at column ${column}${eol === '\r\n' ? ', CRLF' : ''})`, () => {
      const next = random(40 + column + eol.length);
      let direct = 0;
      for (let round = 0; round < 300; round++) {
        const src = plan(3 + Math.floor(next() * 6), column, next).replace(/\n/g, eol);
        const parsed = parseRecordText(src, 'plan.yaml');
        expect(parsed.diagnostics).toEqual([]);
        if (agrees(src, randomEdits(next, parsed.data as Record<string, unknown>))) direct++;
      }
      expect(direct).toBeGreaterThan(90);
    });
  }

  it('edits every example and fixture record as the yaml-based editor does', () => {
    const files = [
      ...yamlFiles(join(REPO, 'examples')),
      ...yamlFiles(join(REPO, 'test', 'fixtures')),
      ...yamlFiles(join(REPO, 'templates')),
    ];
    const next = random(77);
    let direct = 0,
      tried = 0;
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      const parsed = parseRecordText(src, f);
      if (parsed.diagnostics.length || typeof parsed.data !== 'object' || parsed.data === null || Array.isArray(parsed.data)) continue;
      for (let round = 0; round < 6; round++) {
        tried++;
        if (agrees(src, randomEdits(next, parsed.data as Record<string, unknown>))) direct++;
      }
    }
    expect(direct).toBeGreaterThan(tried / 2);
  });

  it('appends flat items to every top-level list of the examples and of plans as the yaml-based editor does', () => {
    const next = random(91);
    const sources = [
      ...yamlFiles(join(REPO, 'examples')).map((f) => readFileSync(f, 'utf8')),
      ...Array.from({ length: 40 }, (_, i) => plan(3 + i, i % 2 ? 0 : 2, next)),
    ];
    let direct = 0,
      tried = 0;
    for (const src of sources) {
      const data = parseRecordText(src, 'x.yaml').data as Record<string, unknown> | undefined;
      if (!data) continue;
      for (const [key, v] of Object.entries(data)) {
        if (!Array.isArray(v) || v.length === 0 || typeof v[0] !== 'object') continue;
        tried++;
        const item = { id: 'X-1', name: 'New item', days: 2, done: true, owner: null, tags: ['a', '2026-01-02'], none: [] };
        if (agrees(src, [{ op: 'append', path: [key], value: item }])) direct++;
      }
    }
    expect(tried).toBeGreaterThan(40);
    expect(direct).toBeGreaterThan(tried / 2);
  });

  it('leaves the shapes it does not take to the yaml-based editor', () => {
    const src = 'id: R-1\nstatus: open   # why\nnotes: |\n  text\nactions:\n  - what: call\n    due: 2026-01-01\n';
    expect(directEdits(src, [{ op: 'set', path: ['tags'], value: ['a'] }])).toBe(`${src}tags:\n  - a\n`);
    expect(directEdits(src, [{ op: 'set', path: ['notes'], value: { a: 1 } }])).toBeUndefined(); // replacing a value by a collection
    expect(directEdits(src, [{ op: 'set', path: ['tags'], value: ['a: b'] }])).toBeUndefined(); // text to quote
    expect(directEdits(src, [{ op: 'delete', path: ['notes'] }])).toBeUndefined(); // more than its line
    expect(directEdits(src, [{ op: 'delete', path: ['actions', 0, 'what'] }])).toBeUndefined(); // the item's `- ` line
    const nested: Edit[] = [{ op: 'append', path: ['actions'], value: { what: { deep: 'x' } } }];
    expect(directEdits(src, nested)).toBe(applyEdits(src, nested)); // a mapping inside, in block style
    expect(directEdits(src, [{ op: 'append', path: ['actions'], value: { what: 'x: y' } }])).toBeUndefined(); // text to quote
    expect(directEdits(src, [{ op: 'set', path: ['status'], value: 'closed' }])).toBeUndefined(); // a comment after the value
    expect(directEdits(src, [{ op: 'set', path: ['notes'], value: 'x' }])).toBeUndefined(); // a block scalar
    expect(directEdits(src, [{ op: 'append', path: ['actions'], value: { what: 'visit', tags: ['a', 'b'] } }])).toBe(
      'id: R-1\nstatus: open   # why\nnotes: |\n  text\nactions:\n  - what: call\n    due: 2026-01-01\n  - what: visit\n    tags:\n      - a\n      - b\n',
    );
    expect(directEdits(src, [{ op: 'set', path: ['actions', 0, 'due'], value: '2026-02-01' }])).toBe(
      'id: R-1\nstatus: open   # why\nnotes: |\n  text\nactions:\n  - what: call\n    due: 2026-02-01\n',
    );
  });
});
