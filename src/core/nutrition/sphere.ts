// Pass/fail of a CMAM site's month against performance standards such as Sphere's: each rate
// (cured, died, defaulted over total exits) compared with its threshold, strictly as Sphere
// writes them ("> 75 %", "< 10 %": exactly 75 % cured does not pass). The thresholds and the
// minimum number of exits are data (src/programmes/nutrition/sphere.ts); this is the rule.
//
// Comparisons are made on whole counts (100 × cured > 75 × exits), never on rounded or
// floating-point rates, so that an exit count landing exactly on a threshold is judged exactly.

export type PerformanceIndicator = 'cured' | 'died' | 'defaulted' | 'nonRespondent';

/** Counts of one site and month; `exits` is the total under the package's exit definition. */
export interface ExitCounts {
  exits: number;
  cured: number;
  died: number;
  defaulted: number;
  nonRespondent: number;
}

export interface Threshold {
  indicator: PerformanceIndicator;
  /** `above`: the rate must be strictly greater than `percent`; `below`: strictly less. */
  comparison: 'above' | 'below';
  percent: number;
}

export interface PerformanceStandard {
  thresholds: readonly Threshold[];
  /** Below this many exits in the month the verdict is `insufficient_data` (rates are still given). */
  minimumExits: number;
}

export type Verdict = 'pass' | 'fail' | 'insufficient_data';

export interface IndicatorResult {
  indicator: PerformanceIndicator;
  /** Percent of exits, unrounded; null when there are no exits. */
  rate: number | null;
  threshold: Threshold | null;
  /** Null for an indicator without a threshold (non-response in Sphere). */
  verdict: Verdict | null;
}

export interface PerformanceResult {
  exits: number;
  indicators: IndicatorResult[];
  /** `fail` if any threshold fails, `pass` if all pass, `insufficient_data` when exits are too few. */
  verdict: Verdict;
}

const INDICATORS: readonly PerformanceIndicator[] = ['cured', 'died', 'defaulted', 'nonRespondent'];

export function assessPerformance(counts: ExitCounts, standard: PerformanceStandard): PerformanceResult {
  const enough = counts.exits > 0 && counts.exits >= standard.minimumExits;
  const indicators = INDICATORS.map((indicator): IndicatorResult => {
    const count = counts[indicator];
    const rate = counts.exits > 0 ? (100 * count) / counts.exits : null;
    const threshold = standard.thresholds.find((t) => t.indicator === indicator) ?? null;
    if (!threshold) return { indicator, rate, threshold, verdict: null };
    if (!enough) return { indicator, rate, threshold, verdict: 'insufficient_data' };
    const scaled = 100 * count;
    const limit = threshold.percent * counts.exits;
    const passes = threshold.comparison === 'above' ? scaled > limit : scaled < limit;
    return { indicator, rate, threshold, verdict: passes ? 'pass' : 'fail' };
  });
  const judged = indicators.flatMap((result) => (result.verdict ? [result.verdict] : []));
  const verdict: Verdict = !enough ? 'insufficient_data' : judged.includes('fail') ? 'fail' : 'pass';
  return { exits: counts.exits, indicators, verdict };
}
