// Amounts of money from the command line: `12000`, `12000 CNY`, `CNY 12000`, `-1500.5`.
import type { Context } from './context.js';
import { UsageError } from './errors.js';
import { textOption } from './options.js';

/** An amount and maybe a currency code; `currencyFlag` wins, else the code written, else `fallback`. */
export function parseCost(
  ctx: Context,
  value: unknown,
  currencyFlag: unknown,
  fallback: string,
): { amount: number; currency: string } | undefined {
  const s = textOption(value);
  if (s === undefined) return undefined;
  const m = /^(?:([A-Za-z]{3})\s*)?(-?\d+(?:\.\d+)?)(?:\s*([A-Za-z]{3}))?$/.exec(s.replace(/,/g, ''));
  if (!m || (m[1] && m[3])) throw new UsageError(ctx.t('change.badCost', { value: s }));
  const currency = (textOption(currencyFlag) ?? m[1] ?? m[3] ?? fallback).toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) throw new UsageError(ctx.t('change.badCurrency', { value: currency }));
  return { amount: Number(m[2]), currency };
}
