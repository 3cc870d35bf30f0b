// Rules for signed acceptance and rectification items: a final pass carries the customer's signature
// and date; rectification items belong to a failed round, are fixed and verified after it, and every
// item of an earlier round is verified (or accepted open by the customer) before a final pass.
import { isFinal } from '../acceptance.js';
import { diag, type Diagnostic } from '../diagnostics.js';
import type { Project } from '../model.js';
import { blockingItems } from '../rectification.js';

export function checkHandover(p: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const a of p.acceptance) {
    const rounds = a.data.rounds ?? [];
    rounds.forEach((r, i) => {
      if (r.result !== 'pass' || !isFinal(r)) return;
      if (r.signed_by === undefined || r.signed_on === undefined) out.push(diag('DLV-W180', a.file, { n: i + 1 }, ['rounds', i]));
      if (r.signed_on !== undefined && r.signed_on < r.date)
        out.push(diag('DLV-E181', a.file, { n: i + 1, signed: r.signed_on, date: r.date }, ['rounds', i, 'signed_on']));
      const open = blockingItems(a.data, i + 1);
      if (open.length) out.push(diag('DLV-E185', a.file, { n: i + 1, items: open.map((k) => `#${k}`).join(' ') }, ['rounds', i]));
    });
    (a.data.rectifications ?? []).forEach((x, i) => {
      const n = i + 1;
      const round = rounds[x.round - 1];
      if (!round || round.result !== 'fail') {
        out.push(diag('DLV-E182', a.file, { n, round: x.round }, ['rectifications', i, 'round']));
        return;
      }
      for (const [field, d] of [
        ['due', x.due],
        ['fixed', x.fixed],
        ['verified', x.verified],
        ['accepted_open.date', x.accepted_open?.date],
      ] as const) {
        if (d !== undefined && d < round.date)
          out.push(diag('DLV-E183', a.file, { n, field, date: d, roundDate: round.date }, ['rectifications', i, ...field.split('.')]));
      }
      if (x.verified !== undefined && (x.fixed === undefined || x.verified < x.fixed))
        out.push(diag('DLV-E184', a.file, { n }, ['rectifications', i, 'verified']));
      if ((x.verified === undefined) !== (x.verified_by === undefined))
        out.push(diag('DLV-E186', a.file, { n }, ['rectifications', i, x.verified === undefined ? 'verified_by' : 'verified']));
    });
  }
  return out;
}
