// Manifest rules: dates in order and a calendar whose lists do not contradict each other.
import { diag, type Diagnostic } from '../diagnostics.js';
import type { Project } from '../model.js';

export function checkManifest(p: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  const m = p.manifest;
  if (!m) return out;
  const d = m.data;
  if (d.due && d.due < d.start) out.push(diag('DLV-E050', m.file, { field: 'due', date: d.due, start: d.start }, ['due']));
  if (d.contract?.due && d.contract.due < d.start)
    out.push(diag('DLV-E050', m.file, { field: 'contract.due', date: d.contract.due, start: d.start }, ['contract', 'due']));
  const off = new Set([...(d.calendar?.holidays ?? []), ...(d.calendar?.days_off ?? [])].map((h) => h.date));
  (d.calendar?.workdays ?? []).forEach((w, i) => {
    if (off.has(w.date)) out.push(diag('DLV-W051', m.file, { date: w.date }, ['calendar', 'workdays', i, 'date']));
  });
  return out;
}
