// Interactive prompts through @inquirer/prompts, loaded only when a prompt is actually shown.
// Ctrl-C at a prompt becomes CancelledError (exit 130).
import { CancelledError } from './errors.js';
import type { Prompter } from './context.js';
import type { Lang } from '../render/i18n.js';

async function guard<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) throw new CancelledError();
    throw e;
  }
}

/** The prompts' own words (the key hints under a list, yes and no) in the session's language. */
export function promptThemes(lang: Lang) {
  if (lang !== 'zh-CN') return { select: {}, confirm: {} };
  const actions: Record<string, string> = { navigate: '移动', select: '选择' };
  return {
    select: { style: { keysHelpTip: (keys: [string, string][]) => keys.map(([k, a]) => `${k} ${actions[a] ?? a}`).join(' • ') } },
    confirm: { keywords: { yes: '是', no: '否', error: () => '请回答 y（是）或 n（否）' } },
  };
}

export function inquirerPrompter(lang: () => Lang = () => 'en'): Prompter {
  return {
    async input(message, opts) {
      const { input } = await import('@inquirer/prompts');
      return guard(
        input({
          message,
          ...(opts?.default !== undefined ? { default: opts.default } : {}),
          ...(opts?.validate ? { validate: opts.validate } : {}),
        }),
      );
    },
    async select(message, choices, def) {
      const { select } = await import('@inquirer/prompts');
      return guard(select({ message, choices, ...(def !== undefined ? { default: def } : {}), theme: promptThemes(lang()).select }));
    },
    async confirm(message, def) {
      const { confirm } = await import('@inquirer/prompts');
      return guard(confirm({ message, default: def ?? true, theme: promptThemes(lang()).confirm }));
    },
  };
}
