// The command tree. Each command group declares its flags in src/cli/spec/<group>.ts and loads
// its implementation (src/commands/<group>.ts) only when it runs, so `--help` and `--version`
// stay fast. Global options are declared once here (CLI.md).
import { Command, Option } from 'commander';
import type { Context } from './context.js';
import { register as registerInit } from './spec/init.js';
import { register as registerReq } from './spec/req.js';
import { register as registerValidate } from './spec/validate.js';
import { register as registerTask } from './spec/task.js';
import { register as registerMilestone } from './spec/milestone.js';
import { register as registerPlan } from './spec/plan.js';
import { register as registerGantt } from './spec/gantt.js';
import { register as registerRisk } from './spec/risk.js';
import { register as registerChange } from './spec/change.js';
import { register as registerAccept } from './spec/accept.js';
import { register as registerDiff } from './spec/diff.js';
import { register as registerRenumber } from './spec/renumber.js';
import { register as registerStatus } from './spec/status.js';
import { register as registerKpi } from './spec/kpi.js';
import { register as registerReport } from './spec/report.js';
import { register as registerExport } from './spec/export.js';
import { register as registerSurvey } from './spec/survey.js';
import { register as registerTicket } from './spec/ticket.js';
import { register as registerVisit } from './spec/visit.js';
import { register as registerReportSent } from './spec/report-sent.js';
import { register as registerTeam } from './spec/team.js';
import { register as registerTraining } from './spec/training.js';
import { register as registerLoad } from './spec/load.js';

/** How a command's action reaches its implementation: main builds the context and catches errors. */
export type Runner = (impl: (ctx: Context, args: unknown[], opts: Record<string, unknown>) => Promise<void>) => (...args: unknown[]) => Promise<void>;

export function buildProgram(version: string, run: Runner): Command {
  const program = new Command('deliver')
    .description('Delivery tracker: requirements, plan, risks, changes and acceptance kept as YAML in git.')
    .version(version, '-V, --version')
    .option('-C, --dir <path>', 'the project folder (default: nearest folder upward holding deliver.yaml)')
    .option('--json', 'machine-readable output on stdout')
    .addOption(new Option('--lang <lang>', 'language of output').choices(['zh-CN', 'en']))
    .option('--as-of <date>', 'the date to report as of, YYYY-MM-DD (also DELIVER_AS_OF)')
    .option('--no-color', 'plain output without colour')
    .showHelpAfterError('(run with --help for usage)')
    .enablePositionalOptions(false);
  registerInit(program, run);
  registerValidate(program, run);
  registerReq(program, run);
  registerTask(program, run);
  registerMilestone(program, run);
  registerPlan(program, run);
  registerGantt(program, run);
  registerRisk(program, run);
  registerChange(program, run);
  registerAccept(program, run);
  registerDiff(program, run);
  registerRenumber(program, run);
  registerStatus(program, run);
  registerKpi(program, run);
  registerReport(program, run);
  registerExport(program, run);
  registerSurvey(program, run);
  registerTicket(program, run);
  registerVisit(program, run);
  registerReportSent(program, run);
  registerTeam(program, run);
  registerTraining(program, run);
  registerLoad(program, run);
  return program;
}

/** Collects a repeatable option into a list (`--req A --req B` or `--req A B`). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
