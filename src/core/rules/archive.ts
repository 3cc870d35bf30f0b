// Archive rules: a request accepted more than `sla.archive_days` working days ago (default 10) is
// archived (W106); an archive lists every document of the toolkit once (W107).
import { ARCHIVE_DOCS, archiveDays, archiveOverdue } from '../archive.js';
import { makeCalendar } from '../calendar.js';
import { diag, type Diagnostic } from '../diagnostics.js';
import type { Project } from '../model.js';

export function checkArchive(p: Project, asOf?: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const manifest = p.manifest?.data;
  const days = archiveDays(manifest);
  const cal = asOf ? makeCalendar(manifest?.calendar) : undefined;
  for (const r of p.requirements) {
    const d = r.data;
    if (cal && asOf) {
      const late = archiveOverdue(d, cal, asOf, days);
      if (late) out.push(diag('DLV-W106', r.file, { accepted: late.accepted, n: late.waited, days }, ['status']));
    }
    if (d.archive) {
      const listed = new Set(d.archive.documents.map((x) => x.doc));
      const missing = ARCHIVE_DOCS.filter((k) => !listed.has(k));
      if (missing.length) out.push(diag('DLV-W107', r.file, { docs: missing.join(', ') }, ['archive', 'documents']));
      if (d.archived === undefined) out.push(diag('DLV-W107', r.file, { docs: 'archived' }, ['archive']));
    }
  }
  return out;
}
