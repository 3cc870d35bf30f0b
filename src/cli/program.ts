// The command tree. Each command lives in src/commands/<noun>/: command.ts declares its flags (which
// give the typed options its run function receives) and loads run.ts only when the command runs,
// so `--help` and `--version` stay fast. The global options are declared once here (CLI.md).
import { Command, Option, type CommandUnknownOpts } from '@commander-js/extra-typings';
import type { Context } from './context.js';
import type { Outcome } from './outcome.js';
import { register as registerInit } from '../commands/init/command.js';
import { register as registerReq } from '../commands/req/command.js';
import { register as registerValidate } from '../commands/validate/command.js';
import { register as registerTask } from '../commands/task/command.js';
import { register as registerMilestone } from '../commands/milestone/command.js';
import { register as registerPlan } from '../commands/plan/command.js';
import { register as registerGantt } from '../commands/gantt/command.js';
import { register as registerRisk } from '../commands/risk/command.js';
import { register as registerChange } from '../commands/change/command.js';
import { register as registerAccept } from '../commands/accept/command.js';
import { register as registerDiff } from '../commands/diff/command.js';
import { register as registerRenumber } from '../commands/renumber/command.js';
import { register as registerStatus } from '../commands/status/command.js';
import { register as registerKpi } from '../commands/kpi/command.js';
import { register as registerReport } from '../commands/report/command.js';
import { register as registerExport } from '../commands/export/command.js';
import { register as registerSurvey } from '../commands/survey/command.js';
import { register as registerMeeting } from '../commands/meeting/command.js';
import { register as registerSite } from '../commands/site/command.js';
import { register as registerImport } from '../commands/import/command.js';
import { register as registerTicket } from '../commands/ticket/command.js';
import { register as registerVisit } from '../commands/visit/command.js';
import { register as registerTeam } from '../commands/team/command.js';
import { register as registerTraining } from '../commands/training/command.js';
import { register as registerLoad } from '../commands/load/command.js';
import { register as registerCompletion } from '../commands/completion/command.js';
import { register as registerMergeDriver } from '../commands/merge-driver/command.js';
import { register as registerDoctor } from '../commands/doctor/command.js';
import { register as registerForm } from '../commands/form/command.js';

/**
 * How a command's action reaches its implementation: main builds the context from the command's
 * options (the global ones included), settles the returned outcome into the exit status and turns
 * errors into messages.
 */
export type Runner = (cmd: CommandUnknownOpts, impl: (ctx: Context) => Promise<Outcome>) => Promise<void>;

/** A command as its noun's command.ts declares it (a subcommand is declared on it). */
export type Parent = CommandUnknownOpts;

/** The options a command's run function receives, inferred from the flags its declaration adds. */
export type OptionsOf<Declare extends (...args: never[]) => CommandUnknownOpts> = ReturnType<ReturnType<Declare>['opts']>;

function root(version: string) {
  return new Command('deliver')
    .description('Delivery tracker: requirements, plan, risks, changes and acceptance kept as YAML in git.')
    .version(version, '-v, --version')
    .option('-C, --dir <path>', 'the project folder (default: nearest folder upward holding deliver.yaml)')
    .option('--json', 'machine-readable output on stdout')
    .addOption(new Option('--lang <lang>', 'language of output').choices(['zh-CN', 'en']))
    .option('--as-of <date>', 'the date to report as of, YYYY-MM-DD (also DELIVER_AS_OF)')
    .option('--no-color', 'plain output without colour')
    .showHelpAfterError('(run with --help for usage)')
    .enablePositionalOptions(false);
}

/** -C/--dir, --json, --lang, --as-of, --no-color: every command accepts them. */
export type GlobalOptions = OptionsOf<typeof root>;

export function buildProgram(version: string, run: Runner): Parent {
  const program = root(version);
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
  registerMeeting(program, run);
  registerSite(program, run);
  registerImport(program, run);
  registerTicket(program, run);
  registerVisit(program, run);
  registerTeam(program, run);
  registerTraining(program, run);
  registerLoad(program, run);
  registerCompletion(program, run);
  registerMergeDriver(program, run);
  registerDoctor(program, run);
  registerForm(program, run);
  return program;
}

/** Collects a repeatable option into a list (`--req A --req B` or `--req A B`). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
