// SMART flags and the SMART plausibility check on cases computed by hand; the p-values of
// the ratio tests are R's (prop.test, printed with 15 digits), the rest is arithmetic shown
// in the comments.
import { describe, expect, it } from 'vitest';
import {
  digitPreferenceScore, dispersionIndex, overallPlausibilityClass, plausibilityReport, proportionTestP,
  skewnessKurtosis, smartFlags, smartPlausibilityCriteria,
} from './plausibility.ts';
import type { SurveyChild } from './records.ts';

const child = (fields: Partial<SurveyChild>): SurveyChild => ({
  row: 2, sex: 1, ageDays: 400, oedema: false, weightKg: null, lenheiCm: null, muacCm: null,
  zlen: null, flen: null, zwei: null, fwei: null, zwfl: null, fwfl: null, zbmi: null, fbmi: null,
  stratum: '', cluster: '', weight: 1, groups: [], ...fields,
});

describe('SMART flags: ±3 from the observed mean', () => {
  it('flags a value beyond mean + 3, not one at the limit', () => {
    // Mean of nine 0 and one 4.5 = 0.45: limits −2.55 and 3.45; 4.5 is flagged.
    expect(smartFlags([0, 0, 0, 0, 0, 0, 0, 0, 0, 4.5])).toEqual({ mean: 0.45, flags: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1] });
    // Values exactly at the limits are kept: the mean of −3, 0, 0, 3 is 0, the limits ±3.
    expect(smartFlags([-3, 0, 0, 3]).flags).toEqual([0, 0, 0, 0]);
  });
  it('leaves missing z-scores unflagged (null)', () => {
    expect(smartFlags([null, 1, null])).toEqual({ mean: 1, flags: [null, 0, null] });
    expect(smartFlags([null])).toEqual({ mean: null, flags: [null] });
  });
});

describe('the statistics of the plausibility check', () => {
  it('tests a proportion as R prop.test does (Yates correction)', () => {
    expect(proportionTestP(60, 100, 0.5)).toBeCloseTo(0.0574331196320037, 12); // R: prop.test(60, 100, 0.5)
    expect(proportionTestP(40, 100, 0.85 / 1.85)).toBeCloseTo(0.2744872511241792, 12); // R: prop.test(40, 100, 0.85/1.85)
    expect(proportionTestP(50, 100, 0.5)).toBe(1);
  });

  it('scores digit preference from the last digit at 0.1 precision', () => {
    // 1.0, 2.0, 3.0, 4.0, 5.5: four 0s and one 5; expected 0.5 each.
    // χ² = (4 − 0.5)²/0.5 + (1 − 0.5)²/0.5 + 8 · 0.5²/0.5 = 24.5 + 0.5 + 4 = 29; DPS = 100 √(29 / 45) = 80.28.
    expect(digitPreferenceScore([1, 2, 3, 4, 5.5])).toBe(80.28);
    // One value of each final digit: χ² = 0, DPS = 0. MUAC in cm: its decimal is the mm digit.
    expect(digitPreferenceScore([70.0, 70.1, 70.2, 70.3, 70.4, 70.5, 70.6, 70.7, 70.8, 70.9])).toBe(0);
    expect(digitPreferenceScore([])).toBeNull();
  });

  it('computes skewness and excess kurtosis as nipnTK skewKurt', () => {
    // 0, 0, 0, 3: mean 0.75, Σd² = 6.75, Σd³ = 10.125, Σd⁴ = 26.578125;
    // skewness = √4 · 10.125 / 6.75^1.5 = 2/√3; kurtosis = 4 · 26.578125 / 6.75² − 3 = −2/3.
    const shape = skewnessKurtosis([0, 0, 0, 3])!;
    expect(shape.skewness).toBeCloseTo(2 / Math.sqrt(3), 12);
    expect(shape.kurtosis).toBeCloseTo(-2 / 3, 12);
  });

  it('tests the Poisson distribution of cases across clusters by the index of dispersion', () => {
    // Counts 0, 2, 4: mean 2, variance 4, ID 2; χ² = 2 · 2 = 4 on 2 df: p = e^−2.
    const result = dispersionIndex([0, 2, 4])!;
    expect(result.index).toBe(2);
    expect(result.p).toBeCloseTo(Math.exp(-2), 12);
    expect(dispersionIndex([0, 0, 0])).toBeNull();
  });
});

describe('the SMART scoring table', () => {
  const classOf = (name: keyof typeof smartPlausibilityCriteria, value: number) => smartPlausibilityCriteria[name].classOf(value);
  it.each([
    ['flaggedWhz', 2.5, 'excellent'], ['flaggedWhz', 2.6, 'good'], ['flaggedWhz', 7.5, 'acceptable'], ['flaggedWhz', 7.6, 'problematic'],
    ['sexRatio', 0.11, 'excellent'], ['sexRatio', 0.1, 'good'], ['sexRatio', 0.002, 'acceptable'], ['sexRatio', 0.001, 'problematic'],
    ['digitPreferenceWeight', 7.99, 'excellent'], ['digitPreferenceWeight', 8, 'good'], ['digitPreferenceHeight', 19.9, 'acceptable'], ['digitPreferenceMuac', 20, 'problematic'],
    ['sdWhz', 1.0, 'excellent'], ['sdWhz', 1.1, 'good'], ['sdWhz', 0.85, 'acceptable'], ['sdWhz', 1.2, 'problematic'],
    ['skewnessWhz', -0.19, 'excellent'], ['skewnessWhz', -0.2, 'good'], ['kurtosisWhz', 0.59, 'acceptable'], ['kurtosisWhz', -0.6, 'problematic'],
    ['poissonWhz', 0.051, 'excellent'], ['poissonWhz', 0.05, 'good'], ['poissonWhz', 0.002, 'acceptable'], ['poissonWhz', 0.001, 'problematic'],
  ] as const)('%s %f is %s', (name, value, expected) => expect(classOf(name, value)).toBe(expected));

  it('classes the overall score 0–9, 10–14, 15–24, ≥ 25', () => {
    expect([9, 10, 14, 15, 24, 25].map(overallPlausibilityClass)).toEqual(['excellent', 'good', 'good', 'acceptable', 'acceptable', 'problematic']);
  });
});

describe('a whole report computed by hand', () => {
  // 10 children aged 12 months, 5 boys and 5 girls, in 2 clusters; WHZ −1, 1 (four times each), 0, 0;
  // weights all 8.0 kg; heights 70.0 … 70.9 cm; no MUAC.
  const whz = [-1, 1, -1, 1, -1, 1, -1, 1, 0, 0];
  const children = whz.map((z, i) => child({
    sex: i % 2 === 0 ? 1 : 2, ageDays: 12 * 30.4375 + 1, zwfl: z, fwfl: 0, weightKg: 8, lenheiCm: 70 + i / 10, cluster: i < 5 ? 'a' : 'b',
  }));
  const report = plausibilityReport(children, true);
  const line = (name: string) => report.lines.find((l) => l.criterion === name)!;

  it('scores each criterion', () => {
    expect(line('flaggedWhz')).toMatchObject({ value: 0, points: 0 }); // mean 0, nothing beyond ±3
    expect(line('sexRatio')).toMatchObject({ value: 1, p: 1, points: 0 });
    // 10 aged 6–29 months, none 30–59: prop.test(10, 10, 0.85/1.85): d = 10 − 4.5946 = 5.4054, less 0.5:
    // χ² = 4.9054² (1/4.5946 + 1/5.4054) = 9.689, p ≈ 0.0019: acceptable, 4 points.
    expect(line('ageRatio').p).toBeCloseTo(0.00185, 4);
    expect(line('ageRatio')).toMatchObject({ class: 'acceptable', points: 4 });
    // Ten 8.0 kg: χ² = 9²/1 + 9 · 1²/1 = 90, DPS = 100 √(90/90) = 100: problematic, 10 points.
    expect(line('digitPreferenceWeight')).toMatchObject({ value: 100, points: 10 });
    expect(line('digitPreferenceHeight')).toMatchObject({ value: 0, points: 0 });
    expect(line('digitPreferenceMuac')).toMatchObject({ value: null, class: null, points: 0 });
    // SD = √(8/9) = 0.943: excellent. Skewness 0. Kurtosis 10 · 8 / 8² − 3 = −1.75: problematic, 5 points.
    expect(line('sdWhz').value).toBeCloseTo(Math.sqrt(8 / 9), 12);
    expect(line('sdWhz').points).toBe(0);
    expect(line('skewnessWhz')).toMatchObject({ value: 0, points: 0 });
    expect(line('kurtosisWhz').value).toBeCloseTo(-1.75, 12);
    expect(line('kurtosisWhz').points).toBe(5);
    // No WHZ < −2 in either cluster: the index is undefined, no points.
    expect(line('poissonWhz')).toMatchObject({ value: null, n: 2, points: 0 });
  });

  it('adds the points: 4 + 10 + 5 = 19, acceptable', () => {
    expect(report.score).toBe(19);
    expect(report.class).toBe('acceptable');
    expect(report.missing).toEqual({ sex: 0, age: 0, weight: 0, height: 0, muac: 100 });
  });
});
