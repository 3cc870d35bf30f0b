// The record-kind registry: one entry per kind of record, in the order reports and checks walk
// them. Adding a kind = a schema in schemas/, a file here with its entry (storage, id, references,
// as-of view, export columns, diff), one line below, a command module and its messages; loading,
// the id and reference rules, renumber, the as-of view, export, diff and init follow from it.
import { acceptanceKind } from './acceptance.js';
import { baselineKind } from './baseline.js';
import { changeKind } from './change.js';
import { dispatchKind } from './dispatch.js';
import { meetingKind } from './meeting.js';
import { milestoneKind } from './milestone.js';
import { requirementKind } from './requirement.js';
import { riskKind } from './risk.js';
import { compileRef, type CompiledRef, type IdSpec, type KindSpec, type SchemaName } from './spec.js';
import { surveyKind } from './survey.js';
import { taskKind } from './task.js';
import { ticketKind } from './ticket.js';
import { trainingKind } from './training.js';
import { visitKind } from './visit.js';

export const KINDS = {
  requirement: requirementKind,
  task: taskKind,
  milestone: milestoneKind,
  baseline: baselineKind,
  risk: riskKind,
  change: changeKind,
  acceptance: acceptanceKind,
  survey: surveyKind,
  ticket: ticketKind,
  visit: visitKind,
  dispatch: dispatchKind,
  training: trainingKind,
  meeting: meetingKind,
} as const;

export type KindName = keyof typeof KINDS;
type Entry<K extends KindName> = (typeof KINDS)[K];
/** The record type of a kind, as the registry entry declares it (generated from its schema). */
export type RecordOf<K extends KindName> = Entry<K> extends KindSpec<infer T, string> ? T : never;
export type CollectionOf<K extends KindName> = Entry<K>['collection'];
/** Kinds whose records have an id of their own. */
export type IdKind = { [K in KindName]: Entry<K> extends { id: IdSpec } ? K : never }[KindName];
/** Kinds kept one record per file in a folder of their own. */
export type FolderKind = { [K in KindName]: Entry<K>['storage'] extends { folder: string } ? K : never }[KindName];

export type { CompiledRef, IdSpec, KindSpec, SchemaName } from './spec.js';
export { eachRef, type Cell, type Column, type ExportContext } from './spec.js';

/** Every kind, in registry order. */
export const KIND_NAMES = Object.keys(KINDS) as KindName[];

/** A kind's entry, typed loosely for code that treats every kind alike. */
export function kindSpec(kind: KindName): KindSpec<unknown> {
  return KINDS[kind] as unknown as KindSpec<unknown>;
}

export const ID_KINDS = KIND_NAMES.filter((k) => kindSpec(k).id !== undefined) as IdKind[];
export const FOLDER_KINDS = KIND_NAMES.filter((k) => 'folder' in kindSpec(k).storage) as FolderKind[];

/** Record folders, one record per file (CLI.md). */
export const FOLDERS = Object.fromEntries(FOLDER_KINDS.map((k) => [k, (kindSpec(k).storage as { folder: string }).folder])) as {
  [K in FolderKind]: Entry<K>['storage'] extends { folder: infer F } ? F : never;
};

/** The schemas records are checked against: the two project files and every folder kind's. */
export const SCHEMA_NAMES: readonly SchemaName[] = ['manifest', 'plan', ...FOLDER_KINDS.map((k) => kindSpec(k).schema)];

export function idSpec(kind: IdKind): IdSpec {
  return kindSpec(kind).id!;
}

const compiled = new Map<KindName, readonly CompiledRef[]>(KIND_NAMES.map((k) => [k, kindSpec(k).refs.map(compileRef)]));

/** A kind's reference fields, split once. */
export function refsOf(kind: KindName): readonly CompiledRef[] {
  return compiled.get(kind)!;
}

const compiledFacts = new Map<KindName, readonly CompiledRef[]>(
  KIND_NAMES.map((k) => [k, (kindSpec(k).facts ?? []).map((path) => compileRef({ path }))]),
);

/** A kind's fields holding the dates of things that happened, split once (walked with eachRef). */
export function factsOf(kind: KindName): readonly CompiledRef[] {
  return compiledFacts.get(kind)!;
}

/** The schema (and so the file kind) a record of this kind is written with: its folder's, or plan.yaml's. */
export function fileSchemaOf(kind: KindName): SchemaName {
  return kindSpec(kind).schema;
}

/** Kinds with CSV export columns. */
export const EXPORTED_KINDS = KIND_NAMES.filter((k) => kindSpec(k).columns !== undefined);
/** What `export --kind` accepts: the collections of the exported kinds (`requirements`, `tasks`, …). */
export type SheetKind = { [K in KindName]: Entry<K> extends { columns: readonly unknown[] } ? CollectionOf<K> : never }[KindName];
export const EXPORT_KINDS = EXPORTED_KINDS.map((k) => kindSpec(k).collection) as SheetKind[];
