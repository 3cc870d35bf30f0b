// What the registry says about one record kind (see index.ts). Everything that must treat every
// kind alike — loading, the id and reference rules, renumber, the as-of view, export and diff —
// reads these entries instead of naming the kinds one by one.
import type { IsoDate } from '../dates.js';
import type { JsonPath } from '../diagnostics.js';
import type { Schedule } from '../schedule.js';

/**
 * A schema in schemas/: the file kinds (deliver.yaml, plan.yaml) and one per record folder — the
 * names the build compiled a validator for, so a schema and its name cannot drift apart.
 */
export type SchemaName = keyof typeof import('../../generated/validators.js');

/** Where a kind's records live: one record per file in a folder, or a list in plan.yaml. */
export type Storage = { folder: string } | { planList: 'tasks' | 'milestones' | 'baselines' };

export interface IdSpec {
  /** The fixed prefix (`T-`); null when the record supplies it (requirements: its intake month). */
  prefix: string | null;
  pattern: RegExp;
  /** The `$defs` entry of defs.schema.json that holds the same pattern (a test keeps them equal). */
  def: string;
  /** How such an id is written, for messages: `T-NNN`. */
  form: string;
}

/** A field holding ids of other records; `[]` stands for every element of a list (`applied.moves[].id`). */
export interface RefSpec {
  path: string;
  /** Its name in messages; by default the path without `[]` and without a trailing `.id`. */
  field?: string;
  /** Whether validate reports an id that exists nowhere (a baseline keeps ids of removed tasks). Default true. */
  checked?: boolean;
  /** Whether the ids it holds stay taken after their record is gone (never handed out again). */
  remembers?: boolean;
}

export type Cell = string | number | boolean | undefined | null;

/** What an export column may look at besides the record: the forecast and the report date. */
export interface ExportContext {
  schedule: Schedule;
  asOf: IsoDate;
}

/** One column of the CSV export; its header is the message `exp.h.<key>` in the user's language. */
export interface Column<T> {
  key: string;
  value(r: T, x: ExportContext): Cell;
}

export interface KindSpec<T, C extends string = string> {
  /** The list in the in-memory project (`project.requirements`) and the key in `export --format json`. */
  collection: C;
  storage: Storage;
  /** The schema that validates the file holding the record. */
  schema: SchemaName;
  id?: IdSpec;
  /** A short human name: the slug of its file name, the title in diff summaries. */
  title(r: T): string | undefined;
  /** Label of the record when it holds a reference and has no id of its own (baselines). */
  holder?(r: T): string;
  refs: readonly RefSpec[];
  /**
   * Where the record holds the dates of things that happened to it (paths as in `refs`): a command
   * may not record one after the report date (write-checks.ts, DLV-E071). Its `born` date is not
   * one of them: a record that comes into being later is left out of the view as of the date.
   */
  facts?: readonly string[];
  /** The day the record came into being: the as-of view leaves out records born after the report date. */
  born?(r: T): IsoDate;
  /** The record as it stood at the end of `asOf`, later facts undone; the same object when nothing changes. */
  asOf?(r: T, asOf: IsoDate): T;
  /** Columns of `export --format csv --kind <collection>`; absent: the kind is not exported as CSV. */
  columns?: readonly Column<T>[];
  /** How `diff` summarises the kind: a section of its own (diff-records.ts, diff-plan.ts) or the generic one. */
  diff: 'own' | 'generic';
}

/** A reference path split once: field names, and `[]` for "each element". */
export interface CompiledRef {
  spec: RefSpec;
  field: string;
  steps: readonly (string | null)[];
  checked: boolean;
  remembers: boolean;
}

export function compileRef(spec: RefSpec): CompiledRef {
  const steps: (string | null)[] = [];
  for (const part of spec.path.split('.')) {
    const list = part.endsWith('[]');
    steps.push(list ? part.slice(0, -2) : part);
    if (list) steps.push(null);
  }
  const field = spec.field ?? spec.path.replace(/\[\]/g, '').replace(/\.id$/, '');
  return { spec, field, steps, checked: spec.checked ?? true, remembers: spec.remembers ?? false };
}

/**
 * Calls `found` for every id a record holds at `ref`, with the path of the value inside the record.
 * Values that are not text (a broken hand edit) are skipped: the schema reports those. The path is
 * one array reused for every call (a copy per value cost more than the check, at 10,000 tasks):
 * copy it to keep it.
 */
export function eachRef(data: unknown, ref: CompiledRef, found: (id: string, path: JsonPath) => void): void {
  walk(data, ref.steps, 0, [], found);
}

function walk(
  v: unknown,
  steps: readonly (string | null)[],
  i: number,
  path: (string | number)[],
  found: (id: string, path: JsonPath) => void,
): void {
  if (i === steps.length) {
    if (typeof v === 'string') found(v, path);
    return;
  }
  const step = steps[i];
  if (step === null) {
    if (!Array.isArray(v)) return;
    for (let j = 0; j < v.length; j++) {
      path.push(j);
      walk(v[j], steps, i + 1, path, found);
      path.pop();
    }
  } else if (v !== null && typeof v === 'object' && Object.prototype.hasOwnProperty.call(v, step!)) {
    path.push(step!);
    walk((v as Record<string, unknown>)[step!], steps, i + 1, path, found);
    path.pop();
  }
}

/** A list of ids in one cell: space-separated, empty when there are none. */
export const listCell = (xs: readonly string[] | undefined): string | undefined => (xs && xs.length ? xs.join(' ') : undefined);

/** Whether a recorded date is later than the report date (the fact has not happened as of it). */
export const after = (d: string | undefined, asOf: IsoDate): boolean => d !== undefined && d > asOf;
