// Requirement rules: the lifecycle history is ordered and agrees with the status, dates do not
// precede intake, and an accepted requirement has a passing acceptance round behind it.
import { diag, type Diagnostic } from '../diagnostics.js';
import { canMove } from '../lifecycle.js';
import { acceptsRequirements } from '../acceptance.js';
import type { Project } from '../model.js';

/** Requirements a signed passing final round has accepted. */
export function passedRequirementIds(p: Project): Set<string> {
  const passed = new Set<string>();
  for (const a of p.acceptance) if (acceptsRequirements(a.data)) for (const id of a.data.requirements) passed.add(id);
  return passed;
}

/** Dates a requirement may hold that cannot precede its intake, with their paths. */
const DATED: readonly [string, (d: Project['requirements'][number]['data']) => string | undefined, readonly string[]][] = [
  ['due', (d) => d.due, ['due']],
  ['analysis.date', (d) => d.analysis?.date, ['analysis', 'date']],
  ['feasibility.date', (d) => d.feasibility?.date, ['feasibility', 'date']],
  ['confirmation.date', (d) => d.confirmation?.date, ['confirmation', 'date']],
];

/** Statuses a requirement reaches only once the customer confirmed it. */
const CONFIRMED: ReadonlySet<string> = new Set(['confirmed', 'in_progress', 'delivered', 'accepted']);

// One pass over every requirement with nothing allocated unless a finding is made: at 10,000 tasks
// this runs over 5,000 records, once per command, mostly before V8 optimizes it.
export function checkRequirements(p: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  const passed = passedRequirementIds(p);
  for (const r of p.requirements) {
    const d = r.data;
    if (d.status === 'accepted' && !passed.has(d.id)) out.push(diag('DLV-E100', r.file, {}, ['status']));
    for (const [field, get, path] of DATED) {
      const date = get(d);
      if (date && date < d.received) out.push(diag('DLV-E103', r.file, { field, date, received: d.received }, [...path]));
    }
    const h = d.history;
    if (h !== undefined) {
      for (let i = 0; i < h.length; i++) {
        const e = h[i]!;
        const prev = i > 0 ? h[i - 1] : undefined;
        if (prev && e.date < prev.date)
          out.push(diag('DLV-E101', r.file, { n: i + 1, date: e.date, prevDate: prev.date }, ['history', i, 'date']));
        if (e.date < d.received)
          out.push(
            diag('DLV-E103', r.file, { field: `history[${i + 1}].date`, date: e.date, received: d.received }, ['history', i, 'date']),
          );
        const from = e.from ?? prev?.to;
        if (from && from !== e.to && !canMove(from, e.to)) out.push(diag('DLV-E105', r.file, { from, to: e.to }, ['history', i, 'to']));
      }
      const last = h[h.length - 1];
      if (last && last.to !== d.status) out.push(diag('DLV-E102', r.file, { status: d.status, to: last.to }, ['status']));
    }
    if (CONFIRMED.has(d.status) && !d.confirmation) out.push(diag('DLV-W104', r.file, { status: d.status }, ['status']));
  }
  return out;
}
