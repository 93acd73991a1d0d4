// Pass/fail against the Sphere 2018 thresholds (SAM: cured > 75 %, died < 10 %, defaulted < 15 %;
// MAM: died < 3 %), on months counted by hand, with the exact-threshold edges.
import { describe, expect, it } from 'vitest';
import { assessPerformance, type ExitCounts, type PerformanceStandard } from './sphere.ts';

const sam: PerformanceStandard = {
  minimumExits: 10,
  thresholds: [
    { indicator: 'cured', comparison: 'above', percent: 75 },
    { indicator: 'died', comparison: 'below', percent: 10 },
    { indicator: 'defaulted', comparison: 'below', percent: 15 },
  ],
};
const mam: PerformanceStandard = { ...sam, thresholds: sam.thresholds.map((t) => (t.indicator === 'died' ? { ...t, percent: 3 } : t)) };

const month = (cured: number, died: number, defaulted: number, nonRespondent: number): ExitCounts => ({
  exits: cured + died + defaulted + nonRespondent,
  cured,
  died,
  defaulted,
  nonRespondent,
});
const verdicts = (counts: ExitCounts, standard = sam) => Object.fromEntries(assessPerformance(counts, standard).indicators.map((r) => [r.indicator, r.verdict]));

describe('Sphere pass/fail for one site and month', () => {
  it('a good month passes every threshold: 85 cured, 3 died, 10 defaulted, 2 non-respondent of 100', () => {
    const result = assessPerformance(month(85, 3, 10, 2), sam);
    expect(result.verdict).toBe('pass');
    expect(result.indicators.map((r) => [r.indicator, r.rate, r.verdict])).toEqual([
      ['cured', 85, 'pass'],
      ['died', 3, 'pass'],
      ['defaulted', 10, 'pass'],
      ['nonRespondent', 2, null], // Sphere sets no non-response threshold
    ]);
  });

  it('exactly 75 % cured fails ("> 75 %"), 76 % passes', () => {
    expect(verdicts(month(75, 5, 10, 10)).cured).toBe('fail'); // 75/100
    expect(verdicts(month(76, 5, 10, 9)).cured).toBe('pass'); // 76/100
    // 3 of 4 is 75 % too, whatever the size: 30 of 40.
    expect(verdicts(month(30, 2, 5, 3)).cured).toBe('fail');
  });

  it('exactly 10 % died fails for SAM ("< 10 %"), 9 % passes', () => {
    expect(verdicts(month(80, 10, 5, 5)).died).toBe('fail'); // 10/100
    expect(verdicts(month(81, 9, 5, 5)).died).toBe('pass'); // 9/100
  });

  it('exactly 15 % defaulted fails, 14 % passes; 3 of 20 is 15 % exactly', () => {
    expect(verdicts(month(80, 5, 15, 0)).defaulted).toBe('fail');
    expect(verdicts(month(81, 5, 14, 0)).defaulted).toBe('pass');
    expect(verdicts(month(16, 1, 3, 0)).defaulted).toBe('fail'); // 3/20
  });

  it('judges the threshold on counts, whatever the size of the month: 7 died of 70 and 30 of 1000 sit exactly on it', () => {
    expect(verdicts(month(60, 7, 3, 0)).died).toBe('fail');
    // 29 died of 1000 (2.9 %) passes the MAM death threshold, 30 of 1000 (3 %) does not.
    expect(verdicts(month(900, 29, 71, 0), mam).died).toBe('pass');
    expect(verdicts(month(900, 30, 70, 0), mam).died).toBe('fail');
  });

  it('a month fails when any threshold fails: 78 cured and 12 died of 100', () => {
    const result = assessPerformance(month(78, 12, 5, 5), sam);
    expect(result.verdict).toBe('fail');
    expect(verdicts(month(78, 12, 5, 5))).toEqual({ cured: 'pass', died: 'fail', defaulted: 'pass', nonRespondent: null });
  });

  it('MAM is stricter on deaths: 5 % died passes for SAM, fails for MAM', () => {
    expect(assessPerformance(month(85, 5, 10, 0), sam).verdict).toBe('pass');
    expect(assessPerformance(month(85, 5, 10, 0), mam).verdict).toBe('fail');
  });

  it('no exits: no rates and insufficient data', () => {
    const result = assessPerformance(month(0, 0, 0, 0), sam);
    expect(result.verdict).toBe('insufficient_data');
    expect(result.indicators.every((r) => r.rate === null)).toBe(true);
  });

  it('fewer exits than the minimum: rates given, verdict insufficient data; the minimum itself is judged', () => {
    const nine = assessPerformance(month(9, 0, 0, 0), sam); // 100 % cured of 9
    expect(nine.verdict).toBe('insufficient_data');
    expect(nine.indicators[0]).toMatchObject({ rate: 100, verdict: 'insufficient_data' });
    expect(nine.indicators[3]!.verdict).toBeNull();
    expect(assessPerformance(month(10, 0, 0, 0), sam).verdict).toBe('pass'); // 10 exits: judged
  });
});
