// The in-memory project: every record with the file (and path in that file) it came from.
// Record shapes are generated from schemas/ (src/core/generated); never declare them by hand. The
// lists of records follow the kind registry (src/core/kinds): one list per kind, named by its entry.
import type { Acceptance } from './generated/acceptance.js';
import type { Change } from './generated/change.js';
import type { Manifest } from './generated/manifest.js';
import type { Meeting } from './generated/meeting.js';
import type { Plan } from './generated/plan.js';
import type { Requirement } from './generated/requirement.js';
import type { Risk } from './generated/risk.js';
import type { Survey } from './generated/survey.js';
import type { Ticket } from './generated/ticket.js';
import type { Visit } from './generated/visit.js';
import type { Dispatch } from './generated/dispatch.js';
import type { Training } from './generated/training.js';
import type { JsonPath } from './diagnostics.js';
import { KIND_NAMES, kindSpec, type CollectionOf, type KindName, type RecordOf, type SchemaName } from './kinds/index.js';

export type { Acceptance, Change, Manifest, Meeting, Plan, Requirement, Risk, Survey, Ticket, Visit, Dispatch, Training };
export type Task = NonNullable<Plan['tasks']>[number];
export type Milestone = NonNullable<Plan['milestones']>[number];
export type Baseline = NonNullable<Plan['baselines']>[number];
export type RiskAction = NonNullable<Risk['actions']>[number];
export type AcceptanceRound = NonNullable<Acceptance['rounds']>[number];
export type RequirementStatus = Requirement['status'];
export type TaskStatus = Task['status'];

/** The kind of a record file: which schema checks it (deliver.yaml, plan.yaml or a record folder's). */
export type RecordKind = SchemaName;

/** A record and where it lives: the file, and the path of the record inside it ([] for a whole file). */
export interface Located<T> {
  file: string;
  path: JsonPath;
  data: T;
}

/** One list per record kind: `requirements`, `tasks`, … (the registry entry's `collection`). */
export type ProjectRecords = { [K in KindName as CollectionOf<K>]: Located<RecordOf<K>>[] };

export interface Project extends ProjectRecords {
  manifest: Located<Manifest> | null;
  /** The plan file (tasks, milestones and baselines are lists of their own above), null when there is none. */
  planFile: string | null;
  /** Ids of records that exist but failed to load or validate: references to them are not "dangling". */
  brokenIds: Set<string>;
  /** Those records themselves (only their id is trusted), so duplicate ids are still caught. */
  brokenRecords: Located<{ id: string }>[];
  /** Files that could not be read or parsed, and the kinds whose records they may hold (their ids are unknown). */
  unreadable: { file: string; kinds: KindName[] }[];
}

/** A kind's list in the project, typed by its kind. */
export function recordsOf<K extends KindName>(p: Project, kind: K): Located<RecordOf<K>>[] {
  return (p as unknown as Record<string, Located<RecordOf<K>>[]>)[kindSpec(kind).collection]!;
}

export { FOLDERS } from './kinds/index.js';
export const PLAN_FILE = 'plan.yaml';
export const MANIFEST_FILE = 'deliver.yaml';

export function emptyProject(): Project {
  const p = { manifest: null, planFile: null, brokenIds: new Set<string>(), brokenRecords: [], unreadable: [] } as Record<string, unknown>;
  for (const k of KIND_NAMES) p[kindSpec(k).collection] = [];
  return p as unknown as Project;
}
