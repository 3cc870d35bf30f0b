// Renumbering one record (pure): the next free id of its kind, every place in the project that
// refers to the old id, and the in-place edits (plus a file rename for one-record-per-file kinds)
// that carry the change out. When the id is duplicated (two branches both added "the next" one),
// references cannot tell which copy they meant: they stay with the copy that keeps the id, unless
// they are held by records the caller names (`followFrom`).
import type { JsonPath } from './diagnostics.js';
import { ID_PREFIX, kindOfId, nextPrefixedId, type IdKind } from './ids.js';
import { eachRef, fileSchemaOf, ID_KINDS, KIND_NAMES, kindSpec, refsOf } from './kinds/index.js';
import { recordsOf, type Located, type Project, type RecordKind } from './model.js';
import { allIdentified } from './rules/ids.js';

/** One place holding a reference: the file, the path of the value, and who holds it. */
export interface RefSite {
  kind: RecordKind;
  file: string;
  path: JsonPath;
  /** Id of the record holding the reference (`baseline <name>` for baseline entries). */
  holder: string;
  /** Field name for messages: depends_on, milestone, requirement, tasks, … */
  field: string;
}

export interface RecordEdits {
  kind: RecordKind;
  rel: string;
  edits: { op: 'set'; path: JsonPath; value: string }[];
  moveTo?: string;
}

export interface RenumberPlan {
  oldId: string;
  newId: string;
  idKind: IdKind;
  target: Located<{ id: string }>;
  /** New file name when the record has a file of its own. */
  moveTo?: string;
  /** Other records with the same id, in file order (empty when the id was unique). */
  others: Located<{ id: string }>[];
  /** References rewritten to the new id. */
  updated: RefSite[];
  /** References left pointing at the old id because it was duplicated. */
  ambiguous: RefSite[];
  changes: RecordEdits[];
}

/** The file kind (schema) a record of each id kind is written with: plan.yaml's or its folder's. */
const RECORD_KIND_OF = Object.fromEntries(ID_KINDS.map((k) => [k, fileSchemaOf(k)])) as Record<IdKind, RecordKind>;

/** Every reference to `id` anywhere in the project, in registry order, then file order. */
export function referenceSites(p: Project, id: string): RefSite[] {
  const out: RefSite[] = [];
  for (const kind of KIND_NAMES) {
    const refs = refsOf(kind);
    if (!refs.length) continue;
    const spec = kindSpec(kind);
    const fileKind = fileSchemaOf(kind);
    for (const r of recordsOf(p, kind) as Located<unknown>[]) {
      for (const ref of refs) {
        eachRef(r.data, ref, (v, path) => {
          if (v !== id) return;
          const holder = spec.holder ? spec.holder(r.data) : (r.data as { id: string }).id;
          out.push({ kind: fileKind, file: r.file, path: [...r.path, ...path], holder, field: ref.field });
        });
      }
    }
  }
  return out;
}

/** Every id in use or remembered (broken records, baselines, applied moves): never handed out again. */
export function takenIds(p: Project): Set<string> {
  const taken = new Set<string>([...allIdentified(p).map((r) => r.data.id), ...p.brokenIds]);
  for (const kind of KIND_NAMES) {
    const refs = refsOf(kind).filter((r) => r.remembers);
    for (const r of refs.length ? recordsOf(p, kind) : []) for (const ref of refs) eachRef(r.data, ref, (v) => taken.add(v));
  }
  return taken;
}

/** The next free id of the same kind (a requirement keeps its intake month). */
export function nextIdLike(id: string, taken: Iterable<string>): string {
  const kind = kindOfId(id);
  if (!kind) throw new RangeError(`not a record id: ${id}`);
  const prefix = kind === 'requirement' ? id.slice(0, id.indexOf('-') + 1) : ID_PREFIX[kind];
  return nextPrefixedId(prefix, taken);
}

/** Copies of a record with `id`, valid ones only, in file order (file, then position in plan.yaml). */
export function copiesOf(p: Project, id: string): Located<{ id: string }>[] {
  return (allIdentified(p) as Located<{ id: string }>[])
    .filter((r) => r.data.id === id)
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : Number(a.path[1] ?? 0) - Number(b.path[1] ?? 0)));
}

function renamed(file: string, oldId: string, newId: string): string {
  const slash = file.lastIndexOf('/');
  const dir = file.slice(0, slash + 1),
    name = file.slice(slash + 1);
  return dir + (name.startsWith(oldId) ? newId + name.slice(oldId.length) : `${newId}-${name}`);
}

const within = (site: RefSite, r: Located<unknown>) => site.file === r.file && r.path.every((seg, i) => site.path[i] === seg);

/**
 * Plans the renumbering of `target`. `followFrom`: ids of records whose references to a duplicated
 * id meant the renumbered copy (ignored when the id is unique: then every reference follows).
 */
export function planRenumber(p: Project, target: Located<{ id: string }>, followFrom: ReadonlySet<string> = new Set()): RenumberPlan {
  const oldId = target.data.id;
  const idKind = kindOfId(oldId);
  if (!idKind) throw new RangeError(`not a record id: ${oldId}`);
  const newId = nextIdLike(oldId, takenIds(p));
  const others = [
    ...copiesOf(p, oldId).filter((r) => r !== target),
    ...p.brokenRecords.filter((r) => r.data.id === oldId && !(r.file === target.file && r.path.join('/') === target.path.join('/'))),
  ];
  const sites = referenceSites(p, oldId).filter((s) => !within(s, target));
  const duplicated = others.length > 0;
  const updated = duplicated ? sites.filter((s) => followFrom.has(s.holder)) : sites;
  const ambiguous = duplicated ? sites.filter((s) => !followFrom.has(s.holder)) : [];

  const byFile = new Map<string, RecordEdits>();
  const edit = (kind: RecordKind, rel: string, path: JsonPath) => {
    let c = byFile.get(rel);
    if (!c) byFile.set(rel, (c = { kind, rel, edits: [] }));
    c.edits.push({ op: 'set', path, value: newId });
  };
  const kind = RECORD_KIND_OF[idKind];
  edit(kind, target.file, [...target.path, 'id']);
  for (const s of updated) edit(s.kind, s.file, s.path);
  const plan: RenumberPlan = { oldId, newId, idKind, target, others, updated, ambiguous, changes: [...byFile.values()] };
  if (kind !== 'plan') {
    plan.moveTo = renamed(target.file, oldId, newId);
    byFile.get(target.file)!.moveTo = plan.moveTo;
  }
  return plan;
}
