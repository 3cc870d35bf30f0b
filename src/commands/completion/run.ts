// `deliver completion bash|zsh|fish`: a script that asks `deliver __complete` for the candidates,
// so commands, flags, flag values and the current project's record ids are always up to date.
import type { Context } from '../../cli/context.js';
import { DONE, type Outcome } from '../../cli/outcome.js';

const SCRIPTS = {
  bash: `# deliver completion for bash: add to ~/.bashrc with  deliver completion bash >> ~/.bashrc
_deliver_complete() {
  local IFS=$'\\n'
  COMPREPLY=($(deliver __complete -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _deliver_complete deliver
`,
  zsh: `#compdef deliver
# deliver completion for zsh: save as _deliver in a folder of $fpath, or source it after compinit
_deliver() {
  local -a candidates
  candidates=("\${(@f)$(deliver __complete -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  compadd -a candidates
}
if [ "$funcstack[1]" = "_deliver" ]; then _deliver "$@"; else compdef _deliver deliver; fi
`,
  fish: `# deliver completion for fish: save as ~/.config/fish/completions/deliver.fish
function __deliver_complete
  set -l words (commandline -opc) (commandline -ct)
  deliver __complete -- $words[2..-1] 2>/dev/null
end
complete -c deliver -f -a '(__deliver_complete)'
`,
};

export async function completion(ctx: Context, shell: keyof typeof SCRIPTS): Promise<Outcome> {
  ctx.stdout.write(SCRIPTS[shell]);
  return DONE;
}
