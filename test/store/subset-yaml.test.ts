// The subset reader must read exactly what the careful parser reads (same values, types and key
// order), or give up: on real records, on random mutations of them, and on generated documents of
// every style it knows and many it does not.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NOT_SUBSET, readSubset } from '../../src/store/subset-yaml.js';
import { LIMITS } from '../../src/store/limits.js';
import { REPO, tempDir } from '../helpers/project.js';
import { careful, mutate, mutation, treeDifference, yamlDocument, yamlFiles } from '../helpers/yaml-docs.js';

/** The property every input must satisfy: the subset reader gives up, or agrees with the careful parser. */
function agrees(src: string): boolean {
  const got = readSubset(src);
  if (got === NOT_SUBSET) return false;
  const want = careful(src);
  expect(want.ok, `the careful parser refuses what the subset reader read:\n${src}`).toBe(true);
  if (want.ok) expect(treeDifference(got, want.data), src).toBe('');
  return true;
}

describe('subset YAML reader', () => {
  let generated: string[] = [];
  beforeAll(async () => {
    const dir = tempDir('deliver-subset-');
    const { generateProject } = (await import(pathToFileURL(join(REPO, 'bench', 'generate.mjs')).href)) as {
      generateProject: (dir: string, tasks: number, seed?: number) => void;
    };
    generateProject(dir, 60, 3);
    generated = yamlFiles(dir);
  });

  it('reads every example record and every generated benchmark record, as the careful parser does', () => {
    const records = [...yamlFiles(join(REPO, 'examples')), ...generated];
    expect(records.length).toBeGreaterThan(60);
    for (const f of records) expect(agrees(readFileSync(f, 'utf8')), `${f} should be in the subset`).toBe(true);
  });

  it('gives up on, or agrees about, every fixture (hostile ones included)', () => {
    const files = [...yamlFiles(join(REPO, 'test', 'fixtures')), ...yamlFiles(join(REPO, 'templates'))];
    let read = 0;
    for (const f of files) if (agrees(readFileSync(f, 'utf8'))) read++;
    expect(read).toBeGreaterThan(files.length / 2);
  });

  it('agrees with the careful parser on random mutations of real records', () => {
    const sources = [...yamlFiles(join(REPO, 'examples')), ...generated.slice(0, 40)].map((f) => readFileSync(f, 'utf8'));
    fc.assert(
      fc.property(mutation(sources.length), ([si, edits]) => {
        agrees(mutate(sources[si]!, edits));
      }),
      { numRuns: 3000, seed: 20261123 },
    );
  });

  it('agrees with the careful parser on generated documents of many styles', () => {
    let read = 0;
    fc.assert(
      fc.property(yamlDocument, (src) => {
        if (agrees(src)) read++;
      }),
      { numRuns: 4000, seed: 1123 },
    );
    // The generator must reach the reader's paths, not only its ways of giving up.
    expect(read).toBeGreaterThan(400);
  });

  it('resolves plain scalars as the core schema does (null, booleans, integers, floats)', () => {
    const unit = fc.constantFrom(...'0123456789+-._eExXoOabcfFnNtTulIiAs~:'.split(''));
    let read = 0;
    fc.assert(
      fc.property(
        fc.string({ unit, minLength: 1, maxLength: 7 }),
        fc.constantFrom('v: %', '- %', 'v: [%, x]', 'v: { k: % }'),
        (text, form) => {
          const src = form.startsWith('-') ? `v:\n  ${form.replace('%', text)}\n` : `${form.replace('%', text)}\n`;
          if (agrees(src)) read++;
        },
      ),
      { numRuns: 20000, seed: 7 },
    );
    expect(read).toBeGreaterThan(5000);
    for (const text of [
      '~',
      'null',
      'NULL',
      'True',
      'FALSE',
      '-0',
      '+0',
      '0o17',
      '0x1F',
      '-0x1',
      '007',
      '1_0',
      '1e3',
      '1.',
      '-.5',
      '+.5',
      '.inf',
      '-.Inf',
      '.NaN',
      '0b1',
      '9'.repeat(400),
      '2026-11-23',
      '1:30',
    ])
      expect(agrees(`v: ${text}\n`), text).toBe(true);
  });

  it('gives up where the careful parser refuses', () => {
    const refused = [
      'a: b # c\n  d\n',
      'a: b\n  # c\n  d\n',
      'a: "x\ny"\n',
      'k:\n  a: "x\n  y"\n',
      "k:\n  a: 'x\n  y'\n",
      'a: "\\q"\n',
      'a: b: c\n',
      'a: 1\n- x\n',
      'a:\n  - x\n  -\n- b\n',
      'a: "open\n',
      'a: 1\na: 2\n',
    ];
    for (const src of refused) {
      expect(careful(src).ok, src).toBe(false);
      expect(agrees(src), src).toBe(false);
    }
    // Past the last code point: js-yaml decides (it reads it), never an exception here.
    expect(agrees('a: "\\U00110000"\n')).toBe(false);
  });

  it('gives up beyond the policy limits, so that what it reads needs no further check', () => {
    const long = 'x'.repeat(LIMITS.stringChars + 1);
    const deep = Array.from({ length: LIMITS.depth + 1 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    for (const src of [
      `a: ${long}\n`,
      `a: "${long}"\n`,
      `a: |\n  ${long}\n`,
      `a: [${long}]\n`,
      `${'k'.repeat(LIMITS.keyChars + 1)}: 1\n`,
      'constructor: 1\n',
      'a:\n  prototype: 1\n',
      'a: { __proto__: 1 }\n',
      deep,
    ])
      expect(readSubset(src), src.slice(0, 40)).toBe(NOT_SUBSET);
    expect(readSubset(`a: ${'x'.repeat(LIMITS.stringChars)}\n`)).toEqual({ a: 'x'.repeat(LIMITS.stringChars) });
  });

  it('reads line breaks, chomping and comments as the careful parser does', () => {
    const cases = [
      'a: |\n  one\n\n  two\n\n\nb: 1\n',
      'a: |-\n  one\n  two\n\n',
      'a: |+\n  one\n\n\n',
      'a: |\n  one\n  # not a comment\n# a comment\nb: x # c\n',
      'list:\n- a\n- b\nnext: [ 1, -0, "x", \'y\' ]\n',
      'a:\r\n  - id: T-1\r\n    notes: |\r\n      x\r\n',
      "a: { k: 1, s: 'it''s' }\nb: {}\nc: []\n",
      'last: |\n  no final line break',
      'a: "a  \n  b"\nb: \'c  \n\n   d \'\n',
      'a: >\n  one\n  two\n\n  three\n',
      'a: plain\n  more\n\n  and more # c\nb: "\\uD800\\t\\x41"\n',
    ];
    for (const src of cases) expect(agrees(src), src).toBe(true);
  });
});
