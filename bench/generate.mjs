// Deterministic benchmark projects: a seeded generator (no clock, no Math.random) writing a
// project of N tasks with proportional requirements, risks, change slips, acceptance records and
// surveys, or a portfolio of many small projects. Same seed and size → byte-identical files.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: tiny, fast, good enough for test data. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bumped whenever the generated data changes: the bench regenerates projects of another version. */
export const GENERATOR_VERSION = 4;
const STAMP = '.generator-version';

/** Whether `dir` holds a project this version of the generator wrote. */
export function isCurrent(dir) {
  return existsSync(join(dir, STAMP)) && readFileSync(join(dir, STAMP), 'utf8') === String(GENERATOR_VERSION);
}

const pad = (n, w = 3) => String(n).padStart(w, '0');
const OWNERS = ['王磊', '李娜', '张伟', '刘洋', '陈静', 'Alice Chen', 'Bob Li', 'Carol Wu', 'David Zhao', 'Eva Sun'];
const CATS = ['market', 'technical', 'production', 'quality', 'delivery', 'legal'];
const RESP = ['avoid', 'mitigate', 'transfer', 'accept'];

function day(base, offset) {
  const d = new Date(Date.UTC(2024, 0, 1) + (base + offset) * 86400000);
  return d.toISOString().slice(0, 10);
}

export function generateProject(dir, tasks, seed = 1) {
  const r = rng(seed);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  rmSync(dir, { recursive: true, force: true });
  for (const f of ['requirements', 'risks', 'changes', 'acceptance', 'surveys']) mkdirSync(join(dir, f), { recursive: true });
  const nReq = Math.max(2, Math.floor(tasks / 2));
  const nRisk = Math.max(3, Math.floor(tasks / 10));
  const nChange = Math.max(1, Math.floor(tasks / 20));
  const nAcc = Math.max(1, Math.floor(tasks / 20));
  const nMs = Math.max(3, Math.floor(tasks / 100));
  const nSurvey = Math.max(1, Math.floor(tasks / 200));

  writeFileSync(
    join(dir, 'deliver.yaml'),
    `# yaml-language-server: $schema=.deliver/schemas/manifest.schema.json
schema_version: 1
name: Benchmark ${tasks} tasks
client: 基准测试客户
start: 2024-01-02
due: 2027-06-30
language: en
calendar:
  base: none
  holidays:
    - date: 2025-10-01
      name: National Day
team:
${OWNERS.map((o) => `  - name: ${o}\n    role: engineer`).join('\n')}
`,
  );

  // Requirements spread over 24 months of 2024–2025 (serials per month stay under 1000).
  const reqIds = [];
  const deliveredIds = [];
  const perMonth = new Map();
  for (let i = 0; i < nReq; i++) {
    const m = i % 24;
    const y = 2024 + Math.floor(m / 12);
    const mm = (m % 12) + 1;
    const key = `${y}${pad(mm, 2)}`;
    const serial = (perMonth.get(key) ?? 0) + 1;
    perMonth.set(key, serial);
    const id = `${key}-${pad(serial)}`;
    reqIds.push(id);
    const received = `${y}-${pad(mm, 2)}-${pad(1 + Math.floor(r() * 20), 2)}`;
    const status = pick(['received', 'analyzing', 'confirmed', 'in_progress', 'delivered']);
    const confirmed = ['confirmed', 'in_progress', 'delivered'].includes(status);
    if (status === 'delivered') deliveredIds.push(id);
    writeFileSync(
      join(dir, 'requirements', `${id}-requirement-${i}.yaml`),
      `# yaml-language-server: $schema=../.deliver/schemas/requirement.schema.json
id: ${id}
title: Requirement number ${i} for the reporting module
customer: 基准测试客户
contact: ${pick(OWNERS)}
urgency: ${pick(['high', 'medium', 'low'])}
received: ${received}
receiver: ${pick(OWNERS)}
status: ${status}
${confirmed ? `confirmation:\n  by: ${pick(OWNERS)}\n  date: ${received}\n  method: email\n` : ''}history:
  - date: ${received}
    to: ${status}
`,
    );
  }

  // Plan: tasks in streams, each depending on one or two earlier tasks; milestones close streams.
  const lines = ['# yaml-language-server: $schema=.deliver/schemas/plan.schema.json', 'schema_version: 1', 'milestones:'];
  for (let m = 1; m <= nMs; m++) {
    const dep = `T-${pad(Math.min(tasks, Math.floor((m * tasks) / nMs)), 5)}`;
    lines.push(`  - id: M-${pad(m, 5)}`, `    name: Milestone ${m}`, `    depends_on: [${dep}]`);
  }
  lines.push('tasks:');
  const baseline = [];
  // Day offsets on which finished tasks ended: a task's recorded start is never before the end of
  // what it depends on (validate's DLV-W074), and finished work took about a third of its planned
  // days, so the recorded history of one interleaved stream still ends before the report date.
  const endedOn = new Map();
  for (let t = 1; t <= tasks; t++) {
    const id = `T-${pad(t, 5)}`;
    const deps = [];
    if (t > 1 && r() < 0.9) deps.push(`T-${pad(Math.max(1, t - 1 - Math.floor(r() * 20)), 5)}`);
    if (t > 30 && r() < 0.3) deps.push(`T-${pad(t - 21 - Math.floor(r() * 9), 5)}`);
    const uniq = [...new Set(deps)];
    const days = 1 + Math.floor(r() * 8);
    const frac = t / tasks;
    const status = frac < 0.4 ? 'done' : frac < 0.45 ? 'in_progress' : r() < 0.02 ? 'blocked' : 'todo';
    lines.push(`  - id: ${id}`, `    name: Task ${t} of the delivery`, `    owner: ${pick(OWNERS)}`, `    days: ${days}`);
    if (uniq.length) lines.push(`    depends_on: [${uniq.join(', ')}]`);
    lines.push(`    requirement: ${reqIds[t % reqIds.length]}`, `    status: ${status}`);
    if (status === 'blocked') lines.push('    blocked_reason: waiting for the customer');
    if (status === 'done' || status === 'in_progress') {
      // Day 1 is the project's start (2024-01-02): no work is recorded before it.
      const started = Math.max(1, Math.floor(frac * 500), ...uniq.map((d) => endedOn.get(d) ?? 0));
      lines.push(`    actual_start: ${day(started, 0)}`);
      if (status === 'done') {
        endedOn.set(id, started + Math.ceil(days / 3));
        lines.push(`    actual_end: ${day(started, Math.ceil(days / 3))}`);
      }
    }
    baseline.push(`      - id: ${id}\n        end: ${day(Math.floor(frac * 600), days)}`);
  }
  lines.push('baselines:', '  - name: contract', '    taken: 2024-01-02', '    items:', ...baseline);
  writeFileSync(join(dir, 'plan.yaml'), lines.join('\n') + '\n');

  for (let i = 1; i <= nRisk; i++) {
    const open = r() < 0.6;
    writeFileSync(
      join(dir, 'risks', `R-${pad(i)}-risk-${i}.yaml`),
      `# yaml-language-server: $schema=../.deliver/schemas/risk.schema.json
id: R-${pad(i)}
title: Risk ${i} to the delivery schedule
category: ${pick(CATS)}
probability: ${1 + Math.floor(r() * 5)}
impact: ${1 + Math.floor(r() * 5)}
response: ${pick(RESP)}
owner: ${pick(OWNERS)}
identified: ${day(Math.floor(r() * 600), 0)}
status: ${open ? 'open' : 'closed'}
actions:
  - text: Review with the vendor
    due: 2026-${pad(1 + Math.floor(r() * 12), 2)}-15
    done: 2026-12-20
${open ? '' : 'closed:\n  date: 2026-12-21\n'}`,
    );
  }
  for (let i = 1; i <= nChange; i++) {
    const t1 = `T-${pad(1 + Math.floor(r() * tasks), 5)}`;
    writeFileSync(
      join(dir, 'changes', `CR-${pad(i)}-change-${i}.yaml`),
      `# yaml-language-server: $schema=../.deliver/schemas/change.schema.json
id: CR-${pad(i)}
title: Change ${i} requested by the customer
reason: Scope adjustment
requested_by: ${pick(OWNERS)}
submitted: 2026-0${1 + Math.floor(r() * 8)}-10
requirements: [${reqIds[i % reqIds.length]}]
tasks: [${t1}]
schedule_days: ${1 + Math.floor(r() * 5)}
status: submitted
`,
    );
  }
  for (let i = 1; i <= nAcc; i++) {
    // The second record always failed its round: the bench's writes record a new round on it.
    const pass = r() < 0.7 && i !== 2;
    writeFileSync(
      join(dir, 'acceptance', `AC-${pad(i)}-deliverable-${i}.yaml`),
      `# yaml-language-server: $schema=../.deliver/schemas/acceptance.schema.json
id: AC-${pad(i)}
deliverable: Deliverable ${i}
requirements: [${i === 2 && deliveredIds.length ? deliveredIds[0] : reqIds[(i * 7) % reqIds.length]}]
delivered: 2026-03-02
agreed: 2026-03-0${1 + Math.floor(r() * 5)}
rounds:
  - date: 2026-03-10
    contact: ${pick(OWNERS)}
    result: ${pass ? 'pass' : 'fail'}
${pass ? `    signed_by: ${pick(OWNERS)}\n    signed_on: 2026-03-10\n` : '    reasons: [Report totals do not match]\n'}`,
    );
  }
  for (let i = 1; i <= nSurvey; i++) {
    writeFileSync(
      join(dir, 'surveys', `S-${pad(i)}-survey-${i}.yaml`),
      `# yaml-language-server: $schema=../.deliver/schemas/survey.schema.json
id: S-${pad(i)}
date: 2026-0${1 + Math.floor(r() * 9)}-20
score: ${60 + Math.floor(r() * 40)}
`,
    );
  }
  writeFileSync(join(dir, STAMP), String(GENERATOR_VERSION));
}

export function generatePortfolio(dir, projects, tasks, seed = 7) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let p = 1; p <= projects; p++) generateProject(join(dir, `project-${pad(p)}`), tasks, seed + p);
  writeFileSync(join(dir, STAMP), String(GENERATOR_VERSION));
}
