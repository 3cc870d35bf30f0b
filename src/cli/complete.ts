// What the shell completes after the words typed so far (`deliver __complete -- <words…>`, run by
// the scripts `deliver completion bash|zsh|fish` prints): subcommands, flags (the command's and the
// global ones), the values a flag accepts, and record ids from the current project.
import type { CommandUnknownOpts, Option } from '@commander-js/extra-typings';
import { ID_KINDS, kindSpec, type IdKind } from '../core/kinds/index.js';
import { recordsOf } from '../core/model.js';
import { findProjectRoot } from '../store/files.js';
import { loadProject } from '../store/load.js';

/** Values of flags that take a fixed set without declaring choices to commander. */
const VALUES: Record<string, readonly string[]> = {
  '--status@task list': ['todo', 'in_progress', 'done', 'blocked'],
  '--status@req list': ['received', 'analyzing', 'confirmed', 'in_progress', 'delivered', 'accepted', 'rejected', 'on_hold'],
  '--template': ['software', 'handover'],
  '--scale': ['day', 'week', 'auto'],
  '--format@gantt': ['text', 'mermaid'],
  '--audience@report weekly': ['customer', 'internal'],
  '--audience@survey add': ['customer', 'team'],
};

/** Which kind of id a flag or a command's <id> argument names. */
const ID_FLAGS: Record<string, IdKind[]> = {
  '--after': ['task', 'milestone'],
  '--milestone': ['milestone'],
  '--req': ['requirement'],
  '--task': ['task'],
  '--accept': ['acceptance'],
};
const NOUN_KIND: Record<string, IdKind[]> = {
  req: ['requirement'],
  task: ['task'],
  milestone: ['milestone'],
  risk: ['risk'],
  change: ['change'],
  accept: ['acceptance'],
  survey: ['survey'],
  meeting: ['meeting'],
};

function pathOf(c: CommandUnknownOpts): string {
  const names: string[] = [];
  for (let x: CommandUnknownOpts | null = c; x?.parent; x = x.parent) names.unshift(x.name());
  return names.join(' ');
}

function optionsOf(c: CommandUnknownOpts): Option[] {
  const out: Option[] = [];
  for (let x: CommandUnknownOpts | null = c; x; x = x.parent) out.push(...(x.options as readonly Option[]));
  return out;
}

function findOption(c: CommandUnknownOpts, flag: string): Option | undefined {
  return optionsOf(c).find((o) => o.long === flag || o.short === flag);
}

function projectIds(cwd: string, kinds: readonly IdKind[]): string[] {
  const root = findProjectRoot(cwd);
  if (!root) return [];
  try {
    const { project } = loadProject(root);
    return kinds.flatMap((k) => recordsOf(project, k).map((r) => String((r.data as { id?: unknown }).id ?? ''))).filter(Boolean);
  } catch {
    return [];
  }
}

/** Candidates for the last word of `words` (the one being typed, possibly empty). */
export function complete(program: CommandUnknownOpts, words: readonly string[], cwd: string): string[] {
  const current = words.at(-1) ?? '';
  const before = words.slice(0, -1);
  let cmd = program;
  let positional = 0;
  let expecting: Option | undefined;
  for (const w of before) {
    if (expecting) {
      expecting = undefined;
      continue;
    }
    if (w.startsWith('-')) {
      const o = findOption(cmd, w.split('=')[0]!);
      if (o && (o.required || o.optional) && !w.includes('=')) expecting = o;
      continue;
    }
    const sub = cmd.commands.find((s) => s.name() === w || s.aliases().includes(w));
    if (sub && positional === 0) cmd = sub;
    else positional++;
  }
  const path = pathOf(cmd);
  let candidates: string[];
  if (expecting) {
    const flag = expecting.long ?? expecting.short ?? '';
    const fixed = expecting.argChoices ?? VALUES[`${flag}@${path}`] ?? VALUES[flag];
    candidates = fixed ? [...fixed] : ID_FLAGS[flag] ? projectIds(cwd, ID_FLAGS[flag]) : [];
  } else if (current.startsWith('-')) {
    candidates = [...optionsOf(cmd).flatMap((o) => [o.long, o.short].filter((f): f is string => Boolean(f))), '--help'];
  } else if (cmd.commands.length > 0 && positional === 0) {
    candidates = cmd.commands.map((s) => s.name()).filter((n) => !n.startsWith('_'));
  } else {
    const arg = cmd.registeredArguments[positional];
    const noun = path.split(' ')[0] ?? '';
    if (arg?.name() === 'id') candidates = projectIds(cwd, noun === 'renumber' ? ID_KINDS : (NOUN_KIND[noun] ?? []));
    else if (path === 'req move' && positional === 1) candidates = [...VALUES['--status@req list']!];
    else candidates = [];
  }
  return [...new Set(candidates)].filter((c) => c.startsWith(current)).sort();
}

/** The kinds completion knows ids of (a test holds the list to the registry). */
export const COMPLETED_KINDS = Object.values(NOUN_KIND)
  .flat()
  .filter((k) => kindSpec(k));
