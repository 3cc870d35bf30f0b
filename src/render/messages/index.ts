// All message catalogues merged. Each area file exports `en` and `zh` with identical keys.
import * as common from './common.js';
import * as req from './req.js';
import * as plan from './plan.js';
import * as control from './control.js';
import * as kpi from './kpi.js';
import * as reports from './reports.js';
import * as diff from './diff.js';
import * as forecast from './forecast.js';
import * as meeting from './meeting.js';
import * as service from './service.js';
import * as visual from './visual.js';
import * as git from './git.js';
import * as audience from './audience.js';
import * as setup from './setup.js';
import * as workflow from './workflow.js';
import * as handover from './handover.js';
import * as closeout from './closeout.js';
import * as forms from './forms.js';

const AREAS = [
  common,
  req,
  plan,
  control,
  kpi,
  reports,
  diff,
  forecast,
  meeting,
  service,
  visual,
  git,
  audience,
  setup,
  workflow,
  handover,
  closeout,
  forms,
];

export const MESSAGES: { en: Record<string, string>; zh: Record<string, string> } = {
  en: Object.assign({}, ...AREAS.map((a) => a.en)),
  zh: Object.assign({}, ...AREAS.map((a) => a.zh)),
};
export const AREA_CATALOGUES = AREAS;
