// Random YAML documents for the parse-path tests: block mappings and sequences, scalars in every
// style (plain, quoted, literal, folded), flow collections, keys and values that resolve to other
// types, and characters YAML reserves. Most are valid YAML, many are not; both kinds matter.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CORE_SCHEMA, load } from 'js-yaml';

/** Every `.yaml` file under `dir`, at any depth (links and other non-files left out). */
export function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yamlFiles(p, out);
    else if (e.isFile() && e.name.endsWith('.yaml')) out.push(p);
  }
  return out;
}

/** The careful parser as the policy runs it: the reference every faster path is held to. */
export function careful(src: string): { ok: true; data: unknown } | { ok: false } {
  try {
    return { ok: true, data: load(src, { schema: CORE_SCHEMA, maxAliases: 0, maxDepth: 24 }) };
  } catch {
    return { ok: false };
  }
}

/** Where two trees differ (types, -0, NaN and key order included), or '' when they are the same. */
export function treeDifference(a: unknown, b: unknown, path = '$'): string {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
    for (let i = 0; i < a.length; i++) {
      const d = treeDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    return '';
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a),
      kb = Object.keys(b);
    if (ka.join('\u0000') !== kb.join('\u0000')) return `${path}: keys ${JSON.stringify(ka)} vs ${JSON.stringify(kb)}`;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return `${path}: prototypes differ`;
    for (const k of ka) {
      const d = treeDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
    return '';
  }
  return Object.is(a, b) ? '' : `${path}: ${String(a)} (${typeof a}) vs ${String(b)} (${typeof b})`;
}

/** Pieces to splice into real records: YAML's indicators, number forms, line breaks, styles. */
export const MUTATION_PIECES = [
  '&a ',
  '*a',
  '!!str ',
  '<<: ',
  '~',
  'True',
  'NULL',
  '-0',
  '0x1F',
  '0o7',
  '1e3',
  '.5',
  '+1',
  '-.inf',
  '.NaN',
  '1_0',
  '0b1',
  '-.5',
  '"',
  "'",
  "''",
  '"\\n"',
  '\\',
  ':',
  ': ',
  'a:',
  '- ',
  '-',
  '-\n',
  '? ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '#',
  ' #',
  '\n',
  '\r\n',
  '\r',
  '  ',
  '   ',
  '\t',
  '|',
  '|-',
  '|+',
  '|2',
  '>',
  '>-',
  '---\n',
  '...\n',
  '%',
  '@',
  '`',
  '\u0085',
  '\u2028',
  '\u00a0',
  '\ufeff',
  '\u0001',
  '__proto__: 1\n',
  'k: v\n',
  '  - x\n',
  '- a: 1\n',
  '[a, b]',
  '{ a: 1 }',
  '{}',
  '[]',
  '中文',
  '2026-02-30',
];

/** Splices pieces into a source at the given positions (inserting, or replacing as many characters). */
export const mutation = (count: number) =>
  fc.tuple(
    fc.nat(count - 1),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom(...MUTATION_PIECES), fc.boolean()), { minLength: 1, maxLength: 4 }),
  );

export function mutate(src: string, edits: [number, string, boolean][]): string {
  for (const [pos, piece, replace] of edits) {
    const at = pos % (src.length + 1);
    src = src.slice(0, at) + piece + src.slice(replace ? Math.min(src.length, at + piece.length) : at);
  }
  return src;
}

type Node =
  | { kind: 'map'; entries: [string, Node][] }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'flow-seq'; items: string[] }
  | { kind: 'flow-map'; entries: [string, string][] }
  | { kind: 'scalar'; t: string; style: string };

const safe = fc.constantFrom(...'aZ9 -_.+中\u00e9'.split(''));
const chars = fc.constantFrom(...'aZ9 -_:#."\'\\|>[]{},&*!%@`?~+中\u00e9'.split(''));
const text = fc.oneof(
  { arbitrary: fc.string({ unit: safe, minLength: 1, maxLength: 8 }), weight: 5 },
  { arbitrary: fc.string({ unit: chars, maxLength: 8 }), weight: 2 },
  {
    arbitrary: fc.constantFrom('null', 'True', 'false', '~', '0', '-0', '007', '0x1A', '1.5e3', '.inf', '2026-11-23', 'T-001', 'yes', 'on'),
    weight: 2,
  },
);
const key = fc.oneof(
  { arbitrary: fc.constantFrom('id', 'name', 'depends_on', 'zh-CN', 'a_b', 'x', 'y', 'k9'), weight: 6 },
  { arbitrary: fc.constantFrom('true', 'null', 'on', '1'), weight: 1 },
  { arbitrary: fc.string({ unit: chars, minLength: 1, maxLength: 5 }), weight: 1 },
);
// A scalar written in one of the styles a writer or a person might use.
const scalar = fc
  .tuple(
    text,
    fc.constantFrom(
      'plain',
      'plain-lines',
      'single',
      'single-lines',
      'double',
      'double-lines',
      'double-escaped',
      'literal',
      'literal-',
      'literal+',
      'folded',
      'folded-',
      'folded+',
    ),
  )
  .map(([t, style]) => ({ t, style }));
const tree = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar.map((s): Node => ({ kind: 'scalar', ...s })),
    fc.array(text, { maxLength: 3 }).map((items): Node => ({ kind: 'flow-seq', items })),
    fc.array(fc.tuple(key, text), { maxLength: 3 }).map((entries): Node => ({ kind: 'flow-map', entries })),
    fc.array(fc.tuple(key, tie('node')), { minLength: 1, maxLength: 4 }).map((entries): Node => ({ kind: 'map', entries })),
    fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((items): Node => ({ kind: 'seq', items })),
  ),
})).node;

/** Ways to write one character inside double quotes: as itself, or escaped (\\x, \\u, \\U, named escapes). */
const ESCAPED: ((ch: string) => string)[] = [
  (ch) => ch,
  (ch) => (ch.charCodeAt(0) < 0x100 ? `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}` : ch),
  (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  (ch) => `\\U${ch.codePointAt(0)!.toString(16).padStart(8, '0')}`,
  (ch) =>
    (
      ({ ' ': '\\ ', '"': '\\"', '\\': '\\\\', a: '\\a', e: '\\e', Z: '\\N', '.': '\\_', '-': '\\L', _: '\\P', '9': '\\0' }) as Record<
        string,
        string
      >
    )[ch] ?? ch,
];

const inline = (s: { t: string; style: string }, indent: number): string => {
  switch (s.style) {
    case 'single':
      return `'${s.t.replace(/'/g, "''")}'`;
    case 'double':
      return `"${s.t}"`;
    case 'double-escaped':
      return `"${[...s.t].map((ch, i) => ESCAPED[(i + ch.charCodeAt(0)) % ESCAPED.length]!(ch)).join('')}"`;
    case 'single-lines':
      return `'${s.t
        .replace(/'/g, "''")
        .split(' ')
        .join(`\n${' '.repeat(indent + 2)}`)}'`;
    case 'double-lines':
      return `"${s.t.split(' ').join(`\n${' '.repeat(indent + 1)}`)}"`;
    case 'plain-lines':
      return s.t
        .split(' ')
        .map((l, i) => (i === 0 ? l : ' '.repeat(indent + 2) + l))
        .join('\n');
    case 'literal':
    case 'literal-':
    case 'literal+':
    case 'folded':
    case 'folded-':
    case 'folded+':
      return `${s.style.startsWith('folded') ? '>' : '|'}${s.style.endsWith('-') ? '-' : s.style.endsWith('+') ? '+' : ''}\n${s.t
        .split(' ')
        .map((l) => ' '.repeat(indent + 2) + l)
        .join('\n')}`;
    default:
      return s.t;
  }
};
const render = (n: Node, indent: number, seqIndent: number): string => {
  const pad = ' '.repeat(indent);
  if (n.kind === 'map') {
    return n.entries
      .map(([k, v]) => {
        if (v.kind === 'map') return `${pad}${k}:\n${render(v, indent + 2, seqIndent)}`;
        if (v.kind === 'seq') return `${pad}${k}:\n${render(v, indent + seqIndent, seqIndent)}`;
        return `${pad}${k}: ${value(v, indent)}`;
      })
      .join('\n');
  }
  if (n.kind === 'seq') {
    return n.items
      .map((v) => {
        if (v.kind === 'map') return `${pad}- ${render(v, indent + 2, seqIndent).slice(indent + 2)}`;
        if (v.kind === 'seq') return `${pad}-\n${render(v, indent + 2, seqIndent)}`;
        return `${pad}- ${value(v, indent)}`;
      })
      .join('\n');
  }
  return pad + value(n, indent);
};
const value = (n: Node, indent: number): string =>
  n.kind === 'flow-seq'
    ? `[${n.items.join(', ')}]`
    : n.kind === 'flow-map'
      ? `{ ${n.entries.map(([k, v]) => `${k}: ${v}`).join(', ')} }`
      : n.kind === 'scalar'
        ? inline(n, indent)
        : '';

/** A whole document: a mapping at the top, sequences indented or not, an optional comment or blank line first. */
export const yamlDocument: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 5 }), fc.constantFrom(0, 2), fc.constantFrom('', '# head\n', '\n'))
  .map(([entries, seqIndent, head]) => head + render({ kind: 'map', entries }, 0, seqIndent) + '\n');
