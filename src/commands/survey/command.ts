// Flags of `deliver survey add|list`.
import type { Command } from 'commander';
import { collect, type Runner } from '../../cli/program.js';

export function register(program: Command, run: Runner): void {
  const survey = program.command('survey').description('customer satisfaction surveys');
  survey
    .command('add')
    .description('record a satisfaction survey; prints its id')
    .option('--score <0-100>', 'overall score out of 100')
    .option('--dimension <name=score>', 'a dimension score: quality=90, timeliness=80, after_sales=85 (repeatable)', collect)
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
