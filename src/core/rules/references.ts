// Reference rules: every id a record points at exists (or exists but is itself broken, which is
// reported once where it is, not again at every reference).
import { diag, type Diagnostic, type JsonPath } from '../diagnostics.js';
import type { Located, Project } from '../model.js';
import { allIdentified } from './ids.js';

export function checkReferences(p: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  const known = new Set<string>(allIdentified(p).map((r) => r.data.id));
  const ref = (r: Located<unknown>, field: string, id: string | undefined, path: JsonPath) => {
    if (id !== undefined && !known.has(id) && !p.brokenIds.has(id)) out.push(diag('DLV-E042', r.file, { field, id }, [...r.path, ...path]));
  };
  const refs = (r: Located<unknown>, field: string, ids: readonly string[] | undefined) => ids?.forEach((id, i) => ref(r, field, id, [field, i]));

  for (const t of p.tasks) {
    refs(t, 'depends_on', t.data.depends_on);
    ref(t, 'milestone', t.data.milestone, ['milestone']);
    ref(t, 'requirement', t.data.requirement, ['requirement']);
  }
  for (const m of p.milestones) refs(m, 'depends_on', m.data.depends_on);
  for (const c of p.changes) {
    refs(c, 'requirements', c.data.requirements);
    refs(c, 'tasks', c.data.tasks);
    c.data.applied?.moves.forEach((m, i) => ref(c, 'applied.moves', m.id, ['applied', 'moves', i, 'id']));
  }
  for (const a of p.acceptance) refs(a, 'requirements', a.data.requirements);
  for (const s of p.surveys) {
    ref(s, 'requirement', s.data.requirement, ['requirement']);
    ref(s, 'acceptance', s.data.acceptance, ['acceptance']);
  }
  return out;
}
