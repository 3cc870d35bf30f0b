// Rules for meeting minutes: action items are carried out on or after the meeting that gave them
// out, are not due before it, and only a retrospective records highlights, problems and improvements.
import { diag, type Diagnostic } from '../diagnostics.js';
import type { Project } from '../model.js';

export function checkMeetings(p: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const m of p.meetings) {
    const d = m.data;
    (d.actions ?? []).forEach((a, i) => {
      if (a.done !== undefined && a.done < d.date)
        out.push(diag('DLV-E170', m.file, { n: i + 1, done: a.done, date: d.date }, ['actions', i, 'done']));
      if (a.due !== undefined && a.due < d.date)
        out.push(diag('DLV-W171', m.file, { n: i + 1, due: a.due, date: d.date }, ['actions', i, 'due']));
    });
    if (d.retrospective && d.kind !== 'retrospective') out.push(diag('DLV-W172', m.file, { kind: d.kind }, ['retrospective']));
  }
  return out;
}
