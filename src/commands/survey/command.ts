// Flags of `deliver survey add|list`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { collect, type OptionsOf, type Parent, type Runner } from '../../cli/program.js';

const load = () => import('./run.js');

function add(survey: Parent) {
  return survey
    .command('add')
    .description('record a satisfaction survey; prints its id')
    .option('--score <0-100>', 'overall score out of 100')
    .option('--dimension <name=score>', 'a dimension score: quality=90, timeliness=80, after_sales=85 (repeatable)', collect)
    .option('--date <date>', 'date of the survey (default: --as-of)')
    .option('--respondent <name>', 'who answered')
    .option('--req <id>', 'the requirement it is about')
    .option('--accept <id>', 'the acceptance record it is about')
    .option('--comment <text>', 'the customer\'s comment');
}
export type SurveyAddOptions = OptionsOf<typeof add>;

function list(survey: Parent) {
  return survey
    .command('list')
    .description('list surveys');
}

export function register(program: Parent, run: Runner): void {
  const survey = program.command('survey').description('customer satisfaction surveys');
  add(survey).action((opts, cmd) => run(cmd, async (ctx) => (await load()).surveyAdd(ctx, opts)));
  list(survey).action((_opts, cmd) => run(cmd, async (ctx) => (await load()).surveyList(ctx)));
}
