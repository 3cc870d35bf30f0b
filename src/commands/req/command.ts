// Flags of `deliver req add|list|show|move|analyze|assess|plan|confirm|edit|escalate`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { Option } from '@commander-js/extra-typings';
import { collect, type OptionsOf, type Parent, type Runner } from '../../cli/program.js';

const load = () => import('./run.js');
const loadWorkflow = () => import('./workflow.js');

function add(req: Parent) {
  return req
    .command('add')
    .description('register a customer request; prints its id')
    .option('--title <text>', 'short description')
    .option('--customer <text>', 'customer organisation')
    .option('--contact <name>', 'customer contact')
    .addOption(new Option('--urgency <level>', 'urgency').choices(['high', 'medium', 'low']))
    .option('--received <date>', 'date received (default: --as-of)')
    .option('--due <date>', 'expected delivery date')
    .option('--receiver <name>', 'who registered it')
    .addOption(new Option('--channel <channel>', 'how it arrived').choices(['phone', 'email', 'form', 'meeting', 'other']))
    .option('--description <text>', 'longer description')
    .option('--phone <number>', 'contact phone (联系方式)')
    .option('--email <address>', 'contact e-mail (联系方式)')
    .option('--attach <path-or-link>', 'an attachment: a file relative to the project folder, or a link (repeatable)', collect)
    .option('-y, --yes', 'never prompt');
}
export type ReqAddOptions = OptionsOf<typeof add>;

function list(req: Parent) {
  return req
    .command('list')
    .description('list requirements')
    .option('--status <status>', 'only this status (repeatable)', collect)
    .option('--urgency <level>', 'only this urgency (repeatable)', collect)
    .option('--waiting', 'only requirements with a workflow step waiting (analysis, assessment, confirmation)');
}
export type ReqListOptions = OptionsOf<typeof list>;

function show(req: Parent) {
  return req.command('show <id>').description('one requirement with its tasks, change slips and acceptance');
}

function move(req: Parent) {
  return req
    .command('move <id> <status>')
    .description('move a requirement along its lifecycle')
    .option('--date <date>', 'date of the move (default: --as-of)')
    .option('--by <name>', 'who moved it')
    .option('--note <text>', 'why');
}
export type ReqMoveOptions = OptionsOf<typeof move>;

function analyze(req: Parent) {
  return req
    .command('analyze <id>')
    .description('record the requirement analysis (需求分析说明书); moves a received requirement to analyzing')
    .option('--analyst <name>', 'who analysed it')
    .option('--date <date>', 'date of the analysis (default: --as-of)')
    .option('--background <text>', 'background')
    .option('--goal <text>', 'goal')
    .option('--feature <text>', 'a core function (repeatable)', collect)
    .addOption(new Option('--priority <level>', 'priority').choices(['high', 'medium', 'low']))
    .option('--resources <text>', 'dependencies and resources needed')
    .option('--risk <text>', 'a risk (repeatable)', collect)
    .option('--days <n>', 'suggested cycle in working days');
}
export type ReqAnalyzeOptions = OptionsOf<typeof analyze>;

function assess(req: Parent) {
  return req
    .command('assess <id>')
    .description('record the feasibility assessment (可行性评估报告)')
    .option('--assessor <name>', 'who assessed it')
    .option('--date <date>', 'date of the assessment (default: --as-of)')
    .option('--feasible', 'feasible')
    .option('--not-feasible', 'not feasible')
    .addOption(new Option('--difficulty <level>', 'technical difficulty').choices(['low', 'medium', 'high']))
    .option('--people <n>', 'people needed')
    .option('--days <n>', 'working days needed')
    .option('--cost <amount>', 'cost, e.g. 12000 or 12000 CNY')
    .option('--risk <text>', 'a risk (repeatable)', collect)
    .option('--notes <text>', 'notes');
}
export type ReqAssessOptions = OptionsOf<typeof assess>;

function planCmd(req: Parent) {
  return req
    .command('plan <id>')
    .description('record the handling plan (需求处理方案): scope, priority, resources, target date')
    .option('--by <name>', 'who made the plan')
    .option('--date <date>', 'date of the plan (default: --as-of)')
    .option('--scope <text>', 'scope')
    .addOption(new Option('--priority <level>', 'priority').choices(['high', 'medium', 'low']))
    .option('--resources <text>', 'resources')
    .option('--target <date>', 'target date');
}
export type ReqPlanOptions = OptionsOf<typeof planCmd>;

function confirm(req: Parent) {
  return req
    .command('confirm <id>')
    .description("record the customer's written confirmation (客户确认记录); moves the requirement to confirmed")
    .option('--by <name>', 'customer signatory')
    .option('--date <date>', 'date of the confirmation (default: --as-of)')
    .addOption(new Option('--method <method>', 'how it was confirmed').choices(['email', 'stamped_scan', 'signed_form', 'meeting']))
    .option('--scope <text>', 'confirmed scope')
    .option('--standard <text>', 'acceptance standard')
    .option('--evidence <path-or-link>', 'the scan or mail file (relative to the project folder) or a link');
}
export type ReqConfirmOptions = OptionsOf<typeof confirm>;

function edit(req: Parent) {
  return req
    .command('edit <id>')
    .description('change intake fields of a requirement')
    .option('--title <text>', 'short description')
    .option('--customer <text>', 'customer organisation')
    .option('--contact <name>', 'customer contact')
    .option('--phone <number>', 'contact phone')
    .option('--email <address>', 'contact e-mail')
    .addOption(new Option('--urgency <level>', 'urgency').choices(['high', 'medium', 'low']))
    .option('--due <date>', 'expected delivery date')
    .option('--receiver <name>', 'who registered it')
    .addOption(new Option('--channel <channel>', 'how it arrived').choices(['phone', 'email', 'form', 'meeting', 'other']))
    .option('--description <text>', 'longer description')
    .option('--attach <path-or-link>', 'add an attachment (repeatable)', collect);
}
export type ReqEditOptions = OptionsOf<typeof edit>;

function escalate(req: Parent) {
  return req
    .command('escalate <id>')
    .description('escalate a major problem to the head of department (重大问题升级), or record the outcome of the open escalation')
    .option('--to <name>', 'escalated to')
    .option('--reason <text>', 'why')
    .option('--by <name>', 'who escalated it')
    .option('--outcome <text>', 'the outcome of the open escalation')
    .option('--date <date>', 'date (default: --as-of)');
}
export type ReqEscalateOptions = OptionsOf<typeof escalate>;

function archive(req: Parent) {
  return req
    .command('archive <id>')
    .description('archive a closed request (归档): its archive number, date and the checklist of documents')
    .option('--number <text>', 'archive number (归档编号)')
    .option('--date <date>', 'archive date (default: --as-of)')
    .option('--by <name>', 'who archived it')
    .option(
      '--doc <doc=path-or-link>',
      'where a document is kept: registration|analysis|feasibility|plan|confirmation|acceptance=<file or link> (repeatable)',
      collect,
    )
    .option('--na <doc>', 'a document that does not apply (repeatable)', collect);
}
export type ReqArchiveOptions = OptionsOf<typeof archive>;

export function register(program: Parent, run: Runner): void {
  const req = program.command('req').description('the requirement register');
  add(req).action((opts, cmd) => run(cmd, async (ctx) => (await load()).reqAdd(ctx, opts)));
  list(req).action((opts, cmd) => run(cmd, async (ctx) => (await load()).reqList(ctx, opts)));
  show(req).action((id, _opts, cmd) => run(cmd, async (ctx) => (await load()).reqShow(ctx, id)));
  move(req).action((id, status, opts, cmd) => run(cmd, async (ctx) => (await load()).reqMove(ctx, id, status, opts)));
  analyze(req).action((id, opts, cmd) => run(cmd, async (ctx) => (await loadWorkflow()).reqAnalyze(ctx, id, opts)));
  assess(req).action((id, opts, cmd) => run(cmd, async (ctx) => (await loadWorkflow()).reqAssess(ctx, id, opts)));
  planCmd(req).action((id, opts, cmd) => run(cmd, async (ctx) => (await loadWorkflow()).reqPlan(ctx, id, opts)));
  confirm(req).action((id, opts, cmd) => run(cmd, async (ctx) => (await loadWorkflow()).reqConfirm(ctx, id, opts)));
  edit(req).action((id, opts, cmd) => run(cmd, async (ctx) => (await loadWorkflow()).reqEdit(ctx, id, opts)));
  archive(req).action((id, opts, cmd) => run(cmd, async (ctx) => (await loadWorkflow()).reqArchive(ctx, id, opts)));
  escalate(req).action((id, opts, cmd) => run(cmd, async (ctx) => (await loadWorkflow()).reqEscalate(ctx, id, opts)));
}
