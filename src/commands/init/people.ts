// Who is on the project and under which contract, as init asks for them: the project lead and the
// delivery specialist (ours), the customer's main contact with a phone number or email, and the
// contract's number and signing date. Every answer is optional; an invalid one is asked again.
import type { Context } from '../../cli/context.js';
import { UsageError } from '../../cli/errors.js';
import { textOption } from '../../cli/options.js';
import { isIsoDate } from '../../core/dates.js';

export interface TeamMember {
  name: string;
  role: string;
  side: 'supplier' | 'customer';
  email?: string;
  phone?: string;
}
export interface People {
  team: TeamMember[];
  contract?: { number?: string; signed?: string };
  owner?: string;
}

export interface PeopleFlags {
  lead?: string;
  specialist?: string;
  contact?: string;
  contactReach?: string;
  contract?: string;
  contractDate?: string;
}

const EMAIL = /^[^@\s]+@[^@\s]+$/;
const PHONE = /^[0-9+() -]{3,40}$/;

/** An email or a phone number, or a message saying why it is neither. */
function reachCheck(ctx: Context, v: string): true | string {
  return !v.trim() || EMAIL.test(v.trim()) || PHONE.test(v.trim()) ? true : ctx.t('init.badReach', { value: v.trim() });
}

export async function askPeople(ctx: Context, flags: PeopleFlags, prompt: boolean): Promise<People> {
  const ask = async (given: string | undefined, question: string, validate?: (v: string) => true | string): Promise<string | undefined> => {
    const v = textOption(given);
    if (v !== undefined) {
      const ok = validate ? validate(v) : true;
      if (ok === true) return v;
      if (!prompt) throw new UsageError(ok);
      ctx.stderr.write(`${ok}\n`);
    }
    if (!prompt) return undefined;
    return textOption(await ctx.prompter.input(question, validate ? { validate } : {}));
  };
  const lead = await ask(flags.lead, ctx.t('init.ask.lead'));
  const specialist = await ask(flags.specialist, ctx.t('init.ask.specialist'));
  const contact = await ask(flags.contact, ctx.t('init.ask.contact'));
  const reach = contact
    ? await ask(flags.contactReach, ctx.t('init.ask.contactReach', { name: contact }), (v) => reachCheck(ctx, v))
    : undefined;
  const number = await ask(flags.contract, ctx.t('init.ask.contract'));
  const signed = await ask(flags.contractDate, ctx.t('init.ask.contractDate'), (v) =>
    !v.trim() || isIsoDate(v.trim()) ? true : ctx.t('err.badDate', { option: '--contract-date', value: v.trim() }),
  );
  const team: TeamMember[] = [];
  if (lead) team.push({ name: lead, role: ctx.t('init.role.lead'), side: 'supplier' });
  if (specialist && specialist !== lead) team.push({ name: specialist, role: ctx.t('init.role.specialist'), side: 'supplier' });
  if (contact)
    team.push({
      name: contact,
      role: ctx.t('init.role.contact'),
      side: 'customer',
      ...(reach ? (EMAIL.test(reach) ? { email: reach } : { phone: reach }) : {}),
    });
  return {
    team,
    ...(number || signed ? { contract: { ...(number ? { number } : {}), ...(signed ? { signed } : {}) } } : {}),
    ...((specialist ?? lead) ? { owner: (specialist ?? lead)! } : {}),
  };
}
