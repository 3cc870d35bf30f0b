// After-sales and people rules: a ticket's steps in date order and closed only once resolved; one
// primary contact per side of the team.
import { diag, type Diagnostic } from '../diagnostics.js';
import type { Project } from '../model.js';

export function checkTickets(p: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const t of p.tickets) {
    const d = t.data;
    const steps: [string, string | undefined][] = [
      ['response', d.response?.date],
      ['resolved', d.resolved?.date],
      ['closed', d.closed?.date],
    ];
    for (const [field, date] of steps) {
      if (date !== undefined && date < d.opened) out.push(diag('DLV-E163', t.file, { field, date, opened: d.opened }, [field, 'date']));
    }
    if (d.closed && !d.resolved) out.push(diag('DLV-E164', t.file, { id: d.id }, ['closed']));
    else if (d.closed && d.resolved && d.closed.date < d.resolved.date)
      out.push(diag('DLV-E165', t.file, { date: d.closed.date, resolved: d.resolved.date }, ['closed', 'date']));
  }
  return out;
}

export function checkTeam(p: Project): Diagnostic[] {
  const m = p.manifest;
  if (!m) return [];
  const out: Diagnostic[] = [];
  const seen = new Map<string, string>();
  (m.data.team ?? []).forEach((x, i) => {
    if (!x.primary) return;
    const side = x.side ?? 'supplier';
    const first = seen.get(side);
    if (first !== undefined) out.push(diag('DLV-W160', m.file, { side, name: x.name, first }, ['team', i, 'primary']));
    else seen.set(side, x.name);
  });
  return out;
}
