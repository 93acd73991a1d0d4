// WHO anthro_prevalence's rules (anthro R/prevalence.R), each on children whose z-scores
// are given, so that every prevalence is a fraction counted by hand. Without a cluster
// column every child is its own PSU in one stratum (anthro: cluster = 1 → ids = ~1). With
// weights 1, N analysed children and n of them with the indicator, z_i = (y_i − p)/n, the
// N − n others are PSUs with z = 0 (survey keeps the whole design's PSU count when it drops
// missing values), and Var = N/(N − 1) · Σ z² = N/(N − 1) · p(1 − p)/n.
import { describe, expect, it } from 'vitest';
import { ageGroup, surveyPrevalence } from './prevalence.ts';
import type { SurveyChild } from './records.ts';
import { classifyPrevalence } from './thresholds.ts';

const child = (fields: Partial<SurveyChild>): SurveyChild => ({
  row: 2, sex: 1, ageDays: 400, oedema: false, weightKg: null, lenheiCm: null, muacCm: null,
  zlen: null, flen: null, zwei: null, fwei: null, zwfl: null, fwfl: null, zbmi: null, fbmi: null,
  stratum: '', cluster: '', weight: 1, groups: [], ...fields,
});

const children = [
  child({ sex: 2, ageDays: 100, zwfl: -2.5, fwfl: 0, zlen: -2.5, flen: 0, muacCm: 10 }), // 3.3 months: no MUAC indicator
  child({ sex: 1, ageDays: 400, zwfl: -3.5, fwfl: 0, zlen: 0, flen: 0, muacCm: 12.0 }),
  child({ sex: 2, ageDays: 800, zwfl: 0, fwfl: 0, zlen: -3.5, flen: 0, muacCm: 13.0 }),
  child({ sex: 1, ageDays: 900, oedema: true, zlen: -1, flen: 0 }), // oedema: WHZ −3.1 for prevalence
  child({ sex: 2, ageDays: 1000, zwfl: -6, fwfl: 1, zlen: 1, flen: 0, muacCm: 11.0 }), // WHZ with a WHO flag: missing
  child({ sex: 1, ageDays: 1830, zwfl: -3.5, fwfl: 0, zlen: -3.5, flen: 0 }), // older than 1826 days: left out
];
const result = surveyPrevalence(children, { clustered: false });
const row = (indicator: string, group = 'All') => result.rows.find((r) => r.indicator === indicator && r.group === group)!;

describe("anthro_prevalence's rules", () => {
  it('leaves out children older than 1826 days', () => {
    expect(result).toMatchObject({ included: 5, excludedOver1826Days: 1, excludedMissingDesign: 0 });
  });

  it('counts oedema as WHZ −3.1 and leaves out flagged z-scores (WH_2 = GAM, WH_3 = SAM)', () => {
    // WHZ: −2.5, −3.5, 0, oedema, flagged → 4 children; < −2: 3 of 4; < −3: 2 of 4 (−3.5 and oedema).
    // N = 5: Var = 5/4 · 0.75 · 0.25 / 4 = 0.05859375; the simple random sample's 0.75 · 0.25 / 3 = 0.0625:
    // deff = 0.9375.
    expect(row('WH_2')).toMatchObject({ n: 4, prevalence: 75 });
    expect(row('WH_2').se).toBeCloseTo(100 * Math.sqrt(0.05859375), 12);
    expect(row('WH_2').deff).toBeCloseTo(0.9375, 12);
    expect(row('WH_3')).toMatchObject({ n: 4, prevalence: 50 });
    expect(row('WH2')).toMatchObject({ n: 4, prevalence: 0, ciLow: 0, ciHigh: 0 });
    expect(row('WH_MAM')).toMatchObject({ n: 4, prevalence: 25 }); // −2.5 only; oedema is SAM
  });

  it('computes stunting and the combined indicators', () => {
    expect(row('HA_2')).toMatchObject({ n: 5, prevalence: 40 }); // −2.5 and −3.5 of 5
    expect(row('HA_3')).toMatchObject({ n: 5, prevalence: 20 });
    // Both z-scores: children 1–4 (child 5's WHZ is flagged); stunted and wasted: child 1 only.
    expect(row('HA_2_WH_2')).toMatchObject({ n: 4, prevalence: 25 });
    expect(row('HA_2_WH2')).toMatchObject({ n: 4, prevalence: 0 });
  });

  it('counts MUAC indicators for 6–59 months, oedema included in GAM and SAM', () => {
    // 6–59 months: 12.0 cm, 13.0 cm, oedema, 11.0 cm.
    expect(row('MUAC_GAM')).toMatchObject({ n: 4, prevalence: 75 });
    expect(row('MUAC_SAM')).toMatchObject({ n: 4, prevalence: 50 });
    expect(row('MUAC_MAM')).toMatchObject({ n: 4, prevalence: 25 });
  });

  it("groups by WHO's age groups and sex, empty groups listed", () => {
    expect(result.rows.filter((r) => r.indicator === 'WH_2').map((r) => [r.group, r.n])).toEqual([
      ['All', 4], ['Age group: 00-05 mo', 1], ['Age group: 06-11 mo', 0], ['Age group: 12-23 mo', 1],
      ['Age group: 24-35 mo', 2], ['Age group: 36-47 mo', 0], ['Age group: 48-59 mo', 0], ['Sex: Female', 2], ['Sex: Male', 2],
    ]);
    expect(row('WH_2', 'Age group: 06-11 mo')).toMatchObject({ prevalence: null, se: null, ciLow: null });
    expect(row('WH_2', 'Sex: Male')).toMatchObject({ prevalence: 100, se: 0, ciLow: 100, ciHigh: 100 });
  });

  it('cuts age groups at whole months of 30.4375 days, left-closed', () => {
    expect(ageGroup(182)).toBe('00-05 mo'); // 5.98 months
    expect(ageGroup(183)).toBe('06-11 mo'); // 6.01 months
    expect(ageGroup(1826)).toBe('48-59 mo');
    expect(ageGroup(1826.25)).toBeNull(); // 60 months
    expect(ageGroup(null)).toBeNull();
  });
});

describe("SMART's GAM, MAM and SAM: children 6–59 months, SMART flags instead of WHO flags", () => {
  const survey = [
    child({ ageDays: 400, zwfl: -4.0, fwfl: 0 }), // no WHO flag (|z| ≤ 5), a SMART flag
    child({ ageDays: 500, zwfl: -2.5, fwfl: 0 }),
    child({ ageDays: 600, zwfl: -1.0, fwfl: 0 }),
    child({ ageDays: 700, zwfl: 0.5, fwfl: 0 }),
    child({ ageDays: 800, zwfl: 1.0, fwfl: 0 }),
    child({ ageDays: 900, zwfl: 3.5, fwfl: 0 }), // a SMART flag
    child({ ageDays: 1000, oedema: true }), // no WHZ: a case of GAM and SAM
    child({ ageDays: 100, zwfl: -2.0, fwfl: 0 }), // 3.3 months: not in SMART's population
  ];
  const r = surveyPrevalence(survey, { clustered: false });
  const at = (indicator: string) => r.rows.find((x) => x.indicator === indicator && x.group === 'All')!;

  it('flags WHZ more than 3 from the observed mean, as the plausibility report does', () => {
    // WHZ present: −4, −2.5, −1, 0.5, 1, 3.5, −2; mean −4.5/7 = −0.642857; kept: [−3.642857, 2.357143].
    expect(r.smartFlags.whzMean).toBeCloseTo(-4.5 / 7, 12);
    expect(r.smartFlags.excluded).toBe(2); // −4 and 3.5
  });

  it('counts GAM, MAM and SAM among the 6–59-month children without a SMART flag', () => {
    // Children 2, 3, 4, 5 and the oedema case: n = 5. GAM: −2.5 and oedema (2/5); MAM: −2.5
    // (1/5); SAM: oedema (1/5). N = 8 children, each its own PSU: Var = 8/7 · p(1 − p)/5.
    expect(at('SMART_GAM')).toMatchObject({ n: 5, prevalence: 40 });
    expect(at('SMART_GAM').se).toBeCloseTo(100 * Math.sqrt((8 / 7) * 0.4 * 0.6 / 5), 12);
    expect(at('SMART_MAM')).toMatchObject({ n: 5, prevalence: 20 });
    expect(at('SMART_SAM')).toMatchObject({ n: 5, prevalence: 20 });
    // anthro's WHO-flag rows on the same children differ: 0–59 months, −4 kept, 3 of 8.
    expect(at('WH_2')).toMatchObject({ n: 8, prevalence: 37.5 });
    expect(at('WH_3')).toMatchObject({ n: 8, prevalence: 25 });
  });

  it('lists the SMART rows in every group, empty for 0–5 months', () => {
    expect(r.rows.find((x) => x.indicator === 'SMART_GAM' && x.group === 'Age group: 00-05 mo')).toMatchObject({ n: 0, prevalence: null });
  });
});

describe("anthro's z-score summary", () => {
  it('averages z-scores without WHO flags, and weight-based ones without oedema, by group', () => {
    // All 5 analysed children of the first set: HAZ −2.5, 0, −3.5, −1, 1 (mean −1.2);
    // WHZ −2.5, −3.5, 0 (oedema and the WHO-flagged −6 left out): mean −2, n 3.
    const summary = (indicator: string, group = 'All') => result.zscoreSummary.find((x) => x.indicator === indicator && x.group === group)!;
    expect(summary('HA')).toMatchObject({ n: 5 });
    expect(summary('HA').mean).toBeCloseTo(-1.2, 12);
    expect(summary('WH')).toMatchObject({ n: 3, mean: -2 });
    // Girls: WHZ −2.5 and 0 (the third girl's −6 is flagged): mean −1.25.
    expect(summary('WH', 'Sex: Female')).toMatchObject({ n: 2, mean: -1.25 });
    expect(summary('WA')).toMatchObject({ n: 0, mean: null, sd: null });
    expect(result.zscoreSummary.map((x) => x.indicator).filter((x, i, all) => all.indexOf(x) === i)).toEqual(['HA', 'WA', 'WH', 'BMI']);
    expect(result.zscoreSummary.filter((x) => x.indicator === 'HA').map((x) => x.group)).toEqual(result.rows.filter((x) => x.indicator === 'HA_2').map((x) => x.group));
  });
});

describe('strata, clusters, weights and extra groups', () => {
  it('leaves out children without cluster or stratum, counts a missing weight as 0, groups by stratum and column', () => {
    const survey = [
      child({ stratum: 'Kayes', cluster: '1', weight: 2, zwfl: -2.5, fwfl: 0, groups: ['urbain'] }),
      child({ stratum: 'Kayes', cluster: '2', weight: 2, zwfl: 0, fwfl: 0, groups: ['rural'] }),
      child({ stratum: 'Mopti', cluster: '3', weight: 1, zwfl: -2.5, fwfl: 0, groups: ['rural'] }),
      child({ stratum: 'Mopti', cluster: '4', weight: null, zwfl: -2.5, fwfl: 0, groups: ['rural'] }),
      child({ stratum: 'Mopti', cluster: null, weight: 1, zwfl: -2.5, fwfl: 0, groups: ['rural'] }),
    ];
    const r = surveyPrevalence(survey, { clustered: true, strataLabel: 'Région', byLabels: ['Milieu'] });
    expect(r).toMatchObject({ included: 4, excludedMissingDesign: 1, missingWeight: 1, degreesOfFreedom: 1 });
    const wh2 = r.rows.filter((x) => x.indicator === 'WH_2');
    expect(wh2.map((x) => x.group).slice(9)).toEqual(['Région: Kayes', 'Région: Mopti', 'Milieu: rural', 'Milieu: urbain']);
    // All: Σw = 2 + 2 + 1 + 0 = 5, Σwy = 2 + 1 = 3: 60 %. The zero-weight child is counted in n, as anthro's unweighted n.
    expect(wh2[0]).toMatchObject({ n: 4, prevalence: 60 });
    expect(wh2.find((x) => x.group === 'Région: Kayes')).toMatchObject({ n: 2, prevalence: 50 });
  });
});

describe('classification of prevalences', () => {
  it('uses the WHO/UNICEF 2018 thresholds for wasting, overweight and stunting', () => {
    expect(classifyPrevalence('WH_2', 2.4).whoUnicef2018).toBe('very_low');
    expect(classifyPrevalence('WH_2', 9.99).whoUnicef2018).toBe('medium');
    expect(classifyPrevalence('WH_2', 15).whoUnicef2018).toBe('very_high');
    expect(classifyPrevalence('WH2', 5).whoUnicef2018).toBe('medium');
    expect(classifyPrevalence('HA_2', 19.9).whoUnicef2018).toBe('medium');
    expect(classifyPrevalence('HA_2', 30).whoUnicef2018).toBe('very_high');
    expect(classifyPrevalence('WA_2', 20)).toEqual({ whoUnicef2018: null, ipcPhase: null });
  });
  it('gives the IPC acute malnutrition phase from GAM by WHZ', () => {
    // Mali SMART 2024: national GAM 11.5 % ("sérieuse" / phase 3); Gao, Kidal, Ménaka > 15 % (critical, phase 4).
    expect([4.9, 5, 11.5, 15.1, 30].map((p) => classifyPrevalence('WH_2', p).ipcPhase)).toEqual([1, 2, 3, 4, 5]);
    expect(classifyPrevalence('WH_2', null)).toEqual({ whoUnicef2018: null, ipcPhase: null });
    // SMART's GAM (6–59 months, SMART flags) on the same IPC scale; the WHO/UNICEF 2018 scale is for 0–59 months' wasting.
    expect(classifyPrevalence('SMART_GAM', 11.5)).toEqual({ whoUnicef2018: null, ipcPhase: 3 });
  });
});
