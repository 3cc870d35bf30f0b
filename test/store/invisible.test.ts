import { describe, expect, it } from 'vitest';
import { parseRecordBytes, parseRecordText } from '../../src/store/parse-policy.js';
import { firstInvisible } from '../../src/store/invisible.js';

const found = (text: string) =>
  parseRecordText(text, 'risks/R-001-x.yaml').diagnostics.map((d) => `${d.code} ${d.line}:${d.column} ${d.args.char ?? ''}`.trim());

describe('invisible characters (DLV-E031)', () => {
  it('leave ordinary text valid: CJK, emoji with joiners and modifiers, combining marks, RTL letters, a Persian non-joiner', () => {
    for (const s of [
      '销售看板 第二期',
      '👨\u200d👩\u200d👧 family',
      '🏳\ufe0f\u200d🌈',
      '👩🏽\u200d💻',
      'cafe\u0301',
      'مرحبا بالعالم',
      'שלום',
      'می\u200cخواهم',
      'tab\there',
    ]) {
      expect(firstInvisible(s), s).toBe(-1);
      expect(found(`id: R-001\ntitle: "${s.replace(/\t/g, '\\t')}"\n`), s).toEqual([]);
    }
  });

  it('name each kind by code point at the line and column of the character, raw or escaped', () => {
    const text = [
      'id: R-001',
      'title: Pay \u202eXEN', // raw override: column of the character
      'owner: "Li\\u200bNa"', // escaped zero-width space: column of the escape
      'notes: |',
      '  fine',
      '  then \u2066isolated\u2069',
      'actions:',
      '  - text: "call\\e[31m"',
      '"ke\\u202dy": 1',
      'x: "a\\x7fb \\u0085 \\u009b"',
      'y: "zero\\u2060joiner"',
      'z: "cr\\rhere"',
      'w: "\\ufeffbom"',
      'v: "a\u200cb"', // a non-joiner between Latin letters is refused
    ].join('\n');
    expect(found(text)).toEqual([
      'DLV-E031 2:12 U+202E',
      'DLV-E031 3:11 U+200B',
      'DLV-E031 6:8 U+2066',
      'DLV-E031 8:16 U+001B',
      'DLV-E031 9:4 U+202D',
      'DLV-E031 10:6 U+007F',
      'DLV-E031 11:9 U+2060',
      'DLV-E031 12:7 U+000D',
      'DLV-E031 13:5 U+FEFF',
      'DLV-E031 14:6 U+200C',
    ]);
    // The record stays readable, as with a schema error.
    expect(parseRecordText(text, 'x.yaml').data).toMatchObject({ id: 'R-001' });
  });

  it('the fast and the careful path report the same', () => {
    const text = 'id: R-001\ntitle: "a\\u202eb"\nowner: c\u200bd\n';
    expect(parseRecordText(text, 'x.yaml', { fast: false }).diagnostics).toEqual(parseRecordText(text, 'x.yaml').diagnostics);
  });

  it('raw control bytes YAML refuses are named too, at their line and column', () => {
    expect(found('id: R-001\ntitle: a\u001b[31mb\n')).toContain('DLV-E031 2:9 U+001B');
    expect(found('id: R-001\ntitle: a\u0000b\n')).toContain('DLV-E031 2:9 U+0000');
  });
});

describe('every finding at its line', () => {
  it('invalid UTF-8: the line and column of the first bad byte, as well as its offset', () => {
    const bytes = Buffer.concat([Buffer.from('id: R-001\ntitle: 中文 '), Buffer.from([0xb9, 0xa9]), Buffer.from('\n')]);
    const [d] = parseRecordBytes(bytes, 'x.yaml', 1 << 20).diagnostics;
    expect(d).toMatchObject({ code: 'DLV-E009', line: 2, column: 11, args: { offset: 24 } });
    // Overlong forms and surrogates are found where they start.
    expect(parseRecordBytes(Buffer.from([0x61, 0x0a, 0x62, 0xc0, 0xaf]), 'x.yaml', 1 << 20).diagnostics[0]).toMatchObject({
      line: 2,
      column: 2,
      args: { offset: 3 },
    });
    expect(parseRecordBytes(Buffer.from([0x0a, 0x0a, 0xed, 0xa0, 0x80]), 'x.yaml', 1 << 20).diagnostics[0]).toMatchObject({
      line: 3,
      column: 1,
      args: { offset: 2 },
    });
  });
});
