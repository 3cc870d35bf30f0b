// The requirement lifecycle: received → analyzing → confirmed → in_progress → delivered → accepted,
// with rejected and on_hold reachable from any open state and on_hold resuming where it stopped.
import type { Requirement, RequirementStatus } from './model.js';

export const REQUIREMENT_FLOW: readonly RequirementStatus[] = [
  'received',
  'analyzing',
  'confirmed',
  'in_progress',
  'delivered',
  'accepted',
];
export const REQUIREMENT_STATUSES: readonly RequirementStatus[] = [...REQUIREMENT_FLOW, 'rejected', 'on_hold'];
export const TERMINAL: ReadonlySet<RequirementStatus> = new Set(['accepted', 'rejected']);

/** The state a held requirement resumes to: the one it was in when it was put on hold. */
export function heldFrom(req: Pick<Requirement, 'history'>): RequirementStatus | undefined {
  const h = req.history ?? [];
  for (let i = h.length - 1; i >= 0; i--) if (h[i]!.to === 'on_hold') return h[i]!.from;
  return undefined;
}

/** Statuses `from` may move to. `resume` is the state before on_hold, when known. */
export function allowedMoves(from: RequirementStatus, resume?: RequirementStatus): RequirementStatus[] {
  if (TERMINAL.has(from)) return [];
  if (from === 'on_hold') return [...(resume && resume !== 'on_hold' ? [resume] : REQUIREMENT_FLOW.slice(0, 5)), 'rejected'];
  const i = REQUIREMENT_FLOW.indexOf(from);
  const next = REQUIREMENT_FLOW[i + 1];
  // One step back is allowed before delivery (e.g. confirmed → analyzing when scope reopens).
  const back = i > 0 && i < 4 ? [REQUIREMENT_FLOW[i - 1]!] : [];
  return [...(next ? [next] : []), ...back, 'rejected', 'on_hold'];
}

export function canMove(from: RequirementStatus, to: RequirementStatus, resume?: RequirementStatus): boolean {
  return allowedMoves(from, resume).includes(to);
}
