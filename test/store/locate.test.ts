import { describe, expect, it } from 'vitest';
import { locate } from '../../src/store/locate.js';

const SRC = `# comment
id: T-1
tasks:
  - id: T-001
    name: a
  - id: T-002
    depends_on: [T-001, T-009]
    nested:
      deep: 1
flow: {a: 1, b: [x, y]}
`;

describe('locate', () => {
  it.each([
    [['id'], 2, 1],
    [['tasks'], 3, 1],
    [['tasks', 1], 6, 5],
    [['tasks', 1, 'id'], 6, 5],
    [['tasks', 1, 'depends_on', 1], 7, 25],
    [['tasks', 1, 'nested', 'deep'], 9, 7],
    [['flow', 'b', 1], 10, 21],
    [['tasks', 0, 'missing'], 4, 5],
  ])('%j is at %i:%i', (path, line, column) => {
    expect(locate(SRC, path as (string | number)[])).toEqual({ line, column });
  });
});

describe('keys written with escapes or quotes', () => {
  it('are located at their own line', () => {
    const src = 'id: R-001\ntitle: t\n"caf\\u00e9": 1\n\'it\'\'s\': 2\n"\\x41b": 3\nnested:\n  "a\\tb": 4\n';
    expect(locate(src, ['café'])).toEqual({ line: 3, column: 1 });
    expect(locate(src, ["it's"])).toEqual({ line: 4, column: 1 });
    expect(locate(src, ['Ab'])).toEqual({ line: 5, column: 1 });
    expect(locate(src, ['nested', 'a\tb'])).toEqual({ line: 7, column: 3 });
  });
});
