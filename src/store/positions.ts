// Fills in line and column for findings that carry only a JSON path, from the files' text.
import type { Diagnostic } from '../core/diagnostics.js';
import { locate } from './locate.js';

/** Mutates and returns the list. */
export function resolvePositions(diagnostics: Diagnostic[], sources: ReadonlyMap<string, string>): Diagnostic[] {
  for (const d of diagnostics) {
    if (d.line !== undefined || !d.path) continue;
    const src = sources.get(d.file);
    if (src === undefined) continue;
    Object.assign(d, locate(src, d.path));
  }
  return diagnostics;
}
