// The schemas are the single source of truth: generated types must match them, every schema is a
// draft 2020-12 document with an $id and closed objects, and every finding code has both texts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateModelTypes } from '../scripts/model-types.mjs';
import { DIAGNOSTIC_TEXT } from '../src/render/messages/diagnostics.js';
import { AREA_CATALOGUES } from '../src/render/messages/index.js';
import { REPO } from './helpers/project.js';

describe('schemas', () => {
  it('generated TypeScript types are up to date (run `npm run gen:types` when this fails)', async () => {
    const generated = await generateModelTypes(REPO);
    for (const [name, text] of Object.entries(generated)) {
      expect(readFileSync(join(REPO, 'src/core/generated', name), 'utf8'), name).toBe(text);
    }
  });

  it('every schema is draft 2020-12 with an $id and no open objects', () => {
    for (const f of readdirSync(join(REPO, 'schemas'))) {
      const s = JSON.parse(readFileSync(join(REPO, 'schemas', f), 'utf8'));
      expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(s.$id).toBe(f);
      const walk = (n: unknown, at: string) => {
        if (!n || typeof n !== 'object') return;
        const o = n as Record<string, unknown>;
        if (o.type === 'object') expect(o.additionalProperties, `${f} ${at}`).toBe(false);
        for (const [k, v] of Object.entries(o)) walk(v, `${at}/${k}`);
      };
      walk(s, '');
    }
  });

  it("every pattern means the same without the regular expressions' u flag (the build compiles them without it: faster)", () => {
    const patterns: string[] = [];
    const walk = (n: unknown) => {
      if (!n || typeof n !== 'object') return;
      for (const [k, v] of Object.entries(n)) {
        if (k === 'pattern' && typeof v === 'string') patterns.push(v);
        else walk(v);
      }
    };
    for (const f of readdirSync(join(REPO, 'schemas'))) walk(JSON.parse(readFileSync(join(REPO, 'schemas', f), 'utf8')));
    expect(patterns.length).toBeGreaterThan(5);
    const corpus = [
      '',
      ' ',
      'a',
      ' a',
      'a ',
      'R-001',
      'T-123456',
      'T-1234567',
      '2024-02-29',
      '2023-02-29',
      '2026-13-01',
      '202611-123',
      'ops@example.com',
      'CNY',
      'cn',
      'none',
      '任务 名称',
      '😀',
      ' 😀',
      '😀 ',
      '\ud83d',
      'a\ud83d',
      '\ude00b',
      'a\nb',
      'a\u2028b',
      '\u00a0a',
      'a\u3000',
    ];
    const unit = fc.constantFrom(
      'a',
      'Z',
      '0',
      '9',
      '-',
      '.',
      '_',
      '@',
      ' ',
      '\n',
      '\t',
      '\u00a0',
      '\u3000',
      '任',
      '😀',
      '\ud83d',
      '\ude00',
      'T',
      'M',
      'R',
    );
    for (const p of patterns) {
      const withU = new RegExp(p, 'u'),
        without = new RegExp(p);
      for (const s of corpus) expect(without.test(s), `${p} on ${JSON.stringify(s)}`).toBe(withU.test(s));
      fc.assert(
        fc.property(fc.string({ unit, maxLength: 12 }), (s) => without.test(s) === withU.test(s)),
        { numRuns: 500 },
      );
    }
  });
});

describe('messages', () => {
  it('every catalogue has the same keys in English and Chinese', () => {
    for (const area of AREA_CATALOGUES) expect(Object.keys(area.zh).sort()).toEqual(Object.keys(area.en).sort());
  });

  it('every finding code used in the sources has text in both languages', () => {
    const used = new Set<string>();
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/'(DLV-[EWI]\d{3})'/g)) used.add(m[1]!);
      }
    };
    walk(join(REPO, 'src'));
    for (const code of used) {
      const t = DIAGNOSTIC_TEXT[code];
      expect(t, code).toBeDefined();
      expect(t!.en && t!.zh, code).toBeTruthy();
    }
  });
});
