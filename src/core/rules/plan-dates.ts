// Plan dates measured against what they rest on: a task planned to start before the project's start
// (the first day work may be scheduled), and work recorded as started before what it waits for ended.
import { isIsoDate } from '../dates.js';
import { diag, type Diagnostic } from '../diagnostics.js';
import type { Project } from '../model.js';

export function checkPlanDates(p: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  const start = p.manifest?.data.start;
  const projectStart = start !== undefined && isIsoDate(start) ? start : undefined;
  const actualEnd = new Map<string, string>();
  for (const t of p.tasks) if (t.data.status === 'done' && t.data.actual_end !== undefined) actualEnd.set(t.data.id, t.data.actual_end);
  for (const m of p.milestones) if (m.data.done !== undefined) actualEnd.set(m.data.id, m.data.done);
  for (const t of p.tasks) {
    const d = t.data;
    if (projectStart !== undefined && d.start !== undefined && isIsoDate(d.start) && d.start < projectStart) {
      out.push(diag('DLV-W073', t.file, { id: d.id, date: d.start, start: projectStart }, [...t.path, 'start']));
    }
    // The first fact of the work: its actual start, else (done without one) its actual end.
    const field = d.actual_start !== undefined ? 'actual_start' : d.actual_end !== undefined ? 'actual_end' : undefined;
    const date = field === 'actual_start' ? d.actual_start : d.actual_end;
    if (field === undefined || date === undefined) continue;
    for (const dep of d.depends_on ?? []) {
      const end = actualEnd.get(dep);
      if (end !== undefined && date < end) {
        out.push(diag('DLV-W074', t.file, { id: d.id, field, date, dep, end }, [...t.path, field]));
        break;
      }
    }
  }
  return out;
}
