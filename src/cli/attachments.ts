// Attachments and evidence files named on the command line: a link (scheme://…) is kept as given; a
// path must be relative to the project folder, stay inside it, and exist.
import { existsSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
import type { Context } from './context.js';
import { UsageError } from './errors.js';

const LINK = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/\S+$/;

export function isLink(s: string): boolean {
  return LINK.test(s);
}

/** The value to store: the link, or the path with forward slashes; a usage error otherwise. */
export function checkAttachment(ctx: Context, root: string, value: string, flag: string): string {
  const v = value.trim();
  if (isLink(v)) return v;
  const rel = v.replace(/\\/g, '/');
  if (isAbsolute(v) || /^[A-Za-z]:/.test(v) || normalize(rel).split(/[\\/]/)[0] === '..')
    throw new UsageError(ctx.t('att.outside', { option: flag, value: v }), ctx.t('att.hint'));
  if (!existsSync(join(root, rel))) throw new UsageError(ctx.t('att.missing', { option: flag, value: v }), ctx.t('att.hint'));
  return normalize(rel).replace(/\\/g, '/');
}
