// The JSON Schemas themselves, bundled: used only to explain a finding (which fields are allowed),
// never to compile validators at run time (those are precompiled by scripts/build.mjs).
import acceptance from '../../schemas/acceptance.schema.json';
import change from '../../schemas/change.schema.json';
import defs from '../../schemas/defs.schema.json';
import dispatch from '../../schemas/dispatch.schema.json';
import manifest from '../../schemas/manifest.schema.json';
import meeting from '../../schemas/meeting.schema.json';
import plan from '../../schemas/plan.schema.json';
import requirement from '../../schemas/requirement.schema.json';
import risk from '../../schemas/risk.schema.json';
import survey from '../../schemas/survey.schema.json';
import ticket from '../../schemas/ticket.schema.json';
import training from '../../schemas/training.schema.json';
import visit from '../../schemas/visit.schema.json';

export const SCHEMAS: Readonly<Record<string, unknown>> = {
  acceptance,
  change,
  defs,
  dispatch,
  manifest,
  meeting,
  plan,
  requirement,
  risk,
  survey,
  ticket,
  training,
  visit,
};
