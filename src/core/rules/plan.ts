// Plan rules: dependency cycles (reported with the cycle), dates in order, status and actual
// dates that agree, and baselines that can be told apart.
import { diag, type Diagnostic } from '../diagnostics.js';
import { cyclesAmong } from '../graph.js';
import type { Project } from '../model.js';

/**
 * The last result by the plan records themselves: two projects holding the very same plan records
 * (diff reads a plan.yaml unchanged between its two sides once) share one check. A copy of each
 * finding is returned, as the caller adds positions to them.
 */
type PlanLists = readonly (readonly { file: string; data: unknown }[])[];
let last: { lists: PlanLists; out: Diagnostic[] } | undefined;

/** The project's plan lists as they are now (copied natively: a list changed later is not this one). */
function planLists(p: Project): PlanLists {
  return [p.tasks.slice(), p.milestones.slice(), p.baselines.slice()];
}

/** The same records in the same files, by identity. */
function sameRecords(a: PlanLists, b: PlanLists): boolean {
  for (let l = 0; l < a.length; l++) {
    const x = a[l]!,
      y = b[l]!;
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i]!.data !== y[i]!.data || x[i]!.file !== y[i]!.file) return false;
  }
  return true;
}

export function checkPlan(p: Project): Diagnostic[] {
  const lists = planLists(p);
  if (last && sameRecords(last.lists, lists)) return last.out.map((d) => ({ ...d }));
  const out = checkPlanAfresh(p);
  last = { lists, out: out.map((d) => ({ ...d })) };
  return out;
}

function checkPlanAfresh(p: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  const deps = new Map<string, readonly string[]>();
  const pathOf = new Map<string, (typeof p.tasks)[number] | (typeof p.milestones)[number]>();
  for (const t of p.tasks) {
    deps.set(t.data.id, t.data.depends_on ?? []);
    pathOf.set(t.data.id, t);
  }
  for (const m of p.milestones) {
    deps.set(m.data.id, m.data.depends_on ?? []);
    pathOf.set(m.data.id, m);
  }
  for (const [id, ds] of deps) {
    if (ds.includes(id)) {
      const r = pathOf.get(id)!;
      out.push(diag('DLV-E063', r.file, { id }, [...r.path, 'depends_on', ds.indexOf(id)]));
    }
  }
  const cycles = cyclesAmong(deps);
  for (const c of cycles) {
    const r = pathOf.get(c[0]!)!;
    out.push(diag('DLV-E060', r.file, { cycle: c.join(' → ') }, [...r.path, 'depends_on']));
  }

  for (const t of p.tasks) {
    const d = t.data;
    const at = (field: string) => [...t.path, field];
    if (d.start && d.end && d.end < d.start)
      out.push(diag('DLV-E061', t.file, { endField: 'end', end: d.end, startField: 'start', start: d.start }, at('end')));
    if (d.actual_start && d.actual_end && d.actual_end < d.actual_start) {
      out.push(
        diag(
          'DLV-E061',
          t.file,
          { endField: 'actual_end', end: d.actual_end, startField: 'actual_start', start: d.actual_start },
          at('actual_end'),
        ),
      );
    }
    if (d.days !== undefined && d.end !== undefined) out.push(diag('DLV-W062', t.file, {}, at('end')));
    if (d.days === undefined && d.end === undefined) out.push(diag('DLV-W067', t.file, {}, [...t.path, 'name']));
    if (d.status === 'done' && !d.actual_end) out.push(diag('DLV-W064', t.file, { id: d.id }, at('status')));
    if (d.status !== 'done' && d.actual_end) out.push(diag('DLV-E065', t.file, { id: d.id, status: d.status }, at('actual_end')));
    if (d.status === 'blocked' && !d.blocked_reason) out.push(diag('DLV-W066', t.file, {}, at('status')));
  }

  const names = new Set<string>();
  for (const b of p.baselines) {
    if (names.has(b.data.name)) out.push(diag('DLV-W068', b.file, { name: b.data.name }, [...b.path, 'name']));
    names.add(b.data.name);
    const seen = new Set<string>();
    b.data.items.forEach((it, i) => {
      if (seen.has(it.id)) out.push(diag('DLV-E069', b.file, { id: it.id }, [...b.path, 'items', i, 'id']));
      seen.add(it.id);
      if (it.start && it.end < it.start)
        out.push(
          diag('DLV-E061', b.file, { endField: 'end', end: it.end, startField: 'start', start: it.start }, [...b.path, 'items', i, 'end']),
        );
    });
  }
  return out;
}
