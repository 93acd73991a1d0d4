import { describe, expect, it } from 'vitest';
import type { CurvePoint, Curves, Measurement } from './childrenApi.ts';
import { childPoints, curveIndicator, growthChartOption, visibleCurve } from './growthChart.ts';

const measurement = (date: string, ageDays: number | null, weightKg: number | null, lengthHeightCm: number | null): Measurement => ({
  id: date,
  date,
  ageDays,
  weightKg,
  lengthHeightCm,
  measure: 'l',
  muacMm: null,
  oedema: false,
  zwei: null,
  zlen: null,
  zwfl: null,
  zbmi: null,
  zac: null,
  fwei: null,
  flen: null,
  fwfl: null,
  fbmi: null,
  fac: null,
  classification: { wasting: null, stunting: null, underweight: null, acute: null },
});

/** A WHO table with one row per day from 0 to 1856 days (0–60 months, as the 2006 standards). */
const dailyCurves: Curves = {
  indicator: 'wfa',
  sex: 'F',
  xUnit: 'days',
  points: Array.from({ length: 1857 }, (_, x): CurvePoint => ({ x, sd3neg: 1, sd2neg: 2, sd0: 3, sd2: 4, sd3: 5 })),
};

describe('growth chart', () => {
  it('plots age in months of 30.4375 days, as WHO anthro counts them (222 days = 7.29 months)', () => {
    const [point] = childPoints('wfa', [measurement('2026-08-11', 222, 6.5, 62.9)]);
    expect(point![0]).toBeCloseTo(7.2936, 4);
    expect(point![1]).toBe(6.5);
  });

  it('plots weight against length for weight-for-length, in date order', () => {
    const points = childPoints('wfl', [measurement('2026-10-01', 270, 7.4, 66), measurement('2026-08-11', 222, 6.5, 62.9)]);
    expect(points).toEqual([
      [62.9, 6.5],
      [66, 7.4],
    ]);
  });

  it('leaves out a measurement without the values the chart needs', () => {
    expect(childPoints('lhfa', [measurement('2026-08-11', 222, 6.5, null)])).toEqual([]);
    expect(childPoints('wfa', [measurement('2026-08-11', null, 6.5, 62.9)])).toEqual([]);
  });

  it('uses weight-for-length before 731 days and weight-for-height from 731 days, as the WHO standards split them', () => {
    expect(curveIndicator('wflh', [measurement('2026-01-01', 730, 10, 80)])).toBe('wfl');
    expect(curveIndicator('wflh', [measurement('2026-01-01', 400, 9, 75), measurement('2026-06-01', 731, 10, 85)])).toBe('wfh');
    expect(curveIndicator('wfa', [measurement('2026-06-01', 731, 10, 85)])).toBe('wfa');
  });

  it('draws the WHO lines from birth to six months past the last point (at least one year), thinned but with both ends', () => {
    const young = visibleCurve(dailyCurves, [[2, 4]]);
    expect(young[0]!.xShown).toBe(0);
    // 12 months = 365.25 days: the last table day within the first year is day 365.
    expect(young.at(-1)!.x).toBe(365);
    expect(young.length).toBeLessThanOrEqual(301);
    const older = visibleCurve(dailyCurves, [[30, 12]]);
    // 36 months = 1095.75 days.
    expect(older.at(-1)!.x).toBe(1095);
  });

  it('draws the five WHO lines −3, −2, 0, +2, +3 and the child', () => {
    const option = growthChartOption(dailyCurves, [measurement('2026-08-11', 222, 6.5, 62.9)], {
      x: 'x',
      y: 'y',
      child: 'child',
      line: (sd) => `${sd} SD`,
      format: String,
    }) as { series: Array<{ name: string; data: number[][] }> };
    expect(option.series.map((series) => series.name)).toEqual(['+3 SD', '+2 SD', '0 SD', '−2 SD', '−3 SD', 'child']);
    expect(option.series[3]!.data[0]).toEqual([0, 2]);
    expect(option.series[5]!.data).toHaveLength(1);
  });
});
