// Rules for surveys: a dimension the KPIs know. A customer survey scores the seeds' dimensions
// (quality, timeliness, after_sales) or one deliver.yaml names under survey_dimensions; a team survey
// scores communication, problem_solving or cooperation. Anything else is a typo or a dimension the
// project has not declared: it is still measured (satisfaction_<key>), so a warning, not an error.
import { diag, type Diagnostic } from '../diagnostics.js';
import { CUSTOMER_DIMENSIONS, isTeam, TEAM_DIMENSIONS } from '../kpi-rules.js';
import type { Project } from '../model.js';

export function checkSurveys(p: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  const own = Object.keys(p.manifest?.data.survey_dimensions ?? {});
  const customer = [...CUSTOMER_DIMENSIONS, ...own];
  for (const s of p.surveys) {
    const team = isTeam(s.data);
    const known: readonly string[] = team ? TEAM_DIMENSIONS : customer;
    for (const k of Object.keys(s.data.dimensions ?? {})) {
      if (!known.includes(k))
        out.push(diag('DLV-W093', s.file, { dim: k, known: known.join(', '), audience: team ? 'team' : 'customer' }, ['dimensions', k]));
    }
  }
  return out;
}
