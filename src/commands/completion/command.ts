// Flags of `deliver completion bash|zsh|fish`.
// Each declaration gives the options type its run function receives; run.ts loads only when it runs.
import { Argument } from '@commander-js/extra-typings';
import type { Parent, Runner } from '../../cli/program.js';

function completion(program: Parent) {
  return program
    .command('completion')
    .description('print a shell completion script: bash, zsh or fish')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']));
}

export function register(program: Parent, run: Runner): void {
  completion(program).action((shell, _opts, cmd) => run(cmd, async (ctx) => (await import('./run.js')).completion(ctx, shell)));
}
