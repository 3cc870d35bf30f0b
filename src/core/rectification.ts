// Rectification items (整改单, pure): what a failed round found, who fixes it by when, and who verified
// the fix. An item is open until verified (or accepted open by the customer at a final pass); overdue
// when open and not fixed by its due date. A final pass waits for every item of an earlier round.
import { compareDates, type IsoDate } from './dates.js';
import type { Acceptance } from './model.js';

export type Rectification = NonNullable<Acceptance['rectifications']>[number];
export type RectState = 'verified' | 'accepted_open' | 'fixed' | 'open' | 'overdue';

export function rectState(x: Rectification, asOf: IsoDate): RectState {
  if (x.verified !== undefined) return 'verified';
  if (x.accepted_open !== undefined) return 'accepted_open';
  if (x.fixed !== undefined) return 'fixed';
  return x.due < asOf ? 'overdue' : 'open';
}

/** Neither verified nor accepted open by the customer: blocks a final pass. */
export function isUnresolved(x: Rectification): boolean {
  return x.verified === undefined && x.accepted_open === undefined;
}

/** Items (1-based numbers) of rounds before `round` still unresolved. */
export function blockingItems(a: Pick<Acceptance, 'rectifications'>, round: number): number[] {
  return (a.rectifications ?? []).flatMap((x, i) => (x.round < round && isUnresolved(x) ? [i + 1] : []));
}

/** Facts undone after the report date: items of later rounds, fixes, verifications and acceptances dated later. */
export function rectificationsAsOf(items: readonly Rectification[], roundDates: readonly IsoDate[], asOf: IsoDate): Rectification[] {
  const after = (d: string | undefined) => d !== undefined && d > asOf;
  return items
    .filter((x) => !after(roundDates[x.round - 1]))
    .map((x) => {
      if (!after(x.fixed) && !after(x.verified) && !after(x.accepted_open?.date)) return x;
      const y: Rectification = { ...x };
      if (after(y.fixed)) delete y.fixed;
      if (after(y.verified)) {
        delete y.verified;
        delete y.verified_by;
      }
      if (after(y.accepted_open?.date)) delete y.accepted_open;
      return y;
    });
}

export interface RectFact {
  acceptance: string;
  deliverable: string;
  number: number;
  round: number;
  finding: string;
  owner: string;
  due: IsoDate;
  fixed?: IsoDate;
  state: RectState;
}

/** Items neither verified nor accepted open, overdue first, then by due date. `project` is as of `asOf`. */
export function openRectifications(acc: readonly Acceptance[], asOf: IsoDate): RectFact[] {
  const out: RectFact[] = [];
  for (const a of acc) {
    (a.rectifications ?? []).forEach((x, i) => {
      if (!isUnresolved(x)) return;
      out.push({
        acceptance: a.id,
        deliverable: a.deliverable,
        number: i + 1,
        round: x.round,
        finding: x.finding,
        owner: x.owner,
        due: x.due,
        ...(x.fixed ? { fixed: x.fixed } : {}),
        state: rectState(x, asOf),
      });
    });
  }
  const rank = (s: RectState) => (s === 'overdue' ? 0 : 1);
  return out.sort(
    (a, b) =>
      rank(a.state) - rank(b.state) || compareDates(a.due, b.due) || a.acceptance.localeCompare(b.acceptance) || a.number - b.number,
  );
}

/**
 * rectification_on_time_rate: items whose due date has passed by the report date or that were fixed,
 * counted when due in the window; on time = fixed on or before the due date.
 */
export function rectificationCounts(
  acc: readonly Acceptance[],
  inWindow: (d: IsoDate) => boolean,
  asOf: IsoDate,
): { onTime: number; due: number } {
  let onTime = 0,
    due = 0;
  for (const a of acc) {
    for (const x of a.rectifications ?? []) {
      if (!inWindow(x.due)) continue;
      const judged = x.fixed !== undefined || x.due < asOf;
      if (!judged) continue;
      due++;
      if (x.fixed !== undefined && x.fixed <= x.due) onTime++;
    }
  }
  return { onTime, due };
}
