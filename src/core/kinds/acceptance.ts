// Acceptance records (验收): one file each in acceptance/, a deliverable, the list of what was handed
// over, the customer's inspection rounds and the rectification items failed rounds opened.
import { acceptanceState, latestRound } from '../acceptance.js';
import type { IsoDate } from '../dates.js';
import type { Acceptance } from '../model.js';
import { listCell, type KindSpec } from './spec.js';
import { isUnresolved, rectificationsAsOf, rectState } from '../rectification.js';

/**
 * Rounds held later have not happened. The record itself stays even when delivered later: it is a
 * scheduled hand-over.
 */
function acceptanceAsOf(a: Acceptance, asOf: IsoDate): Acceptance {
  const laterRound = a.rounds?.some((r) => r.date > asOf || (r.signed_on !== undefined && r.signed_on > asOf));
  const x = a.rectifications
    ? rectificationsAsOf(
        a.rectifications,
        (a.rounds ?? []).map((r) => r.date),
        asOf,
      )
    : undefined;
  const rectChanged = x !== undefined && (x.length !== a.rectifications!.length || x.some((y, i) => y !== a.rectifications![i]));
  if (!laterRound && !rectChanged) return a;
  // A round signed after the report date had happened, but its signature had not.
  const rounds = a.rounds
    ?.filter((r) => r.date <= asOf)
    .map((r) => (r.signed_on !== undefined && r.signed_on > asOf ? (({ signed_on: _s, ...rest }) => rest)(r) : r));
  return { ...a, ...(rounds ? { rounds } : {}), ...(x ? { rectifications: x } : {}) };
}

export const acceptanceKind = {
  collection: 'acceptance',
  storage: { folder: 'acceptance' },
  schema: 'acceptance',
  id: { prefix: 'AC-', pattern: /^AC-\d{3,6}$/, def: 'acceptanceId', form: 'AC-NNN' },
  title: (a) => a.deliverable,
  refs: [{ path: 'requirements[]' }],
  asOf: acceptanceAsOf,
  // Not `delivered`: a handover dated later is a scheduled one.
  facts: [
    'rounds[].date',
    'rounds[].signed_on',
    'rectifications[].fixed',
    'rectifications[].verified',
    'rectifications[].accepted_open.date',
  ],
  columns: [
    { key: 'id', value: (a) => a.id },
    { key: 'deliverable', value: (a) => a.deliverable },
    { key: 'requirements', value: (a) => listCell(a.requirements) },
    { key: 'delivered', value: (a) => a.delivered },
    { key: 'agreed', value: (a) => a.agreed },
    { key: 'rounds', value: (a) => a.rounds?.length ?? 0 },
    { key: 'last_round', value: (a) => latestRound(a)?.date },
    { key: 'result', value: (a) => latestRound(a)?.result },
    { key: 'state', value: (a, x) => acceptanceState(a, x.asOf) },
    {
      key: 'deliverables',
      value: (a) => (a.deliverables ?? []).map((d) => `${d.name}${d.version ? ' ' + d.version : ''}`).join('; ') || undefined,
    },
    { key: 'signed_by', value: (a) => (a.rounds ?? []).find((r) => r.result === 'pass' && (r.kind ?? 'final') === 'final')?.signed_by },
    { key: 'signed_on', value: (a) => (a.rounds ?? []).find((r) => r.result === 'pass' && (r.kind ?? 'final') === 'final')?.signed_on },
    { key: 'open_rectifications', value: (a) => (a.rectifications ?? []).filter(isUnresolved).length || undefined },
    {
      key: 'overdue_rectifications',
      value: (a, x) => listCell((a.rectifications ?? []).flatMap((r, i) => (rectState(r, x.asOf) === 'overdue' ? [`#${i + 1}`] : []))),
    },
  ],
  diff: 'own',
} as const satisfies KindSpec<Acceptance, 'acceptance'>;
