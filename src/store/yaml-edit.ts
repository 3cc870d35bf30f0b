// Edits YAML text in place so that everything a command does not change survives byte for byte:
// comments, blank lines, key order, quoting, CRLF line ends. Node positions come from the `yaml`
// Document API; each edit replaces or inserts only the text of the value it changes. The result
// is checked against the same edits applied to plain data, so a text edit can never silently
// produce something else.
import { isMap, isScalar, isSeq, parseDocument, stringify, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { NARROW_MIN_BYTES, narrowForEdits } from './yaml-narrow.js';

export type Path = ReadonlyArray<string | number>;
export type Edit = { op: 'set'; path: Path; value: unknown } | { op: 'delete'; path: Path } | { op: 'append'; path: Path; value: unknown };

export class EditError extends Error {}

/** Text to put in place of source[at, end); `seq` orders patches at the same place (edit order). */
export interface Patch {
  at: number;
  end: number;
  text: string;
  seq: number;
}

/**
 * Applies edits to YAML source text and returns the new text. With `narrow`, a large file's list
 * items that no edit touches are left out of what the editor parses (yaml-narrow.ts).
 */
export function applyEdits(source: string, edits: readonly Edit[], options: { narrow?: boolean; minBytes?: number } = {}): string {
  // Edits on nested paths of the same new parent must see each other: apply in rounds whenever a
  // later edit targets a path that an earlier one creates.
  let text = source;
  let batch: Edit[] = [];
  const flush = () => {
    if (batch.length) text = applyBatch(text, batch, options.narrow === true ? (options.minBytes ?? NARROW_MIN_BYTES) : undefined);
    batch = [];
  };
  for (const e of edits) {
    if (batch.some((b) => overlaps(b.path, e.path))) flush();
    batch.push(e);
  }
  flush();
  return text;
}

/** Paths that share their beginning: the later edit must see the earlier one's result. */
export function overlaps(a: Path, b: Path): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

function applyBatch(source: string, edits: readonly Edit[], narrowFrom: number | undefined): string {
  const n = narrowFrom !== undefined ? narrowForEdits(source, edits, narrowFrom) : undefined;
  const text = n ? n.text : source;
  const doc = parseDocument(text, { version: '1.2', keepSourceTokens: false, uniqueKeys: true });
  if (doc.errors.length) throw new EditError(doc.errors[0]!.message);
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const patches: Patch[] = [];
  (n ? n.edits : edits).forEach((e, seq) => {
    patches.push(planEdit(doc, text, e, eol, seq));
  });
  if (n) for (const p of patches) [p.at, p.end] = [n.toFull(p.at), n.toFull(p.end)];
  return applyPatches(source, patches);
}

/** The source with every patch applied: from the end, so earlier positions stay valid. */
export function applyPatches(source: string, patches: Patch[]): string {
  patches.sort((a, b) => b.at - a.at || b.seq - a.seq);
  let out = source;
  for (const p of patches) out = out.slice(0, p.at) + p.text + out.slice(p.end);
  return out;
}

function lineStartOf(src: string, offset: number): number {
  return src.lastIndexOf('\n', offset - 1) + 1;
}

function columnOf(src: string, offset: number): number {
  return offset - lineStartOf(src, offset);
}

/** Offset just past the line that contains `offset` (after its newline), or the end of the text. */
function afterLine(src: string, offset: number): number {
  const nl = src.indexOf('\n', offset);
  return nl === -1 ? src.length : nl + 1;
}

/** Scalar text for a value on one line: plain where YAML allows it, JSON-quoted otherwise. */
export function inlineScalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = String(v);
  const plain = stringify(s, { lineWidth: 0, version: '1.2' }).replace(/\n$/, '');
  return plain.includes('\n') || /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(plain) ? JSON.stringify(s) : plain;
}

/** A value inside a flow collection: plain scalars where possible, JSON (valid YAML) for the rest. */
function flowValue(v: unknown): string {
  if (v !== null && typeof v === 'object') return JSON.stringify(v);
  const s = inlineScalar(v);
  // Flow indicators would end the value early: quote them.
  return /[,[\]{}]/.test(s) && !/^["']/.test(s) ? JSON.stringify(v) : s;
}

/** Block text for a collection value, every line indented by `indent` spaces. */
export function blockLines(v: unknown, indent: number, eol: string): string {
  const text = stringify(v, {
    lineWidth: 0,
    version: '1.2',
    indent: 2,
    indentSeq: true,
    defaultStringType: 'PLAIN',
    defaultKeyType: 'PLAIN',
  }).replace(/\n$/, '');
  const pad = ' '.repeat(indent);
  return text
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join(eol);
}

function isCollection(v: unknown): boolean {
  return v !== null && typeof v === 'object' && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);
}

/** `key: value` text (without leading indent) for a new map entry at `indent`. */
function entryText(key: string, value: unknown, indent: number, eol: string): string {
  const k = inlineScalar(key);
  if (!isCollection(value))
    return `${k}: ${Array.isArray(value) ? '[]' : value !== null && typeof value === 'object' ? '{}' : inlineScalar(value)}`;
  return `${k}:${eol}${blockLines(value, indent + 2, eol)}`;
}

/** `- item` text (without leading indent) for a new sequence item at `indent` (the dash column). */
function itemText(value: unknown, indent: number, eol: string): string {
  if (!isCollection(value)) return `- ${inlineScalar(value)}`;
  const body = blockLines(value, indent + 2, eol).slice(indent + 2);
  return `- ${body}`;
}

function getNode(doc: Document, path: Path): unknown {
  return path.length === 0 ? doc.contents : doc.getIn(path, true);
}

function findPair(map: YAMLMap, key: string | number): Pair<Node, Node | null> | undefined {
  return (map.items as Pair<Node, Node | null>[]).find((p) => isScalar(p.key) && String(p.key.value) === String(key));
}

function planEdit(doc: Document, src: string, e: Edit, eol: string, seq: number): Patch {
  const parentPath = e.path.slice(0, -1);
  const key = e.path[e.path.length - 1];
  if (e.op === 'append') {
    const target = getNode(doc, e.path);
    if (target === undefined || target === null || (isScalar(target) && target.value === null)) {
      return planEdit(doc, src, { op: 'set', path: e.path, value: [e.value] }, eol, seq);
    }
    if (!isSeq(target)) throw new EditError(`not a list: ${e.path.join('.')}`);
    return appendToSeq(target, src, e.value, eol, seq);
  }
  if (key === undefined) throw new EditError('cannot replace the whole document');
  const parent = getNode(doc, parentPath);
  if (e.op === 'delete') {
    if (!isMap(parent)) throw new EditError(`not a mapping: ${parentPath.join('.')}`);
    const pair = findPair(parent, key);
    if (!pair || !isScalar(pair.key) || !pair.key.range) return { at: 0, end: 0, text: '', seq };
    if (parent.flow) throw new EditError('cannot delete from a flow mapping');
    const start = lineStartOf(src, pair.key.range[0]);
    const valueEnd = pair.value?.range ? pair.value.range[2] : pair.key.range[2];
    return { at: start, end: afterLine(src, Math.max(valueEnd - 1, pair.key.range[1])), text: '', seq };
  }
  // set
  if (parent === undefined || parent === null) {
    return planEdit(doc, src, { op: 'set', path: parentPath, value: { [String(key)]: e.value } }, eol, seq);
  }
  if (isSeq(parent) && typeof key === 'number') {
    const item = parent.items[key] as Node | undefined;
    if (!item?.range) throw new EditError(`no item ${key} at ${parentPath.join('.')}`);
    return replaceValue(item, src, e.value, columnOf(src, item.range[0]), eol, seq);
  }
  if (!isMap(parent)) throw new EditError(`not a mapping: ${parentPath.join('.')}`);
  const pair = findPair(parent, key);
  if (pair && isScalar(pair.key) && pair.key.range) {
    const keyCol = columnOf(src, pair.key.range[0]);
    if (pair.value?.range && !(isScalar(pair.value) && pair.value.value === null && pair.value.range[0] === pair.value.range[1])) {
      return replaceValue(pair.value, src, e.value, keyCol, eol, seq);
    }
    // `key:` with nothing after it: write the value after the colon.
    const colon = src.indexOf(':', pair.key.range[1]);
    const lineEnd = afterLine(src, colon) - (src[afterLine(src, colon) - 2] === '\r' ? 2 : 1);
    const rest = src.slice(colon + 1, Math.max(colon + 1, lineEnd));
    const commentAt = rest.search(/\s#/);
    const end = commentAt === -1 ? colon + 1 + rest.length : colon + 1 + commentAt;
    const text = isCollection(e.value) ? `${eol}${blockLines(e.value, keyCol + 2, eol)}` : ` ${inlineScalar(e.value)}`;
    return { at: colon + 1, end: isCollection(e.value) && commentAt !== -1 ? colon + 1 + rest.length : end, text, seq };
  }
  return addToMap(parent, src, String(key), e.value, eol, seq);
}

function replaceValue(node: Node, src: string, value: unknown, keyCol: number, eol: string, seq: number): Patch {
  const [start, valueEnd] = node.range!;
  const flowish = (isMap(node) || isSeq(node)) && (node as YAMLMap).flow;
  if (!isCollection(value)) {
    const text = Array.isArray(value) ? '[]' : value !== null && typeof value === 'object' ? '{}' : inlineScalar(value);
    if (isMap(node) || isSeq(node)) {
      if (flowish) return { at: start, end: valueEnd, text, seq };
      // A block collection becomes a scalar: it starts on the next line, so rewrite from the colon.
      const colon = src.lastIndexOf(':', start);
      return { at: colon + 1, end: trimEnd(src, valueEnd), text: ` ${text}`, seq };
    }
    return { at: start, end: valueEnd, text, seq };
  }
  if (flowish || isScalar(node)) {
    const colon = src.lastIndexOf(':', start);
    const sameLine = src.slice(colon + 1, start).indexOf('\n') === -1;
    if (isScalar(node) && sameLine) return { at: colon + 1, end: valueEnd, text: `${eol}${blockLines(value, keyCol + 2, eol)}`, seq };
    return { at: start, end: valueEnd, text: JSON.stringify(value), seq };
  }
  // Block collection replaced by another block collection: keep its first line's indentation.
  const col = columnOf(src, start);
  const from =
    lineStartOf(src, start) === lineStartOf(src, src.lastIndexOf(':', start)) ? src.lastIndexOf(':', start) + 1 : lineStartOf(src, start);
  const body = blockLines(value, isSeq(node) ? col : col, eol);
  const text = from === lineStartOf(src, start) ? body : `${eol}${body}`;
  return { at: from, end: trimEnd(src, valueEnd), text, seq };
}

/** End of the last non-blank character before `end` (block nodes' ranges include trailing newlines). */
function trimEnd(src: string, end: number): number {
  let i = end;
  while (i > 0 && /\s/.test(src[i - 1]!)) i--;
  return i;
}

function addToMap(map: YAMLMap, src: string, key: string, value: unknown, eol: string, seq: number): Patch {
  const items = map.items as Pair<Node, Node | null>[];
  if (map.flow || items.length === 0) {
    if (!map.range) throw new EditError('cannot add to this mapping');
    const close = src.lastIndexOf('}', map.range[1] - 1);
    const sep = items.length ? ', ' : '';
    return { at: close, end: close, text: `${sep}${inlineScalar(key)}: ${flowValue(value)}`, seq };
  }
  const first = items[0]!.key;
  const indent = isScalar(first) && first.range ? columnOf(src, first.range[0]) : 0;
  const last = items[items.length - 1]!;
  const lastEnd = last.value?.range ? trimEnd(src, last.value.range[2]) : (last.key as Node).range![1];
  const at = afterLine(src, Math.max(lastEnd - 1, 0));
  const needsNl = at === src.length && !src.endsWith('\n');
  return { at, end: at, text: `${needsNl ? eol : ''}${' '.repeat(indent)}${entryText(key, value, indent, eol)}${eol}`, seq };
}

function appendToSeq(seqNode: YAMLSeq, src: string, value: unknown, eol: string, seq: number): Patch {
  const items = seqNode.items as Node[];
  if (seqNode.flow || items.length === 0) {
    if (!seqNode.range) throw new EditError('cannot append to this list');
    const close = src.lastIndexOf(']', seqNode.range[1] - 1);
    return { at: close, end: close, text: `${items.length ? ', ' : ''}${flowValue(value)}`, seq };
  }
  const firstItem = items[0]!;
  const dash = src.lastIndexOf('-', firstItem.range![0]);
  const indent = columnOf(src, dash);
  const last = items[items.length - 1]!;
  const at = afterLine(src, Math.max(trimEnd(src, last.range![2]) - 1, 0));
  const needsNl = at === src.length && !src.endsWith('\n');
  return { at, end: at, text: `${needsNl ? eol : ''}${' '.repeat(indent)}${itemText(value, indent, eol)}${eol}`, seq };
}

/**
 * The same edits on plain data: what the edited text must load as. Only the containers on the
 * edited paths are copied; everything else is shared with `data`, which is never changed. An
 * append to something that is not a list (nor missing) throws EditError.
 */
export function applyEditsToData(data: unknown, edits: readonly Edit[]): unknown {
  type Node = Record<string | number, unknown>;
  const copies = new WeakSet<object>();
  const copy = (v: unknown): Node => {
    if (v === null || v === undefined) return {};
    if (typeof v !== 'object') throw new EditError('not a mapping or list');
    if (copies.has(v)) return v as Node;
    const c = (Array.isArray(v) ? [...v] : { ...v }) as Node;
    copies.add(c);
    return c;
  };
  const root = copy(data);
  for (const e of edits) {
    const parentPath = e.path.slice(0, -1);
    let node = root;
    for (const p of parentPath) {
      node[p] = copy(node[p]);
      node = node[p] as Node;
    }
    const key = e.path[e.path.length - 1]!;
    if (e.op === 'set') node[key] = structuredClone(e.value);
    else if (e.op === 'delete') {
      if (Array.isArray(node) && typeof key === 'number') node.splice(key, 1);
      else delete node[key];
    } else {
      const list = node[key];
      if (list !== undefined && list !== null && !Array.isArray(list)) throw new EditError(`not a list: ${e.path.join('.')}`);
      node[key] = Array.isArray(list) ? [...list, structuredClone(e.value)] : [structuredClone(e.value)];
    }
  }
  return root;
}
