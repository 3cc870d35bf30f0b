// Flags of `deliver ticket add|list|show|respond|update|resolve|close`.
import { Option, type Command } from 'commander';
import { TICKET_CHANNELS, TICKET_KINDS, SEVERITIES } from '../../core/service.js';
import type { Runner } from '../program.js';

const load = () => import('../../commands/ticket.js');

export function register(program: Command, run: Runner): void {
  const ticket = program.command('ticket').description('after-sales tickets: support, warranty repairs, questions, complaints, feedback');
  ticket
    .command('add')
    .description('open a ticket; prints its id')
    .option('--title <text>', 'what the customer reported, in one line')
    .addOption(new Option('--kind <kind>', 'kind of ticket (default support)').choices([...TICKET_KINDS]))
    .addOption(new Option('--severity <level>', 'severity: picks the response and resolution clocks (default medium)').choices([...SEVERITIES]))
    .addOption(new Option('--channel <channel>', 'how it reached us').choices([...TICKET_CHANNELS]))
    .option('--contact <name>', 'the customer contact who reported it')
    .option('--owner <name>', 'who handles it on our side')
    .option('--date <date>', 'date opened (default: --as-of)')
    .option('--time <HH:MM>', 'time opened (when the service levels count hours)')
    .option('--req <id>', 'the requirement it is about')
    .option('--accept <id>', 'the deliverable (acceptance record) it is about')
    .option('--description <text>', 'details')
    .action(run(async (ctx, _a, opts) => (await load()).ticketAdd(ctx, opts)));
  ticket
    .command('list')
    .description('list tickets with their clocks (default: those not closed)')
    .option('--all', 'closed tickets too')
    .addOption(new Option('--kind <kind>', 'only this kind').choices([...TICKET_KINDS]))
    .action(run(async (ctx, _a, opts) => (await load()).ticketList(ctx, opts)));
  ticket
    .command('show <id>')
    .description('one ticket: clocks, updates, warranty')
    .action(run(async (ctx, a) => (await load()).ticketShow(ctx, String(a[0]))));
  ticket
    .command('respond <id>')
    .description('record the first response to the customer')
    .option('--date <date>', 'date of the response (default: --as-of)')
    .option('--time <HH:MM>', 'time of the response')
    .option('--by <name>', 'who answered')
    .option('--text <text>', 'what was said')
    .action(run(async (ctx, a, opts) => (await load()).ticketRespond(ctx, String(a[0]), opts)));
  ticket
    .command('update <id>')
    .description('record progress told to the customer, with the expected completion date')
    .option('--text <text>', 'the progress told to the customer')
    .option('--expected <date>', 'expected completion date told to the customer')
    .option('--date <date>', 'date of the update (default: --as-of)')
    .option('--by <name>', 'who told them')
    .action(run(async (ctx, a, opts) => (await load()).ticketUpdate(ctx, String(a[0]), opts)));
  ticket
    .command('resolve <id>')
    .description('record the resolution (the customer still has to confirm)')
    .option('--date <date>', 'date resolved (default: --as-of)')
    .option('--time <HH:MM>', 'time resolved')
    .option('--by <name>', 'who resolved it')
    .option('--text <text>', 'how it was resolved')
    .action(run(async (ctx, a, opts) => (await load()).ticketResolve(ctx, String(a[0]), opts)));
  ticket
    .command('close <id>')
    .description('close a resolved ticket once the customer confirms')
    .option('--confirmed-by <name>', 'the customer who confirmed it is settled')
    .option('--date <date>', 'date of the confirmation (default: --as-of)')
    .option('--text <text>', 'a note')
    .action(run(async (ctx, a, opts) => (await load()).ticketClose(ctx, String(a[0]), opts)));
}
