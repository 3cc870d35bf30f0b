// `deliver validate`: every finding about the project, as text, JSON or GitHub annotations.
import type { Context } from '../../cli/context.js';
import { printDiagnostics, println } from '../../cli/output.js';
import { readProject } from '../../cli/project.js';
import { EXIT } from '../../cli/errors.js';
import type { Outcome } from '../../cli/outcome.js';
import type { ValidateOptions } from './command.js';
import type { DiagnosticFormat } from '../../render/diagnostics.js';
import { communicationDiagnostics } from '../../core/communication.js';
import { resolvePositions } from '../../store/positions.js';

export async function validate(ctx: Context, opts: ValidateOptions): Promise<Outcome> {
  const format: DiagnosticFormat = ctx.json ? 'json' : opts.format;
  const r = readProject(ctx);
  // Findings that depend on the report date: promised reports and meetings missing for past periods.
  const findings = [...r.findings, ...resolvePositions(communicationDiagnostics(r.project, ctx.asOf), r.sources)];
  const errors = findings.filter((d) => d.severity === 'error' || (opts.strict && d.severity === 'warning')).length;
  const warnings = findings.filter((d) => d.severity === 'warning').length;
  // Annotations name files from the repository root; the project may sit in a subfolder.
  const prefix =
    format === 'github' ? (ctx.env.DELIVER_PATH_PREFIX ?? (await import('../../store/git-source.js')).repoPathPrefix(r.root)) : undefined;
  printDiagnostics(ctx, findings, format, 'stdout', prefix);
  if (format === 'text') {
    const files = r.filesRead;
    println(ctx, findings.length === 0 ? ctx.t('validate.ok', { files }) : ctx.t('validate.summary', { files, errors, warnings }));
  }
  // The findings are the output: exit 1 on errors, with nothing more on stderr.
  return { exit: errors > 0 ? EXIT.findings : EXIT.ok };
}
