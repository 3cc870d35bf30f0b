// KPIs against values computed by hand on the two-project fixture in test/golden/reports/portfolio
// (calendar: Monday–Friday, no holidays). Each expectation says how it was counted. The rules one by
// one, on a Chinese calendar with holidays and make-up days: test/core/kpi-rules.test.ts.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TARGETS, KPI_KEYS, measure, portfolioTotals, projectKpis, targetsOf, type Kpis } from '../../src/core/kpi.js';
import { parsePeriod } from '../../src/core/period.js';
import { loadProject } from '../../src/store/load.js';
import { REPO } from '../helpers/project.js';

const FIX = join(REPO, 'test', 'golden', 'reports', 'portfolio');
const alpha = loadProject(join(FIX, 'alpha')).project;
const beta = loadProject(join(FIX, 'beta')).project;
const asOf = '2026-11-20';
const nd = (k: Kpis) => Object.fromEntries(KPI_KEYS.map((key) => [key, [k[key].numerator, k[key].denominator]]));

describe('project KPIs, everything up to as-of', () => {
  const k = projectKpis({ project: alpha, asOf });

  it('matches the hand count', () => {
    expect(nd(k)).toEqual({
      // 202610-002 (delivered) and the two 202611 requirements are not accepted: the project is not delivered
      project_on_time_rate: [0, 0],
      // AC-001 delivered 11-09, agreed = its requirement's due 11-10: on time; AC-002 delivered 11-18 > agreed 11-16: late
      on_time_delivery_rate: [1, 2],
      // only AC-001 has had a final round; a final round passed …
      acceptance_pass_rate: [1, 1],
      // … but its first final round (11-10) failed
      first_pass_rate: [0, 1],
      // S-001 90 + S-002 70
      customer_satisfaction: [160, 2],
      // only S-001 scores the dimensions
      satisfaction_quality: [92, 1],
      satisfaction_timeliness: [85, 1],
      satisfaction_after_sales: [93, 1],
      team_communication_score: [0, 0],
      // due by 11-20: R-001#1 done, R-001#2 open (overdue), R-003#1 done; R-002#1 waived (out of the plan)
      risk_response_rate: [2, 3],
      // have an action done; R-002 (its only due action waived) is identified, not managed
      risks_identified: [2, null],
      requirements_received: [5, null],
      // 202610-001: received Mon 10-05, accepted Thu 11-12 = 4 + 5·4 + 4 = 28 working days
      average_cycle_days: [28, 1],
      // 001 analysed in 1 wd, 002 the same day, 003 rejected on its deadline day unanalysed (left out), 202611-001
      // never analysed and 14 wd old (a miss), 202611-002 received yesterday (not due yet)
      analysis_sla_rate: [2, 3],
      // from the analysis: 001 took 2 wd (10-06 → 10-08), 002 took 1; 003 rejected before the clock ran out;
      // 202611-001: from its analysis deadline 11-03, 13 wd overdue; 202611-002 not due yet
      feasibility_sla_rate: [2, 3],
      rectification_on_time_rate: [0, 0], // the fixture has no rectification items
      // no after-sales tickets in this project
      ticket_response_rate: [0, 0],
      ticket_resolution_rate: [0, 0],
      mean_resolution_days: [0, 0],
      complaints: [0, null],
    });
    expect(k.risk_response_rate.waived).toBe(1);
    expect(k.risks_identified).toMatchObject({ identified: 3, managed: 2 });
    expect(k.analysis_sla_rate.stopped).toBe(1);
    expect(k.project_on_time_rate).toMatchObject({ value: null, reason: 'not_delivered', target: 0.9 });
    expect(k.on_time_delivery_rate.value).toBe(0.5);
    expect(k.customer_satisfaction.value).toBe(80);
    expect(k.customer_satisfaction.met).toBe(true); // ≥ 80
    expect(k.analysis_sla_rate.value).toBeCloseTo(2 / 3, 10);
    expect(k.requirements_received).toMatchObject({ value: 5, accepted: 1, rejected: 1 });
    expect(k.risks_identified).toMatchObject({ value: 2, target: 3, met: false });
    expect(k.satisfaction_quality).toMatchObject({ value: 92, target: 80, met: true });
    expect(k.team_communication_score).toMatchObject({ value: null, target: 4, reason: 'no_team_surveys' });
  });

  it('targets come from deliver.yaml, else DOMAIN.md; a missing target gives met null', () => {
    expect(k.first_pass_rate).toMatchObject({ target: 0.8, met: false });
    expect(k.on_time_delivery_rate).toMatchObject({ target: null, met: null }); // the seeds give the 90% to the project rate
    expect(k.project_on_time_rate.target).toBe(0.9);
    expect(k.acceptance_pass_rate).toMatchObject({ value: 1, target: null, met: null });
    expect(targetsOf(undefined)).toEqual(DEFAULT_TARGETS);
  });

  it('a later as-of date sees later facts only from then on', () => {
    const early = projectKpis({ project: alpha, asOf: '2026-11-11' });
    // On 11-11 AC-001 had one failed round: inspected, not passed.
    expect(nd(early).acceptance_pass_rate).toEqual([0, 1]);
    // AC-002 not delivered yet; no requirement accepted yet.
    expect(nd(early).on_time_delivery_rate).toEqual([1, 1]);
    expect(early.average_cycle_days).toMatchObject({ value: null, reason: 'no_accepted_requirements' });
    expect(early.requirements_received.numerator).toBe(4);
  });
});

describe('a period selects what happened in it', () => {
  const oct = projectKpis({ project: alpha, asOf, period: parsePeriod('2026-10')! });

  it('counts October only', () => {
    expect(nd(oct)).toEqual({
      project_on_time_rate: [0, 0],
      on_time_delivery_rate: [0, 0],
      acceptance_pass_rate: [0, 0],
      first_pass_rate: [0, 0],
      customer_satisfaction: [70, 1], // S-002 on 10-20
      satisfaction_quality: [0, 0],
      satisfaction_timeliness: [0, 0],
      satisfaction_after_sales: [0, 0],
      team_communication_score: [0, 0],
      risk_response_rate: [2, 2], // R-003#1 (10-15) and R-001#1 (10-20), both done
      risks_identified: [2, null], // R-001 10-05, R-003 10-07, both managed
      requirements_received: [3, null], // 202610-001..003
      average_cycle_days: [0, 0],
      analysis_sla_rate: [2, 2],
      feasibility_sla_rate: [2, 2], // 202610-003 rejected within its deadlines: left out
      rectification_on_time_rate: [0, 0],
      // no after-sales tickets in this project
      ticket_response_rate: [0, 0],
      ticket_resolution_rate: [0, 0],
      mean_resolution_days: [0, 0],
      complaints: [0, null],
    });
    expect(oct.requirements_received).toMatchObject({ accepted: 0, rejected: 1 });
    expect(oct.risks_identified.met).toBe(false);
  });

  it('a zero denominator gives value null with a reason', () => {
    expect(oct.on_time_delivery_rate).toMatchObject({ value: null, met: null, reason: 'no_deliveries' });
    expect(oct.acceptance_pass_rate).toMatchObject({ value: null, reason: 'no_final_rounds' });
    expect(oct.satisfaction_after_sales).toMatchObject({ value: null, reason: 'no_dimension_scores' });
    expect(oct.average_cycle_days).toMatchObject({ value: null, reason: 'no_accepted_requirements' });
    expect(oct.customer_satisfaction.reason).toBeUndefined();
    const q3 = projectKpis({ project: alpha, asOf, period: parsePeriod('2026-Q3')! });
    expect(q3.customer_satisfaction).toMatchObject({ value: null, reason: 'no_surveys' });
    expect(q3.risk_response_rate).toMatchObject({ value: null, reason: 'no_actions_due' });
    expect(q3.analysis_sla_rate.reason).toBe('no_analysis_due');
    expect(q3.feasibility_sla_rate.reason).toBe('no_feasibility_due');
    expect(q3.risks_identified).toMatchObject({ value: 0, met: false });
  });

  it('November: every acceptance measure by delivery date', () => {
    const nov = projectKpis({ project: alpha, asOf, period: parsePeriod('2026-11')! });
    expect(nd(nov).on_time_delivery_rate).toEqual([1, 2]);
    expect(nd(nov).acceptance_pass_rate).toEqual([1, 1]);
    expect(nd(nov).average_cycle_days).toEqual([28, 1]);
    expect(nov.requirements_received).toMatchObject({ numerator: 2, accepted: 1, rejected: 0 });
  });
});

describe('portfolio totals', () => {
  const a = projectKpis({ project: alpha, asOf });
  const b = projectKpis({ project: beta, asOf });
  const total = portfolioTotals([a, b]);

  it('beta by hand', () => {
    // AC-001 10-20 ≤ due 10-30, AC-002 11-02 ≤ 11-05 on time; AC-003 11-16 > 11-13 late. Pre pass then final pass = first pass.
    // AC-001's pre-acceptance round is not judged; AC-003 has had no final round yet.
    expect(nd(b)).toMatchObject({
      on_time_delivery_rate: [2, 3],
      acceptance_pass_rate: [2, 2],
      first_pass_rate: [2, 2],
      customer_satisfaction: [95, 1],
      risk_response_rate: [1, 1],
      average_cycle_days: [10, 1],
      analysis_sla_rate: [1, 1],
      feasibility_sla_rate: [1, 1],
      risks_identified: [1, null],
    });
    // delivered when 202610-001 was accepted (10-26), but deliver.yaml has no contract date to judge against
    expect(b.project_on_time_rate).toMatchObject({
      value: null,
      numerator: 0,
      denominator: 0,
      reason: 'no_contract_due',
      delivered_on: '2026-10-26',
      due: null,
    });
  });

  it('sums numerators and denominators instead of averaging rates', () => {
    expect(nd(total)).toEqual({
      project_on_time_rate: [0, 0],
      on_time_delivery_rate: [3, 5],
      acceptance_pass_rate: [3, 3],
      first_pass_rate: [2, 3],
      customer_satisfaction: [255, 3],
      satisfaction_quality: [92, 1],
      satisfaction_timeliness: [85, 1],
      satisfaction_after_sales: [93, 1],
      team_communication_score: [0, 0],
      risk_response_rate: [3, 4],
      risks_identified: [3, null],
      requirements_received: [6, null],
      average_cycle_days: [38, 2],
      analysis_sla_rate: [3, 4],
      feasibility_sla_rate: [3, 4],
      rectification_on_time_rate: [0, 0],
      // no after-sales tickets in this project
      ticket_response_rate: [0, 0],
      ticket_resolution_rate: [0, 0],
      mean_resolution_days: [0, 0],
      complaints: [0, null],
    });
    expect(total.risk_response_rate.waived).toBe(1);
    expect(total.project_on_time_rate.reason).toBe('no_projects_delivered');
    expect(total.on_time_delivery_rate.value).toBe(0.6); // the average of 1/2 and 2/3 would be 0.583
    expect(total.customer_satisfaction.value).toBe(85); // the average of the means would be 87.5
    expect(total.first_pass_rate.value).toBeCloseTo(2 / 3, 10); // not (0 + 1) / 2
    expect(total.average_cycle_days.value).toBe(19);
  });

  it('risks managed: judged project by project; other targets: shared, else the default', () => {
    // alpha 2 < 3, beta 1 < 3: no project meets it (the summed 3 would have met a target of 3)
    expect(total.risks_identified).toMatchObject({
      value: 3,
      target: 3,
      met: false,
      projects_met: 0,
      projects: 2,
      identified: 4,
      managed: 3,
    });
    const alphaAgain = projectKpis({ project: alpha, asOf });
    const twoAlphas = portfolioTotals([
      alphaAgain,
      { ...alphaAgain, risks_identified: measure('risks_identified', 3, null, 3, { identified: 3, managed: 3 }) },
    ]);
    expect(twoAlphas.risks_identified).toMatchObject({ value: 5, target: 3, met: false, projects_met: 1, projects: 2 });
    const allMeet = portfolioTotals([
      { ...alphaAgain, risks_identified: measure('risks_identified', 4, null, 3) },
      { ...alphaAgain, risks_identified: measure('risks_identified', 3, null, 3) },
    ]);
    expect(allMeet.risks_identified).toMatchObject({ value: 7, met: true, projects_met: 2, projects: 2 });
    expect(total.on_time_delivery_rate.target).toBeNull();
    expect(total.project_on_time_rate.target).toBe(0.9);
    expect(total.first_pass_rate.target).toBeNull(); // alpha 0.8, beta none: DOMAIN.md gives none
    expect(total.requirements_received).toMatchObject({ accepted: 2, rejected: 1 });
  });
});

describe('measure', () => {
  it('computes value and met from the parts', () => {
    expect(measure('on_time_delivery_rate', 9, 10, 0.9)).toMatchObject({ value: 0.9, met: true });
    expect(measure('average_cycle_days', 31, 1, 30)).toMatchObject({ value: 31, met: false });
    expect(measure('average_cycle_days', 30, 1, 30).met).toBe(true);
    expect(measure('risks_identified', 0, null, 3)).toMatchObject({ value: 0, met: false });
    expect(measure('customer_satisfaction', 0, 0, 80)).toMatchObject({ value: null, met: null, reason: 'no_surveys' });
  });
});
