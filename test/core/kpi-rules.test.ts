// The KPI rules one by one, each against numerators and denominators counted by hand on the built-in
// Chinese calendar of 2026: Mid-Autumn 9-25 (Fri)…9-27 off, National Day 10-01…10-07 off, make-up
// working days Sunday 9-20 and Saturday 10-10. Working days in (a, b] are counted as the calendar does.
import { describe, expect, it } from 'vitest';
import { portfolioTotals, projectKpis, type Kpis } from '../../src/core/kpi.js';
import type { Project } from '../../src/core/model.js';
import { parsePeriod } from '../../src/core/period.js';
import { loadProject } from '../../src/store/load.js';
import { makeProject } from '../helpers/project.js';

const manifest = (extra = '') => `schema_version: 1
name: Rules
client: 鑫禾
start: 2026-09-01
language: zh-CN
calendar:
  base: cn
sla:
  analysis_days: 1
  feasibility_days: 2
${extra}`;

function load(files: Record<string, string>): Project {
  const l = loadProject(makeProject(files));
  expect(l.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return l.project;
}

const nd = (k: Kpis, key: keyof Kpis & string) => {
  const m = k[key as 'analysis_sla_rate'];
  return [m.numerator, m.denominator];
};

const req = (id: string, received: string, body = '', status = 'received') => `id: ${id}
title: 需求 ${id}
customer: 鑫禾
contact: 吴芳
urgency: medium
received: ${received}
receiver: 周敏
status: ${status}
${body}`;

describe('service-level clocks (需求分析 1 个工作日内, 可行性评估 2 个工作日内)', () => {
  const p = load({
    'deliver.yaml': manifest(),
    // A: received Wed 9-30; the analysis deadline is Thu 10-08 (National Day between): analysed 10-08, 1 wd, in time.
    //    Feasibility from the analysis: 10-09 is 1 wd, Saturday 10-10 (make-up) is 2: assessed 10-10, in time.
    'requirements/202609-001-a.yaml': req(
      '202609-001',
      '2026-09-30',
      'analysis: { analyst: 王, date: 2026-10-08 }\nfeasibility: { assessor: 陈, date: 2026-10-10, feasible: true }\n',
      'analyzing',
    ),
    // B: received Fri 9-18, analysed Sunday 9-20 (a make-up working day: 1 wd), in time; assessed Wed 9-23: 3 wd after
    //    the analysis (9-21, 9-22, 9-23): late. (From intake it would have been 4.)
    'requirements/202609-002-b.yaml': req(
      '202609-002',
      '2026-09-18',
      'analysis: { analyst: 王, date: 2026-09-20 }\nfeasibility: { assessor: 陈, date: 2026-09-23, feasible: true }\n',
      'analyzing',
    ),
    // C: received Thu 9-24, rejected Mon 9-28 unanalysed: 9-28 is the analysis deadline (9-25…27 off): stopped in time,
    //    for both clocks (the feasibility clock would have started at 9-28).
    'requirements/202609-003-c.yaml': req(
      '202609-003',
      '2026-09-24',
      'history:\n  - { date: 2026-09-24, to: received }\n  - { date: 2026-09-28, from: received, to: rejected }\n',
      'rejected',
    ),
    // D: received Thu 9-24, put on hold Tue 9-29 unanalysed: 2 wd after intake, the analysis deadline (9-28) had
    //    passed: a miss. The feasibility clock (from 9-28) had 1 of its 2 days gone: stopped.
    'requirements/202609-004-d.yaml': req(
      '202609-004',
      '2026-09-24',
      'history:\n  - { date: 2026-09-24, to: received }\n  - { date: 2026-09-29, from: received, to: on_hold }\n',
      'on_hold',
    ),
    // E: received Mon 9-21, analysed Tue 9-22 (in time), rejected Fri 10-09 without an assessment: the assessment was
    //    due Thu 9-24; 7 wd had passed: a miss, whatever happened afterwards.
    'requirements/202609-005-e.yaml': req(
      '202609-005',
      '2026-09-21',
      'analysis: { analyst: 王, date: 2026-09-22 }\nhistory:\n  - { date: 2026-09-21, to: received }\n  - { date: 2026-09-22, from: received, to: analyzing }\n  - { date: 2026-10-09, from: analyzing, to: rejected }\n',
      'rejected',
    ),
    // F: received Wed 9-30 and put on hold the same day, resumed and analysed 10-12: the hold stopped both clocks.
    'requirements/202609-006-f.yaml': req(
      '202609-006',
      '2026-09-30',
      'analysis: { analyst: 王, date: 2026-10-12 }\nhistory:\n  - { date: 2026-09-30, to: received }\n  - { date: 2026-09-30, from: received, to: on_hold }\n  - { date: 2026-10-12, from: on_hold, to: analyzing }\n',
      'analyzing',
    ),
    // G: received Fri 10-09; the analysis deadline is Saturday 10-10 (make-up); by Mon 10-12 2 wd have passed: a miss.
    //    The feasibility clock runs from 10-10: 1 wd gone by 10-12, not due yet.
    'requirements/202610-001-g.yaml': req('202610-001', '2026-10-09'),
    // H: received on the report date: nothing due.
    'requirements/202610-002-h.yaml': req('202610-002', '2026-10-12'),
  });

  it('all to date, as of Mon 10-12', () => {
    const k = projectKpis({ project: p, asOf: '2026-10-12' });
    // analysis: A, B, E in time; D and G missed; C and F stopped; H not due
    expect(nd(k, 'analysis_sla_rate')).toEqual([3, 5]);
    expect(k.analysis_sla_rate.stopped).toBe(2);
    // feasibility: A in time; B and E missed; C, D and F stopped; G and H not due
    expect(nd(k, 'feasibility_sla_rate')).toEqual([1, 3]);
    expect(k.feasibility_sla_rate.stopped).toBe(3);
  });

  it('a period takes the requirements received in it: September (A and F on its last day)', () => {
    const k = projectKpis({ project: p, asOf: '2026-10-12', period: parsePeriod('2026-09')! });
    expect(nd(k, 'analysis_sla_rate')).toEqual([3, 4]); // A, B, E / + D
    expect(nd(k, 'feasibility_sla_rate')).toEqual([1, 3]); // A / + B, E
    const oct = projectKpis({ project: p, asOf: '2026-10-12', period: parsePeriod('2026-10')! });
    expect(nd(oct, 'analysis_sla_rate')).toEqual([0, 1]); // G missed, H not due
    expect(oct.feasibility_sla_rate).toMatchObject({ value: null, reason: 'no_feasibility_due' });
  });

  it('the report date decides what has happened: as of Wed 9-30', () => {
    const k = projectKpis({ project: p, asOf: '2026-09-30' });
    // A received today (its analysis comes later): not due. B, E in time; D missed; C, F stopped. G, H not received.
    expect(nd(k, 'analysis_sla_rate')).toEqual([2, 3]);
    // B late; E's assessment was due 9-24 (its later rejection has not happened yet): missed. A not due; C, D, F stopped.
    expect(nd(k, 'feasibility_sla_rate')).toEqual([0, 2]);
    expect(k.feasibility_sla_rate.stopped).toBe(3);
  });
});

describe('service-level clocks over an ordinary weekend', () => {
  const p = load({
    'deliver.yaml': manifest(),
    // received Thu 10-15: the analysis is due Fri 10-16. Analysed Sat 10-17: still 1 wd, in time.
    'requirements/202610-001-a.yaml': req('202610-001', '2026-10-15', 'analysis: { analyst: 王, date: 2026-10-17 }\n', 'analyzing'),
    // received Thu 10-15, analysed Mon 10-19: 2 wd, late. Its assessment is due 2 wd after the analysis: Wed 10-21.
    'requirements/202610-002-b.yaml': req('202610-002', '2026-10-15', 'analysis: { analyst: 王, date: 2026-10-19 }\n', 'analyzing'),
    // received Thu 10-15, nothing done.
    'requirements/202610-003-c.yaml': req('202610-003', '2026-10-15'),
  });

  it('on Saturday 10-17 the Friday deadline has not run out in working days; on Monday 10-19 it has', () => {
    const sat = projectKpis({ project: p, asOf: '2026-10-17' });
    expect(nd(sat, 'analysis_sla_rate')).toEqual([1, 1]); // A in time; C (1 wd elapsed) not yet due; B not analysed yet
    const mon = projectKpis({ project: p, asOf: '2026-10-19' });
    expect(nd(mon, 'analysis_sla_rate')).toEqual([1, 3]); // A in time; B late; C missed
    // feasibility: A from Sat 10-17 (1 wd by Monday), B from Mon 10-19, C from its analysis deadline Fri 10-16 (1 wd): none due
    expect(mon.feasibility_sla_rate).toMatchObject({ value: null, denominator: 0 });
    const wed = projectKpis({ project: p, asOf: '2026-10-21' });
    // A: 10-19, 10-20, 10-21 = 3 wd since Saturday: missed; B: 2 wd, not yet; C: 3 wd since Friday: missed
    expect(nd(wed, 'feasibility_sla_rate')).toEqual([0, 2]);
  });
});

const acc = (id: string, reqId: string, delivered: string, more = '') => `id: ${id}
deliverable: 交付物 ${id}
requirements: [${reqId}]
delivered: ${delivered}
${more}`;

describe('acceptance: on time against a date, pass and first pass on final rounds, by delivery date', () => {
  const files = (due: string) => ({
    'deliver.yaml': manifest(due),
    'requirements/202609-001-r1.yaml': req('202609-001', '2026-09-01', 'due: 2026-10-20\n', 'delivered'),
    'requirements/202609-002-r2.yaml': req('202609-002', '2026-09-01', '', 'delivered'),
    // AC-001: requirement due 10-20, delivered 10-20: on time. A failed pre-acceptance, then the first final round passed: first pass.
    'acceptance/AC-001-a.yaml': acc(
      'AC-001',
      '202609-001',
      '2026-10-20',
      'rounds:\n  - { date: 2026-10-21, contact: 刘, kind: pre, result: fail, reasons: [样式] }\n  - { date: 2026-10-23, contact: 刘, result: pass }\n',
    ),
    // AC-002: no agreed date, its requirement none either: the contract's 10-30; delivered 10-31: late. Final fail 11-02, pass 11-05.
    'acceptance/AC-002-b.yaml': acc(
      'AC-002',
      '202609-002',
      '2026-10-31',
      'rounds:\n  - { date: 2026-11-02, contact: 刘, result: fail, reasons: [缺页] }\n  - { date: 2026-11-05, contact: 刘, result: pass }\n',
    ),
    // AC-003: agreed 10-28, delivered 10-29: late. Only a pre-acceptance round: not judged for pass.
    'acceptance/AC-003-c.yaml': acc(
      'AC-003',
      '202609-002',
      '2026-10-29',
      'agreed: 2026-10-28\nrounds:\n  - { date: 2026-10-30, contact: 刘, kind: pre, result: pass }\n',
    ),
    // AC-004: delivered Wed 9-30 (the last day of Q3) against the contract's 10-30: on time; final pass 10-08.
    'acceptance/AC-004-d.yaml': acc('AC-004', '202609-002', '2026-09-30', 'rounds:\n  - { date: 2026-10-08, contact: 刘, result: pass }\n'),
    // AC-005: delivered after the report date: not counted anywhere.
    'acceptance/AC-005-e.yaml': acc('AC-005', '202609-002', '2026-11-10'),
  });
  const p = load(files('contract:\n  due: 2026-10-30\n'));

  it('to date, as of 11-06', () => {
    const k = projectKpis({ project: p, asOf: '2026-11-06' });
    expect(nd(k, 'on_time_delivery_rate')).toEqual([2, 4]); // AC-001, AC-004 / + AC-002, AC-003
    expect(nd(k, 'acceptance_pass_rate')).toEqual([3, 3]); // AC-001, AC-002, AC-004 (AC-003 had no final round)
    expect(nd(k, 'first_pass_rate')).toEqual([2, 3]); // AC-001 (the pre round does not count), AC-004
    expect(k.on_time_delivery_rate.excluded).toBe(0);
  });

  it('by delivery date: October, and Q3 whose delivery was inspected in October', () => {
    const oct = projectKpis({ project: p, asOf: '2026-11-06', period: parsePeriod('2026-10')! });
    expect([nd(oct, 'on_time_delivery_rate'), nd(oct, 'acceptance_pass_rate'), nd(oct, 'first_pass_rate')]).toEqual([
      [1, 3],
      [2, 2],
      [1, 2],
    ]);
    const q3 = projectKpis({ project: p, asOf: '2026-11-06', period: parsePeriod('2026-Q3')! });
    expect([nd(q3, 'on_time_delivery_rate'), nd(q3, 'acceptance_pass_rate'), nd(q3, 'first_pass_rate')]).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
  });

  it('as of 11-03 AC-002 has failed its only final round so far: judged, not passed', () => {
    const k = projectKpis({ project: p, asOf: '2026-11-03' });
    expect([nd(k, 'acceptance_pass_rate'), nd(k, 'first_pass_rate')]).toEqual([
      [2, 3],
      [2, 3],
    ]);
  });

  it('with no contract date the deliveries without any date are left out', () => {
    const k = projectKpis({ project: load(files('')), asOf: '2026-11-06' });
    expect(nd(k, 'on_time_delivery_rate')).toEqual([1, 2]); // AC-001 on time, AC-003 late; AC-002 and AC-004 excluded
    expect(k.on_time_delivery_rate.excluded).toBe(2);
  });
});

const change = (id: string, days: number, status: string, approvals: string) => `id: ${id}
title: 变更 ${id}
reason: 客户要求
submitted: 2026-09-20
schedule_days: ${days}
status: ${status}
${approvals}`;
const both = 'approvals:\n  customer: { by: 刘建国, date: 2026-09-22 }\n  internal: { by: 周敏, date: 2026-09-22 }\n';

describe('project on-time rate (项目交付及时率)', () => {
  const history = (to: string, date: string) =>
    `history:\n  - { date: 2026-09-01, to: received }\n  - { date: 2026-09-02, from: received, to: analyzing }\n  - { date: 2026-09-03, from: analyzing, to: confirmed }\n  - { date: 2026-09-04, from: confirmed, to: in_progress }\n  - { date: 2026-09-25, from: in_progress, to: delivered }\n  - { date: ${date}, from: delivered, to: ${to} }\n`;
  const software = (changes: Record<string, string>) =>
    load({
      'deliver.yaml': manifest('contract:\n  due: 2026-09-30\n'),
      'requirements/202609-001-r1.yaml': req('202609-001', '2026-09-01', history('accepted', '2026-10-09'), 'accepted'),
      'requirements/202609-002-r2.yaml': req('202609-002', '2026-09-01', history('accepted', '2026-10-10'), 'accepted'),
      // out of scope: rejected, on hold
      'requirements/202609-003-r3.yaml': req('202609-003', '2026-09-01', 'history:\n  - { date: 2026-09-02, to: rejected }\n', 'rejected'),
      'requirements/202609-004-r4.yaml': req('202609-004', '2026-09-01', 'history:\n  - { date: 2026-09-02, to: on_hold }\n', 'on_hold'),
      ...changes,
    });
  // The contract says Wed 9-30. CR-001, approved by both sides, adds 3 working days: 10-08, 10-09 and Saturday 10-10
  // (make-up). CR-002 (only our side approved) and CR-003 (rejected) move nothing.
  const slips = {
    'changes/CR-001-a.yaml': change('CR-001', 3, 'approved', both),
    'changes/CR-002-b.yaml': change('CR-002', 5, 'submitted', 'approvals:\n  internal: { by: 周敏, date: 2026-09-22 }\n'),
    'changes/CR-003-c.yaml': change('CR-003', 10, 'rejected', 'rejection: { by: 刘建国, date: 2026-09-23, reason: 不同意 }\n'),
  };

  it('delivered on the last acceptance of the requirements in scope (Sat 10-10), due 10-10 after the approved slip: on time', () => {
    const k = projectKpis({ project: software(slips), asOf: '2026-10-20' });
    expect(k.project_on_time_rate).toMatchObject({
      value: 1,
      numerator: 1,
      denominator: 1,
      target: 0.9,
      met: true,
      delivered_on: '2026-10-10',
      due: '2026-10-10',
      moved_days: 3,
    });
  });

  it('without the slip it is judged against the contract date: late', () => {
    const k = projectKpis({ project: software({}), asOf: '2026-10-20' });
    expect(k.project_on_time_rate).toMatchObject({ value: 0, numerator: 0, denominator: 1, met: false, due: '2026-09-30', moved_days: 0 });
  });

  it('not delivered before the last acceptance; a period counts it where it was delivered', () => {
    const p = software(slips);
    expect(projectKpis({ project: p, asOf: '2026-10-09' }).project_on_time_rate).toMatchObject({
      value: null,
      denominator: 0,
      reason: 'not_delivered',
      delivered_on: null,
      due: '2026-10-10',
    });
    expect(projectKpis({ project: p, asOf: '2026-10-20', period: parsePeriod('2026-Q3')! }).project_on_time_rate).toMatchObject({
      value: null,
      denominator: 0,
      reason: 'delivered_outside_period',
    });
    expect(projectKpis({ project: p, asOf: '2026-10-20', period: parsePeriod('2026-W41')! }).project_on_time_rate).toMatchObject({
      value: 1,
      denominator: 1,
    });
  });

  const handover = (m2: string) =>
    load({
      'deliver.yaml': manifest('contract:\n  due: 2026-10-09\n'),
      'plan.yaml': `schema_version: 1\nmilestones:\n  - { id: M-001, name: 第一次预验收, done: 2026-10-08 }\n  - { id: M-002, name: 交付, ${m2} }\ntasks: []\n`,
    });

  it('a handover project (no requirements) is delivered when its last milestone is reached', () => {
    expect(projectKpis({ project: handover('done: 2026-10-12'), asOf: '2026-10-20' }).project_on_time_rate).toMatchObject({
      numerator: 0,
      denominator: 1,
      delivered_on: '2026-10-12',
      due: '2026-10-09',
    });
    expect(projectKpis({ project: handover('due: 2026-10-09'), asOf: '2026-10-20' }).project_on_time_rate).toMatchObject({
      denominator: 0,
      reason: 'not_delivered',
    });
  });

  it('a portfolio: projects on time / projects delivered', () => {
    const rows = [software(slips), software({}), handover('due: 2026-10-09'), handover('done: 2026-10-09')].map((project) =>
      projectKpis({ project, asOf: '2026-10-20' }),
    );
    // on time: the first and the last (10-09 ≤ 10-09); late: the second; not delivered: the third
    expect(portfolioTotals(rows).project_on_time_rate).toMatchObject({ numerator: 2, denominator: 3, target: 0.9, met: false });
  });
});

const risk = (id: string, identified: string, actions: string) => `id: ${id}
title: 风险 ${id}
category: delivery
probability: 3
impact: 3
response: mitigate
owner: 周敏
identified: ${identified}
status: open
actions:
${actions}`;

describe('risks: managed risks and the response plan (风险应对计划的实施率)', () => {
  const p = load({
    'deliver.yaml': manifest(),
    'risks/R-001-a.yaml': risk(
      'R-001',
      '2026-10-09',
      [
        '  - { text: 一, due: 2026-10-12, done: 2026-10-12 }',
        '  - { text: 二, due: 2026-10-20 }',
        '  - { text: 三, done: 2026-10-15 }',
        '  - { text: 四, due: 2026-10-22, waived: 客户自行处理, waived_date: 2026-10-26 }',
      ].join('\n') + '\n',
    ),
    'risks/R-002-b.yaml': risk('R-002', '2026-10-10', '  - { text: 一, due: 2026-11-05 }\n  - { text: 二 }\n'),
    'risks/R-003-c.yaml': risk('R-003', '2026-09-30', '  - { text: 一, due: 2026-09-30, done: 2026-09-29 }\n'),
    'risks/R-004-d.yaml': risk('R-004', '2026-10-16', '  - { text: 一, due: 2026-10-28, waived: 不再需要 }\n'),
  });

  it('as of 10-30: the plan holds the actions due by then and the undated ones done; waivers leave it', () => {
    const k = projectKpis({ project: p, asOf: '2026-10-30' });
    // R-001#1 done, #2 overdue, #3 (undated) done, R-003#1 done; R-001#4 and R-004#1 waived; R-002#1 not due, #2 undated and open
    expect(k.risk_response_rate).toMatchObject({ numerator: 3, denominator: 4, value: 0.75, waived: 2, met: false });
    // have an action done; R-002 none; R-004 only a waived one
    expect(k.risks_identified).toMatchObject({ value: 2, numerator: 2, identified: 4, managed: 2, target: 3, met: false });
  });

  it('October: actions due in it; risks identified in it', () => {
    const k = projectKpis({ project: p, asOf: '2026-10-30', period: parsePeriod('2026-10')! });
    expect(k.risk_response_rate).toMatchObject({ numerator: 2, denominator: 3, waived: 2 }); // R-003#1 was due in September
    expect(k.risks_identified).toMatchObject({ identified: 3, managed: 1 });
  });

  it('as of 10-25 the waiver (dated 10-26) has not happened: R-001#4 is in the plan and missed', () => {
    const k = projectKpis({ project: p, asOf: '2026-10-25' });
    expect(k.risk_response_rate).toMatchObject({ numerator: 3, denominator: 5, waived: 0 });
    // as of 10-11 R-001#1 is not done yet: of only R-003 is managed
    expect(projectKpis({ project: p, asOf: '2026-10-11' }).risks_identified).toMatchObject({ value: 1, identified: 3, managed: 1 });
  });
});
