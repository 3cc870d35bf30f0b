// Property-based tests (fast-check): random bytes and mutated real records (from examples/ and the
// corpus) never make the loader throw, never make `validate` crash (exit 70), print a stack or a
// raw control byte, and whatever the fast parse path accepts is exactly what the careful parser reads.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { CORE_SCHEMA, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_TEXT } from '../../src/render/messages/diagnostics.js';
import { loadProject } from '../../src/store/load.js';
import { LIMITS, parseRecordBytes } from '../../src/store/parse-policy.js';
import { runCli } from '../helpers/cli.js';
import { makeProject, REPO } from '../helpers/project.js';
import { assertCleanOutput } from './support.js';

/** Real records: every file of examples/ and of the clean corpus project, with the folder each belongs in. */
function seeds(): { rel: string; text: string }[] {
  const out: { rel: string; text: string }[] = [];
  const walk = (root: string, d: string) => {
    for (const e of readdirSync(join(root, d), { withFileTypes: true })) {
      const rel = d ? `${d}/${e.name}` : e.name;
      if (e.isDirectory() && !e.name.startsWith('.')) walk(root, rel);
      else if (e.isFile() && e.name.endsWith('.yaml')) out.push({ rel, text: readFileSync(join(root, rel), 'utf8') });
    }
  };
  for (const ex of readdirSync(join(REPO, 'examples'), { withFileTypes: true }))
    if (ex.isDirectory()) walk(join(REPO, 'examples', ex.name), '');
  walk(join(REPO, 'test', 'fixtures', 'hostile', 'escape-sequences', 'project'), '');
  return out;
}
const SEEDS = seeds();

/** YAML fragments that stress the policy: aliases, tags, merge keys, prototype keys, directives, odd scalars. */
const NASTY = [
  '&a x',
  '*a',
  '!!binary aGk=',
  '!Ref x',
  '!!python/object:os.system',
  '<<: {a: 1}',
  '__proto__: {polluted: 1}',
  'constructor: 1',
  '%YAML 1.1\n---\n',
  '---\n',
  '...\n',
  '<<<<<<< HEAD\n',
  '=======\n',
  '>>>>>>> b\n',
  '? [a, b]\n: c',
  '[[[[[[[[[[[[[[[[[[[[[[[[[[[[',
  '{a: {b: {c:',
  '"\\e[31m"',
  '"\\u202e"',
  "'it''s'",
  '2026-02-30',
  '2026-1-5',
  '2026-09-01T10:00:00+08:00',
  '0b101',
  '0o17',
  '0x1F',
  '1_000',
  '+.5',
  '.nan',
  '-.inf',
  '1e400',
  '~',
  'null',
  'yes',
  'on',
  'NO',
  '|-\n  block',
  '>+\n  folded',
  '\t',
  '\r',
  '\u0000',
  '\ufeff',
  '\u0085',
  '\u2028',
  '- - -',
  ': :',
  '#',
  'a'.repeat(300),
  'é',
  '中文',
  '😀',
  '\\',
  '"',
  "'",
  '%',
  '@',
  '`',
  '|',
  '>',
  '!',
  '&',
  '*',
  '-',
  '?',
  ':',
  ',',
  '[',
  ']',
  '{',
  '}',
];

/** A record mutated at the byte, line, key or value level. */
const mutant = fc.record({
  seed: fc.integer({ min: 0, max: SEEDS.length - 1 }),
  edits: fc.array(
    fc.oneof(
      fc.record({
        op: fc.constant('insert' as const),
        at: fc.nat(),
        text: fc.oneof(fc.constantFrom(...NASTY), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 })),
      }),
      fc.record({ op: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ op: fc.constant('byte' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
      fc.record({ op: fc.constant('dupLine' as const), at: fc.nat() }),
      fc.record({ op: fc.constant('swapLines' as const), at: fc.nat(), with: fc.nat() }),
      fc.record({ op: fc.constant('value' as const), at: fc.nat(), text: fc.constantFrom(...NASTY) }),
      fc.record({
        op: fc.constant('key' as const),
        at: fc.nat(),
        text: fc.constantFrom('__proto__', 'constructor', 'prototype', '<<', 'id', 'status', '"a\\u0000"', '? x'),
      }),
    ),
    { minLength: 1, maxLength: 6 },
  ),
});

function mutate(m: { seed: number; edits: readonly ({ op: string; at: number } & Record<string, unknown>)[] }): {
  rel: string;
  bytes: Buffer;
} {
  const seed = SEEDS[m.seed]!;
  let bytes = Buffer.from(seed.text, 'utf8');
  for (const e of m.edits) {
    const lines = bytes.toString('latin1').split('\n');
    const li = lines.length ? e.at % lines.length : 0;
    const at = bytes.length ? e.at % bytes.length : 0;
    switch (e.op) {
      case 'insert':
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(String(e.text), 'utf8'), bytes.subarray(at)]);
        break;
      case 'delete':
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + Number(e.len))]);
        break;
      case 'byte':
        if (bytes.length) bytes[at] = Number(e.byte);
        break;
      case 'dupLine':
        lines.splice(li, 0, lines[li] ?? '');
        bytes = Buffer.from(lines.join('\n'), 'latin1');
        break;
      case 'swapLines': {
        const j = Number(e.with) % lines.length;
        [lines[li], lines[j]] = [lines[j]!, lines[li]!];
        bytes = Buffer.from(lines.join('\n'), 'latin1');
        break;
      }
      case 'value':
        lines[li] = (lines[li] ?? '').replace(/:\s.*$/, `: ${String(e.text)}`);
        bytes = Buffer.from(lines.join('\n'), 'latin1');
        break;
      case 'key':
        lines[li] = (lines[li] ?? '').replace(/^(\s*(?:- )?)[^:#\s][^:#]*:/, `$1${String(e.text)}:`);
        bytes = Buffer.from(lines.join('\n'), 'latin1');
        break;
    }
  }
  return { rel: seed.rel, bytes };
}

function checkParsed(bytes: Uint8Array, file: string): void {
  const r = parseRecordBytes(bytes, file, LIMITS.recordBytes);
  // Data comes with no finding, or only with invisible characters (DLV-E031: the record stays readable).
  expect(r.data === undefined || r.diagnostics.every((d) => d.code === 'DLV-E031')).toBe(true);
  expect(r.data !== undefined || r.diagnostics.length > 0).toBe(true);
  // YAML breaks lines at LF, CRLF and a lone CR alike.
  const lines = (r.source ?? Buffer.from(bytes).toString('latin1')).split(/\r\n|\r|\n/).length;
  for (const d of r.diagnostics) {
    expect(DIAGNOSTIC_TEXT, d.code).toHaveProperty(d.code);
    expect(d.file).toBe(file);
    if (d.line !== undefined) {
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.line).toBeLessThanOrEqual(lines);
    }
  }
  // The fast path (the subset reader) must agree with the careful parser on what it accepts.
  if (r.data !== undefined && r.source !== undefined) {
    const careful = load(r.source, { schema: CORE_SCHEMA, maxAliases: 0, maxDepth: LIMITS.depth });
    expect(isDeepStrictEqual(r.data, careful), `fast and careful parsers disagree on ${JSON.stringify(r.source.slice(0, 200))}`).toBe(true);
  }
}

describe('fuzzing the loader and validate', () => {
  it('random bytes and random text: the parser never throws and reports known codes at real lines', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 300 }).map((s) => Buffer.from(s, 'utf8')),
        ),
        (bytes) => {
          checkParsed(bytes, 'risks/R-001-x.yaml');
        },
      ),
      { numRuns: 1500, seed: 8 },
    );
  });

  it('random YAML-shaped text built from hostile fragments: the parser never throws', () => {
    const line = fc
      .tuple(
        fc.constantFrom('', '  ', '    ', '- ', '  - '),
        fc.constantFrom('id', 'title', 'a', '__proto__', '<<', '"k"', '? k', ''),
        fc.constantFrom(': ', ':', ' '),
        fc.constantFrom(...NASTY),
      )
      .map(([i, k, c, v]) => `${i}${k}${c}${v}`);
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), (lines) => {
        checkParsed(Buffer.from(lines.join('\n'), 'utf8'), 'plan.yaml');
      }),
      { numRuns: 1500, seed: 9 },
    );
  });

  it('mutated real records: the parser never throws; the fast path never accepts what the careful parser reads differently', () => {
    fc.assert(
      fc.property(mutant, (m) => {
        const { rel, bytes } = mutate(m);
        checkParsed(bytes, rel);
      }),
      { numRuns: 2000, seed: 10 },
    );
  });

  it('mutated records in a project: loadProject never throws, validate exits 0 or 1 with clean output and no stack', async () => {
    const base: Record<string, string> = {};
    for (const s of SEEDS.filter((x) => !x.rel.includes('/') || x.rel.startsWith('requirements/') || x.rel.startsWith('risks/')).slice(
      0,
      12,
    ))
      base[s.rel] = s.text;
    const dir = makeProject(base, !('deliver.yaml' in base));
    const originals = new Map(Object.entries(base));
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(mutant, async (m) => {
        const { rel, bytes } = mutate(m);
        const target = originals.has(rel) ? rel : [...originals.keys()][m.seed % originals.size]!;
        writeFileSync(join(dir, target), bytes);
        try {
          expect(() => loadProject(dir)).not.toThrow();
          for (const args of [['validate'], ['validate', '--format', 'json']]) {
            const r = await runCli(args, { cwd: dir, env: { DELIVER_CACHE: '0' } });
            expect([0, 1], `${args.join(' ')} on ${target}: ${r.stderr.slice(0, 300)}`).toContain(r.code);
            expect(assertCleanOutput(r, false, args.length > 1 ? 'json' : undefined)).toEqual([]);
          }
          runs++;
        } finally {
          writeFileSync(join(dir, target), originals.get(target)!);
        }
      }),
      { numRuns: 250, seed: 11 },
    );
    expect(runs).toBe(250);
  });
});
