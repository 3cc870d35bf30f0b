// Validation findings introduced or fixed by a change set (pure). A finding is identified by its
// code, file and message arguments, never by its line: moving a finding down a file fixes nothing.
import type { Diagnostic } from './diagnostics.js';
import { sortDiagnostics } from './diagnostics.js';

export interface FindingsDiff {
  /** Findings on the head side that the base did not have (positions from the head). */
  introduced: Diagnostic[];
  /** Findings on the base side that are gone (positions from the base). */
  fixed: Diagnostic[];
}

/** The identity of a finding: code, file and its message arguments (keys sorted). */
function findingKey(d: Diagnostic): string {
  const args = Object.keys(d.args)
    .sort()
    .map((k) => [k, d.args[k]]);
  return JSON.stringify([d.code, d.file, args]);
}

/** Multiset difference: a finding present twice before and once after counts as one fixed. */
function minus(a: readonly Diagnostic[], b: readonly Diagnostic[]): Diagnostic[] {
  const left = new Map<string, number>();
  for (const d of b) left.set(findingKey(d), (left.get(findingKey(d)) ?? 0) + 1);
  const out: Diagnostic[] = [];
  for (const d of a) {
    const k = findingKey(d);
    const n = left.get(k) ?? 0;
    if (n > 0) left.set(k, n - 1);
    else out.push(d);
  }
  return sortDiagnostics(out);
}

export function diffFindings(base: readonly Diagnostic[], head: readonly Diagnostic[]): FindingsDiff {
  return { introduced: minus(head, base), fixed: minus(base, head) };
}
