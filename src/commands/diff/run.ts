// `deliver diff [base] [head]`: what a change set does to the delivery. Both sides are read
// straight from git (ls-tree + cat-file, no checkout) or from the working tree, checked, scheduled
// and measured as of the same report date, then compared by the pure core (src/core/diff.ts).
import type { Context } from '../../cli/context.js';
import { DONE, type Outcome } from '../../cli/outcome.js';
import type { DiffOptions } from './command.js';
import { UsageError } from '../../cli/errors.js';
import { choiceOption } from '../../cli/options.js';
import { paint, printJson } from '../../cli/output.js';
import { projectRoot } from '../../cli/project.js';
import type { Diagnostic } from '../../core/diagnostics.js';
import { diffProjects, type DiffSide } from '../../core/diff.js';
import { projectKpis } from '../../core/kpi.js';
import { checkRules } from '../../core/rules/index.js';
import { renderDiagnostic } from '../../render/diagnostics.js';
import { diffDocument } from '../../render/diff-lines.js';
import { renderDiffMarkdown } from '../../render/diff-md.js';
import { renderDiffText, type DiffLabels } from '../../render/diff-text.js';
import { sanitizeInline } from '../../render/sanitize.js';
import {
  BlobStore,
  defaultBase,
  GitError,
  gitSourceAt,
  repoOf,
  resolveCommit,
  type GitFileSource,
  type RepoInfo,
} from '../../store/git-source.js';
import type { WorkCalendar } from '../../core/calendar.js';
import { loadProject, loadProjectFrom, parseAhead, resolvePositions, type LoadedProject, type SharedParses } from '../../store/load.js';
import { PLAN_FILE } from '../../core/model.js';
import { planOf } from '../../cli/plan.js';

const FORMATS = ['text', 'md', 'json'] as const;

interface SideSpec {
  /** As the user named it (or the default branch's name); undefined = the working tree. */
  revision?: string;
  commit?: string;
  /** The default base: the merge base of HEAD with `revision`. */
  mergeBase?: boolean;
}

interface LoadedSide {
  spec: SideSpec;
  side: DiffSide;
  loaded: LoadedProject;
  calendar: WorkCalendar;
}

/** Turns git's refusals into messages in the user's language (exit 2). */
function gitFailure(ctx: Context, e: GitError, dir: string): UsageError {
  const shallow = e.shallow ? ctx.t('diff.err.shallowHint') : undefined;
  const rev = sanitizeInline(e.revision ?? '');
  switch (e.reason) {
    case 'no_git':
      return new UsageError(ctx.t('diff.err.noGit'), ctx.t('diff.err.noGitHint'));
    case 'not_repo':
      return new UsageError(ctx.t('diff.err.notRepo', { dir: sanitizeInline(dir) }), ctx.t('diff.err.notRepoHint'));
    case 'no_merge_base':
      return new UsageError(ctx.t('diff.err.noMergeBase', { rev }), shallow ?? ctx.t('diff.err.noDefaultHint'));
    case 'no_revision':
      if (e.revision?.includes(','))
        return new UsageError(ctx.t('diff.err.noDefault', { rev }), shallow ?? ctx.t('diff.err.noDefaultHint'));
      return new UsageError(
        ctx.t('diff.err.noRevision', { rev }),
        shallow ?? ctx.t('diff.err.noRevisionHint', { rev: rev.replace(/^origin\//, '') }),
      );
    default:
      return new UsageError(ctx.t('diff.err.git', { detail: sanitizeInline(e.detail) }));
  }
}

function short(commit: string): string {
  return commit.slice(0, 7);
}

/** Which two versions to compare: default merge base → working tree; `base` → working tree; `base head`. */
function sides(repo: RepoInfo, base: string | undefined, head: string | undefined): [SideSpec, SideSpec] {
  const named = (rev: string): SideSpec => ({ revision: rev, commit: resolveCommit(repo.top, rev) });
  if (base === undefined) {
    const b = defaultBase(repo.top);
    return [{ revision: b.branch, commit: b.commit, mergeBase: true }, {}];
  }
  return [named(base), head === undefined ? {} : named(head)];
}

/** How a side is named in the output (after the project's language is known). */
function labelOf(ctx: Context, spec: SideSpec): string {
  if (spec.commit === undefined || spec.revision === undefined) return ctx.t('diff.workingTree');
  const name = spec.mergeBase ? ctx.t('diff.mergeBase', { branch: spec.revision }) : spec.revision;
  return spec.commit.startsWith(spec.revision) ? name : `${name} (${short(spec.commit)})`;
}

/** A side read from git (listed now, its blobs read with the other side's), or the working tree. */
function sourceOf(repo: RepoInfo, spec: SideSpec, blobs: BlobStore): GitFileSource | undefined {
  return spec.commit === undefined ? undefined : gitSourceAt(repo.top, spec.commit, repo.prefix, blobs);
}

function loadSide(
  ctx: Context,
  repo: RepoInfo,
  root: string,
  spec: SideSpec,
  src: GitFileSource | undefined,
  parsed: SharedParses,
): LoadedSide {
  let loaded: LoadedProject;
  let exists = true;
  if (src === undefined) loaded = loadProject(root, { parsed });
  else {
    exists = src.hasProject;
    // Without deliver.yaml the project did not exist yet: an empty side, and its "missing manifest" is no finding.
    loaded = loadProjectFrom(src, `${spec.commit}:${repo.prefix}`, { parsed });
  }
  const findings: Diagnostic[] = exists ? resolvePositions([...loaded.diagnostics, ...checkRules(loaded.project)], loaded.sources) : [];
  const { schedule, calendar } = planOf(loaded.project, ctx.asOf);
  const kpis = projectKpis({ project: loaded.project, asOf: ctx.asOf });
  return { spec, loaded, calendar, side: { project: loaded.project, exists, schedule, findings, kpis } };
}

export async function diff(ctx: Context, baseArg: string | undefined, headArg: string | undefined, opts: DiffOptions): Promise<Outcome> {
  const format = ctx.json ? 'json' : (choiceOption(ctx, '--format', opts.format, FORMATS) ?? 'text');
  const root = projectRoot(ctx);
  let base: LoadedSide, head: LoadedSide;
  try {
    const repo = repoOf(root);
    const [b, h] = sides(repo, baseArg, headArg);
    // Records unchanged between the sides are read from git and parsed once (blobs by object id,
    // parse results by file and content), and so are the same objects on both sides: the comparison
    // skips them without looking at their fields.
    // Both sides are listed first, so that one `git cat-file` reads the blobs of both.
    const parsed: SharedParses = new Map();
    const blobs = new BlobStore(repo.top);
    const [baseSource, headSource] = [sourceOf(repo, b, blobs), sourceOf(repo, h, blobs)];
    // plan.yaml, the largest file, is parsed while git reads the others in the background.
    await blobs.readAround((baseSource ?? headSource)?.readableOid(PLAN_FILE), (bytes) => {
      if (bytes) parseAhead(parsed, 'plan', PLAN_FILE, bytes);
    });
    base = loadSide(ctx, repo, root, b, baseSource, parsed);
    head = loadSide(ctx, repo, root, h, headSource, parsed);
  } catch (e) {
    if (e instanceof GitError) throw gitFailure(ctx, e, root);
    throw e;
  }
  ctx.useProjectLanguage(head.loaded.project.manifest?.data.language ?? base.loaded.project.manifest?.data.language);
  const labels: DiffLabels = { base: labelOf(ctx, base.spec), head: labelOf(ctx, head.spec) };
  if (!base.side.exists && !head.side.exists)
    throw new UsageError(ctx.t('diff.err.noProject', { base: sanitizeInline(labels.base), head: sanitizeInline(labels.head) }));
  const calendar = head.side.exists ? head.calendar : base.calendar;
  const result = diffProjects({ base: base.side, head: head.side, calendar });

  if (format === 'json') {
    const side = (s: LoadedSide, label: string) => ({
      revision: s.spec.revision ?? null,
      commit: s.spec.commit ?? null,
      merge_base: Boolean(s.spec.mergeBase),
      label,
      exists: s.side.exists,
    });
    // One key style in the JSON, as everywhere else: snake_case (whether each side exists is in base/head).
    const { baseExists: _b, headExists: _h, ...rest } = result;
    printJson(ctx, 'diff', {
      as_of: ctx.asOf,
      base: side(base, labels.base),
      head: side(head, labels.head),
      ...(snakeKeys(rest) as Record<string, unknown>),
      findings: {
        introduced: result.findings.introduced.map((d) => renderDiagnostic(d, ctx.lang)),
        fixed: result.findings.fixed.map((d) => renderDiagnostic(d, ctx.lang)),
      },
    });
    return DONE;
  }
  const doc = diffDocument(result, ctx.t);
  if (format === 'md') ctx.stdout.write(renderDiffMarkdown(doc, labels, ctx.t, ctx.lang));
  else ctx.stdout.write(renderDiffText(doc, labels, ctx.t, ctx.lang, paint(ctx)));
  return DONE;
}

/** The same data with every object key in snake_case (values untouched). */
function snakeKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(snakeKeys);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snakeKeys(x)]));
}
