// Turning flag values into typed values with messages in the user's language (exit 2 on misuse).
import { isIsoDate, type IsoDate } from '../core/dates.js';
import type { Context } from './context.js';
import { UsageError } from './errors.js';

export function dateOption(ctx: Context, option: string, value: unknown): IsoDate | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const s = String(value);
  if (!isIsoDate(s)) throw new UsageError(ctx.t('err.badDate', { option, value: s }));
  return s;
}

export function intOption(ctx: Context, option: string, value: unknown, min = -1e6, max = 1e6): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const s = String(value);
  if (!/^-?\d+$/.test(s)) throw new UsageError(ctx.t('err.badNumber', { option, value: s }));
  // A whole number out of range says the range, not "must be a whole number".
  if (Number(s) < min || Number(s) > max) throw new UsageError(ctx.t('err.numberRange', { option, value: s, min, max }));
  return Number(s);
}

export function choiceOption<T extends string>(ctx: Context, option: string, value: unknown, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const s = String(value);
  if (!(allowed as readonly string[]).includes(s))
    throw new UsageError(ctx.t('err.badChoice', { option, allowed: allowed.join(', '), value: s }));
  return s as T;
}

export function textOption(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = String(value).trim();
  return s === '' ? undefined : s;
}

/** The `-y, --yes` flag of a command that may ask for what is missing. */
export interface Prompting {
  yes?: boolean;
}

/** Whether missing values may be asked for: a terminal on stdin, no --yes, no --json. */
export function mayPrompt(ctx: Context, opts: Prompting): boolean {
  return ctx.stdinIsTTY && !opts.yes && !ctx.json;
}

/** A required text value: the flag's `value`, else a prompt in a terminal, else a usage error. */
export async function requireText(
  ctx: Context,
  opts: Prompting,
  value: string | undefined,
  flag: string,
  question: string,
  def?: string,
): Promise<string> {
  const v = textOption(value);
  if (v !== undefined) return v;
  if (mayPrompt(ctx, opts)) {
    const answer = (
      await ctx.prompter.input(question, {
        ...(def !== undefined ? { default: def } : {}),
        validate: (s) => (s.trim() ? true : ctx.t('err.missingOption', { option: flag })),
      })
    ).trim();
    if (answer) return answer;
  }
  if (def !== undefined) return def;
  throw new UsageError(ctx.t('err.missingOption', { option: flag }), ctx.t('err.missingOptionHint', { option: flag }));
}

export async function requireDate(
  ctx: Context,
  opts: Prompting,
  value: string | undefined,
  flag: string,
  question: string,
  def?: IsoDate,
): Promise<IsoDate> {
  const given = dateOption(ctx, flag, value);
  if (given) return given;
  if (mayPrompt(ctx, opts)) {
    const answer = await ctx.prompter.input(question, {
      ...(def ? { default: def } : {}),
      validate: (s) => (isIsoDate(s.trim()) ? true : ctx.t('err.badDate', { option: flag, value: s })),
    });
    return answer.trim();
  }
  if (def) return def;
  throw new UsageError(ctx.t('err.missingOption', { option: flag }), ctx.t('err.missingOptionHint', { option: flag }));
}

export async function optionalDate(
  ctx: Context,
  opts: Prompting,
  value: string | undefined,
  flag: string,
  question: string,
): Promise<IsoDate | undefined> {
  const given = dateOption(ctx, flag, value);
  if (given || !mayPrompt(ctx, opts)) return given;
  const answer = (
    await ctx.prompter.input(question, {
      validate: (s) => (!s.trim() || isIsoDate(s.trim()) ? true : ctx.t('err.badDate', { option: flag, value: s })),
    })
  ).trim();
  return answer || undefined;
}
