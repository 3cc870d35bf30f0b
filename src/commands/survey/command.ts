// Flags of `deliver survey add|list`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { collect, type OptionsOf, type Parent, type Runner } from '../../cli/program.js';

const load = () => import('./run.js');

function add(survey: Parent) {
  return survey
    .command('add')
    .description('record a satisfaction survey; prints its id')
    .option('--audience <who>', 'customer (default) or team (a team member rates the delivery lead, 1–5)')
    .option('--score <score>', 'overall score: out of 100 (customer), 1–5 (team)')
    .option(
      '--dimension <name=score>',
      'a dimension score (repeatable): quality, timeliness, after_sales or one of survey_dimensions in deliver.yaml; team: communication, problem_solving, cooperation',
      collect,
    )
    .option('--date <date>', 'date of the survey (default: --as-of)')
    .option('--respondent <name>', 'who answered')
    .option('--req <id>', 'the requirement it is about')
    .option('--accept <id>', 'the acceptance record it is about')
    .option('--comment <text>', "the customer's comment");
}
export type SurveyAddOptions = OptionsOf<typeof add>;

function list(survey: Parent) {
  return survey.command('list').description('list surveys');
}

export function register(program: Parent, run: Runner): void {
  const survey = program.command('survey').description("satisfaction surveys: the customer's, and the team's rating of the delivery lead");
  add(survey).action((opts, cmd) => run(cmd, async (ctx) => (await load()).surveyAdd(ctx, opts)));
  list(survey).action((_opts, cmd) => run(cmd, async (ctx) => (await load()).surveyList(ctx)));
}
