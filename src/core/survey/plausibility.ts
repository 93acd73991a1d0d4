// SMART flags and the SMART plausibility check of an anthropometric survey.
//
// SMART flags (SMART Methodology manual 2.0, 2017; ENA for SMART): a z-score more than 3
// from the survey's own mean, mean ± 3 ("the plausibility check assigns SMART flags on data
// points that are ±3 z-scores from the mean of the survey population, not from the reference
// mean", smartmethodology.org forum "SMART flags"). The mean is taken over every computed
// z-score, as nutriverse/mwana `flag_outliers` does; a value exactly at mean ± 3 is kept.
//
// Plausibility check: the criteria, penalty points and overall categories of the SMART
// Plausibility Check for Anthropometry (ENA for SMART, 2020 version, plausibility report),
// with the statistics computed as the Nutrition Information Project's toolkit nipnTK
// computes them (github.com/nutriverse/nipnTK: sexRatioTest, ageRatioTest, digitPreference,
// skewKurt) and the points as nutriverse/mwana assigns them (R/quality_raters.R,
// R/quality_scorers.R):
//
//   criterion                     statistic                  excellent good  acceptable problematic
//   flagged WHZ (SMART), % (incl)  flagged / WHZ computed     ≤ 2.5     ≤ 5   ≤ 7.5      > 7.5      0/5/10/20
//   sex ratio (incl)              χ² p, boys = girls         > 0.1     > 0.05 > 0.001   ≤ 0.001    0/2/4/10
//   age ratio 6–29 / 30–59 (incl) χ² p, expected ratio 0.85  > 0.1     > 0.05 > 0.001   ≤ 0.001    0/2/4/10
//   digit preference weight,      DPS                        < 8       < 12  < 20       ≥ 20       0/2/4/10
//     height, MUAC (incl)
//   SD of WHZ (excl)              sample SD                  0.9–1.1   0.85–1.15 0.8–1.2 else      0/5/10/20
//                                                            (bounds excluded)
//   skewness, kurtosis of WHZ     |skewness|, |excess        < 0.2     < 0.4 < 0.6      ≥ 0.6      0/1/3/5
//     (excl)                        kurtosis|
//   Poisson distribution of       index of dispersion χ² p   > 0.05    > 0.01 > 0.001   ≤ 0.001    0/1/3/5
//     WHZ < −2 (excl)
//   overall score                 sum of points              0–9       10–14 15–24      ≥ 25
//
// "incl": SMART-flagged records included; "excl": WHZ with a SMART flag left out.
// Statistics:
// - sex and age ratio: R prop.test (one proportion, Yates' continuity correction), as
//   nipnTK; age in completed months (days / 30.4375, rounded down), children 6–59 months;
//   expected proportion aged 6–29 months 0.85 / 1.85.
// - DPS (digit preference score, WHO MONICA): the last digit of the value written with one
//   decimal (0.1 kg, 0.1 cm, and MUAC in cm → its mm digit), χ² against equal frequencies,
//   DPS = 100 √(χ² / (n · 9)), rounded to 2 decimals.
// - skewness √n Σd³ / (Σd²)^1.5 and excess kurtosis n Σd⁴ / (Σd²)² − 3 (nipnTK skewKurt).
// - index of dispersion of the number of WHZ < −2 cases per cluster: variance / mean;
//   (k − 1) · ID follows χ² with k − 1 degrees of freedom; p is the upper tail.
import { chiSquaredUpper } from './distributions.ts';
import type { SurveyChild } from './records.ts';
import { daysPerMonth } from '../growth/index.ts';

export type SmartFlag = 0 | 1 | null;

/** SMART flags of a list of z-scores (null = not computed). */
export function smartFlags(zscores: readonly (number | null)[]): { mean: number | null; flags: SmartFlag[] } {
  const present = zscores.filter((z): z is number => z !== null);
  if (present.length === 0) return { mean: null, flags: zscores.map(() => null) };
  const mean = present.reduce((sum, z) => sum + z, 0) / present.length;
  return { mean, flags: zscores.map((z) => (z === null ? null : z < mean - 3 || z > mean + 3 ? 1 : 0)) };
}

export type PlausibilityClass = 'excellent' | 'good' | 'acceptable' | 'problematic';
export const plausibilityClasses: readonly PlausibilityClass[] = ['excellent', 'good', 'acceptable', 'problematic'];

/** One line of the SMART scoring table: which class a statistic falls in, and its points. */
export interface PlausibilityCriterion {
  /** Points for excellent, good, acceptable, problematic. */
  points: readonly [number, number, number, number];
  /** The class of a statistic. */
  classOf: (value: number) => PlausibilityClass;
}

const byUpperBounds = (good: number, acceptable: number, problematic: number, inclusive: boolean) => (value: number): PlausibilityClass => {
  const below = (bound: number) => (inclusive ? value <= bound : value < bound);
  return below(good) ? 'excellent' : below(acceptable) ? 'good' : below(problematic) ? 'acceptable' : 'problematic';
};
const byPValue = (excellent: number, good: number, acceptable: number) => (p: number): PlausibilityClass =>
  p > excellent ? 'excellent' : p > good ? 'good' : p > acceptable ? 'acceptable' : 'problematic';

/** The SMART plausibility scoring table (see the header for its sources). */
export const smartPlausibilityCriteria = {
  flaggedWhz: { points: [0, 5, 10, 20], classOf: byUpperBounds(2.5, 5, 7.5, true) },
  sexRatio: { points: [0, 2, 4, 10], classOf: byPValue(0.1, 0.05, 0.001) },
  ageRatio: { points: [0, 2, 4, 10], classOf: byPValue(0.1, 0.05, 0.001) },
  digitPreferenceWeight: { points: [0, 2, 4, 10], classOf: byUpperBounds(8, 12, 20, false) },
  digitPreferenceHeight: { points: [0, 2, 4, 10], classOf: byUpperBounds(8, 12, 20, false) },
  digitPreferenceMuac: { points: [0, 2, 4, 10], classOf: byUpperBounds(8, 12, 20, false) },
  sdWhz: {
    points: [0, 5, 10, 20],
    classOf: (sd: number) => (sd > 0.9 && sd < 1.1 ? 'excellent' : sd > 0.85 && sd < 1.15 ? 'good' : sd > 0.8 && sd < 1.2 ? 'acceptable' : 'problematic'),
  },
  skewnessWhz: { points: [0, 1, 3, 5], classOf: (s: number) => byUpperBounds(0.2, 0.4, 0.6, false)(Math.abs(s)) },
  kurtosisWhz: { points: [0, 1, 3, 5], classOf: (k: number) => byUpperBounds(0.2, 0.4, 0.6, false)(Math.abs(k)) },
  poissonWhz: { points: [0, 1, 3, 5], classOf: byPValue(0.05, 0.01, 0.001) },
} as const satisfies Record<string, PlausibilityCriterion>;

export type PlausibilityCriterionName = keyof typeof smartPlausibilityCriteria;

/** Overall score → class: 0–9 excellent, 10–14 good, 15–24 acceptable, ≥ 25 problematic. */
export const overallPlausibilityClass = (score: number): PlausibilityClass =>
  score <= 9 ? 'excellent' : score <= 14 ? 'good' : score <= 24 ? 'acceptable' : 'problematic';

export interface PlausibilityLine {
  criterion: PlausibilityCriterionName;
  /** The statistic: %, ratio, DPS, SD, skewness, kurtosis or index of dispersion. */
  value: number | null;
  /** p-value of the test, for the ratio and dispersion tests. */
  p: number | null;
  /** Number of values the statistic rests on. */
  n: number;
  class: PlausibilityClass | null;
  points: number;
}

export interface PlausibilityReport {
  children: number;
  /** Missing values, % of children, by input. */
  missing: { sex: number; age: number; weight: number; height: number; muac: number };
  /** SMART flags: mean used, number and % flagged, by index. */
  smartFlags: Record<'whz' | 'haz' | 'waz', { mean: number | null; flagged: number; n: number; percent: number | null }>;
  /** WHZ without SMART flags: mean and SD. */
  whzMean: number | null;
  lines: PlausibilityLine[];
  score: number;
  class: PlausibilityClass;
}

/** R prop.test(x, n, p) for one proportion with Yates' correction: the p-value. */
export function proportionTestP(x: number, n: number, expected: number): number {
  const e1 = n * expected;
  const e2 = n * (1 - expected);
  const d = Math.abs(x - e1);
  const corrected = d - Math.min(0.5, d);
  return chiSquaredUpper((corrected * corrected) / e1 + (corrected * corrected) / e2, 1);
}

/** Digit preference score of values written with one decimal (nipnTK digitPreference, digits = 1). */
export function digitPreferenceScore(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const counts = new Array<number>(10).fill(0);
  for (const value of values) {
    const written = value.toFixed(1);
    counts[Number(written[written.length - 1])]! += 1;
  }
  const expected = values.length / 10;
  const chiSquared = counts.reduce((sum, count) => sum + ((count - expected) * (count - expected)) / expected, 0);
  return Math.round(100 * Math.sqrt(chiSquared / (values.length * 9)) * 100) / 100;
}

/** Skewness and excess kurtosis (nipnTK skewKurt). */
export function skewnessKurtosis(values: readonly number[]): { skewness: number; kurtosis: number } | null {
  const n = values.length;
  if (n < 3) return null;
  const mean = values.reduce((sum, x) => sum + x, 0) / n;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  for (const x of values) {
    const d = x - mean;
    s2 += d * d;
    s3 += d * d * d;
    s4 += d * d * d * d;
  }
  if (s2 === 0) return null;
  return { skewness: (Math.sqrt(n) * s3) / s2 ** 1.5, kurtosis: (n * s4) / (s2 * s2) - 3 };
}

/** Index of dispersion of counts (variance / mean) and its χ² upper-tail p-value. */
export function dispersionIndex(counts: readonly number[]): { index: number; p: number } | null {
  const k = counts.length;
  if (k < 2) return null;
  const mean = counts.reduce((sum, c) => sum + c, 0) / k;
  if (mean === 0) return null;
  const variance = counts.reduce((sum, c) => sum + (c - mean) * (c - mean), 0) / (k - 1);
  const index = variance / mean;
  return { index, p: chiSquaredUpper((k - 1) * index, k - 1) };
}

const sampleSd = (values: readonly number[]) => {
  if (values.length < 2) return null;
  const mean = values.reduce((sum, x) => sum + x, 0) / values.length;
  return Math.sqrt(values.reduce((sum, x) => sum + (x - mean) * (x - mean), 0) / (values.length - 1));
};

/** The plausibility report of a survey (clusters: the child's stratum and cluster). */
export function plausibilityReport(children: readonly SurveyChild[], clustered: boolean): PlausibilityReport {
  const n = children.length;
  const pct = (count: number, of: number) => (of === 0 ? null : (100 * count) / of);
  const whz = children.map((c) => c.zwfl);
  const flagsOf = (z: (number | null)[]) => {
    const { mean, flags } = smartFlags(z);
    const computed = z.filter((v) => v !== null).length;
    const flagged = flags.filter((f) => f === 1).length;
    return { mean, flags, summary: { mean, flagged, n: computed, percent: pct(flagged, computed) } };
  };
  const whzFlags = flagsOf(whz);
  const haz = flagsOf(children.map((c) => c.zlen));
  const waz = flagsOf(children.map((c) => c.zwei));
  const cleanWhz = whz.filter((z, i): z is number => z !== null && whzFlags.flags[i] === 0);

  const lines: PlausibilityLine[] = [];
  const add = (criterion: PlausibilityCriterionName, value: number | null, p: number | null, count: number, statistic: number | null = value) => {
    const rule: PlausibilityCriterion = smartPlausibilityCriteria[criterion];
    const cls = statistic === null ? null : rule.classOf(statistic);
    lines.push({ criterion, value, p, n: count, class: cls, points: cls === null ? 0 : rule.points[plausibilityClasses.indexOf(cls)]! });
  };
  add('flaggedWhz', whzFlags.summary.percent, null, whzFlags.summary.n);

  const boys = children.filter((c) => c.sex === 1).length;
  const girls = children.filter((c) => c.sex === 2).length;
  const sexP = boys + girls > 0 ? proportionTestP(boys, boys + girls, 0.5) : null;
  add('sexRatio', girls > 0 ? boys / girls : null, sexP, boys + girls, sexP);

  const months = children.flatMap((c) => (c.ageDays === null ? [] : [Math.floor(c.ageDays / daysPerMonth)]));
  const young = months.filter((m) => m >= 6 && m <= 29).length;
  const old = months.filter((m) => m >= 30 && m <= 59).length;
  const ageP = young + old > 0 ? proportionTestP(young, young + old, 0.85 / 1.85) : null;
  add('ageRatio', old > 0 ? young / old : null, ageP, young + old, ageP);

  const present = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
  const weights = present(children.map((c) => c.weightKg));
  const heights = present(children.map((c) => c.lenheiCm));
  const muacs = present(children.map((c) => c.muacCm));
  add('digitPreferenceWeight', digitPreferenceScore(weights), null, weights.length);
  add('digitPreferenceHeight', digitPreferenceScore(heights), null, heights.length);
  add('digitPreferenceMuac', digitPreferenceScore(muacs), null, muacs.length);

  add('sdWhz', sampleSd(cleanWhz), null, cleanWhz.length);
  const shape = skewnessKurtosis(cleanWhz);
  add('skewnessWhz', shape?.skewness ?? null, null, cleanWhz.length);
  add('kurtosisWhz', shape?.kurtosis ?? null, null, cleanWhz.length);

  let dispersion: { index: number; p: number } | null = null;
  let clusterCount = 0;
  if (clustered) {
    const cases = new Map<string, number>();
    children.forEach((c, i) => {
      if (c.cluster === null) return;
      const key = `${c.stratum ?? ''}\u0000${c.cluster}`;
      const z = whz[i];
      cases.set(key, (cases.get(key) ?? 0) + (z !== null && z !== undefined && whzFlags.flags[i] === 0 && z < -2 ? 1 : 0));
    });
    clusterCount = cases.size;
    dispersion = dispersionIndex([...cases.values()]);
  }
  add('poissonWhz', dispersion?.index ?? null, dispersion?.p ?? null, clusterCount, dispersion?.p ?? null);

  const score = lines.reduce((sum, line) => sum + line.points, 0);
  const missingPct = (isMissing: (c: SurveyChild) => boolean) => pct(children.filter(isMissing).length, n) ?? 0;
  return {
    children: n,
    missing: {
      sex: missingPct((c) => c.sex === null),
      age: missingPct((c) => c.ageDays === null),
      weight: missingPct((c) => c.weightKg === null),
      height: missingPct((c) => c.lenheiCm === null),
      muac: missingPct((c) => c.muacCm === null),
    },
    smartFlags: { whz: whzFlags.summary, haz: haz.summary, waz: waz.summary },
    whzMean: cleanWhz.length ? cleanWhz.reduce((s, z) => s + z, 0) / cleanWhz.length : null,
    lines,
    score,
    class: overallPlausibilityClass(score),
  };
}
