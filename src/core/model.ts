// The in-memory project: every record with the file (and path in that file) it came from.
// Record shapes are generated from schemas/ (src/core/generated); never declare them by hand.
import type { Acceptance } from './generated/acceptance.js';
import type { Change } from './generated/change.js';
import type { Manifest } from './generated/manifest.js';
import type { Plan } from './generated/plan.js';
import type { Requirement } from './generated/requirement.js';
import type { Risk } from './generated/risk.js';
import type { Survey } from './generated/survey.js';
import type { JsonPath } from './diagnostics.js';

export type { Acceptance, Change, Manifest, Plan, Requirement, Risk, Survey };
export type Task = NonNullable<Plan['tasks']>[number];
export type Milestone = NonNullable<Plan['milestones']>[number];
export type Baseline = NonNullable<Plan['baselines']>[number];
export type RiskAction = NonNullable<Risk['actions']>[number];
export type AcceptanceRound = NonNullable<Acceptance['rounds']>[number];
export type RequirementStatus = Requirement['status'];
export type TaskStatus = Task['status'];

export type RecordKind = 'manifest' | 'requirement' | 'plan' | 'risk' | 'change' | 'acceptance' | 'survey';

/** A record and where it lives: the file, and the path of the record inside it ([] for a whole file). */
export interface Located<T> {
  file: string;
  path: JsonPath;
  data: T;
}

export interface Project {
  manifest: Located<Manifest> | null;
  requirements: Located<Requirement>[];
  /** The plan file's own fields (schema_version); tasks, milestones and baselines are below. */
  planFile: string | null;
  tasks: Located<Task>[];
  milestones: Located<Milestone>[];
  baselines: Located<Baseline>[];
  risks: Located<Risk>[];
  changes: Located<Change>[];
  acceptance: Located<Acceptance>[];
  surveys: Located<Survey>[];
  /** Ids of records that exist but failed to load or validate: references to them are not "dangling". */
  brokenIds: Set<string>;
  /** Those records themselves (only their id is trusted), so duplicate ids are still caught. */
  brokenRecords: Located<{ id: string }>[];
}

/** Record folders, one record per file (CLI.md). */
export const FOLDERS = {
  requirement: 'requirements',
  risk: 'risks',
  change: 'changes',
  acceptance: 'acceptance',
  survey: 'surveys',
} as const;

export const PLAN_FILE = 'plan.yaml';
export const MANIFEST_FILE = 'deliver.yaml';

export function emptyProject(): Project {
  return {
    manifest: null, requirements: [], planFile: null, tasks: [], milestones: [], baselines: [],
    risks: [], changes: [], acceptance: [], surveys: [], brokenIds: new Set(), brokenRecords: [],
  };
}
