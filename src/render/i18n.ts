// Language choice and message lookup. Catalogues live in src/render/messages/, one per command
// area, each with the same keys in English and Chinese (a test checks that both are complete).
import { DIAGNOSTIC_TEXT } from './messages/diagnostics.js';
import { MESSAGES } from './messages/index.js';
import { yamlReasonZh } from './yaml-reasons.js';

export type Lang = 'en' | 'zh-CN';
export type Args = Record<string, string | number>;

export function isLang(s: unknown): s is Lang {
  return s === 'en' || s === 'zh-CN';
}

/** --lang, then deliver.yaml, then the environment locale (LC_ALL, LC_MESSAGES, LANG), then English. */
export function chooseLang(flag: string | undefined, manifestLang: string | undefined, env: Record<string, string | undefined>): Lang {
  if (isLang(flag)) return flag;
  if (isLang(manifestLang)) return manifestLang;
  const loc = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(loc) ? 'zh-CN' : 'en';
}

export function fill(template: string, args: Args = {}): string {
  // {n|task|tasks}: the singular when the argument is 1, else the plural (English needs it; Chinese does not).
  template = template.replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (m, k: string, one: string, many: string) =>
    Object.hasOwn(args, k) ? (Math.abs(Number(args[k])) === 1 ? one : many) : m,
  );
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (Object.hasOwn(args, k) ? String(args[k]) : m));
}

export type Translate = (key: string, args?: Args) => string;

export function translator(lang: Lang): Translate {
  const table = lang === 'zh-CN' ? MESSAGES.zh : MESSAGES.en;
  return (key, args) => {
    const tpl = Object.hasOwn(table, key) ? table[key]! : (MESSAGES.en[key] ?? key);
    return fill(tpl, args);
  };
}

export function diagnosticText(code: string, args: Args, lang: Lang): { message: string; hint?: string } {
  const t = DIAGNOSTIC_TEXT[code];
  if (!t) return { message: `${code} ${JSON.stringify(args)}` };
  const zh = lang === 'zh-CN';
  if (zh && code === 'DLV-E001' && typeof args.reason === 'string') args = { ...args, reason: yamlReasonZh(args.reason) };
  const hint = zh ? t.hintZh : t.hintEn;
  return { message: fill(zh ? t.zh : t.en, args), ...(hint ? { hint: fill(hint, args) } : {}) };
}
