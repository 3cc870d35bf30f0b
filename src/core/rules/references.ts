// Reference rules: every id a record points at exists (or exists but is itself broken, which is
// reported once where it is, not again at every reference). Which fields hold references is the
// kind registry's to say.
import { diag, type Diagnostic } from '../diagnostics.js';
import { eachRef, KIND_NAMES, refsOf } from '../kinds/index.js';
import { recordsOf, type Project } from '../model.js';
import { allIdentified } from './ids.js';
import { kindOfId } from '../ids.js';

export function checkReferences(p: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  const known = new Set<string>();
  for (const r of allIdentified(p)) known.add(r.data.id);
  // A file that could not be parsed may hold the id: one note for it instead of a false error at every reference.
  const unchecked = new Set<string>();
  const unreadableFor = (id: string) => {
    const kind = kindOfId(id);
    return kind ? p.unreadable.find((u) => u.kinds.includes(kind)) : undefined;
  };
  for (const kind of KIND_NAMES) {
    const refs = refsOf(kind).filter((r) => r.checked);
    if (!refs.length) continue;
    for (const r of recordsOf(p, kind)) {
      for (const ref of refs) {
        eachRef(r.data, ref, (id, path) => {
          if (known.has(id) || p.brokenIds.has(id)) return;
          const into = unreadableFor(id);
          if (into) unchecked.add(into.file);
          else out.push(diag('DLV-E042', r.file, { field: ref.field, id }, [...r.path, ...path]));
        });
      }
    }
  }
  for (const file of unchecked) out.push(diag('DLV-I045', file, { file }));
  return out;
}
