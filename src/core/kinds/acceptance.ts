// Acceptance records (验收): one file each in acceptance/, a deliverable and its inspection rounds.
import { acceptanceState, latestRound } from '../acceptance.js';
import type { IsoDate } from '../dates.js';
import type { Acceptance } from '../model.js';
import { listCell, type KindSpec } from './spec.js';

/**
 * Rounds held later have not happened. The record itself stays even when delivered later: it is a
 * scheduled hand-over.
 */
function acceptanceAsOf(a: Acceptance, asOf: IsoDate): Acceptance {
  if (!a.rounds?.some((r) => r.date > asOf)) return a;
  return { ...a, rounds: a.rounds.filter((r) => r.date <= asOf) };
}

export const acceptanceKind = {
  collection: 'acceptance',
  storage: { folder: 'acceptance' },
  schema: 'acceptance',
  id: { prefix: 'AC-', pattern: /^AC-\d{3,6}$/, def: 'acceptanceId', form: 'AC-NNN' },
  title: (a) => a.deliverable,
  refs: [{ path: 'requirements[]' }],
  asOf: acceptanceAsOf,
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
  ],
  diff: 'own',
} as const satisfies KindSpec<Acceptance, 'acceptance'>;
