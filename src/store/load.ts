// Reads a whole project: every record file under the parsing policy, each checked against its
// precompiled schema. Broken records are reported and left out of the model (their ids are kept
// so references to them do not cascade into more findings); nothing is ever written here.
import type { AjvError } from '../generated/validators.js';
import { parseFile, schemaChecked, type ParsedFileResult } from './parse-file.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { FOLDER_KINDS, FOLDERS, KIND_NAMES, fileSchemaOf, kindSpec, type FolderKind } from '../core/kinds/index.js';
import { emptyProject, MANIFEST_FILE, PLAN_FILE, recordsOf, type Located, type Project, type RecordKind } from '../core/model.js';
import { kindOfId } from '../core/ids.js';
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { listRecordFiles, readRegularFile, type Listing, type ReadResult } from './files.js';
import { LIMITS } from './limits.js';
import { schemaDiagnostics } from './schema-errors.js';

export interface LoadedProject {
  root: string;
  project: Project;
  /** Findings from reading and schema checks (rules run later, in core). */
  diagnostics: Diagnostic[];
  /** Text of every file read (decoded on first use), for locating findings. */
  sources: Map<string, string>;
  /** How many record files were read. */
  filesRead: number;
  /**
   * With `keepData`: each parsed file's bytes and parse result, for the writer (it edits the data
   * read under the lock instead of parsing again) and for a later load of the same bytes (`known`).
   */
  parses?: Map<string, { bytes: Uint8Array; entry: ParsedFileResult }>;
  /** With `keepData`: each record folder's listing as read. */
  listings?: Map<string, Listing>;
}

/** File texts decoded only when a finding needs a position: most runs never decode any. */
export class LazySources extends Map<string, string> {
  private readonly raw = new Map<string, Uint8Array>();
  private static readonly decoder = new TextDecoder('utf-8');

  addBytes(file: string, bytes: Uint8Array): void {
    this.raw.set(file, bytes);
  }

  /** The bytes a file was read as, if it was read. */
  bytesOf(file: string): Uint8Array | undefined {
    return this.raw.get(file);
  }

  override get(file: string): string | undefined {
    let s = super.get(file);
    const b = s === undefined ? this.raw.get(file) : undefined;
    if (b) {
      s = LazySources.decoder.decode(b).replace(/^\ufeff/, '');
      super.set(file, s);
    }
    return s;
  }

  override has(file: string): boolean {
    return super.has(file) || this.raw.has(file);
  }
}

export interface LoadOptions {
  /** Keep each file's bytes and parse result in `parses` (and folder listings in `listings`). */
  keepData?: boolean;
  /**
   * Parse results shared between loads, by file and content: `diff` reads two versions, and a file
   * unchanged between them is parsed once, its records the same objects on both sides.
   */
  parsed?: SharedParses;
  /**
   * What is already known of some files, by file: the write guard reads the project as a change
   * would leave it, and a file read as the very same bytes object is not parsed again (an unchanged
   * file reuses its whole result; a file the writer just produced, its verified data, checked
   * against the schema here).
   */
  known?: KnownParses;
}

/** By kind and file (sharedKey): the bytes a load read and what they parsed to, for the next load to compare with. */
export type SharedParses = Map<string, { bytes: Uint8Array; entry: ParsedFileResult }>;

/** A file's key in SharedParses. */
const sharedKey = (kind: RecordKind, file: string): string => `${kind}:${file}`;

/**
 * Parses a file ahead of the load that will read these very bytes, which then finds the result
 * in `parsed` (diff parses plan.yaml while git reads the other files).
 */
export function parseAhead(parsed: SharedParses, kind: RecordKind, file: string, bytes: Uint8Array): void {
  const maxBytes = file === PLAN_FILE ? LIMITS.planBytes : LIMITS.recordBytes;
  parsed.set(sharedKey(kind, file), { bytes, entry: parseFile({ file, kind, bytes, maxBytes }) });
}

/**
 * A file's bytes and its parse result, or only its parsed data (free of parse findings) and the
 * schema it already passed, if any.
 */
export type KnownParse = { bytes: Uint8Array } & ({ entry: ParsedFileResult } | { data: unknown; passed?: RecordKind });
export type KnownParses = Map<string, KnownParse>;

interface ParsedFile {
  file: string;
  data?: Record<string, unknown>;
  /** Schema errors (null: valid, or nothing to validate). */
  errors: AjvError[] | null;
}

/**
 * Where record files come from: the working tree (fsSource) or a git revision (see diff). Both
 * refuse anything that is not a regular file, so the parsing policy sees the same bytes either way.
 */
export interface FileSource {
  /** The `.yaml` files directly in a project folder, project-relative, sorted. */
  list(folder: string): Listing;
  read(rel: string, maxBytes: number): ReadResult;
  exists(rel: string): boolean;
}

export function fsSource(root: string): FileSource {
  return {
    list: (folder) => listRecordFiles(root, folder),
    read: (rel, maxBytes) => readRegularFile(root, rel, maxBytes),
    exists: (rel) => existsNoFollow(join(root, rel)),
  };
}

function existsNoFollow(abs: string): boolean {
  try {
    lstatSync(abs);
    return true;
  } catch {
    return false;
  }
}

/** One file to load: read now, parsed once every file is read. */
interface Pending {
  file: string;
  kind: RecordKind;
  maxBytes: number;
  bytes?: Uint8Array;
  entry?: ParsedFileResult;
  /** Its key in the shared parses, when there are any. */
  key?: string;
}

/** Reads one file; parsing waits for parseAll. */
function readFile(src: FileSource, file: string, kind: RecordKind, maxBytes: number, out: LoadedProject, opts: LoadOptions): Pending {
  const read = src.read(file, maxBytes);
  if ('diagnostic' in read) {
    out.diagnostics.push(read.diagnostic);
    return { file, kind, maxBytes };
  }
  out.filesRead++;
  (out.sources as LazySources).addBytes(file, read.bytes);
  const known = opts.known?.get(file);
  if (known && known.bytes === read.bytes && read.bytes.length <= maxBytes) {
    const entry =
      'entry' in known
        ? known.entry
        : known.passed === kind
          ? { parse: [], errors: null, data: known.data }
          : schemaChecked(kind, known.data, []);
    return { file, kind, maxBytes, bytes: read.bytes, entry };
  }
  const { parsed } = opts;
  if (!parsed) return { file, kind, maxBytes, bytes: read.bytes };
  // The same file read as the same bytes: the same object from git's shared blobs, else compared
  // byte for byte (exact, and cheaper than hashing every file of both sides).
  const key = sharedKey(kind, file);
  const prev = parsed.get(key);
  if (prev && (prev.bytes === read.bytes || Buffer.compare(prev.bytes, read.bytes) === 0))
    return { file, kind, maxBytes, bytes: read.bytes, entry: prev.entry };
  return { file, kind, maxBytes, bytes: read.bytes, key };
}

/** Parses and schema-checks every file that was read (and not parsed already). */
function parseAll(pending: Pending[], parsed?: SharedParses): void {
  for (const p of pending) {
    if (!p.bytes || p.entry) continue;
    p.entry = parseFile({ file: p.file, kind: p.kind, bytes: p.bytes, maxBytes: p.maxBytes });
    if (parsed && p.key) parsed.set(p.key, { bytes: p.bytes, entry: p.entry });
  }
}

function toParsed(p: Pending, out: LoadedProject): ParsedFile {
  if (!p.entry) return { file: p.file, errors: null };
  out.parses?.set(p.file, { bytes: p.bytes!, entry: p.entry });
  if (p.entry.source !== undefined) out.sources.set(p.file, p.entry.source);
  for (const d of p.entry.parse) out.diagnostics.push(d);
  return { file: p.file, data: p.entry.data as Record<string, unknown> | undefined, errors: p.entry.errors };
}

function idOf(data: unknown): string | undefined {
  const id = data && typeof data === 'object' ? (data as Record<string, unknown>).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** A record that cannot be used: remember its id (from the data, else from its file name). */
function markBroken(p: Project, file: string, path: (string | number)[], data: unknown): boolean {
  const fromName = path.length === 0 ? /^([^-/]+-\d+)(?:-|\.ya?ml$)/.exec(file.slice(file.lastIndexOf('/') + 1))?.[1] : undefined;
  const id = idOf(data) ?? (fromName && kindOfId(fromName) ? fromName : undefined);
  if (!id) return false;
  p.brokenIds.add(id);
  p.brokenRecords.push({ file, path, data: { id } });
  return true;
}

/** Validates a one-record file; returns the record when it is valid. */
function checkRecord<T>(kind: RecordKind, pf: ParsedFile, out: LoadedProject, folderKind?: FolderKind): Located<T> | null {
  if (!pf.data) {
    // Its id is known from its name (R-001-….yaml), or else any id of its kind may be in it.
    if (kind !== 'manifest' && !markBroken(out.project, pf.file, [], undefined) && folderKind)
      out.project.unreadable.push({ file: pf.file, kinds: [folderKind] });
    return null;
  }
  if (!pf.errors) return { file: pf.file, path: [], data: pf.data as T };
  out.diagnostics.push(...schemaDiagnostics(kind, pf.file, pf.data, pf.errors));
  markBroken(out.project, pf.file, [], pf.data);
  return null;
}

/** plan.yaml: an invalid task or milestone is left out on its own; the rest of the plan stays usable. */
function checkPlan(pf: ParsedFile, out: LoadedProject): void {
  const data = pf.data;
  const p = out.project;
  // Unparsed: which tasks and milestones it holds is unknown, so references to them cannot be checked.
  if (!data) {
    p.unreadable.push({ file: pf.file, kinds: PLAN_KINDS });
    return;
  }
  p.planFile = pf.file;
  const bad = new Set<string>();
  if (pf.errors) {
    const errors = pf.errors;
    out.diagnostics.push(...schemaDiagnostics('plan', pf.file, data, errors));
    for (const e of errors) {
      const m = /^\/([^/]+)(?:\/(\d+))?/.exec(e.instancePath);
      if (m && m[2] !== undefined) bad.add(`${m[1]}/${m[2]}`);
      else if (m && e.instancePath === `/${m[1]}`) bad.add(m[1]!);
      else if (e.instancePath === '') bad.add('*');
    }
  }
  if (bad.has('*') && (data === null || typeof data !== 'object')) {
    p.unreadable.push({ file: pf.file, kinds: PLAN_KINDS });
    return;
  }
  for (const kind of PLAN_KINDS) {
    const section = (kindSpec(kind).storage as { planList: string }).planList;
    const list = data[section];
    if (bad.has(section)) p.unreadable.push({ file: pf.file, kinds: [kind] });
    if (!Array.isArray(list) || bad.has(section)) continue;
    const into = recordsOf(p, kind) as Located<unknown>[];
    list.forEach((item, i) => {
      if (bad.has(`${section}/${i}`)) {
        markBroken(p, pf.file, [section, i], item);
        return;
      }
      into.push({ file: pf.file, path: [section, i], data: item });
    });
  }
}

/** Kinds kept as lists in plan.yaml, in registry order. */
const PLAN_KINDS = KIND_NAMES.filter((k) => 'planList' in kindSpec(k).storage);

export function loadProject(root: string, opts: LoadOptions = {}): LoadedProject {
  return loadProjectFrom(fsSource(root), root, opts);
}

/** Reads a project from any file source; `root` only labels the result. */
export function loadProjectFrom(src: FileSource, root: string, opts: LoadOptions = {}): LoadedProject {
  const out: LoadedProject = {
    root,
    project: emptyProject(),
    diagnostics: [],
    sources: new LazySources(),
    filesRead: 0,
    ...(opts.keepData ? { parses: new Map(), listings: new Map() } : {}),
  };
  const p = out.project;
  // Read everything first, then parse in one batch.
  const { parsed } = opts;
  const manifest = readFile(src, MANIFEST_FILE, 'manifest', LIMITS.recordBytes, out, opts);
  const plan = src.exists(PLAN_FILE) ? readFile(src, PLAN_FILE, 'plan', LIMITS.planBytes, out, opts) : undefined;
  const records: [FolderKind, Pending][] = [];
  for (const kind of FOLDER_KINDS) {
    const listing = src.list(FOLDERS[kind]);
    out.listings?.set(FOLDERS[kind], listing);
    out.diagnostics.push(...listing.diagnostics);
    // A refused file (a link, an unsafe name) still holds its id: never reuse it, never call it unknown.
    for (const d of listing.diagnostics) if (d.code === 'DLV-E015' || d.code === 'DLV-E019') markBroken(p, d.file, [], undefined);
    for (const file of listing.files) records.push([kind, readFile(src, file, fileSchemaOf(kind), LIMITS.recordBytes, out, opts)]);
  }
  parseAll([manifest, ...(plan ? [plan] : []), ...records.map(([, r]) => r)], parsed);

  p.manifest = checkRecord('manifest', toParsed(manifest, out), out);
  if (plan) checkPlan(toParsed(plan, out), out);
  for (const [kind, r] of records) {
    const rec = checkRecord(r.kind, toParsed(r, out), out, kind);
    if (rec) (recordsOf(p, kind) as Located<unknown>[]).push(rec);
  }
  return out;
}

export { resolvePositions } from './positions.js';
