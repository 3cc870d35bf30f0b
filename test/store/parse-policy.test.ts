import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { needsCarefulParser, parseRecordBytes, parseRecordText } from '../../src/store/parse-policy.js';

const codes = (src: string) => parseRecordText(src, 'f.yaml').diagnostics.map((d) => [d.code, d.line]);

describe('parsing policy', () => {
  it('accepts plain YAML 1.2 with a BOM and CRLF line ends', () => {
    const r = parseRecordBytes(Buffer.from('\ufeffid: R-001\r\ntitle: x\r\n'), 'f.yaml', 1000);
    expect(r.diagnostics).toEqual([]);
    expect(r.data).toEqual({ id: 'R-001', title: 'x' });
  });

  it('keeps dates as strings and yes/no as strings (YAML 1.2 core schema)', () => {
    expect(parseRecordText('d: 2026-02-28\nb: yes\nn: 010\n', 'f').data).toEqual({ d: '2026-02-28', b: 'yes', n: 10 });
  });

  it.each([
    ['duplicate key', 'a: 1\nb: 2\na: 3\n', 'DLV-E002', 3],
    ['alias', 'a: &x [1]\nb: *x\n', 'DLV-E003', 2],
    ['binary tag', 'a: !!binary aGVsbG8=\n', 'DLV-E004', 1],
    ['custom tag', 'a: !foo bar\n', 'DLV-E004', 1],
    ['timestamp tag', 'a: !!timestamp 2026-01-01\n', 'DLV-E004', 1],
    ['YAML 1.1 directive', '%YAML 1.1\n---\na: 1\n', 'DLV-E005', 1],
    ['TAG directive', '%TAG !e! tag:example.com,2000:\n---\na: 1\n', 'DLV-E004', 1],
    ['merge key', 'a: {x: 1}\nb:\n  <<: {y: 2}\n', 'DLV-E006', 3],
    ['two documents', 'a: 1\n---\nb: 2\n', 'DLV-E007', undefined],
    ['conflict markers', 'a: 1\n<<<<<<< HEAD\nb: 2\n=======\nb: 3\n>>>>>>> branch\n', 'DLV-E008', 2],
    ['empty', '', 'DLV-E010', undefined],
    ['only comments', '# nothing\n\n', 'DLV-E010', undefined],
    ['deep nesting', 'a: ' + '['.repeat(100) + ']'.repeat(100) + '\n', 'DLV-E013', 1],
    ['__proto__ key', 'a: 1\n__proto__:\n  polluted: true\n', 'DLV-E014', 2],
    ['constructor key', 'a:\n  constructor: 1\n', 'DLV-E014', 2],
    ['top-level list', '- a\n- b\n', 'DLV-E016', undefined],
    ['top-level scalar', 'just text\n', 'DLV-E016', undefined],
    ['syntax error', 'a: [1, 2\nb: 3\n', 'DLV-E001', 2],
  ])('%s is refused', (_name, src, code, line) => {
    const r = parseRecordText(src, 'f.yaml');
    expect(r.data).toBeUndefined();
    const first = r.diagnostics[0]!;
    expect(first.code).toBe(code);
    if (line !== undefined) expect(first.line).toBe(line);
  });

  it('reports every conflict marker at its line', () => {
    expect(codes('a: 1\n<<<<<<< HEAD\nb: 2\n=======\nb: 3\n>>>>>>> x\n')).toEqual([['DLV-E008', 2], ['DLV-E008', 4], ['DLV-E008', 6]]);
  });

  it('refuses bytes that are not UTF-8, naming the offset', () => {
    const r = parseRecordBytes(Buffer.from([0x61, 0x3a, 0x20, 0xc4, 0xe3, 0x0a]), 'f.yaml', 1000); // GBK 你
    expect(r.diagnostics[0]!.code).toBe('DLV-E009');
    expect(r.diagnostics[0]!.args.offset).toBe(3);
  });

  it('caps file size and string length', () => {
    expect(parseRecordBytes(Buffer.alloc(2000, 0x61), 'f.yaml', 1000).diagnostics[0]!.code).toBe('DLV-E011');
    expect(parseRecordText(`a: ${'x'.repeat(100_001)}\n`, 'f').diagnostics[0]!.code).toBe('DLV-E012');
  });

  it('does not pollute Object.prototype', () => {
    parseRecordText('__proto__:\n  polluted: 1\nconstructor:\n  prototype:\n    polluted: 1\n', 'f');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('the scan that sends unusual text to the careful parser', () => {
  // The original character-by-character scan, kept as the oracle for the regular-expression one.
  const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
  function byCharacter(src: string): boolean {
    let depth = 0;
    let prev = 10;
    for (let i = 0; i < src.length; i++) {
      const c = src.charCodeAt(i);
      const boundary = prev === 10 || prev === 32 || prev === 9 || prev === 91 || prev === 123 || prev === 44 || prev === 13;
      switch (c) {
        case 10: if (depth !== 0) return true; break;
        case 9: return true;
        case 91: case 123: depth++; break;
        case 93: case 125: depth--; break;
        case 38: case 42: if (boundary && i + 1 < src.length && !isSpace(src.charCodeAt(i + 1))) return true; break;
        case 33: if (boundary) return true; break;
        case 63: if (boundary && (i + 1 >= src.length || isSpace(src.charCodeAt(i + 1)))) return true; break;
        case 37: if (prev === 10) return true; break;
        case 48: if (src.charCodeAt(i + 1) === 98 && (boundary || prev === 45 || prev === 43 || prev === 58)) return true; break;
        case 43: if (src.charCodeAt(i + 1) === 46) return true; break;
        default: break;
      }
      prev = c;
    }
    return depth !== 0;
  }

  it('decides exactly as a scan of every character does', () => {
    const unit = fc.constantFrom('a', 'b', '0', '1', ' ', '\n', '\r', '\t', ':', '-', '+', '.', ',', '[', ']', '{', '}', '&', '*', '!', '?', '%', '#', '"', 'x', '任');
    fc.assert(fc.property(fc.string({ unit, maxLength: 40 }), (s) => needsCarefulParser(s) === byCharacter(s)), { numRuns: 20000 });
    for (const s of ['', 'a: 0b1', 'a: -0b1', 'x: +.5', 'a: [1,\n 2]', '%YAML 1.2', 'k: &a v', 'k: *a', '? x', 'a: !t v', 'a: [1, 2]\nb: c', ']\n', 'a: 00b'])
      expect(needsCarefulParser(s), JSON.stringify(s)).toBe(byCharacter(s));
  });
});
