// Close-out of a request (步骤6 归档, pure): the checklist of the toolkit's documents — 登记表, 分析说明书,
// 可行性评估报告, 处理方案, 确认记录, 验收表 — each present in the records, linked to a file, or not
// applicable; and when an accepted request is overdue for archiving.
import { isSignedPass } from './acceptance.js';
import type { WorkCalendar } from './calendar.js';
import type { IsoDate } from './dates.js';
import { movedTo, workingDays } from './kpi-rules.js';
import type { Acceptance, Manifest, Requirement } from './model.js';

export const ARCHIVE_DOCS = ['registration', 'analysis', 'feasibility', 'plan', 'confirmation', 'acceptance'] as const;
export type ArchiveDoc = (typeof ARCHIVE_DOCS)[number];
export type ArchiveEntry = NonNullable<Requirement['archive']>['documents'][number];

export const DEFAULT_ARCHIVE_DAYS = 10;

export function archiveDays(m: Manifest | undefined): number {
  return m?.sla?.archive_days ?? DEFAULT_ARCHIVE_DAYS;
}

/** What the records themselves hold of each document; undefined where they hold nothing. */
export function documentsInRecords(r: Requirement, acc: readonly Acceptance[]): Partial<Record<ArchiveDoc, ArchiveEntry>> {
  const out: Partial<Record<ArchiveDoc, ArchiveEntry>> = { registration: { doc: 'registration', state: 'present' } };
  if (r.analysis) out.analysis = { doc: 'analysis', state: 'present' };
  if (r.feasibility) out.feasibility = { doc: 'feasibility', state: 'present' };
  if (r.plan) out.plan = { doc: 'plan', state: 'present' };
  if (r.confirmation)
    out.confirmation = r.confirmation.evidence
      ? { doc: 'confirmation', state: 'linked', ref: r.confirmation.evidence }
      : { doc: 'confirmation', state: 'present' };
  const signed = acc.find((a) => a.requirements.includes(r.id) && (a.rounds ?? []).some(isSignedPass));
  if (signed) out.acceptance = { doc: 'acceptance', state: 'linked', ref: signed.id };
  return out;
}

/** The day the request closed: moved to accepted or rejected. */
export function closedOn(r: Requirement): IsoDate | undefined {
  return r.status === 'accepted' ? movedTo(r, 'accepted') : r.status === 'rejected' ? movedTo(r, 'rejected') : undefined;
}

/** Working days an accepted, unarchived request has waited past the archive deadline; undefined when not overdue. */
export function archiveOverdue(
  r: Requirement,
  cal: WorkCalendar,
  asOf: IsoDate,
  days: number,
): { accepted: IsoDate; waited: number } | undefined {
  if (r.status !== 'accepted' || r.archived !== undefined) return undefined;
  const accepted = movedTo(r, 'accepted');
  if (accepted === undefined) return undefined;
  const waited = workingDays(cal, accepted, asOf);
  return waited !== undefined && waited > days ? { accepted, waited } : undefined;
}
