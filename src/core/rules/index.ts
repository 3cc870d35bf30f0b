// Cross-record rules, run after every record passed its schema. Each rule is a small named
// function from the project to findings; add new ones to RULES.
import type { Diagnostic } from '../diagnostics.js';
import type { Project } from '../model.js';
import { checkAcceptance, checkChanges, checkRisks } from './control.js';
import { checkIds } from './ids.js';
import { checkManifest } from './manifest.js';
import { checkMeetings } from './meetings.js';
import { checkPlan } from './plan.js';
import { checkPlanDates } from './plan-dates.js';
import { checkReferences } from './references.js';
import { checkRequirements } from './requirements.js';
import { checkSchedule } from './schedule.js';
import { checkTeam, checkTickets } from './service.js';
import { checkSurveys } from './surveys.js';
import { checkHandover } from './handover.js';
import { checkArchive } from './archive.js';

const RULES: ReadonlyArray<(p: Project) => Diagnostic[]> = [
  checkManifest,
  checkIds,
  checkReferences,
  checkPlan,
  checkPlanDates,
  checkRequirements,
  checkAcceptance,
  checkChanges,
  checkRisks,
  checkHandover,
  checkMeetings,
  checkSchedule,
  checkSurveys,
  checkTickets,
  checkTeam,
];

/** `asOf`: the command's report date, so the calendar rule and the command share one forecast. */
export function checkRules(p: Project, asOf?: string): Diagnostic[] {
  return [
    ...RULES.filter((rule) => rule !== checkSchedule).flatMap((rule) => rule(p)),
    ...checkSchedule(p, asOf),
    ...checkArchive(p, asOf),
  ];
}
