// People's load across projects (pure): the working days each person is booked per ISO week, from
// every project's forecast (its schedule), against what the person can give. 000: "某个开发人员同时
// 被两个项目占用" — the tool must show it.
//
// - A task is booked to its owner for every working day of its forecast bar (the project's calendar):
//   a task of 5 working days books 5 days, one per working day it spans. Milestones book nothing.
// - People are matched across projects by their team entry: the owner names a team member (by name
//   or email); members with an email are the same person wherever the email is the same, members
//   without one are matched by name. An owner on no team is matched by name.
// - Capacity per week: `capacity` (days a week) of the person's team entry, else the working days of
//   that week in the calendar of the first project listing them. Booked > capacity is over-allocation.
import type { WorkCalendar } from './calendar.js';
import { fromDay, isoWeekOf, isoWeekRange, toDay, type IsoDate } from './dates.js';
import type { Manifest } from './model.js';

type Member = NonNullable<Manifest['team']>[number];

/** One task of one project, as the forecast places it. */
export interface Booking {
  project: string;
  task: string;
  name: string;
  owner: string;
  start: IsoDate;
  end: IsoDate;
}

/** One project's bookings, calendar and team. */
export interface ProjectLoad {
  project: string;
  calendar: WorkCalendar;
  team: readonly Member[];
  bookings: readonly Booking[];
}

export interface WeekLoad {
  week: string;
  from: IsoDate;
  to: IsoDate;
  booked: number;
  capacity: number;
  over: boolean;
  tasks: { project: string; task: string; name: string; days: number }[];
}

export interface PersonLoad {
  name: string;
  email: string | null;
  /** Days a week from the team entry, null when the week's working days are used. */
  capacity: number | null;
  weeks: WeekLoad[];
}

export interface LoadReport {
  from: IsoDate;
  to: IsoDate;
  weeks: { week: string; from: IsoDate; to: IsoDate }[];
  people: PersonLoad[];
  over: { name: string; email: string | null; week: string; booked: number; capacity: number }[];
}

interface Person {
  key: string;
  name: string;
  email: string | null;
  capacity: number | null;
  calendar: WorkCalendar;
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ');

/** The weeks (Monday–Sunday) touching [from, to]. */
export function weeksBetween(from: IsoDate, to: IsoDate): { week: string; from: IsoDate; to: IsoDate }[] {
  const out: { week: string; from: IsoDate; to: IsoDate }[] = [];
  let day = toDay(from);
  while (day <= toDay(to) && out.length < 1000) {
    const week = isoWeekOf(fromDay(day));
    const r = isoWeekRange(week)!;
    out.push({ week, ...r });
    day = toDay(r.to) + 1;
  }
  return out;
}

export function loadReport(projects: readonly ProjectLoad[], from: IsoDate, to: IsoDate): LoadReport {
  const weeks = weeksBetween(from, to);
  // People: team entries first (email, else name), then owners on no team.
  const people = new Map<string, Person>();
  const byEmail = new Map<string, Person>();
  const byName = new Map<string, Person[]>();
  const add = (p: Person) => {
    people.set(p.key, p);
    if (p.email) byEmail.set(p.email, p);
    byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
    return p;
  };
  for (const pr of projects) {
    for (const m of pr.team) {
      const name = norm(m.name),
        email = m.email ? m.email.trim().toLowerCase() : null;
      const known = email ? byEmail.get(email) : byName.get(name)?.find((x) => x.email === null);
      if (known) {
        if (known.capacity === null && typeof m.capacity === 'number') known.capacity = m.capacity;
        continue;
      }
      add({
        key: email ? `email:${email}` : `name:${name}`,
        name,
        email,
        capacity: typeof m.capacity === 'number' ? m.capacity : null,
        calendar: pr.calendar,
      });
    }
  }
  const personOf = (pr: ProjectLoad, owner: string): Person => {
    const o = norm(owner);
    const member = pr.team.find((m) => norm(m.name) === o || (m.email && m.email.trim().toLowerCase() === o.toLowerCase()));
    if (member?.email) return byEmail.get(member.email.trim().toLowerCase())!;
    const named = byName.get(member ? norm(member.name) : o) ?? [];
    // A name without an email is the one person of that name (with or without an email) when there is only one.
    if (named.length === 1) return named[0]!;
    const plain = named.find((x) => x.email === null);
    return plain ?? add({ key: `name:${o}`, name: o, email: null, capacity: null, calendar: pr.calendar });
  };

  const first = toDay(weeks[0]?.from ?? from),
    last = toDay(weeks[weeks.length - 1]?.to ?? to);
  const lo = toDay(from),
    hi = toDay(to);
  const cells = new Map<string, Map<string, WeekLoad>>(); // person key → week → load
  for (const pr of projects) {
    for (const b of pr.bookings) {
      const person = personOf(pr, b.owner);
      const a = Math.max(toDay(b.start), lo, first),
        z = Math.min(toDay(b.end), hi, last);
      for (let d = a; d <= z; d++) {
        if (!pr.calendar.isWorkingDay(d)) continue;
        const week = isoWeekOf(fromDay(d));
        const row = cells.get(person.key) ?? new Map<string, WeekLoad>();
        cells.set(person.key, row);
        let cell = row.get(week);
        if (!cell) {
          const r = isoWeekRange(week)!;
          cell = { week, ...r, booked: 0, capacity: 0, over: false, tasks: [] };
          row.set(week, cell);
        }
        cell.booked++;
        const t = cell.tasks.find((x) => x.project === b.project && x.task === b.task);
        if (t) t.days++;
        else cell.tasks.push({ project: b.project, task: b.task, name: b.name, days: 1 });
      }
    }
  }

  const out: PersonLoad[] = [];
  const over: LoadReport['over'] = [];
  for (const person of [...people.values()].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : (a.email ?? '') < (b.email ?? '') ? -1 : 1,
  )) {
    const row = cells.get(person.key);
    if (!row) continue;
    const ws = weeks.map((w) => {
      const cell = row.get(w.week) ?? { ...w, booked: 0, capacity: 0, over: false, tasks: [] };
      const capacity = person.capacity ?? workingDaysOfWeek(person.calendar, w.from, w.to);
      cell.capacity = capacity;
      cell.over = cell.booked > capacity;
      if (cell.over) over.push({ name: person.name, email: person.email, week: w.week, booked: cell.booked, capacity });
      return cell;
    });
    out.push({ name: person.name, email: person.email, capacity: person.capacity, weeks: ws });
  }
  return { from, to, weeks, people: out, over };
}

function workingDaysOfWeek(cal: WorkCalendar, from: IsoDate, to: IsoDate): number {
  try {
    return cal.workingDaysBetween(toDay(from) - 1, toDay(to));
  } catch {
    return 5;
  }
}
