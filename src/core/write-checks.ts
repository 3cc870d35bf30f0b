// Checks a write must pass besides `validate` (pure): facts dated after the report date, or before
// the project start. `validate` cannot know the day a record was written, so these refuse a command
// that would introduce them (src/cli/write-guard.ts), never an existing record.
import { diag, type Diagnostic } from './diagnostics.js';
import { isIsoDate, type IsoDate } from './dates.js';
import { eachRef, factsOf, KIND_NAMES, kindSpec } from './kinds/index.js';
import { recordsOf, type Project } from './model.js';

/**
 * DLV-E071 (after the report date) on every recorded fact, and DLV-E072 (before the project start) on
 * the plan's actual dates.
 */
export function writeChecks(p: Project, asOf: IsoDate, files?: ReadonlySet<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Each finding depends on its own record alone (and the project start), so a write is checked in
  // the files it writes: 10,000 requirement steps need not be walked to add one risk action.
  const inScope = (file: string) => files === undefined || files.has(file);
  const start = p.manifest?.data.start;
  const projectStart = start !== undefined && isIsoDate(start) ? start : undefined;
  // The path is put together only for a finding: this runs over every task of the plan.
  const check = (
    file: string,
    at: readonly (string | number)[],
    key: readonly (string | number)[] | string,
    field: string,
    date: string | undefined,
    beforeStart = true,
  ) => {
    if (date === undefined || !isIsoDate(date)) return;
    const path = () => [...at, ...(typeof key === 'string' ? [key] : key)];
    if (date > asOf) out.push(diag('DLV-E071', file, { field, date, asOf }, path()));
    else if (beforeStart && projectStart !== undefined && date < projectStart)
      out.push(diag('DLV-E072', file, { field, date, start: projectStart }, path()));
  };
  for (const t of p.tasks) {
    if (!inScope(t.file)) break; // every task is in plan.yaml
    check(t.file, t.path, 'actual_start', 'actual_start', t.data.actual_start);
    check(t.file, t.path, 'actual_end', 'actual_end', t.data.actual_end);
  }
  for (const m of p.milestones) if (inScope(m.file)) check(m.file, m.path, 'done', 'done', m.data.done);
  // The other kinds' facts (a risk action done, an acceptance round, an approval, a requirement's
  // step): after the report date only. Work recorded before the project start is the plan's
  // question; a requirement or a risk may well come before the contract.
  for (const kind of KIND_NAMES) {
    const facts = factsOf(kind);
    if (!facts.length) continue;
    const born = kindSpec(kind).born;
    for (const r of recordsOf(p, kind)) {
      if (!inScope(r.file)) continue;
      // The first history entry of a requirement received later is its birth, not an event.
      const bornOn = born?.(r.data);
      for (const fact of facts)
        eachRef(r.data, fact, (date, path) => {
          if (date !== bornOn) check(r.file, r.path, path, fact.field, date, false);
        });
    }
  }
  return out;
}
