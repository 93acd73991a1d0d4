/// <reference types="vite/client" />
// Design-based proportions (design.ts) on a design small enough to compute by hand, then on
// a non-trivial one (472 children, 4 strata, 22 clusters, one single-cluster stratum, unequal
// and zero weights, missing values, a rare group) against R's survey package, called as
// WHO's anthro_prevalence calls it: reference/design-estimates.R wrote
// reference/design-estimates.csv from reference/design-data.csv (survey 4.1-1, R 4.2).
// The last test re-runs that script when Rscript and the survey package are installed.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv/csvReader.ts';
import { SurveyDesign } from './design.ts';
import { studentTQuantile } from './distributions.ts';
import designDataCsv from './reference/design-data.csv?raw';
import designEstimatesCsv from './reference/design-estimates.csv?raw';

describe('a design computed by hand', () => {
  // Stratum S1: cluster a = {w 1, y 1}, {w 1, y 0}; cluster b = {w 2, y 0}.
  // Stratum S2: a single cluster c = {w 2, y 1}, {w 2, y 1} (a "lonely" PSU).
  const design = new SurveyDesign({
    strata: ['S1', 'S1', 'S1', 'S2', 'S2'],
    clusters: ['a', 'a', 'b', 'c', 'c'],
    weights: [1, 1, 2, 2, 2],
  });
  const y = [1, 0, 0, 1, 1];
  const result = design.proportion(y);

  it('estimates the ratio Σwy / Σw', () => {
    // Σw = 8, Σwy = 1 + 2 + 2 = 5, p = 5/8.
    expect(result.estimate).toBe(0.625);
    expect(result.n).toBe(5);
  });

  it('linearises, sums by PSU and takes the with-replacement variance within strata', () => {
    // z_i = w_i (y_i − p) / Σw:  a: 1·0.375/8 + 1·(−0.625)/8 = −0.03125;  b: 2·(−0.625)/8 = −0.15625;
    // c: 2·2·0.375/8 = 0.1875 (the z sum to 0).
    // S1, 2 PSUs: mean −0.09375, deviations ±0.0625, 2/(2−1) · (0.0625² + 0.0625²) = 0.015625.
    // S2, 1 PSU ("adjust": centred at the grand mean 0): 0.1875² = 0.03515625.
    // Var = 0.05078125.
    expect(result.se).toBeCloseTo(Math.sqrt(0.05078125), 15);
  });

  it('gives the design effect against a simple random sample with replacement', () => {
    // Σw(y − p)² / Σw = p(1 − p) = 0.234375; over n − 1 = 4: 0.05859375; deff = 0.05078125 / 0.05859375 = 13/15.
    expect(result.deff).toBeCloseTo(13 / 15, 14);
  });

  it('builds the 95 % interval on the logit scale with t on PSUs − strata degrees of freedom', () => {
    // df = 3 PSUs − 2 strata = 1; t(0.975; 1) = 12.7062047361747 (R qt).
    expect(design.degreesOfFreedom).toBe(1);
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.7062047361747, 10);
    // logit(0.625) = ln(5/3); half-width = 12.7062… · √0.05078125 / 0.234375.
    const half = (12.7062047361747 * Math.sqrt(0.05078125)) / 0.234375;
    const expit = (x: number) => 1 / (1 + Math.exp(-x));
    expect(result.ciLow).toBeCloseTo(expit(Math.log(5 / 3) - half), 12);
    expect(result.ciHigh).toBeCloseTo(expit(Math.log(5 / 3) + half), 12);
  });

  it('keeps the whole design for a domain: absent PSUs count as zeros', () => {
    // Domain = the two children of cluster a only: p = 1/2, Σw = 2, z: a = 1·0.5/2 + 1·(−0.5)/2 = 0.
    // Every PSU total is 0, so the variance is 0 whatever the number of PSUs.
    expect(design.proportion(y, [true, true, false, false, false])).toMatchObject({ n: 2, estimate: 0.5, se: 0 });
    // Domain = children a1 and b: p = 1/3, Σw = 3; z_a = 1·(2/3)/3 = 2/9, z_b = 2·(−1/3)/3 = −2/9, z_c = 0.
    // S1: mean 0, 2 · (2 · (2/9)²) = 16/81; S2: 0. SE = 4/9.
    expect(design.proportion(y, [true, false, true, false, false]).se).toBeCloseTo(4 / 9, 15);
  });

  it('leaves out missing values (NaN) and zero weights, and returns an interval [p, p] at 0 or 1', () => {
    const none = design.proportion([0, Number.NaN, 0, 0, 0]);
    expect(none).toMatchObject({ n: 4, estimate: 0, se: 0, ciLow: 0, ciHigh: 0, deff: null });
    const zeroWeights = new SurveyDesign({ strata: ['s', 's'], clusters: ['1', '2'], weights: [0, 0] });
    expect(zeroWeights.proportion([1, 0]).estimate).toBeNull();
  });

  it('takes every child as its own PSU when there is a single cluster (anthro: ids = ~1)', () => {
    // 4 children, one stratum, weights 1: p = 1/2, z = ±1/8, Var = 4/3 · 4 · (1/8)² = 1/12.
    const single = new SurveyDesign({ strata: ['', '', '', ''], clusters: ['7', '7', '7', '7'], weights: [1, 1, 1, 1] });
    expect(single.degreesOfFreedom).toBe(3);
    expect(single.proportion([1, 1, 0, 0]).se).toBeCloseTo(Math.sqrt(1 / 12), 15);
  });
});

describe('a z-score mean computed by hand (anthro: svymean, confint with df = degf, svyvar)', () => {
  // One stratum, no cluster (every child its own PSU), weights 1; the 4th child has no z-score.
  const design = new SurveyDesign({ strata: ['', '', '', ''], clusters: null, weights: [1, 1, 1, 1] });
  const result = design.mean([-1, -2, 0, Number.NaN]);

  it('estimates the mean of the z-scores present and its linearised SE', () => {
    // Mean (−1 − 2 + 0)/3 = −1; z_i = (y_i + 1)/3 = 0, −1/3, 1/3 and 0 for the 4th PSU;
    // Var = 4/3 · (0 + 1/9 + 1/9 + 0) = 8/27 (R: SE 0.5443).
    expect(result).toMatchObject({ n: 3, estimate: -1 });
    expect(result.se).toBeCloseTo(Math.sqrt(8 / 27), 15);
  });

  it('gives a Student t interval on PSUs − strata degrees of freedom', () => {
    // df = 4 − 1 = 3, t(0.975; 3) = 3.18244630528371 (R qt); R confint: −2.732304 to 0.7323044.
    const half = 3.18244630528371 * Math.sqrt(8 / 27);
    expect(result.ciLow).toBeCloseTo(-1 - half, 12);
    expect(result.ciHigh).toBeCloseTo(-1 + half, 12);
    expect(result.ciLow).toBeCloseTo(-2.732304, 6);
  });

  it("gives svyvar's SD, whose n/(n − 1) counts the child without a z-score", () => {
    // Σw(y − ȳ)²/Σw = (0 + 1 + 1)/3 = 2/3; survey 4.1-1 multiplies by n/(n − 1) with n = 4
    // weighted children of the domain, not the 3 z-scores: 2/3 · 4/3 = 8/9 (R svyvar: 0.88889),
    // SD 0.9428 where the textbook sample SD would be 1.
    expect(result.sd).toBeCloseTo(Math.sqrt(8 / 9), 15);
    expect(design.mean([1, Number.NaN, Number.NaN, Number.NaN], [true, false, false, false])).toMatchObject({ n: 1, estimate: 1, se: 0, sd: null });
  });
});

interface Estimate { indicator: string; group: string; n: number; estimate: number; se: number; ci_low: number; ci_high: number; deff: number; df: number }

function readCsvObjects(text: string): Record<string, string>[] {
  const [header, ...records] = parseCsv(text);
  return records.map((record) => Object.fromEntries(header!.fields.map((name, i) => [name, record.fields[i] ?? ''])));
}

function denwEstimates(): Estimate[] {
  const data = readCsvObjects(designDataCsv);
  const design = new SurveyDesign({
    strata: data.map((row) => row.stratum!),
    clusters: data.map((row) => row.cluster!),
    weights: data.map((row) => Number(row.weight)),
  });
  const groups = ['All', ...[...new Set(data.map((row) => row.group!))].sort()];
  return ['y1', 'y2'].flatMap((indicator) => {
    const y = data.map((row) => (row[indicator] === '' ? Number.NaN : Number(row[indicator])));
    return groups.map((group) => {
      const domain = data.map((row) => group === 'All' || row.group === group);
      const r = design.proportion(y, domain);
      return { indicator, group, n: r.n, estimate: r.estimate!, se: r.se!, ci_low: r.ciLow!, ci_high: r.ciHigh!, deff: r.deff!, df: design.degreesOfFreedom };
    });
  });
}

function compare(reference: Record<string, string>[]) {
  const ours = denwEstimates();
  expect(ours).toHaveLength(reference.length);
  reference.forEach((row, i) => {
    const mine = ours[i]!;
    expect([mine.indicator, mine.group, mine.n, mine.df]).toEqual([row.indicator, row.group, Number(row.n), Number(row.df)]);
    // Proportions to 4 decimals in percent, i.e. 6 decimals as fractions; deff to 4 decimals.
    for (const column of ['estimate', 'se', 'ci_low', 'ci_high'] as const) {
      expect(Math.abs(mine[column] - Number(row[column])), `${row.indicator} ${row.group} ${column}`).toBeLessThan(5e-7);
    }
    expect(Math.abs(mine.deff - Number(row.deff)), `${row.indicator} ${row.group} deff`).toBeLessThan(5e-5);
  });
}

describe("agreement with R's survey package as anthro_prevalence calls it", () => {
  it('agrees with the committed output of reference/design-estimates.R (8 estimates)', () => {
    compare(readCsvObjects(designEstimatesCsv));
  });

  const script = fileURLToPath(new URL('./reference/design-estimates.R', import.meta.url));
  const data = fileURLToPath(new URL('./reference/design-data.csv', import.meta.url));
  let live = false;
  try {
    execFileSync('Rscript', ['-e', 'library(survey)'], { stdio: 'ignore', timeout: 60_000 });
    live = true;
  } catch {
    live = false;
  }
  it.runIf(live)('agrees with R run now (Rscript and the survey package are installed)', () => {
    compare(readCsvObjects(execFileSync('Rscript', [script, data], { encoding: 'utf8' })));
  }, 120_000);
});
