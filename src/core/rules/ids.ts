// Id rules: ids unique across the project, file names beginning with their record's id, and
// requirement ids matching their intake month.
import { diag, type Diagnostic } from '../diagnostics.js';
import { FOLDER_KINDS, ID_KINDS } from '../kinds/index.js';
import { recordsOf, type Located, type Project } from '../model.js';

interface HasId {
  id: string;
}

function where(r: Located<unknown>): string {
  return r.path.length ? `${r.file} (${r.path.join('.')})` : r.file;
}

/** Every record of every kind with its own id, for uniqueness and reference checks. */
export function allIdentified(p: Project): Located<HasId>[] {
  return ID_KINDS.flatMap((k) => recordsOf(p, k)) as Located<HasId>[];
}

/** The file name begins with the record's id: `<id>.yaml` or `<id>-<anything>` (no string built per record). */
function namedAfter(name: string, id: string): boolean {
  if (!name.startsWith(id)) return false;
  return name.charCodeAt(id.length) === 45 || (name.length === id.length + 5 && name.endsWith('.yaml'));
}

/** A requirement id begins with its intake month: 202611-… for a requirement received 2026-11-…. */
function inIntakeMonth(id: string, received: string): boolean {
  if (received.length < 7 || received.indexOf('-') !== 4) return id.startsWith(received.slice(0, 7).replace('-', ''));
  for (let k = 0; k < 4; k++) if (id.charCodeAt(k) !== received.charCodeAt(k)) return false;
  return id.charCodeAt(4) === received.charCodeAt(5) && id.charCodeAt(5) === received.charCodeAt(6);
}

export function checkIds(p: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  const all = allIdentified(p);
  for (const r of p.brokenRecords) all.push(r);
  const ids = new Set<string>();
  for (const r of all) ids.add(r.data.id);
  if (ids.size < all.length) {
    // Some id is used twice. In file order, so the record reported as the duplicate does not depend
    // on which one is broken (sorting only then: 17,000 records at 10,000 tasks).
    const first = new Map<string, Located<HasId>>();
    all.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : Number(a.path[1] ?? 0) - Number(b.path[1] ?? 0)));
    for (const r of all) {
      const prior = first.get(r.data.id);
      if (prior) out.push(diag('DLV-E040', r.file, { id: r.data.id, other: where(prior), file: r.file }, [...r.path, 'id']));
      else first.set(r.data.id, r);
    }
  }
  for (const r of FOLDER_KINDS.flatMap((k) => recordsOf(p, k)) as Located<HasId>[]) {
    const name = r.file.slice(r.file.lastIndexOf('/') + 1);
    if (!namedAfter(name, r.data.id)) {
      out.push(
        diag('DLV-E041', r.file, { id: r.data.id, expected: `${r.data.id}-${name.replace(/^[^-]*-?\d*-?/, '') || 'title.yaml'}` }, ['id']),
      );
    }
  }
  for (const r of p.requirements) {
    if (!inIntakeMonth(r.data.id, r.data.received))
      out.push(diag('DLV-W043', r.file, { id: r.data.id, received: r.data.received.slice(0, 7) }, ['id']));
  }
  return out;
}
