// The fast parser (js-yaml 4) and the careful one (js-yaml 5) must agree: whatever the fast path
// accepts must load as exactly what the careful path loads, on real records and on random ones.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fastYaml from 'js-yaml-v4';
import { CORE_SCHEMA, load } from 'js-yaml';
import { parseRecordText } from '../../src/store/parse-policy.js';
import { REPO } from '../helpers/project.js';

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yamlFiles(p, out);
    else if (e.isFile() && e.name.endsWith('.yaml')) out.push(p);
  }
  return out;
}

function careful(src: string): { ok: true; data: unknown } | { ok: false } {
  try {
    return { ok: true, data: load(src, { schema: CORE_SCHEMA, maxAliases: 0, maxDepth: 24 }) };
  } catch {
    return { ok: false };
  }
}

function fast(src: string): { ok: true; data: unknown } | { ok: false } {
  try {
    return { ok: true, data: fastYaml.load(src, { schema: fastYaml.CORE_SCHEMA }) };
  } catch {
    return { ok: false };
  }
}

describe('fast and careful parse paths', () => {
  const files = [...yamlFiles(join(REPO, 'examples')), ...yamlFiles(join(REPO, 'templates'))];

  it('agree on every example and template file', () => {
    expect(files.length).toBeGreaterThan(20);
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      const a = fast(src), b = careful(src);
      if (a.ok && b.ok) expect(a.data, f).toEqual(b.data);
      const r = parseRecordText(src, f);
      if (b.ok) expect(r.data ?? null, f).toEqual(r.diagnostics.length ? null : b.data);
    }
  });

  it('policy result equals the careful parser on random mutations of real records', () => {
    const sources = files.map((f) => readFileSync(f, 'utf8'));
    const pieces = ['&a ', '*a', '!!str ', '!x ', '<<: ', '0b11', '+.5', '1_0', '~', 'yes', '"\\t"', "'", '"', ':', '- ', '[', ']', '{', '}', '#', '\n', '  ', '\t', '%YAML 1.1\n', '---\n', '? ', '|', '>', '\u00a0', '2026-02-30', '0o7', '.inf', 'null'];
    fc.assert(
      fc.property(fc.nat(sources.length - 1), fc.array(fc.tuple(fc.nat(), fc.constantFrom(...pieces), fc.boolean()), { minLength: 1, maxLength: 4 }), (si, edits) => {
        let src = sources[si]!;
        for (const [pos, piece, replace] of edits) {
          const at = pos % (src.length + 1);
          src = src.slice(0, at) + piece + src.slice(replace ? Math.min(src.length, at + piece.length) : at);
        }
        const r = parseRecordText(src, 'f.yaml');
        const b = careful(src);
        if (r.data !== undefined) {
          // Whatever the policy accepts, the careful parser reads the same way.
          expect(b.ok).toBe(true);
          if (b.ok) expect(r.data).toEqual(b.data);
        }
      }),
      { numRuns: 1500, seed: 20261120 },
    );
  });
});
