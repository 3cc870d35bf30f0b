// `deliver form requirement|analysis|change|acceptance <id>`: the toolkit's forms filled from the
// records, printed to sign and scan back (the scan then becomes the confirmation's evidence file).
import type { Context } from '../../cli/context.js';
import { readOutcome, type Outcome } from '../../cli/outcome.js';
import { RefusedError } from '../../cli/errors.js';
import { choiceOption } from '../../cli/options.js';
import { println } from '../../cli/output.js';
import { findRecord, readProject } from '../../cli/project.js';
import { projectAsOf } from '../../core/period.js';
import { acceptanceForm, analysisForm, changeForm, renderFormHtml, renderFormMd, requirementForm, type Form } from '../../render/forms.js';
import { sanitizeInline } from '../../render/sanitize.js';
import { writeOutFile } from '../report/run.js';
import { FORM_KINDS, type FormOptions } from './command.js';

export async function formPrint(ctx: Context, kindArg: string, id: string, opts: FormOptions): Promise<Outcome> {
  const kind = choiceOption(ctx, '<kind>', kindArg, FORM_KINDS)!;
  const format = choiceOption(ctx, '--format', opts.format, ['html', 'md'] as const) ?? 'html';
  const read = readProject(ctx);
  // Filled as the records stood on the report date.
  const p = projectAsOf(read.project, ctx.asOf);
  const t = ctx.t;
  let form: Form;
  if (kind === 'change') {
    form = changeForm(t, findRecord(ctx, read, p.changes, id, t('kind.change'), 'change').data);
  } else if (kind === 'acceptance') {
    form = acceptanceForm(
      t,
      findRecord(ctx, read, p.acceptance, id, t('kind.acceptance'), 'accept').data,
      p.requirements.map((r) => r.data),
    );
  } else {
    const r = findRecord(ctx, read, p.requirements, id, t('kind.requirement'), 'req').data;
    if (kind === 'analysis' && !r.analysis) throw new RefusedError(t('wf.needsAnalysis', { id }), t('wf.needsAnalysisHint', { id }));
    form = kind === 'analysis' ? analysisForm(t, r) : requirementForm(t, r);
  }
  const name = p.manifest?.data.name ?? '';
  const footer = t('form.footer', { project: sanitizeInline(name), date: ctx.asOf });
  const text = format === 'html' ? renderFormHtml(form, t, ctx.lang, footer) : renderFormMd(form, t, footer);
  if (opts.out !== undefined && opts.out !== '') {
    writeOutFile(ctx, read.root, opts.out, text);
    println(ctx, t('form.written', { file: sanitizeInline(opts.out) }));
  } else ctx.stdout.write(text);
  return readOutcome(read);
}
