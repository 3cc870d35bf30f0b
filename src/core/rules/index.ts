// Cross-record rules, run after every record passed its schema. Each rule is a small named
// function from the project to findings; add new ones to RULES.
import type { Diagnostic } from '../diagnostics.js';
import type { Project } from '../model.js';
import { checkAcceptance, checkChanges, checkRisks } from './control.js';
import { checkIds } from './ids.js';
import { checkManifest } from './manifest.js';
import { checkPlan } from './plan.js';
import { checkReferences } from './references.js';
import { checkRequirements } from './requirements.js';
import { checkSchedule } from './schedule.js';
import { checkTeam, checkTickets } from './service.js';

export const RULES: ReadonlyArray<(p: Project) => Diagnostic[]> = [
  checkManifest, checkIds, checkReferences, checkPlan, checkRequirements, checkAcceptance, checkChanges, checkRisks, checkSchedule, checkTickets, checkTeam,
];

export function checkRules(p: Project): Diagnostic[] {
  return RULES.flatMap((rule) => rule(p));
}
