// Fills in line and column for findings that carry only a JSON path, from the files' text: one
// pass over each file's events for all of its findings.
import type { Diagnostic } from '../core/diagnostics.js';
import { locateAll } from './locate.js';

/** Mutates and returns the list. */
export function resolvePositions(diagnostics: Diagnostic[], sources: ReadonlyMap<string, string>): Diagnostic[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    if (d.line !== undefined || !d.path) continue;
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  for (const [file, ds] of byFile) {
    const src = sources.get(file);
    if (src === undefined) continue;
    const positions = locateAll(
      src,
      ds.map((d) => d.path!),
    );
    ds.forEach((d, i) => {
      Object.assign(d, positions[i]);
    });
  }
  return diagnostics;
}
