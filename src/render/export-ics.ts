// An iCalendar file (RFC 5545) of the project's dates as all-day events: milestones, the project due
// date, requirements' expected delivery, open risk actions, agreed acceptance dates and (on request)
// task ends. CRLF line ends, lines folded at 75 octets, TEXT escaped; each UID is stable per record and
// date kind, and DTSTAMP comes from the report date, so exporting twice gives the same file.
import { addDays, isIsoDate, type IsoDate } from '../core/dates.js';
import type { Project } from '../core/model.js';
import type { Schedule } from '../core/schedule.js';
import type { Translate } from './i18n.js';

export type IcsKind = 'milestones' | 'tasks' | 'requirements' | 'risks' | 'acceptance' | 'project';

export interface IcsEvent {
  uid: string;
  date: IsoDate;
  summary: string;
  description?: string;
  category: string;
  /** Finished things (a milestone reached, an action done) are kept but marked. */
  done?: boolean;
}

/** TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma, newline; other controls dropped. */
export function icsText(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** Folds a content line at 75 octets (UTF-8), never inside a character; continuation lines start with a space. */
export function foldLine(line: string): string {
  const enc = new TextEncoder();
  const parts: string[] = [];
  let cur = '';
  let octets = 0;
  for (const ch of line) {
    const n = enc.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74; // the leading space of a continuation counts
    if (octets + n > limit) {
      parts.push(cur);
      cur = '';
      octets = 0;
    }
    cur += ch;
    octets += n;
  }
  parts.push(cur);
  return parts.join('\r\n ');
}

/** A short stable hash (FNV-1a, 32 bits) so UIDs of two projects never collide. */
function fnv(s: string): string {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(s)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

export function icsEvents(p: Project, sched: Schedule, kinds: ReadonlySet<IcsKind>, t: Translate): IcsEvent[] {
  const m = p.manifest?.data;
  const key = fnv(`${m?.code ?? ''}|${m?.name ?? ''}|${m?.client ?? ''}`);
  const uid = (id: string, what: string) => `${id}-${what}-${key}@deliver`;
  const out: IcsEvent[] = [];
  const push = (e: IcsEvent) => {
    if (isIsoDate(e.date)) out.push(e);
  };
  if (kinds.has('project') && m?.due)
    push({ uid: uid('project', 'due'), date: m.due, summary: t('exp.ics.projectDue', { name: m.name }), category: 'project' });
  if (kinds.has('milestones')) {
    for (const { data: ms } of p.milestones) {
      const date = ms.done ?? ms.due ?? sched.items.get(ms.id)?.end;
      if (date)
        push({
          uid: uid(ms.id, 'milestone'),
          date,
          summary: t('exp.ics.milestone', { id: ms.id, name: ms.name }),
          ...(ms.notes ? { description: ms.notes } : {}),
          category: 'milestone',
          done: ms.done !== undefined,
        });
    }
  }
  if (kinds.has('tasks')) {
    for (const { data: x } of p.tasks) {
      const date = (x.status === 'done' ? x.actual_end : undefined) ?? sched.items.get(x.id)?.end ?? x.end;
      if (date)
        push({
          uid: uid(x.id, 'end'),
          date,
          summary: t('exp.ics.task', { id: x.id, name: x.name }),
          ...(x.owner ? { description: x.owner } : {}),
          category: 'task',
          done: x.status === 'done',
        });
    }
  }
  if (kinds.has('requirements')) {
    for (const { data: r } of p.requirements) {
      if (r.due)
        push({
          uid: uid(r.id, 'due'),
          date: r.due,
          summary: t('exp.ics.requirement', { id: r.id, title: r.title }),
          category: 'requirement',
          done: r.status === 'accepted' || r.status === 'rejected',
        });
    }
  }
  if (kinds.has('risks')) {
    for (const { data: r } of p.risks) {
      (r.actions ?? []).forEach((a, i) => {
        if (a.due && a.waived === undefined)
          push({
            uid: uid(r.id, `action${i + 1}`),
            date: a.due,
            summary: t('exp.ics.action', { id: r.id, n: i + 1, text: a.text }),
            ...(a.owner ? { description: a.owner } : {}),
            category: 'risk',
            done: a.done !== undefined,
          });
      });
    }
  }
  if (kinds.has('acceptance')) {
    for (const { data: a } of p.acceptance) {
      push({
        uid: uid(a.id, 'delivery'),
        date: a.agreed ?? a.delivered,
        summary: t('exp.ics.acceptance', { id: a.id, deliverable: a.deliverable }),
        category: 'acceptance',
      });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.uid < b.uid ? -1 : 1));
}

export function toIcs(events: readonly IcsEvent[], calName: string, asOf: IsoDate): string {
  const stamp = `${asOf.replace(/-/g, '')}T000000Z`;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//deliver//deliver//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icsText(calName)}`,
  ];
  for (const e of events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${icsText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${e.date.replace(/-/g, '')}`,
      `DTEND;VALUE=DATE:${addDays(e.date, 1).replace(/-/g, '')}`,
      `SUMMARY:${icsText(e.done ? `✓ ${e.summary}` : e.summary)}`,
      ...(e.description ? [`DESCRIPTION:${icsText(e.description)}`] : []),
      `CATEGORIES:${icsText(e.category)}`,
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
