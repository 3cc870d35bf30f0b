import { describe, expect, it } from 'vitest';
import { parseRecordBytes, parseRecordText } from '../../src/store/parse-policy.js';

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
    ['empty', '', 'DLV-E010', 1],
    ['only comments', '# nothing\n\n', 'DLV-E010', 1],
    ['deep nesting', 'a: ' + '['.repeat(100) + ']'.repeat(100) + '\n', 'DLV-E013', 1],
    ['__proto__ key', 'a: 1\n__proto__:\n  polluted: true\n', 'DLV-E014', 2],
    ['constructor key', 'a:\n  constructor: 1\n', 'DLV-E014', 2],
    ['top-level list', '# a list\n\n- a\n- b\n', 'DLV-E016', 3], // at the value, past the comment
    ['top-level scalar', 'just text\n', 'DLV-E016', 1],
    ['null document', '%YAML 1.2\n---\n', 'DLV-E016', 2],
    ['syntax error', 'a: [1, 2\nb: 3\n', 'DLV-E001', 1], // the line of the unclosed bracket, not the next one
  ])('%s is refused', (_name, src, code, line) => {
    const r = parseRecordText(src, 'f.yaml');
    expect(r.data).toBeUndefined();
    const first = r.diagnostics[0]!;
    expect(first.code).toBe(code);
    if (line !== undefined) expect(first.line).toBe(line);
  });

  it('reports every conflict marker at its line', () => {
    expect(codes('a: 1\n<<<<<<< HEAD\nb: 2\n=======\nb: 3\n>>>>>>> x\n')).toEqual([
      ['DLV-E008', 2],
      ['DLV-E008', 4],
      ['DLV-E008', 6],
    ]);
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
