// Records from a spreadsheet (pure): finds the header row of a sheet by the column names of the
// toolkit's templates (需求登记表, 任务分解清单, 风险清单) and of deliver's own CSV/xlsx export, in
// Chinese and English; turns every row into a record; reports every problem by sheet, row and column;
// allocates ids. Nothing here reads files or writes records (see commands/import.ts).
import { findCycles } from './graph.js';
import { isIsoDate, type IsoDate } from './dates.js';
import { ID_PATTERNS, nextPrefixedId, nextRequirementId } from './ids.js';
import { FOLDERS, PLAN_FILE, type Project } from './model.js';
import { checkRules } from './rules/index.js';

export const IMPORT_KINDS = ['requirements', 'tasks', 'risks'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type CellValue = string | number | boolean | null;

export interface ImportSheet {
  name: string;
  rows: CellValue[][];
}

export interface ImportProblem {
  sheet: string;
  /** 1-based row number as the spreadsheet shows it. */
  row: number;
  /** The column's header as written, and its letter. */
  column: string;
  letter: string;
  /** Message key (imp.*) and its arguments. */
  code: string;
  args: Record<string, string | number>;
}

type FieldType = 'text' | 'longtext' | 'date' | 'int' | 'choice' | 'list';
interface FieldSpec {
  field: string;
  type: FieldType;
  required?: boolean;
  min?: number;
  max?: number;
  /** Accepted spellings (normalised) → stored value. */
  choices?: Record<string, string>;
  /** Header names (normalised by `norm`). */
  headers: string[];
}

/** Header or choice text compared without case, spaces, `*` marks, or a bracketed unit: "接收日期（必填）" = "接收日期". */
export function norm(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（][^)）]*[)）]/g, '')
    .replace(/[\s*_:：]/g, '');
}

const choice = (pairs: Record<string, string[]>): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const [value, names] of Object.entries(pairs)) for (const n of [value, value.replace(/_/g, ' '), ...names]) out[norm(n)] = value;
  return out;
};

const F = (field: string, type: FieldType, headers: string[], extra: Partial<FieldSpec> = {}): FieldSpec => ({
  field,
  type,
  headers: headers.map(norm),
  ...extra,
});

/** The columns of each kind: deliver's export headers (en, zh) first, then the templates' usual names. */
export const FIELDS: Record<ImportKind, FieldSpec[]> = {
  requirements: [
    F('id', 'text', ['id', '编号', '需求编号', '序号']),
    F('title', 'text', ['title', '标题', '需求名称', '需求标题', '需求'], { required: true, max: 200 }),
    F('customer', 'text', ['customer', '客户', '客户名称']),
    F('contact', 'text', ['contact', '联系人', '提出人', '需求提出人', '客户联系人'], { required: true, max: 200 }),
    F('channel', 'text', ['channel', '渠道', '提出方式', '来源']),
    F('urgency', 'choice', ['urgency', '紧急程度', '优先级', '紧急度'], {
      choices: choice({ high: ['高', '紧急', 'urgent', 'h'], medium: ['中', '一般', 'normal', 'm'], low: ['低', '不紧急', 'l'] }),
    }),
    F('received', 'date', ['received', '接收日期', '提出日期', '登记日期', '提交日期'], { required: true }),
    F('due', 'date', ['due', '约定日期', '期望完成日期', '要求完成日期', '期望完成时间', '截止日期']),
    F('receiver', 'text', ['receiver', '接收人', '登记人', '受理人'], { required: true, max: 200 }),
    F('description', 'longtext', ['description', '描述', '需求描述', '需求内容', '详细描述']),
  ],
  tasks: [
    F('id', 'text', ['id', '编号', '任务编号', '序号', 'wbs']),
    F('name', 'text', ['name', '名称', '任务名称', '任务', '工作内容'], { required: true, max: 200 }),
    F('owner', 'text', ['owner', '负责人', '责任人']),
    F('status', 'choice', ['status', '状态', '任务状态'], {
      choices: choice({
        todo: ['to do', '未开始', '待开始', '计划'],
        in_progress: ['进行中', '执行中', 'in progress', 'doing'],
        done: ['完成', '已完成', 'finished'],
        blocked: ['阻塞', '受阻', '暂停'],
      }),
    }),
    F('start', 'date', ['start', '开始', '开始日期', '计划开始', '计划开始日期', '开始时间']),
    F('end', 'date', ['end', '结束', '结束日期', '计划结束', '计划完成日期', '完成日期', '结束时间']),
    F('days', 'int', ['days', 'working days', '工作日', '工期', '工期（天）', '持续时间'], { min: 0, max: 100000 }),
    F('actual_start', 'date', ['actual start', '实际开始', '实际开始日期']),
    F('actual_end', 'date', ['actual end', '实际结束', '实际完成', '实际完成日期']),
    F('depends_on', 'list', ['depends on', '前置', '前置任务', '依赖', '紧前任务']),
    F('milestone', 'text', ['milestone', '里程碑', '所属里程碑']),
    F('requirement', 'text', ['requirement', '需求', '关联需求', '需求编号']),
    F('deliverable', 'text', ['deliverable', '交付物', '交付成果', '输出']),
  ],
  risks: [
    F('id', 'text', ['id', '编号', '风险编号', '序号']),
    F('title', 'text', ['title', '标题', '风险', '风险名称', '风险描述', '风险事项'], { required: true, max: 200 }),
    F('description', 'longtext', ['description', '描述', '详细描述', '风险说明']),
    F('category', 'choice', ['category', '类别', '风险类别', '风险类型', '分类'], {
      required: true,
      choices: choice({
        market: ['市场', '市场风险'],
        technical: ['技术', '技术风险'],
        production: ['生产', '生产风险'],
        quality: ['质量', '质量风险'],
        delivery: ['交付', '交付风险', '进度'],
        legal: ['法律', '法务', '合规', '法律风险'],
      }),
    }),
    F('probability', 'int', ['probability', '可能性', '发生概率', '概率'], { required: true, min: 1, max: 5 }),
    F('impact', 'int', ['impact', '影响', '影响程度', '影响度'], { required: true, min: 1, max: 5 }),
    F('response', 'choice', ['response', '应对', '应对策略', '应对方式'], {
      required: true,
      choices: choice({ avoid: ['规避', '回避'], mitigate: ['降低', '减轻', '缓解'], transfer: ['转移'], accept: ['接受', '承担'] }),
    }),
    F('owner', 'text', ['owner', '负责人', '责任人'], { required: true, max: 200 }),
    F('identified', 'date', ['identified', '识别日期', '登记日期', '发现日期']),
    F('status', 'choice', ['status', '状态'], {
      choices: choice({
        open: ['未关闭', '打开', '开启', '新建'],
        monitoring: ['监控中', '监控', '跟踪中'],
        occurred: ['已发生', '发生'],
        closed: ['已关闭', '关闭'],
      }),
    }),
    F('actions', 'longtext', ['actions', '应对措施', '措施', '应对计划']),
  ],
};

export function fieldNames(kind: ImportKind): string[] {
  return FIELDS[kind].map((f) => f.field);
}

/** Column letters: 0 → A, 26 → AA. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const cellText = (v: CellValue): string => (v === null ? '' : typeof v === 'string' ? v.trim() : String(v));

export interface HeaderMatch {
  row: number;
  columns: Map<number, FieldSpec>;
  unmapped: string[];
}

/** The header row: among the first 10 rows, the one naming the most fields of `kind` (at least every required one). */
export function findHeader(kind: ImportKind, sheet: ImportSheet, map: ReadonlyMap<string, string>): HeaderMatch | undefined {
  const specs = FIELDS[kind];
  let best: HeaderMatch | undefined;
  for (let r = 0; r < Math.min(10, sheet.rows.length); r++) {
    const columns = new Map<number, FieldSpec>();
    const unmapped: string[] = [];
    const seen = new Set<string>();
    sheet.rows[r]!.forEach((v, c) => {
      const h = cellText(v);
      if (!h) return;
      const mapped = map.get(norm(h));
      const spec = mapped !== undefined ? specs.find((s) => s.field === mapped) : specs.find((s) => s.headers.includes(norm(h)));
      if (spec && !seen.has(spec.field)) {
        columns.set(c, spec);
        seen.add(spec.field);
      } else unmapped.push(h);
    });
    const hasRequired = specs.filter((s) => s.required).every((s) => seen.has(s.field));
    if (hasRequired && (!best || columns.size > best.columns.size)) best = { row: r, columns, unmapped };
  }
  return best;
}

/** 2026/11/20, 2026.11.20, 2026年11月20日, 20261120 → 2026-11-20; an Excel day number → its date. */
export function parseDate(v: CellValue): IsoDate | undefined {
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 1 || v > 2958465) return undefined;
    const d = new Date(Date.UTC(1899, 11, 30) + v * 86400000);
    return d.toISOString().slice(0, 10);
  }
  const s = cellText(v);
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

export interface ImportRow {
  /** 1-based spreadsheet row. */
  row: number;
  /** The field values as read (no ids allocated yet). */
  values: Record<string, unknown>;
  /** Column of each field, for problems found later. */
  where: Record<string, { column: string; letter: string }>;
}

/** Reads every row after the header into field values; problems of single cells are collected. */
export function readRows(kind: ImportKind, sheet: ImportSheet, header: HeaderMatch, problems: ImportProblem[]): ImportRow[] {
  const out: ImportRow[] = [];
  const headerRow = sheet.rows[header.row]!;
  const specs = FIELDS[kind];
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r]!;
    if (cells.every((v) => cellText(v) === '')) continue;
    const values: Record<string, unknown> = {};
    const where: ImportRow['where'] = {};
    const problem = (c: number, code: string, args: Record<string, string | number> = {}) =>
      problems.push({ sheet: sheet.name, row: r + 1, column: cellText(headerRow[c] ?? null), letter: columnLetter(c), code, args });
    for (const [c, spec] of header.columns) {
      where[spec.field] = { column: cellText(headerRow[c] ?? null), letter: columnLetter(c) };
      const v = cells[c] ?? null;
      const s = cellText(v);
      if (s === '') continue;
      switch (spec.type) {
        case 'text':
        case 'longtext':
          if (spec.max !== undefined && [...s].length > spec.max) problem(c, 'imp.tooLong', { max: spec.max });
          else values[spec.field] = spec.type === 'text' ? s.replace(/\s*\r?\n\s*/g, ' ') : s.replace(/\r\n?/g, '\n');
          break;
        case 'date': {
          const d = parseDate(v);
          if (d === undefined) problem(c, 'imp.badDate', { value: s });
          else values[spec.field] = d;
          break;
        }
        case 'int': {
          const x = typeof v === 'number' ? v : /^[+-]?\d+(?:\.0+)?$/.test(s) ? Number(s) : NaN;
          if (!Number.isInteger(x) || x < (spec.min ?? -Infinity) || x > (spec.max ?? Infinity))
            problem(c, 'imp.badInt', { min: spec.min ?? 0, max: spec.max ?? 0, value: s });
          else values[spec.field] = x;
          break;
        }
        case 'choice': {
          const x = spec.choices![norm(s)];
          if (x === undefined) problem(c, 'imp.badChoice', { allowed: [...new Set(Object.values(spec.choices!))].join(', '), value: s });
          else values[spec.field] = x;
          break;
        }
        case 'list':
          values[spec.field] = [...new Set(s.split(/[\s,，、;；]+/).filter(Boolean))];
          break;
      }
    }
    for (const spec of specs) {
      if (!spec.required || values[spec.field] !== undefined) continue;
      const c = [...header.columns].find(([, sp]) => sp.field === spec.field)?.[0];
      // a cell that failed to parse was reported already
      if (c !== undefined && cellText(cells[c] ?? null) === '') problem(c, 'imp.required');
    }
    out.push({ row: r + 1, values, where });
  }
  return out;
}

export interface Built {
  id: string;
  row: number;
  record: Record<string, unknown>;
}

export interface BuildOptions {
  asOf: IsoDate;
  /** The manifest's client: a requirement without a customer column is the project's client's. */
  client?: string;
}

/**
 * Records with fresh ids for the rows, and the problems that need the project to see: ids used twice,
 * references to tasks, milestones or requirements that do not exist, dependency cycles, dates out of
 * order. An id column in the file is a key the file's own rows refer to (depends_on); every record
 * gets the next free id of the project.
 */
export function buildRecords(
  kind: ImportKind,
  sheet: string,
  rows: readonly ImportRow[],
  project: Project,
  opts: BuildOptions,
  problems: ImportProblem[],
): Built[] {
  const problem = (r: ImportRow, field: string, code: string, args: Record<string, string | number> = {}) => {
    const w = r.where[field] ?? { column: field, letter: '' };
    problems.push({ sheet, row: r.row, column: w.column, letter: w.letter, code, args });
  };
  const keys = new Map<string, ImportRow>();
  for (const r of rows) {
    const k = r.values.id as string | undefined;
    if (k === undefined) continue;
    if (keys.has(k)) problem(r, 'id', 'imp.dupId', { id: k });
    else keys.set(k, r);
  }
  const out: Built[] = [];
  if (kind === 'requirements') {
    const taken = [...project.requirements.map((x) => x.data.id), ...project.brokenIds];
    for (const r of rows) {
      const v = r.values;
      if (v.received === undefined) continue;
      const id = nextRequirementId(v.received as string, taken);
      taken.push(id);
      const customer = (v.customer as string | undefined) ?? opts.client;
      if (customer === undefined) problem(r, 'customer', 'imp.required');
      if (v.due !== undefined && (v.due as string) < (v.received as string))
        problem(r, 'due', 'imp.endBeforeStart', { start: v.received as string, end: v.due as string });
      const record: Record<string, unknown> = {
        id,
        title: v.title,
        customer,
        contact: v.contact,
        ...(v.channel !== undefined ? { channel: v.channel } : {}),
        ...(v.description !== undefined ? { description: v.description } : {}),
        urgency: v.urgency ?? 'medium',
        received: v.received,
        ...(v.due !== undefined ? { due: v.due } : {}),
        receiver: v.receiver,
        status: 'received',
        history: [{ date: v.received, to: 'received', ...(v.receiver !== undefined ? { by: v.receiver } : {}) }],
      };
      out.push({ id, row: r.row, record });
    }
    return out;
  }
  if (kind === 'risks') {
    const taken = [...project.risks.map((x) => x.data.id), ...project.brokenIds];
    for (const r of rows) {
      const v = r.values;
      const id = nextPrefixedId('R-', taken);
      taken.push(id);
      const actions = typeof v.actions === 'string' ? parseActions(v.actions) : [];
      const status = (v.status as string | undefined) ?? 'open';
      const record: Record<string, unknown> = {
        id,
        title: v.title,
        ...(v.description !== undefined ? { description: v.description } : {}),
        category: v.category,
        probability: v.probability,
        impact: v.impact,
        response: v.response,
        owner: v.owner,
        identified: v.identified ?? opts.asOf,
        status,
        ...(actions.length ? { actions } : {}),
      };
      out.push({ id, row: r.row, record });
    }
    return out;
  }
  // tasks: allocate ids first so that dependencies on the file's own keys can be rewritten
  const taken = [...project.tasks.map((x) => x.data.id), ...project.milestones.map((x) => x.data.id), ...project.brokenIds];
  const known = new Set([...project.tasks.map((x) => x.data.id), ...project.milestones.map((x) => x.data.id), ...project.brokenIds]);
  const milestones = new Set([
    ...project.milestones.map((x) => x.data.id),
    ...[...project.brokenIds].filter((x) => ID_PATTERNS.milestone.test(x)),
  ]);
  const requirements = new Set([
    ...project.requirements.map((x) => x.data.id),
    ...[...project.brokenIds].filter((x) => ID_PATTERNS.requirement.test(x)),
  ]);
  const idOf = new Map<ImportRow, string>();
  const byKey = new Map<string, string>();
  for (const r of rows) {
    const id = nextPrefixedId('T-', taken);
    taken.push(id);
    idOf.set(r, id);
    if (r.values.id !== undefined && keys.get(r.values.id as string) === r) byKey.set(r.values.id as string, id);
  }
  const deps = new Map<string, string[]>();
  for (const r of rows) {
    const v = r.values;
    const id = idOf.get(r)!;
    const dependsOn = ((v.depends_on as string[] | undefined) ?? []).map((ref) => {
      const mapped = byKey.get(ref);
      if (mapped !== undefined) return mapped;
      if (!known.has(ref)) problem(r, 'depends_on', 'imp.unknownRef', { what: 'task/milestone', id: ref });
      return ref;
    });
    deps.set(id, dependsOn);
    if (v.milestone !== undefined && !milestones.has(v.milestone as string))
      problem(r, 'milestone', 'imp.unknownRef', { what: 'milestone', id: v.milestone as string });
    if (v.requirement !== undefined && !requirements.has(v.requirement as string))
      problem(r, 'requirement', 'imp.unknownRef', { what: 'requirement', id: v.requirement as string });
    if (v.days !== undefined && v.end !== undefined) problem(r, 'end', 'imp.daysAndEnd');
    if (v.start !== undefined && v.end !== undefined && (v.end as string) < (v.start as string))
      problem(r, 'end', 'imp.endBeforeStart', { start: v.start as string, end: v.end as string });
    if (v.actual_start !== undefined && v.actual_end !== undefined && (v.actual_end as string) < (v.actual_start as string))
      problem(r, 'actual_end', 'imp.endBeforeStart', { start: v.actual_start as string, end: v.actual_end as string });
    const status =
      (v.status as string | undefined) ?? (v.actual_end !== undefined ? 'done' : v.actual_start !== undefined ? 'in_progress' : 'todo');
    const record: Record<string, unknown> = {
      id,
      name: v.name,
      ...(v.owner !== undefined ? { owner: v.owner } : {}),
      ...(v.start !== undefined ? { start: v.start } : {}),
      ...(v.end !== undefined ? { end: v.end } : { days: v.days ?? 1 }),
      ...(v.actual_start !== undefined ? { actual_start: v.actual_start } : {}),
      ...(v.actual_end !== undefined ? { actual_end: v.actual_end } : {}),
      ...(dependsOn.length ? { depends_on: [...new Set(dependsOn)] } : {}),
      ...(v.milestone !== undefined ? { milestone: v.milestone } : {}),
      ...(v.requirement !== undefined ? { requirement: v.requirement } : {}),
      ...(v.deliverable !== undefined ? { deliverable: v.deliverable } : {}),
      status,
    };
    out.push({ id, row: r.row, record });
  }
  // cycles among the new tasks (and through existing ones)
  const all = new Map<string, readonly string[]>();
  for (const x of [...project.tasks, ...project.milestones]) all.set(x.data.id, x.data.depends_on ?? []);
  for (const [k, v] of deps) all.set(k, v);
  const cycles = findCycles([...deps.keys()], (n) => (all.get(n) ?? []).filter((d) => all.has(d)));
  const reported = new Set<string>();
  for (const c of cycles) {
    const first = out.find((b) => c.includes(b.id) && !reported.has(b.id));
    if (!first) continue;
    for (const id of c) reported.add(id);
    const row = rows.find((r) => idOf.get(r) === first.id)!;
    problem(row, 'depends_on', 'imp.cycle', { ids: c.join(' → ') });
  }
  return out;
}

/** "1. Call the vendor (2026-11-20) ✓2026-11-18" lines → risk actions (the xlsx/CSV export's own form). */
export function parseActions(text: string): { text: string; due?: IsoDate; done?: IsoDate }[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      let s = l.replace(/^\d+[.、)]\s*/, '');
      let done: string | undefined;
      const dm = /\s*✓(\d{4}-\d{2}-\d{2})\s*$/.exec(s);
      if (dm && isIsoDate(dm[1])) {
        done = dm[1];
        s = s.slice(0, dm.index);
      }
      let due: string | undefined;
      const um = /\s*[(（](\d{4}-\d{2}-\d{2})[)）]\s*$/.exec(s);
      if (um && isIsoDate(um[1])) {
        due = um[1];
        s = s.slice(0, um.index);
      }
      return { text: s.trim() || l, ...(due ? { due } : {}), ...(done ? { done } : {}) };
    });
}

/**
 * The project's own rules (core/rules) over the project with the new records added where they will be
 * written: a row that would leave the project with an error (a done task without its end, an end on a
 * task not done, …) is a problem of that row. Findings are `diag:<code>` problems; the command words them.
 */
export function ruleProblems(
  kind: ImportKind,
  sheet: string,
  built: readonly Built[],
  rows: readonly ImportRow[],
  project: Project,
  problems: ImportProblem[],
): void {
  const folder = kind === 'requirements' ? FOLDERS.requirement : FOLDERS.risk;
  const planFile = project.planFile ?? PLAN_FILE;
  const first = project.tasks.length;
  const located = built.map((b, i) => ({
    // The file name only has to start with the id here (the rules see the rows as records).
    file: kind === 'tasks' ? planFile : `${folder}/${b.id}.yaml`,
    path: kind === 'tasks' ? ['tasks', first + i] : [],
    data: b.record as never,
  }));
  const files = new Map(located.map((l, i) => [l.file, built[i]!]));
  const next: Project =
    kind === 'requirements'
      ? { ...project, requirements: [...project.requirements, ...located] }
      : kind === 'risks'
        ? { ...project, risks: [...project.risks, ...located] }
        : { ...project, tasks: [...project.tasks, ...located] };
  for (const d of checkRules(next)) {
    if (d.severity !== 'error') continue;
    const path = d.path ?? [];
    let b: Built | undefined;
    if (kind === 'tasks')
      b = d.file === planFile && path[0] === 'tasks' && Number(path[1]) >= first ? built[Number(path[1]) - first] : undefined;
    else b = files.get(d.file);
    if (!b) continue;
    const row = rows.find((r) => r.row === b.row)!;
    const field = String(path[kind === 'tasks' ? 2 : 0] ?? '');
    const w = row.where[field] ?? { column: field || '—', letter: '' };
    problems.push({ sheet, row: b.row, column: w.column, letter: w.letter, code: `diag:${d.code}`, args: d.args });
  }
}
