// `deliver team add|list|update`: the people of deliver.yaml `team` — role, email, phone, side, the
// primary contact of each side (004: 为每个品牌客户指定一名主要联系人) and weekly capacity for `deliver load`.
import type { Context } from '../../cli/context.js';
import { WROTE, readOutcome, type Outcome } from '../../cli/outcome.js';
import type { TeamAddOptions, TeamListOptions, TeamUpdateOptions } from './command.js';
import { RefusedError, UsageError } from '../../cli/errors.js';
import { choiceOption, textOption } from '../../cli/options.js';
import { printJson, printTable, println } from '../../cli/output.js';
import { readProject } from '../../cli/project.js';
import { changeProject } from '../../cli/change-project.js';
import { MANIFEST_FILE, type Manifest } from '../../core/model.js';
import type { Edit } from '../../store/yaml-edit.js';

type Member = NonNullable<Manifest['team']>[number];
const SIDES = ['supplier', 'customer'] as const;

function capacityOption(ctx: Context, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const s = String(value).trim();
  if (!/^\d+(?:\.\d+)?$/.test(s) || Number(s) > 7) throw new UsageError(ctx.t('team.badCapacity', { value: s }));
  return Number(s);
}

function checked(ctx: Context, opts: Record<string, unknown>): Partial<Member> {
  const email = textOption(opts.email),
    phone = textOption(opts.phone),
    role = textOption(opts.role);
  if (email && !/^[^@\s]+@[^@\s]+$/.test(email)) throw new UsageError(ctx.t('team.badEmail', { value: email }));
  if (phone && !/^[0-9+()\-. ]+(?:(?:x|ext\.?|转)\s?[0-9]+)?$/.test(phone)) throw new UsageError(ctx.t('team.badPhone', { value: phone }));
  const side = choiceOption(ctx, '--side', opts.side, SIDES);
  const capacity = capacityOption(ctx, opts.capacity);
  return {
    ...(role ? { role } : {}),
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    ...(side ? { side } : {}),
    ...(capacity !== undefined ? { capacity } : {}),
  };
}

/** Edits that take the primary flag from everyone else on `side`. */
function clearPrimary(team: readonly Member[], side: string, except: number): Edit[] {
  return team.flatMap((m, i) =>
    i !== except && m.primary && (m.side ?? 'supplier') === side ? [{ op: 'delete', path: ['team', i, 'primary'] } as Edit] : [],
  );
}

export async function teamAdd(ctx: Context, opts: TeamAddOptions): Promise<Outcome> {
  const name = textOption(opts.name);
  if (!name) throw new UsageError(ctx.t('err.missingOption', { option: '--name' }), ctx.t('err.missingOptionHint', { option: '--name' }));
  const fields = checked(ctx, opts);
  changeProject(ctx, (p) => {
    if (!p.manifest) throw new RefusedError(ctx.t('err.recordRefused', { file: MANIFEST_FILE }));
    const team = p.manifest.data.team ?? [];
    if (team.some((m) => m.name === name && (m.email ?? '') === (fields.email ?? '')))
      throw new RefusedError(ctx.t('team.exists', { name }));
    const member = { name, ...fields, ...(opts.primary ? { primary: true } : {}) };
    const edits: Edit[] = [
      ...(opts.primary ? clearPrimary(team, fields.side ?? 'supplier', -1) : []),
      { op: 'append', path: ['team'], value: member },
    ];
    return { changes: [{ kind: 'manifest', rel: p.manifest.file, edits }], result: undefined };
  });
  if (ctx.json) printJson(ctx, 'team.add', { name });
  else println(ctx, ctx.t('team.added', { name }));
  return WROTE;
}

export async function teamList(ctx: Context, opts: TeamListOptions): Promise<Outcome> {
  const read = readProject(ctx);
  const { project } = read;
  const side = choiceOption(ctx, '--side', opts.side, SIDES);
  const rows = (project.manifest?.data.team ?? []).filter((m) => !side || (m.side ?? 'supplier') === side);
  if (ctx.json) {
    printJson(ctx, 'team.list', { items: rows.map((m) => ({ ...m, side: m.side ?? 'supplier', primary: m.primary ?? false })) });
    return readOutcome(read);
  }
  const t = ctx.t;
  printTable(
    ctx,
    [
      { header: t('exp.h.name'), value: (m: Member) => m.name },
      { header: t('team.col.side'), value: (m) => t(`team.side.${m.side ?? 'supplier'}`) },
      { header: t('team.col.primary'), value: (m) => (m.primary ? t('team.primary') : '') },
      { header: t('team.col.role'), value: (m) => m.role },
      { header: t('team.col.email'), value: (m) => m.email },
      { header: t('team.col.phone'), value: (m) => m.phone },
      { header: t('team.col.capacity'), value: (m) => m.capacity, align: 'right' },
    ],
    rows,
  );
  return readOutcome(read);
}

export async function teamUpdate(ctx: Context, who: string, opts: TeamUpdateOptions): Promise<Outcome> {
  const fields = checked(ctx, opts);
  changeProject(ctx, (p) => {
    if (!p.manifest) throw new RefusedError(ctx.t('err.recordRefused', { file: MANIFEST_FILE }));
    const team = p.manifest.data.team ?? [];
    const matches = team.map((m, i) => ({ m, i })).filter(({ m }) => m.name === who || m.email === who);
    if (matches.length === 0) throw new UsageError(ctx.t('team.unknown', { name: who }), ctx.t('err.unknownIdHint', { command: 'team' }));
    if (matches.length > 1) throw new UsageError(ctx.t('team.ambiguous', { name: who }));
    const { m, i } = matches[0]!;
    const edits: Edit[] = Object.entries(fields).map(([k, v]) => ({ op: 'set', path: ['team', i, k], value: v }));
    if (opts.primary === true)
      edits.push(...clearPrimary(team, fields.side ?? m.side ?? 'supplier', i), { op: 'set', path: ['team', i, 'primary'], value: true });
    if (opts.primary === false && m.primary) edits.push({ op: 'delete', path: ['team', i, 'primary'] });
    if (edits.length === 0) throw new UsageError(ctx.t('team.nothing'));
    return { changes: [{ kind: 'manifest', rel: p.manifest.file, edits }], result: undefined };
  });
  if (ctx.json) printJson(ctx, 'team.update', { name: who });
  else println(ctx, ctx.t('team.updated', { name: who }));
  return WROTE;
}
