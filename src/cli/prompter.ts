// Interactive prompts through @inquirer/prompts, loaded only when a prompt is actually shown.
// Ctrl-C at a prompt becomes CancelledError (exit 130).
import { CancelledError } from './errors.js';
import type { Prompter } from './context.js';

async function guard<T>(p: Promise<T>): Promise<T> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof Error && (e.name === 'ExitPromptError' || e.name === 'AbortPromptError')) throw new CancelledError();
    throw e;
  }
}

export function inquirerPrompter(): Prompter {
  return {
    async input(message, opts) {
      const { input } = await import('@inquirer/prompts');
      return guard(input({ message, ...(opts?.default !== undefined ? { default: opts.default } : {}), ...(opts?.validate ? { validate: opts.validate } : {}) }));
    },
    async select(message, choices, def) {
      const { select } = await import('@inquirer/prompts');
      return guard(select({ message, choices, ...(def !== undefined ? { default: def } : {}) }));
    },
    async confirm(message, def) {
      const { confirm } = await import('@inquirer/prompts');
      return guard(confirm({ message, default: def ?? true }));
    },
  };
}
