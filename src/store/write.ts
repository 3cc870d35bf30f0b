// Writing records: new files are serialized from data; existing files are edited in place (plain
// scalar sets by lines, yaml-edit-direct.ts; the rest with yaml-edit.ts) and every result is
// re-read under the parsing policy, checked to hold exactly the intended data and to satisfy its
// schema before anything touches the disk. All files of one command are committed together
// (atomic.ts).
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, stringify } from 'yaml';
import * as validators from '../generated/validators.js';
import type { Validator } from '../generated/validators.js';
import type { RecordKind } from '../core/model.js';
import { commitFiles, UnsafePathError, type FileWrite } from './atomic.js';
export type { FileWrite };
import { RecordExistsError, RecordRefusedError, WriteVerificationError } from './errors.js';
import { readRegularFile } from './files.js';
import type { LoadedProject } from './load.js';
import { readBackEdited } from './read-back.js';
import { sameData } from './same-data.js';
import { INVISIBLE_CODE } from './invisible.js';
import { LIMITS, parseRecordBytes, parseRecordText, type ParsedText } from './parse-policy.js';
import { schemaDiagnostics } from './schema-errors.js';
import { editedStillValid } from './schema-edited.js';
import { applyEdits, applyEditsToData, EditError, type Edit } from './yaml-edit.js';
import { directEdits } from './yaml-edit-direct.js';

const VALIDATORS: Record<RecordKind, Validator> = validators;
const utf8 = new TextEncoder();

function existsNoFollow(root: string, rel: string): boolean {
  try {
    lstatSync(join(root, rel));
    return true;
  } catch {
    return false;
  }
}

/** A file to write, with its content's data as read back and compared with the intended data. */
export interface PreparedWrite extends FileWrite {
  /** UTF-8, encoded once here: the write guard reads these bytes and the commit writes them. */
  content: Uint8Array;
  data: unknown;
  /** The schema that data passed. */
  kind: RecordKind;
}

export type RecordChange =
  /** Edit a file in place; with `moveTo`, the edited content goes to a new file name (renumbering). */
  { kind: RecordKind; rel: string; edits: Edit[]; moveTo?: string } | { kind: RecordKind; rel: string; create: Record<string, unknown> };

function schemaModeline(kind: RecordKind, rel: string): string {
  const depth = rel.split('/').length - 1;
  return `# yaml-language-server: $schema=${'../'.repeat(depth)}.deliver/schemas/${kind}.schema.json`;
}

const MODELINE_RE = /^(?:\ufeff)?# yaml-language-server: \$schema=/;

/** Serializes a new record: modeline, then block YAML with one key per line. */
export function serializeRecord(kind: RecordKind, rel: string, data: unknown): string {
  return `${schemaModeline(kind, rel)}\n${stringify(data, { lineWidth: 0, version: '1.2', indent: 2, indentSeq: true })}`;
}

function limitFor(rel: string): number {
  return rel === 'plan.yaml' ? LIMITS.planBytes : LIMITS.recordBytes;
}

function checkSchema(kind: RecordKind, rel: string, data: unknown, sources: Map<string, string>, text: string): void {
  const v = VALIDATORS[kind];
  if (!v(data)) {
    sources.set(rel, text);
    throw new RecordRefusedError(schemaDiagnostics(kind, rel, data, v.errors ?? []), sources);
  }
}

type Loaded = Pick<LoadedProject, 'sources' | 'parses'>;

/**
 * The file as read and parsed under the policy. When `loaded` (read under the same lock) parsed
 * exactly these bytes without findings, its data is used instead of parsing the file again, and
 * `valid` says whether that data passed its schema then.
 */
function readBefore(
  root: string,
  rel: string,
  loaded?: Loaded,
): { bytes: Uint8Array; before: ParsedText; valid: boolean } | { refused: RecordRefusedError } {
  const read = readRegularFile(root, rel, limitFor(rel));
  if ('diagnostic' in read) return { refused: new RecordRefusedError([read.diagnostic], new Map()) };
  const known = loaded?.parses?.get(rel);
  if (known && known.entry.data !== undefined && known.entry.parse.length === 0 && Buffer.compare(known.bytes, read.bytes) === 0) {
    const source = loaded!.sources.get(rel);
    if (source !== undefined)
      return { bytes: read.bytes, before: { source, data: known.entry.data, diagnostics: [] }, valid: known.entry.errors === null };
  }
  return { bytes: read.bytes, before: parseRecordBytes(read.bytes, rel, limitFor(rel)), valid: false };
}

/** Computes the new text of one record; throws RecordRefusedError when the file or result is invalid. */
export function prepareChange(root: string, change: RecordChange, loaded?: Loaded): PreparedWrite {
  const sources = new Map<string, string>();
  if ('create' in change) {
    if (existsNoFollow(root, change.rel)) throw new RecordExistsError(change.rel);
    const text = serializeRecord(change.kind, change.rel, change.create);
    const back = parseRecordText(text, change.rel);
    refuseInvisible(back, change.rel, text);
    if (back.diagnostics.length || !sameData(back.data, JSON.parse(JSON.stringify(change.create)))) {
      throw new WriteVerificationError(`serialized ${change.rel} does not read back as written`);
    }
    checkSchema(change.kind, change.rel, back.data, sources, text);
    return { rel: change.rel, content: utf8.encode(text), data: back.data, kind: change.kind };
  }
  const got = readBefore(root, change.rel, loaded);
  if ('refused' in got) throw got.refused;
  const { before, bytes, valid } = got;
  if (before.source !== undefined) sources.set(change.rel, before.source);
  if (before.diagnostics.length || before.source === undefined) throw new RecordRefusedError(before.diagnostics, sources);
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\ufeff' : '';
  const source = before.source;
  let expected: unknown;
  try {
    expected = applyEditsToData(before.data, change.edits);
  } catch (e) {
    if (!(e instanceof EditError)) throw e;
    expected = undefined;
  }
  let edited: { text: string; data: unknown } | undefined;
  if (expected !== undefined) {
    const read = { source, data: before.data };
    // By lines first (a scalar set: no parser), then narrowed (fast on large files), then the whole
    // text, then the Document API.
    edited = tryEdit(() => directEdits(source, change.edits), change.rel, expected, read);
    edited ??= tryEdit(() => applyEdits(source, change.edits, { narrow: true }), change.rel, expected, read);
    edited ??= tryEdit(() => applyEdits(source, change.edits), change.rel, expected, read);
    edited ??= tryEdit(() => documentEdit(source, change.edits), change.rel, expected, read);
  }
  if (edited === undefined) {
    // A file that breaks its schema where the edit goes (`tasks:` a mapping …) is refused with its
    // findings; only a valid file that could not be edited is our failure.
    checkSchema(change.kind, change.rel, before.data, sources, source);
    throw new WriteVerificationError(`could not edit ${change.rel} without changing other values`);
  }
  let { text } = edited;
  // A comment line before the rest leaves the data as it was.
  if (!MODELINE_RE.test(text)) text = `${schemaModeline(change.kind, change.rel)}${text.includes('\r\n') ? '\r\n' : '\n'}${text}`;
  // The edit's changes alone when the file was valid as read (schema-edited.ts), else all of it.
  if (!valid || !editedStillValid(change.kind, before.data, expected)) checkSchema(change.kind, change.rel, expected, sources, text);
  if (change.moveTo !== undefined && existsNoFollow(root, change.moveTo)) throw new RecordExistsError(change.moveTo);
  return { rel: change.moveTo ?? change.rel, content: utf8.encode(bom + text), data: edited.data, kind: change.kind };
}

/**
 * Runs one editing strategy and keeps its result only if it reads back as exactly `expected`. Text
 * given to the command that holds an invisible character is refused with the finding (exit 1).
 * The result is read back from the items the edit changed when that is shown to give what a full
 * read gives (read-back.ts), else in full.
 */
function tryEdit(
  edit: () => string | undefined,
  rel: string,
  expected: unknown,
  read: { source: string; data: unknown },
): { text: string; data: unknown } | undefined {
  let text: string | undefined;
  try {
    text = edit();
  } catch {
    return undefined;
  }
  if (text === undefined) return undefined;
  const local = readBackEdited(read.source, read.data, text, rel);
  if (local !== undefined && sameData(local, expected)) return { text, data: local };
  const back = parseRecordText(text, rel);
  if (back.data === undefined || !sameData(back.data, expected)) return undefined;
  refuseInvisible(back, rel, text);
  return back.diagnostics.length === 0 ? { text, data: back.data } : undefined;
}

/** A record that would hold an invisible character (DLV-E031) is not written: the finding says where. */
function refuseInvisible(back: ParsedText, rel: string, text: string): void {
  if (back.data !== undefined && back.diagnostics.length && back.diagnostics.every((d) => d.code === INVISIBLE_CODE)) {
    throw new RecordRefusedError(back.diagnostics, new Map([[rel, text]]));
  }
}

/** Fallback: the yaml Document API (keeps comments and order, may re-indent a little). */
function documentEdit(source: string, edits: readonly Edit[]): string {
  const doc = parseDocument(source, { version: '1.2', uniqueKeys: true });
  for (const e of edits) {
    if (e.op === 'set') doc.setIn(e.path, doc.createNode(e.value));
    else if (e.op === 'delete') doc.deleteIn(e.path);
    else if (doc.hasIn(e.path)) doc.addIn(e.path, doc.createNode(e.value));
    else doc.setIn(e.path, doc.createNode([e.value]));
  }
  const text = doc.toString({ lineWidth: 0 });
  return source.includes('\r\n') ? text.replace(/\r?\n/g, '\r\n') : text;
}

/** Every change prepared (nothing is written if any is refused): the new file contents and the files to remove. */
export function prepareRecords(
  root: string,
  changes: readonly RecordChange[],
  loaded?: Loaded,
): { writes: PreparedWrite[]; removals: string[] } {
  const writes = changes.map((c) => prepareChange(root, c, loaded));
  const removals = changes.flatMap((c) => ('moveTo' in c && c.moveTo !== undefined && c.moveTo !== c.rel ? [c.rel] : []));
  return { writes, removals };
}

/**
 * Prepares every change first (nothing is written if any is refused), lets `check` refuse the result
 * (the write guard: no new findings), then commits them together.
 */
export function writeRecords(
  root: string,
  changes: readonly RecordChange[],
  loaded?: Loaded & Pick<LoadedProject, 'diagnostics'>,
  check?: (writes: PreparedWrite[], removals: string[]) => void,
): void {
  try {
    const { writes, removals } = prepareRecords(root, changes, loaded);
    check?.(writes, removals);
    commitFiles(root, writes, removals);
  } catch (e) {
    throw (loaded && refusedByFindings(e, changes, loaded)) || e;
  }
}
/**
 * A file or folder the reader already refused (a link, a FIFO, a folder where a file should be, a
 * file over the size limit) cannot be written either: the refusal names the reader's finding
 * rather than only "already exists" or "not a regular folder".
 */
function refusedByFindings(
  e: unknown,
  changes: readonly RecordChange[],
  loaded: Pick<LoadedProject, 'sources' | 'diagnostics'>,
): RecordRefusedError | undefined {
  if (!(e instanceof RecordExistsError || e instanceof UnsafePathError)) return undefined;
  const paths = changes.flatMap((c) => ['moveTo' in c && c.moveTo !== undefined ? c.moveTo : c.rel, c.rel]);
  const on = loaded.diagnostics.filter((d) => d.severity === 'error' && paths.some((p) => p === d.file || p.startsWith(`${d.file}/`)));
  return on.length ? new RecordRefusedError(on, loaded.sources) : undefined;
}
