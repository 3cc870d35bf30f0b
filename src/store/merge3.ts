// Three-way merge of deliver's YAML records for git's merge driver (`deliver merge-driver`): lists
// of records are merged by id (plan.yaml's tasks and milestones, any list whose items carry an
// id), maps key by key, lists of plain values as sets and other lists when both sides only
// appended. Ours (%A) is edited in place through the `yaml` Document API, so its comments stay;
// what comes from theirs (%B) brings its own. Both sides adding the same new id: theirs gets the
// next free id and its references follow (as `deliver renumber` does). Anything else is a conflict.
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { kindOfId } from '../core/ids.js';
import { KIND_NAMES, kindSpec } from '../core/kinds/index.js';
import { emptyProject, recordsOf, type Located } from '../core/model.js';
import { nextIdLike, referenceSites } from '../core/renumber.js';

export class MergeConflict extends Error {
  constructor(readonly path: readonly (string | number)[]) {
    super(`conflict at ${path.join('.') || '(top)'}`);
  }
}

export interface Renumbered {
  oldId: string;
  newId: string;
  /** Records whose references followed, as "holder field". */
  references: string[];
}

export interface MergeResult {
  text: string;
  renumbered: Renumbered[];
}

type Path = (string | number)[];

const js = (n: unknown): unknown =>
  n && typeof n === 'object' && 'toJSON' in n ? (n as { toJSON(): unknown }).toJSON() : isScalar(n) ? n.value : n;
const eq = (x: unknown, y: unknown): boolean => JSON.stringify(x) === JSON.stringify(y);
const isObj = (x: unknown): x is Record<string, unknown> => x !== null && typeof x === 'object' && !Array.isArray(x);

/** The id of a list item that is a record (a map with a string id), else undefined. */
function itemId(x: unknown): string | undefined {
  return isObj(x) && typeof x.id === 'string' ? x.id : undefined;
}

function isRecordList(...lists: unknown[][]): boolean {
  return (
    lists.every((l) => {
      const ids = l.map(itemId);
      return ids.every((id) => id !== undefined) && new Set(ids).size === ids.length;
    }) && lists.some((l) => l.length > 0)
  );
}

function mergeNode(o: unknown, a: unknown, b: unknown, path: Path): unknown {
  const av = js(a),
    bv = js(b);
  if (eq(av, bv) || eq(o, bv)) return a;
  if (eq(o, av)) return b;
  if (isMap(a) && isMap(b) && (o === undefined || isObj(o))) {
    mergeMap((o ?? {}) as Record<string, unknown>, a, b, path);
    return a;
  }
  if (isSeq(a) && isSeq(b) && (o === undefined || Array.isArray(o))) return mergeSeq((o ?? []) as unknown[], a, b, path);
  throw new MergeConflict(path);
}

function keyOf(k: unknown): string {
  return String(js(k));
}

function mergeMap(o: Record<string, unknown>, a: YAMLMap, b: YAMLMap, path: Path): void {
  const bKeys = new Map(b.items.map((p) => [keyOf(p.key), p]));
  for (const pair of [...a.items]) {
    const k = keyOf(pair.key);
    const bp = bKeys.get(k);
    const has = Object.prototype.hasOwnProperty.call(o, k);
    if (!bp) {
      // Theirs deleted it: fine when ours left it as it was; ours added it: keep.
      if (!has) continue;
      if (eq(o[k], js(pair.value))) a.delete(pair.key);
      else throw new MergeConflict([...path, k]);
      continue;
    }
    pair.value = mergeNode(o[k], pair.value, bp.value, [...path, k]) as typeof pair.value;
  }
  const aKeys = new Set(a.items.map((p) => keyOf(p.key)));
  for (const [k, bp] of bKeys) {
    if (aKeys.has(k)) continue;
    const has = Object.prototype.hasOwnProperty.call(o, k);
    // Ours deleted it: fine when theirs left it as it was; theirs added it: take it.
    if (has && eq(o[k], js(bp.value))) continue;
    if (has) throw new MergeConflict([...path, k]);
    a.items.push(bp);
  }
}

function mergeSeq(o: unknown[], a: YAMLSeq, b: YAMLSeq, path: Path): YAMLSeq {
  const av = a.items.map(js),
    bv = b.items.map(js);
  if (isRecordList(o, av, bv) || (isRecordList(av, bv) && o.length === 0)) return mergeRecords(o, a, b, path);
  const scalar = (l: unknown[]) => l.every((x) => x === null || typeof x !== 'object');
  if (scalar(o) && scalar(av) && scalar(bv)) {
    // Sets (depends_on, requirements…): ours, minus what theirs removed, plus what theirs added.
    const removed = o.filter((x) => !bv.some((y) => eq(x, y)));
    a.items = a.items.filter((n) => !removed.some((x) => eq(x, js(n))));
    for (const n of b.items) if (!o.some((x) => eq(x, js(n))) && !a.items.some((m) => eq(js(m), js(n)))) a.items.push(n);
    return a;
  }
  // Histories and rounds: both sides appended to the same beginning.
  const prefix = (l: unknown[]) => o.every((x, i) => eq(x, l[i]));
  if (prefix(av) && prefix(bv)) {
    const ours = av.slice(o.length),
      theirs = bv.slice(o.length);
    if (!eq(ours, theirs)) a.items.push(...b.items.slice(o.length + (eq(ours, theirs.slice(0, ours.length)) ? ours.length : 0)));
    return a;
  }
  throw new MergeConflict(path);
}

function mergeRecords(o: unknown[], a: YAMLSeq, b: YAMLSeq, path: Path): YAMLSeq {
  const oById = new Map(o.map((x) => [itemId(x)!, x]));
  const bById = new Map(b.items.map((n) => [itemId(js(n))!, n]));
  const result: unknown[] = [];
  for (const n of a.items) {
    const id = itemId(js(n))!;
    const theirs = bById.get(id);
    if (theirs) result.push(mergeNode(oById.get(id), n, theirs, [...path, id]));
    else if (!oById.has(id))
      result.push(n); // added by ours
    else if (!eq(oById.get(id), js(n))) throw new MergeConflict([...path, id]); // theirs deleted what ours changed
  }
  const present = () => result.map((n) => itemId(js(n)));
  const bIds = b.items.map((n) => itemId(js(n))!);
  bIds.forEach((id, i) => {
    if (present().includes(id)) return;
    if (oById.has(id)) {
      // Ours deleted it: fine when theirs left it as it was.
      if (!a.items.some((n) => itemId(js(n)) === id) && eq(oById.get(id), js(bById.get(id)))) return;
      throw new MergeConflict([...path, id]);
    }
    // Added by theirs: after the nearest record before it in theirs that the result has.
    let at = -1;
    for (let j = i - 1; j >= 0 && at < 0; j--) at = present().indexOf(bIds[j]!);
    // …and after what ours added there, so each side's additions stay together (ours first).
    if (at >= 0) while (at + 1 < result.length && !oById.has(present()[at + 1]!) && !bById.has(present()[at + 1]!)) at++;
    result.splice(at < 0 ? (i === 0 ? 0 : result.length) : at + 1, 0, bById.get(id));
  });
  a.items = result;
  return a;
}

/** Every record list in a document's top level (plan.yaml's tasks, milestones, …), by key. */
function recordLists(doc: Document): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  const top = doc.toJSON() as unknown;
  if (isObj(top)) for (const [k, v] of Object.entries(top)) if (Array.isArray(v) && v.some((x) => itemId(x) !== undefined)) out.set(k, v);
  return out;
}

/** Both sides added a record with the same new id and different content: theirs gets the next free id. */
function renumberClashes(o: Document, a: Document, b: Document): Renumbered[] {
  const oIds = new Set([...recordLists(o).values()].flat().map(itemId).filter(Boolean));
  const aLists = recordLists(a),
    bLists = recordLists(b);
  const all = (d: Document) => JSON.stringify(d.toJSON()).match(/[A-Z]+-\d+|\d{6}-\d+/g) ?? [];
  const taken = new Set([...all(o), ...all(a), ...all(b)]);
  const out: Renumbered[] = [];
  for (const [key, bList] of bLists) {
    const aList = aLists.get(key) ?? [];
    for (const bItem of bList) {
      const id = itemId(bItem);
      if (!id || oIds.has(id) || !kindOfId(id)) continue;
      const aItem = aList.find((x) => itemId(x) === id);
      if (!aItem || eq(aItem, bItem)) continue;
      const newId = nextIdLike(id, taken);
      taken.add(newId);
      // Theirs' references to the id were all made by theirs (the id is new): they mean theirs' record.
      const project = emptyProject();
      const data = b.toJSON() as Record<string, unknown>;
      for (const kind of KIND_NAMES) {
        const storage = kindSpec(kind).storage;
        if (!('planList' in storage)) continue;
        const list = data[storage.planList];
        if (Array.isArray(list))
          (recordsOf(project, kind) as Located<unknown>[]).push(
            ...list.map((x, i) => ({ file: 'plan.yaml', path: [storage.planList, i], data: x })),
          );
      }
      const sites = referenceSites(project, id);
      for (const s of sites) b.setIn(s.path, newId);
      const index = bList.indexOf(bItem);
      b.setIn([key, index, 'id'], newId);
      out.push({ oldId: id, newId, references: sites.map((s) => `${s.holder} ${s.field}`) });
    }
  }
  return out;
}

/** Merges theirs into ours with base as the common ancestor; throws MergeConflict when it cannot. */
export function mergeYaml(base: string, ours: string, theirs: string): MergeResult {
  const parse = (s: string) => {
    const d = parseDocument(s, { keepSourceTokens: false });
    if (d.errors.length) throw new MergeConflict([]);
    return d;
  };
  const o = parse(base),
    a = parse(ours),
    b = parse(theirs);
  const renumbered = renumberClashes(o, a, b);
  const merged = mergeNode(o.toJSON() ?? undefined, a.contents, b.contents, []);
  if (merged !== a.contents) a.contents = merged as typeof a.contents;
  return { text: a.toString({ lineWidth: 0 }), renumbered };
}
