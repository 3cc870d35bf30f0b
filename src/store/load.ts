// Reads a whole project: every record file under the parsing policy, each checked against its
// precompiled schema. Broken records are reported and left out of the model (their ids are kept
// so references to them do not cascade into more findings); nothing is ever written here.
import * as validators from '../generated/validators.js';
import type { Validator } from '../generated/validators.js';
import type { Diagnostic } from '../core/diagnostics.js';
import { emptyProject, FOLDERS, MANIFEST_FILE, PLAN_FILE, type Located, type Project, type RecordKind } from '../core/model.js';
import { kindOfId } from '../core/ids.js';
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { listRecordFiles, readRegularFile, type Listing, type ReadResult } from './files.js';
import { locate } from './locate.js';
import { LIMITS, parseRecordBytes } from './parse-policy.js';
import { schemaDiagnostics } from './schema-errors.js';

export interface LoadedProject {
  root: string;
  project: Project;
  /** Findings from reading and schema checks (rules run later, in core). */
  diagnostics: Diagnostic[];
  /** Decoded text of every file read, for locating findings. */
  sources: Map<string, string>;
}

const VALIDATORS: Record<RecordKind, Validator> = validators;

interface ParsedFile {
  file: string;
  data?: Record<string, unknown>;
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

function readAndParse(src: FileSource, file: string, maxBytes: number, out: LoadedProject): ParsedFile {
  const read = src.read(file, maxBytes);
  if ('diagnostic' in read) {
    out.diagnostics.push(read.diagnostic);
    return { file };
  }
  const parsed = parseRecordBytes(read.bytes, file, maxBytes);
  if (parsed.source !== undefined) out.sources.set(file, parsed.source);
  out.diagnostics.push(...parsed.diagnostics);
  return { file, data: parsed.data as Record<string, unknown> | undefined };
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
  const validate = VALIDATORS[kind];
  if (validate(pf.data)) return { file: pf.file, path: [], data: pf.data as T };
  out.diagnostics.push(...schemaDiagnostics(kind, pf.file, pf.data, validate.errors ?? []));
  markBroken(out.project, pf.file, [], pf.data);
  return null;
}

/** plan.yaml: an invalid task or milestone is left out on its own; the rest of the plan stays usable. */
function checkPlan(pf: ParsedFile, out: LoadedProject): void {
  const data = pf.data;
  if (!data) return;
  const p = out.project;
  p.planFile = pf.file;
  const validate = VALIDATORS.plan;
  const ok = validate(data);
  const bad = new Set<string>();
  if (!ok) {
    const errors = validate.errors ?? [];
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

export function loadProject(root: string): LoadedProject {
  return loadProjectFrom(fsSource(root), root);
}

/** Reads a project from any file source; `root` only labels the result. */
export function loadProjectFrom(src: FileSource, root: string): LoadedProject {
  const out: LoadedProject = { root, project: emptyProject(), diagnostics: [], sources: new Map() };
  const p = out.project;
  p.manifest = checkRecord('manifest', readAndParse(src, MANIFEST_FILE, LIMITS.recordBytes, out), out);
  if (src.exists(PLAN_FILE)) checkPlan(readAndParse(src, PLAN_FILE, LIMITS.planBytes, out), out);

  const folders: [Exclude<RecordKind, 'manifest' | 'plan'>, keyof Project][] = [
    ['requirement', 'requirements'], ['risk', 'risks'], ['change', 'changes'], ['acceptance', 'acceptance'], ['survey', 'surveys'],
  ];
  for (const [kind, key] of folders) {
    const listing = src.list(FOLDERS[kind]);
    out.diagnostics.push(...listing.diagnostics);
    const list = p[key] as Located<unknown>[];
    for (const file of listing.files) {
      const rec = checkRecord(kind, readAndParse(src, file, LIMITS.recordBytes, out), out);
      if (rec) list.push(rec);
    }
  }
  return out;
}

/** Fills in line and column for findings that carry only a path. Mutates and returns the list. */
export function resolvePositions(diagnostics: Diagnostic[], sources: ReadonlyMap<string, string>): Diagnostic[] {
  for (const d of diagnostics) {
    if (d.line !== undefined || !d.path) continue;
    const src = sources.get(d.file);
    if (src === undefined) continue;
    Object.assign(d, locate(src, d.path));
  }
  return diagnostics;
}
