// Acceptance logic (pure): which round passed, first-pass, what still waits for the customer, whether a new
// round may be recorded, and the lifecycle moves that take a requirement to accepted after a pass.
import type { IsoDate } from './dates.js';
import { TERMINAL } from './lifecycle.js';
import type { Acceptance, AcceptanceRound, Requirement, RequirementStatus } from './model.js';

/** A round is final unless it says `kind: pre` (pre-acceptance). */
export function isFinal(r: AcceptanceRound): boolean {
  return (r.kind ?? 'final') === 'final';
}

/** Index of the first passing final round, or -1. */
export function passingRound(a: Pick<Acceptance, 'rounds'>): number {
  return (a.rounds ?? []).findIndex((r) => r.result === 'pass' && isFinal(r));
}

/** A passing final round with the customer's signature and its date (客户签字, 客户日期). */
export function isSignedPass(r: AcceptanceRound): boolean {
  return r.result === 'pass' && isFinal(r) && r.signed_by !== undefined && r.signed_on !== undefined;
}

/** Whether the record accepts its requirements: a signed passing final round (a pre-acceptance never does). */
export function acceptsRequirements(a: Pick<Acceptance, 'rounds'>): boolean {
  return (a.rounds ?? []).some(isSignedPass);
}

export function isAccepted(a: Pick<Acceptance, 'rounds'>): boolean {
  return passingRound(a) >= 0;
}

/**
 * First-pass (the strict form of the pass rate): accepted without any failed round before the pass.
 * `null` while undecided: no round failed yet and no final pass yet.
 */
export function firstPass(a: Pick<Acceptance, 'rounds'>): boolean | null {
  const rounds = a.rounds ?? [];
  const pass = passingRound(a);
  const upTo = pass >= 0 ? rounds.slice(0, pass + 1) : rounds;
  if (upTo.some((r) => r.result === 'fail')) return false;
  return pass >= 0 ? true : null;
}

export function latestRound(a: Pick<Acceptance, 'rounds'>): AcceptanceRound | undefined {
  const rounds = a.rounds ?? [];
  return rounds[rounds.length - 1];
}

/** Handed over (on or before the report date) and not yet passed by the customer. */
export function isWaitingForCustomer(a: Pick<Acceptance, 'rounds' | 'delivered'>, asOf: IsoDate): boolean {
  return a.delivered <= asOf && !isAccepted(a);
}

export type AcceptanceState = 'accepted' | 'waiting' | 'rectifying' | 'scheduled';

/** accepted; scheduled (delivery date still ahead); rectifying (the latest round failed); waiting (inspection due). */
export function acceptanceState(a: Pick<Acceptance, 'rounds' | 'delivered'>, asOf: IsoDate): AcceptanceState {
  if (isAccepted(a)) return 'accepted';
  if (a.delivered > asOf) return 'scheduled';
  return latestRound(a)?.result === 'fail' ? 'rectifying' : 'waiting';
}

export type RoundRefusal =
  | { kind: 'after_pass'; round: number }
  | { kind: 'out_of_order'; date: IsoDate; prevDate: IsoDate }
  | { kind: 'before_delivery'; date: IsoDate; delivered: IsoDate }
  | { kind: 'fail_without_reason' };

/** Why a new round may not be added (the same checks `validate` makes: E080–E083), or undefined. */
export function roundRefusal(a: Pick<Acceptance, 'rounds' | 'delivered'>, round: AcceptanceRound): RoundRefusal | undefined {
  const pass = passingRound(a);
  if (pass >= 0) return { kind: 'after_pass', round: pass + 1 };
  const prev = latestRound(a);
  if (prev && round.date < prev.date) return { kind: 'out_of_order', date: round.date, prevDate: prev.date };
  if (round.date < a.delivered) return { kind: 'before_delivery', date: round.date, delivered: a.delivered };
  if (round.result === 'fail' && !round.reasons?.length) return { kind: 'fail_without_reason' };
  return undefined;
}

export type PassMoves =
  | { kind: 'moves'; entries: { date: string; from: RequirementStatus; to: RequirementStatus; note: string; signed: boolean }[] }
  | { kind: 'nothing' }
  /** The requirement is not yet in progress: accepting it would skip lifecycle states nobody recorded. */
  | { kind: 'would_skip'; status: RequirementStatus };

/**
 * What a passing final round does to one requirement it covers, without inventing history: a
 * delivered requirement moves to accepted on the pass date (one entry naming the acceptance record);
 * one still in progress is first delivered on the record's delivery date (a fact of the record);
 * anything earlier (or on hold) is refused, since the moves in between were never recorded.
 */
export function passMoves(
  req: Pick<Requirement, 'status'>,
  acceptanceId: string,
  delivered: string,
  passDate: string,
  round: number,
): PassMoves {
  if (TERMINAL.has(req.status)) return { kind: 'nothing' };
  const accepted = { date: passDate, from: 'delivered' as const, to: 'accepted' as const, note: `${acceptanceId} #${round}`, signed: true };
  if (req.status === 'delivered') return { kind: 'moves', entries: [accepted] };
  if (req.status === 'in_progress') {
    return {
      kind: 'moves',
      entries: [{ date: delivered, from: 'in_progress', to: 'delivered', note: acceptanceId, signed: false }, accepted],
    };
  }
  return { kind: 'would_skip', status: req.status };
}
