// `deliver init [dir]`: scaffolds a project from a template: deliver.yaml, plan.yaml with
// milestones and tasks, a starter risk checklist, empty record folders and the schemas editors
// use. Asks for what is missing in a terminal; never overwrites an existing project.
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { load } from 'js-yaml';
import type { Context } from '../../cli/context.js';
import { romanize } from '../../store/romanize.js';
import { WROTE, type Outcome } from '../../cli/outcome.js';
import type { InitOptions } from './command.js';
import { UsageError } from '../../cli/errors.js';
import { choiceOption, dateOption, mayPrompt, requireDate, textOption } from '../../cli/options.js';
import { printJson, println } from '../../cli/output.js';
import { templatesDir } from '../../cli/paths.js';
import { bundledSchemas } from '../../cli/schema-files.js';
import { addDays, isIsoDate } from '../../core/dates.js';
import { recordFileName } from '../../core/ids.js';
import { FOLDERS, MANIFEST_FILE, PLAN_FILE } from '../../core/model.js';
import { isLang, type Lang } from '../../render/i18n.js';
import { commitFiles, STATE_DIR, type FileWrite } from '../../store/atomic.js';
import { serializeRecord } from '../../store/write.js';
import { buildFromTemplate, type Template } from './template.js';
import { askPeople } from './people.js';
import { findProjectRoot } from '../../store/files.js';
import { ATTRIBUTES_LINE, GIT_CONFIG_LINE } from '../../cli/git-setup.js';

function availableTemplates(): string[] {
  return readdirSync(templatesDir(), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(templatesDir(), d.name, 'template.yaml')))
    .map((d) => d.name)
    .sort();
}

function readTemplate(name: string): Template {
  return load(readFileSync(join(templatesDir(), name, 'template.yaml'), 'utf8')) as Template;
}

export async function init(ctx: Context, dirArg: string | undefined, opts: InitOptions): Promise<Outcome> {
  const dir = resolve(ctx.cwd, dirArg ?? ctx.dir ?? '.');
  const shown = dirArg ?? ctx.dir ?? '.';
  for (const f of [MANIFEST_FILE, PLAN_FILE]) {
    if (existsSync(join(dir, f)) || isLink(join(dir, f))) {
      throw new UsageError(
        f === MANIFEST_FILE ? ctx.t('init.exists', { dir: shown }) : ctx.t('init.notEmpty', { file: f, dir: shown }),
        ctx.t('init.existsHint'),
      );
    }
  }
  // A project inside another would be read as part of it by every command run below it.
  const outer = findProjectRoot(dirname(dir));
  if (outer) throw new UsageError(ctx.t('init.nested', { root: outer }), ctx.t('init.nestedHint', { root: outer }));
  const prompt = mayPrompt(ctx, opts);
  const templates = availableTemplates();
  let template = textOption(opts.template);
  if (template !== undefined && !templates.includes(template))
    throw new UsageError(ctx.t('init.unknownTemplate', { name: template, available: templates.join(', ') }));
  if (!template && prompt)
    template = await ctx.prompter.select(
      ctx.t('init.ask.template'),
      templates.map((n) => ({ value: n, name: `${n} — ${ctx.t(`init.template.${n}`)}` })),
      'software',
    );
  template ??= 'software';

  let lang: Lang | undefined = choiceOption(ctx, '--lang', opts.lang ?? ctx.langFlag, ['zh-CN', 'en'] as const);
  if (!lang && prompt)
    lang = await ctx.prompter.select<Lang>(
      ctx.t('init.ask.lang'),
      [
        { value: 'zh-CN', name: '中文 (zh-CN)' },
        { value: 'en', name: 'English (en)' },
      ],
      ctx.lang,
    );
  lang ??= ctx.lang;
  if (!isLang(lang)) lang = 'en';
  ctx.useProjectLanguage(lang);

  const ask = async (given: string | undefined, question: string, def: string): Promise<string> => {
    const v = textOption(given);
    if (v) return v;
    if (prompt) return (await ctx.prompter.input(question, { default: def })).trim() || def;
    return def;
  };
  const name = await ask(opts.name, ctx.t('init.ask.name'), basename(dir));
  const client = await ask(opts.client, ctx.t('init.ask.client'), lang === 'zh-CN' ? '待定客户' : 'Client to be confirmed');
  const start = await requireDate(ctx, opts, opts.start, '--start', ctx.t('init.ask.start'), ctx.asOf);
  const tpl = readTemplate(template);
  let due = dateOption(ctx, '--due', opts.due);
  // A completion date before the start is asked again in a terminal, refused otherwise.
  if (due && due < start && !prompt) throw new UsageError(ctx.t('init.dueBeforeStart', { due, start }));
  if (due && due < start) {
    ctx.stderr.write(`${ctx.t('init.dueBeforeStart', { due, start })}\n`);
    due = undefined;
  }
  if (!due && prompt) {
    const answer = (
      await ctx.prompter.input(ctx.t(tpl.requires_due ? 'init.ask.dueRequired' : 'init.ask.due'), {
        ...(tpl.requires_due ? { default: addDays(start, 120) } : {}),
        validate: (s) =>
          !s.trim()
            ? tpl.requires_due
              ? ctx.t('err.missingOption', { option: '--due' })
              : true
            : !isIsoDate(s.trim())
              ? ctx.t('err.badDate', { option: '--due', value: s.trim() })
              : s.trim() < start
                ? ctx.t('init.dueBeforeStart', { due: s.trim(), start })
                : true,
      })
    ).trim();
    due = answer ? dateOption(ctx, '--due', answer) : undefined;
  }
  if (!due && tpl.requires_due) due = addDays(start, 120);
  const people = await askPeople(ctx, opts, prompt);

  const built = buildFromTemplate(tpl, { name, client, start, ...(due ? { due } : {}), lang, template, ...people });
  const records: FileWrite[] = [
    { rel: MANIFEST_FILE, content: serializeRecord('manifest', MANIFEST_FILE, built.manifest) },
    { rel: PLAN_FILE, content: serializeRecord('plan', PLAN_FILE, built.plan) },
    ...built.risks.map((r) => {
      const rel = `${FOLDERS.risk}/${recordFileName(String(r.id), String(r.slug), romanize)}`;
      const { slug: _slug, ...data } = r;
      return { rel, content: serializeRecord('risk', rel, data) };
    }),
    ...built.acceptance.map((a) => {
      const rel = `${FOLDERS.acceptance}/${recordFileName(String(a.id), String(a.slug), romanize)}`;
      const { slug: _slug, ...data } = a;
      return { rel, content: serializeRecord('acceptance', rel, data) };
    }),
  ];
  const writes: FileWrite[] = [
    ...records,
    // Every record folder of the registry exists from the start; empty ones hold a .gitkeep for git.
    ...Object.values(FOLDERS)
      .filter((f) => !records.some((w) => w.rel.startsWith(`${f}/`)))
      .map((f) => ({ rel: `${f}/.gitkeep`, content: '' })),
    {
      rel: `${STATE_DIR}/.gitignore`,
      content: '# deliver keeps its lock, journal and cache here; only the schemas are shared.\n/*\n!/.gitignore\n!/schemas/\n',
    },
    ...bundledSchemas(),
    ...gitAttributes(dir),
  ];
  commitFiles(dir, writes);
  if (ctx.json) printJson(ctx, 'init', { dir, template, files: writes.map((w) => w.rel), git_config: GIT_CONFIG_LINE });
  else {
    println(ctx, ctx.t('init.done', { dir: shown, template, files: writes.length }));
    println(ctx, ctx.t('init.serviceLevels'));
    println(ctx, ctx.t('init.gitAttributes', { file: '.gitattributes' }));
    println(ctx, `  ${GIT_CONFIG_LINE}`);
  }
  return WROTE;
}

/** .gitattributes marking the YAML records for deliver's merge driver (kept, with the line added, when there is one). */
function gitAttributes(dir: string): FileWrite[] {
  const rel = '.gitattributes';
  const existing = existsSync(join(dir, rel)) && !isLink(join(dir, rel)) ? readFileSync(join(dir, rel), 'utf8') : '';
  if (existing.split(/\r?\n/).some((l) => l.trim() === ATTRIBUTES_LINE)) return [];
  const header = existing
    ? `${existing.replace(/\n?$/, '\n')}`
    : '# deliver merges its YAML records by id (run `deliver doctor` to check the git side is set up).\n';
  return [{ rel, content: `${header}${ATTRIBUTES_LINE}\n` }];
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
