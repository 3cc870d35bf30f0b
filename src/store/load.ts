// Reads a whole project: every record file under the parsing policy, each checked against its
// precompiled schema. Broken records are reported and left out of the model (their ids are kept
// so references to them do not cascade into more findings); nothing is ever written here.
import type { AjvError } from '../generated/validators.js';
import { contentKey, type CachedFile, type RecordCache } from './cache.js';
import { parseJob } from './parse-jobs.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { emptyProject, FOLDERS, MANIFEST_FILE, PLAN_FILE, type Located, type Project, type RecordKind } from '../core/model.js';
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
  /** With `keepData`: each file's parsed data (schema-checked or not), for the writer. */
  data?: Map<string, unknown>;
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
  cache?: RecordCache;
  /** Keep each file's parsed data in `data` (the writer reuses it instead of parsing again). */
  keepData?: boolean;
}


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
  /** The sha256 of a file already read and hashed (snapshots), so it is not hashed twice. */
  contentHash?(rel: string): string | undefined;
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

/** One file to load: read now, parsed later (together with the others, maybe on two threads). */
interface Pending {
  file: string;
  kind: RecordKind;
  maxBytes: number;
  bytes?: Uint8Array;
  key: string;
  entry?: CachedFile;
}

/** Reads one file and looks its content up in the cache; parsing waits for parseAll. */
function readFile(src: FileSource, file: string, kind: RecordKind, maxBytes: number, out: LoadedProject, cache?: RecordCache): Pending {
  const read = src.read(file, maxBytes);
  if ('diagnostic' in read) {
    out.diagnostics.push(read.diagnostic);
    return { file, kind, maxBytes, key: '' };
  }
  out.filesRead++;
  (out.sources as LazySources).addBytes(file, read.bytes);
  const known = cache ? src.contentHash?.(file) : undefined;
  const key = cache ? (known ? `${kind}:${known}` : contentKey(kind, read.bytes)) : '';
  const entry = cache?.get(key);
  return { file, kind, maxBytes, bytes: read.bytes, key, ...(entry ? { entry } : {}) };
}

/** Parses and schema-checks every file the cache did not know, and fills the cache. */
function parseAll(pending: Pending[], cache: RecordCache | undefined): void {
  for (const p of pending) {
    if (!p.bytes || p.entry) continue;
    p.entry = parseJob({ file: p.file, kind: p.kind, bytes: p.bytes, maxBytes: p.maxBytes });
    cache?.set(p.key, p.entry);
  }
}

function toParsed(p: Pending, out: LoadedProject): ParsedFile {
  if (!p.entry) return { file: p.file, errors: null };
  for (const d of p.entry.parse) out.diagnostics.push({ ...d, file: p.file });
  if (p.entry.data !== undefined && p.entry.parse.length === 0) out.data?.set(p.file, p.entry.data);
  return { file: p.file, data: p.entry.data as Record<string, unknown> | undefined, errors: p.entry.errors };
}

function idOf(data: unknown): string | undefined {
  const id = data && typeof data === 'object' ? (data as Record<string, unknown>).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/** A record that cannot be used: remember its id (from the data, else from its file name). */
function markBroken(p: Project, file: string, path: (string | number)[], data: unknown): void {
  const fromName = path.length === 0 ? /^([^-/]+-\d+)(?:-|\.ya?ml$)/.exec(file.slice(file.lastIndexOf('/') + 1))?.[1] : undefined;
  const id = idOf(data) ?? (fromName && kindOfId(fromName) ? fromName : undefined);
  if (!id) return;
  p.brokenIds.add(id);
  p.brokenRecords.push({ file, path, data: { id } });
}

/** Validates a one-record file; returns the record when it is valid. */
function checkRecord<T>(kind: RecordKind, pf: ParsedFile, out: LoadedProject): Located<T> | null {
  if (!pf.data) {
    if (kind !== 'manifest') markBroken(out.project, pf.file, [], undefined);
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
  if (!data) return;
  const p = out.project;
  p.planFile = pf.file;
  const bad = new Set<string>();
  if (pf.errors) {
    const errors = pf.errors;
    out.diagnostics.push(...schemaDiagnostics('plan', pf.file, data, errors));
    for (const e of errors) {
      const m = /^\/(tasks|milestones|baselines)\/(\d+)/.exec(e.instancePath);
      if (m) bad.add(`${m[1]}/${m[2]}`);
      else if (/^\/(tasks|milestones|baselines)$/.test(e.instancePath) || e.instancePath === '') bad.add(e.instancePath.slice(1) || '*');
    }
  }
  if (bad.has('*') && (data === null || typeof data !== 'object')) return;
  for (const section of ['tasks', 'milestones', 'baselines'] as const) {
    const list = data[section];
    if (!Array.isArray(list) || bad.has(section)) continue;
    list.forEach((item, i) => {
      if (bad.has(`${section}/${i}`)) {
        markBroken(p, pf.file, [section, i], item);
        return;
      }
      (p[section] as Located<unknown>[]).push({ file: pf.file, path: [section, i], data: item });
    });
  }
}

export function loadProject(root: string, opts: LoadOptions = {}): LoadedProject {
  return loadProjectFrom(fsSource(root), root, opts);
}

/** Reads a project from any file source; `root` only labels the result. */
export function loadProjectFrom(src: FileSource, root: string, opts: LoadOptions = {}): LoadedProject {
  const out: LoadedProject = { root, project: emptyProject(), diagnostics: [], sources: new LazySources(), filesRead: 0, ...(opts.keepData ? { data: new Map() } : {}) };
  const p = out.project;
  const { cache } = opts;
  // Read everything first, then parse what the cache does not know in one batch.
  const manifest = readFile(src, MANIFEST_FILE, 'manifest', LIMITS.recordBytes, out, cache);
  const plan = src.exists(PLAN_FILE) ? readFile(src, PLAN_FILE, 'plan', LIMITS.planBytes, out, cache) : undefined;
  const folders: [Exclude<RecordKind, 'manifest' | 'plan'>, keyof Project][] = [
    ['requirement', 'requirements'], ['risk', 'risks'], ['change', 'changes'], ['acceptance', 'acceptance'], ['survey', 'surveys'],
  ];
  const records: [keyof Project, Pending][] = [];
  for (const [kind, key] of folders) {
    const listing = src.list(FOLDERS[kind]);
    out.diagnostics.push(...listing.diagnostics);
    // A refused file (a link, an unsafe name) still holds its id: never reuse it, never call it unknown.
    for (const d of listing.diagnostics) if (d.code === 'DLV-E015' || d.code === 'DLV-E019') markBroken(p, d.file, [], undefined);
    for (const file of listing.files) records.push([key, readFile(src, file, kind, LIMITS.recordBytes, out, cache)]);
  }
  parseAll([manifest, ...(plan ? [plan] : []), ...records.map(([, r]) => r)], cache);

  p.manifest = checkRecord('manifest', toParsed(manifest, out), out);
  if (plan) checkPlan(toParsed(plan, out), out);
  for (const [key, r] of records) {
    const rec = checkRecord(r.kind, toParsed(r, out), out);
    if (rec) (p[key] as Located<unknown>[]).push(rec);
  }
  return out;
}

export { resolvePositions } from './positions.js';
