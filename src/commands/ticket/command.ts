// Flags of `deliver ticket add|list|show|respond|update|resolve|close`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { Option } from '@commander-js/extra-typings';
import type { OptionsOf, Parent, Runner } from '../../cli/program.js';

// The schema's value lists (test/core/kinds.test.ts holds them to schemas/ticket.schema.json).
export const TICKET_KINDS = ['warranty_repair', 'support', 'question', 'complaint', 'feedback'] as const;
export const SEVERITIES = ['high', 'medium', 'low'] as const;
export const TICKET_CHANNELS = ['phone', 'email', 'im', 'onsite', 'visit', 'other'] as const;

const load = () => import('./run.js');

function add(ticket: Parent) {
  return ticket
    .command('add')
    .description('open a ticket; prints its id')
    .option('--title <text>', 'what the customer reported, in one line')
    .addOption(new Option('--kind <kind>', 'kind of ticket (default support)').choices(TICKET_KINDS))
    .addOption(new Option('--severity <level>', 'severity: picks the response and resolution clocks (default medium)').choices(SEVERITIES))
    .addOption(new Option('--channel <channel>', 'how it reached us').choices(TICKET_CHANNELS))
    .option('--contact <name>', 'the customer contact who reported it')
    .option('--owner <name>', 'who handles it on our side')
    .option('--date <date>', 'date opened (default: --as-of)')
    .option('--time <HH:MM>', 'time opened (when the service levels count hours)')
    .option('--req <id>', 'the requirement it is about')
    .option('--accept <id>', 'the deliverable (acceptance record) it is about')
    .option('--description <text>', 'details');
}
export type TicketAddOptions = OptionsOf<typeof add>;

function list(ticket: Parent) {
  return ticket
    .command('list')
    .description('list tickets with their clocks (default: those not closed)')
    .option('--all', 'closed tickets too')
    .addOption(new Option('--kind <kind>', 'only this kind').choices(TICKET_KINDS));
}
export type TicketListOptions = OptionsOf<typeof list>;

function show(ticket: Parent) {
  return ticket.command('show <id>').description('one ticket: clocks, updates, warranty');
}

function respond(ticket: Parent) {
  return ticket
    .command('respond <id>')
    .description('record the first response to the customer')
    .option('--date <date>', 'date of the response (default: --as-of)')
    .option('--time <HH:MM>', 'time of the response')
    .option('--by <name>', 'who answered')
    .option('--text <text>', 'what was said');
}
export type TicketRespondOptions = OptionsOf<typeof respond>;

function update(ticket: Parent) {
  return ticket
    .command('update <id>')
    .description('record progress told to the customer, with the expected completion date')
    .option('--text <text>', 'the progress told to the customer')
    .option('--expected <date>', 'expected completion date told to the customer')
    .option('--date <date>', 'date of the update (default: --as-of)')
    .option('--by <name>', 'who told them');
}
export type TicketUpdateOptions = OptionsOf<typeof update>;

function resolve(ticket: Parent) {
  return ticket
    .command('resolve <id>')
    .description('record the resolution (the customer still has to confirm)')
    .option('--date <date>', 'date resolved (default: --as-of)')
    .option('--time <HH:MM>', 'time resolved')
    .option('--by <name>', 'who resolved it')
    .option('--text <text>', 'how it was resolved');
}
export type TicketResolveOptions = OptionsOf<typeof resolve>;

function close(ticket: Parent) {
  return ticket
    .command('close <id>')
    .description('close a resolved ticket once the customer confirms')
    .option('--confirmed-by <name>', 'the customer who confirmed it is settled')
    .option('--date <date>', 'date of the confirmation (default: --as-of)')
    .option('--text <text>', 'a note');
}
export type TicketCloseOptions = OptionsOf<typeof close>;

export function register(program: Parent, run: Runner): void {
  const ticket = program.command('ticket').description('after-sales tickets: support, warranty repairs, questions, complaints, feedback');
  add(ticket).action((opts, cmd) => run(cmd, async (ctx) => (await load()).ticketAdd(ctx, opts)));
  list(ticket).action((opts, cmd) => run(cmd, async (ctx) => (await load()).ticketList(ctx, opts)));
  show(ticket).action((id, _opts, cmd) => run(cmd, async (ctx) => (await load()).ticketShow(ctx, id)));
  respond(ticket).action((id, opts, cmd) => run(cmd, async (ctx) => (await load()).ticketRespond(ctx, id, opts)));
  update(ticket).action((id, opts, cmd) => run(cmd, async (ctx) => (await load()).ticketUpdate(ctx, id, opts)));
  resolve(ticket).action((id, opts, cmd) => run(cmd, async (ctx) => (await load()).ticketResolve(ctx, id, opts)));
  close(ticket).action((id, opts, cmd) => run(cmd, async (ctx) => (await load()).ticketClose(ctx, id, opts)));
}
