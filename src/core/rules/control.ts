// Rules for risks, change slips and acceptance records: acceptance rounds in date order with no
// round after a pass and a reason for every fail; change slips whose status matches their
// approvals, rejection and applied record; closed risks with every action done or waived.
import { diag, type Diagnostic } from '../diagnostics.js';
import type { Project } from '../model.js';

export function checkAcceptance(p: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of p.acceptance) {
    const rounds = a.data.rounds ?? [];
    let passedAt = -1;
    rounds.forEach((r, i) => {
      const n = i + 1;
      const prev = rounds[i - 1];
      if (prev && r.date < prev.date)
        out.push(diag('DLV-E081', a.file, { n, date: r.date, prev: i, prevDate: prev.date }, ['rounds', i, 'date']));
      if (r.date < a.data.delivered)
        out.push(diag('DLV-E083', a.file, { n, date: r.date, delivered: a.data.delivered }, ['rounds', i, 'date']));
      if (passedAt >= 0) out.push(diag('DLV-E080', a.file, { n }, ['rounds', i]));
      if (r.result === 'fail' && !r.reasons?.length) out.push(diag('DLV-E082', a.file, { n }, ['rounds', i, 'result']));
      if (r.result === 'pass' && passedAt < 0 && (r.kind ?? 'final') === 'final') passedAt = i;
    });
  }
  return out;
}

export function checkChanges(p: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const c of p.changes) {
    const d = c.data;
    if (d.status === 'approved' || d.status === 'applied') {
      for (const side of ['customer', 'internal'] as const) {
        if (!d.approvals?.[side]) out.push(diag('DLV-E084', c.file, { status: d.status, side, id: d.id }, ['status']));
      }
    }
    for (const side of ['customer', 'internal'] as const) {
      const ap = d.approvals?.[side];
      if (ap && ap.date < d.submitted)
        out.push(diag('DLV-E091', c.file, { date: ap.date, submitted: d.submitted }, ['approvals', side, 'date']));
    }
    if ((d.status === 'applied') !== Boolean(d.applied))
      out.push(diag('DLV-E085', c.file, { status: d.status }, [d.applied ? 'applied' : 'status']));
    if (d.status === 'rejected' && !d.rejection) out.push(diag('DLV-E086', c.file, {}, ['status']));
    if (d.rejection && d.status !== 'rejected') out.push(diag('DLV-E090', c.file, { status: d.status }, ['rejection']));
  }
  return out;
}

export function checkRisks(p: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const r of p.risks) {
    const d = r.data;
    (d.actions ?? []).forEach((a, i) => {
      if (d.status === 'closed' && !a.done && !a.waived) out.push(diag('DLV-E087', r.file, { n: i + 1, id: d.id }, ['actions', i]));
      if (a.due && a.due < d.identified)
        out.push(diag('DLV-W092', r.file, { n: i + 1, due: a.due, identified: d.identified }, ['actions', i, 'due']));
      if (a.done && a.done < d.identified)
        out.push(
          diag('DLV-E089', r.file, { field: `actions[${i + 1}].done`, date: a.done, identified: d.identified }, ['actions', i, 'done']),
        );
    });
    if (d.status === 'closed' && !d.closed) out.push(diag('DLV-W088', r.file, {}, ['status']));
    if (d.closed && d.closed.date < d.identified)
      out.push(diag('DLV-E089', r.file, { field: 'closed.date', date: d.closed.date, identified: d.identified }, ['closed', 'date']));
  }
  return out;
}
