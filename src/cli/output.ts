// Output helpers shared by every command: JSON envelopes, tables (aligned on a terminal,
// tab-separated when piped), and findings. Record text is sanitized on the way out.
import type { Diagnostic } from '../core/diagnostics.js';
import { sortDiagnostics } from '../core/diagnostics.js';
import { diagnosticsAsGithub, diagnosticsAsText, renderDiagnostic, type DiagnosticFormat, type Paint } from '../render/diagnostics.js';
import { renderTable, type Column } from '../render/table.js';
import { jsonSafe } from '../render/sanitize.js';
import type { Context } from './context.js';

export const JSON_SCHEMA_VERSION = 1;

/** `--json` output: one document on stdout, a versioned envelope with the command's kind. */
export function printJson(ctx: Context, kind: string, data: Record<string, unknown>): void {
  ctx.stdout.write(jsonSafe(JSON.stringify({ schema_version: JSON_SCHEMA_VERSION, kind, ...data }, null, 2)) + '\n');
}

export function println(ctx: Context, s = ''): void {
  ctx.stdout.write(s + '\n');
}

export function paint(ctx: Context): Paint {
  const c = ctx.chalk();
  return { red: c.red, yellow: c.yellow, cyan: c.cyan, dim: c.dim, bold: c.bold };
}

export function printTable<R>(ctx: Context, columns: Column<R>[], rows: readonly R[]): void {
  ctx.stdout.write(
    renderTable(columns, rows, { tty: ctx.stdoutIsTTY, color: ctx.color, chalk: ctx.color ? ctx.chalk() : undefined, width: ctx.columns }),
  );
}

/** Findings to stderr (or stdout for `validate`), in the chosen format. */
export function printDiagnostics(
  ctx: Context,
  ds: Diagnostic[],
  format: DiagnosticFormat = 'text',
  stream: 'stdout' | 'stderr' = 'stderr',
  pathPrefix = ctx.env.DELIVER_PATH_PREFIX ?? '',
): void {
  const out = stream === 'stdout' ? ctx.stdout : ctx.stderr;
  const sorted = sortDiagnostics([...ds]);
  if (format === 'json') {
    out.write(
      jsonSafe(
        JSON.stringify(
          { schema_version: JSON_SCHEMA_VERSION, kind: 'diagnostics', diagnostics: sorted.map((d) => renderDiagnostic(d, ctx.lang)) },
          null,
          2,
        ),
      ) + '\n',
    );
  } else if (format === 'github') {
    out.write(diagnosticsAsGithub(sorted, ctx.lang, pathPrefix));
  } else {
    const p = stream === 'stderr' ? plainPaint : paint(ctx);
    out.write(diagnosticsAsText(sorted, ctx.lang, p, ctx.t('common.hint')));
  }
}

const id = (s: string) => s;
const plainPaint: Paint = { red: id, yellow: id, cyan: id, dim: id, bold: id };
