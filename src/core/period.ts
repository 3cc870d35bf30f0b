// Reporting periods (2026, 2026-Q3, 2026-11, 2026-W47, a date range) and the project as it stood on
// the report date: every fact dated after as-of is taken out, so a report for a past date says what
// was known then (a task finished later is still open, a later acceptance round has not happened).
import { addDays, daysInMonth, isIsoDate, isoWeekOf, isoWeekRange, isReportDate, type IsoDate } from './dates.js';
import { KIND_NAMES, kindSpec } from './kinds/index.js';
import { recordsOf, type Located, type Project } from './model.js';

export interface Period {
  /** As written by the user (normalised), e.g. `2026-Q3`; `all` for "everything up to as-of". */
  label: string;
  kind: 'year' | 'quarter' | 'month' | 'week' | 'range' | 'all';
  /** First and last day, inclusive; `from` undefined = no lower bound. */
  from?: IsoDate;
  to: IsoDate;
}

/**
 * Parses `2026`, `2026-Q3`, `2026-11`, `2026-W47`, `2026-11-01..2026-11-30` or a single date.
 * Returns null for anything else, or for a period outside the report dates (REPORT_DATES); the
 * command turns that into a usage error.
 */
export function parsePeriod(text: string): Period | null {
  const p = parseAnyPeriod(text);
  return p && (p.from === undefined || isReportDate(p.from)) && isReportDate(p.to) ? p : null;
}

function parseAnyPeriod(text: string): Period | null {
  const s = text.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(s))) return { label: s, kind: 'year', from: `${m[1]}-01-01`, to: `${m[1]}-12-31` };
  if ((m = /^(\d{4})-?[Qq]([1-4])$/.exec(s))) {
    const y = Number(m[1]),
      q = Number(m[2]);
    const m0 = (q - 1) * 3 + 1,
      m1 = m0 + 2;
    return { label: `${m[1]}-Q${q}`, kind: 'quarter', from: `${m[1]}-${pad(m0)}-01`, to: `${m[1]}-${pad(m1)}-${pad(daysInMonth(y, m1))}` };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(s))) {
    const y = Number(m[1]),
      mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return { label: s, kind: 'month', from: `${m[1]}-${m[2]}-01`, to: `${m[1]}-${m[2]}-${pad(daysInMonth(y, mo))}` };
  }
  if ((m = /^(\d{4})-[Ww](\d{2})$/.exec(s))) {
    const label = `${m[1]}-W${m[2]}`;
    const r = isoWeekRange(label);
    return r ? { label, kind: 'week', from: r.from, to: r.to } : null;
  }
  if ((m = /^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|~|\/)\s*(\d{4}-\d{2}-\d{2})$/.exec(s))) {
    const [a, b] = [m[1]!, m[2]!];
    if (!isIsoDate(a) || !isIsoDate(b) || b < a) return null;
    return { label: `${a}..${b}`, kind: 'range', from: a, to: b };
  }
  if (isIsoDate(s)) return { label: s, kind: 'range', from: s, to: s };
  return null;
}

/** The ISO week containing `date` as a period. */
export function weekOf(date: IsoDate): Period {
  return parsePeriod(isoWeekOf(date))!;
}

/** The week after a week period (Monday to Sunday). */
export function nextWeek(week: Period): Period {
  return weekOf(addDays(week.to, 1));
}

/** Everything up to the report date. */
export function allTime(asOf: IsoDate): Period {
  return { label: 'all', kind: 'all', to: asOf };
}

/** The window a measure looks at: the period cut at the report date (later facts have not happened). */
export interface Window {
  from?: IsoDate;
  to: IsoDate;
}

export function windowOf(period: Period, asOf: IsoDate): Window {
  const to = period.to < asOf ? period.to : asOf;
  return period.from !== undefined ? { from: period.from, to } : { to };
}

export function inWindow(w: Window, d: IsoDate | undefined): d is IsoDate {
  return d !== undefined && (w.from === undefined || d >= w.from) && d <= w.to;
}

const pad = (n: number) => String(n).padStart(2, '0');

// ---- the project as of a date ----

/**
 * Projects that are already the view as of a date (cut again at the same date they are unchanged),
 * by object identity: sound only because a Project and its records are never changed after they
 * are built (see projectAsOf). Weak, so a view is forgotten with its project.
 */
const views = new WeakMap<Project, IsoDate>();

/**
 * The project as it stood at the end of `asOf`: records born later are left out (requirements
 * received, risks identified, slips submitted, surveys dated after it); later facts inside records are
 * undone (a task's actual end, a milestone reached, an acceptance round, a risk action carried out,
 * an approval). Each kind's registry entry says when its records are born and how they are cut.
 *
 * Cached by object identity: the view is remembered as the view at `asOf`, so asking again with it
 * and the same date returns it unchanged, and record lists the date cuts nothing from are the input's
 * own arrays (which lets scheduleProject in rules/schedule.ts reuse a plan computed for them).
 * Callers must therefore treat the input and the result as immutable: a changed project is a new
 * object (as the store and changeProject make), never the old one edited in place.
 */
export function projectAsOf(p: Project, asOf: IsoDate): Project {
  // Views are made once: status builds one and hands it on to the KPIs, which ask again.
  if (views.get(p) === asOf) return p;
  // A list the date changes nothing in stays the same object (a record the date leaves alone keeps
  // its own): the plan computed for the tasks is then shared with the rules (rules/schedule.ts).
  const map = <T>(list: Located<T>[], f: (x: T) => T): Located<T>[] => {
    const out = list.map((l) => {
      const data = f(l.data);
      return data === l.data ? l : { ...l, data };
    });
    return out.every((l, i) => l === list[i]) ? list : out;
  };
  const keep = <T>(list: Located<T>[], ok: (x: T) => boolean): Located<T>[] =>
    list.every((l) => ok(l.data)) ? list : list.filter((l) => ok(l.data));
  const view = { ...p } as Record<string, unknown>;
  for (const kind of KIND_NAMES) {
    const spec = kindSpec(kind);
    const list = recordsOf(p, kind) as Located<unknown>[];
    const born = spec.born,
      cut = spec.asOf;
    const kept = born ? keep(list, (x) => born(x) <= asOf) : list;
    view[spec.collection] = cut ? map(kept, (x) => cut(x, asOf)) : kept;
  }
  views.set(view as unknown as Project, asOf);
  return view as unknown as Project;
}
