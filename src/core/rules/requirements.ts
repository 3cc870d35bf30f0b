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

export function checkRequirements(p: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  const passed = passedRequirementIds(p);
  for (const r of p.requirements) {
    const d = r.data;
    if (d.status === 'accepted' && !passed.has(d.id)) out.push(diag('DLV-E100', r.file, {}, ['status']));
    const dated: [string, string | undefined, (string | number)[]][] = [
      ['due', d.due, ['due']],
      ['analysis.date', d.analysis?.date, ['analysis', 'date']],
      ['feasibility.date', d.feasibility?.date, ['feasibility', 'date']],
      ['confirmation.date', d.confirmation?.date, ['confirmation', 'date']],
    ];
    for (const [field, date, path] of dated)
      if (date && date < d.received) out.push(diag('DLV-E103', r.file, { field, date, received: d.received }, path));
    const h = d.history ?? [];
    h.forEach((e, i) => {
      const prev = h[i - 1];
      if (prev && e.date < prev.date)
        out.push(diag('DLV-E101', r.file, { n: i + 1, date: e.date, prevDate: prev.date }, ['history', i, 'date']));
      if (e.date < d.received)
        out.push(diag('DLV-E103', r.file, { field: `history[${i + 1}].date`, date: e.date, received: d.received }, ['history', i, 'date']));
      const from = e.from ?? prev?.to;
      if (from && from !== e.to && !canMove(from, e.to)) out.push(diag('DLV-E105', r.file, { from, to: e.to }, ['history', i, 'to']));
    });
    const last = h[h.length - 1];
    if (last && last.to !== d.status) out.push(diag('DLV-E102', r.file, { status: d.status, to: last.to }, ['status']));
    if (['confirmed', 'in_progress', 'delivered', 'accepted'].includes(d.status) && !d.confirmation)
      out.push(diag('DLV-W104', r.file, { status: d.status }, ['status']));
  }
  return out;
}
