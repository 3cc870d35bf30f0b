// The size and shape limits of the parsing policy, in a module of their own so that code which
// only needs the numbers (snapshots, git reads) does not load the parsers.
export const LIMITS = Object.freeze({
  /** plan.yaml holds every task of a project; other records are one item each. */
  planBytes: 16 * 1024 * 1024,
  recordBytes: 1024 * 1024,
  stringChars: 100_000,
  keyChars: 200,
  depth: 24,
});

/** Keys refused anywhere in a record (E014): they would reach object prototypes. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
