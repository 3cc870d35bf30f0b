// Findings about records: the one shape every check produces. Core code creates them with a JSON
// path; the store resolves the path to a line and column afterwards (positions need the source).

export type Severity = 'error' | 'warning' | 'info';
export type JsonPath = ReadonlyArray<string | number>;

export interface Diagnostic {
  /** Stable code, e.g. `DLV-E042`; the message catalogue in src/render/messages is keyed by it. */
  code: string;
  severity: Severity;
  /** Project-relative file path with forward slashes. */
  file: string;
  /** 1-based position; absent when the finding is about the whole file. */
  line?: number;
  column?: number;
  /** Where in the record the finding points; resolved to line/column by the store. */
  path?: JsonPath;
  /** Parameters of the message and hint templates. */
  args: Record<string, string | number>;
}

export function diag(code: string, file: string, args: Record<string, string | number> = {}, path?: JsonPath): Diagnostic {
  return { code, severity: severityOf(code), file, args, ...(path ? { path } : {}) };
}

/** The letter after `DLV-` fixes the severity: E error, W warning, I info. */
function severityOf(code: string): Severity {
  const c = code.charAt(4);
  return c === 'E' ? 'error' : c === 'W' ? 'warning' : 'info';
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}

/**
 * At most `max` findings per file, then one DLV-I030 saying how many more there are: one broken
 * file (20,000 unknown keys) must not bury the rest of the report or flood a terminal.
 */
export function capPerFile(ds: readonly Diagnostic[], max: number): Diagnostic[] {
  const count = new Map<string, number>();
  const out: Diagnostic[] = [];
  for (const d of ds) {
    const n = (count.get(d.file) ?? 0) + 1;
    count.set(d.file, n);
    if (n <= max) out.push(d);
  }
  for (const [file, n] of count) if (n > max) out.push(diag('DLV-I030', file, { n: n - max }));
  return out;
}

/** Stable order for output: file, then line, then code. */
export function sortDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  return ds.sort((a, b) =>
    a.file < b.file
      ? -1
      : a.file > b.file
        ? 1
        : (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
