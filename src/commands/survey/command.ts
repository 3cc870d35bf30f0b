// Flags of `deliver survey add|list`.
import type { Command } from 'commander';
import { collect, type Runner } from '../../cli/program.js';

export function register(program: Command, run: Runner): void {
  const survey = program.command('survey').description('satisfaction surveys: the customer\'s, and the team\'s rating of the delivery lead');
  survey
    .command('add')
    .description('record a satisfaction survey; prints its id')
    .option('--audience <who>', 'customer (default) or team (a team member rates the delivery lead, 1–5)')
    .option('--score <score>', 'overall score: out of 100 (customer), 1–5 (team)')
    .option('--dimension <name=score>', 'a dimension score (repeatable): quality, timeliness, after_sales or one of survey_dimensions in deliver.yaml; team: communication, problem_solving, cooperation', collect)
    .option('--date <date>', 'date of the survey (default: --as-of)')
    .option('--respondent <name>', 'who answered')
    .option('--req <id>', 'the requirement it is about')
    .option('--accept <id>', 'the acceptance record it is about')
    .option('--comment <text>', 'the customer\'s comment')
    .action(run(async (ctx, _a, opts) => (await import('./run.js')).surveyAdd(ctx, opts)));
  survey
    .command('list')
    .description('list surveys')
    .action(run(async (ctx) => (await import('./run.js')).surveyList(ctx)));
}
