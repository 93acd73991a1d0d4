// The chart's standard lines against WHO's published "simplified field tables" of the Child
// Growth Standards (z-scores, to one decimal): weight-for-age girls and boys, length-for-age
// boys, weight-for-length boys (who.int/tools/child-growth-standards/standards).
import { describe, expect, it } from 'vitest';
import { growthCurves } from './curves.ts';
import { whoTables } from './testTables.ts';

const lines = (point: { sd3neg: number; sd2neg: number; sd0: number; sd2: number; sd3: number } | undefined) =>
  point && [point.sd3neg, point.sd2neg, point.sd0, point.sd2, point.sd3];
const expectOneDecimal = (actual: number[] | undefined, published: number[]) => actual!.forEach((value, i) => expect(value).toBeCloseTo(published[i]!, 1));

describe('WHO standard lines (−3, −2, 0, +2, +3 SD)', () => {
  it('weight-for-age, girls at birth: 2.0 2.4 3.2 4.2 4.8 kg', () => {
    const curves = growthCurves(whoTables, 'wfa', 2);
    expect([curves.xUnit, curves.points.length, curves.points[0]!.x]).toEqual(['days', 1827, 0]);
    expectOneDecimal(lines(curves.points[0]), [2.0, 2.4, 3.2, 4.2, 4.8]);
  });
  it('weight-for-age, boys at 12 months (day 365): 6.9 7.7 9.6 12.0 13.3 kg', () => {
    expectOneDecimal(lines(growthCurves(whoTables, 'wfa', 1).points[365]), [6.9, 7.7, 9.6, 12.0, 13.3]);
  });
  it('length-for-age, boys at birth: 44.2 46.1 49.9 53.7 55.6 cm', () => {
    expectOneDecimal(lines(growthCurves(whoTables, 'lhfa', 1).points[0]), [44.2, 46.1, 49.9, 53.7, 55.6]);
  });
  it('weight-for-length, boys at 45 cm: 1.9 2.0 2.4 3.0 3.3 kg, by 0.1 cm up to 110 cm', () => {
    const curves = growthCurves(whoTables, 'wfl', 1);
    expect([curves.xUnit, curves.points[0]!.x, curves.points[1]!.x, curves.points.at(-1)!.x]).toEqual(['cm', 45, 45.1, 110]);
    expectOneDecimal(lines(curves.points[0]), [1.9, 2.0, 2.4, 3.0, 3.3]);
  });
  it('the median line is M itself (boys at birth: M = 3.3464 kg, rounded to 3 decimals)', () => {
    expect(growthCurves(whoTables, 'wfa', 1).points[0]!.sd0).toBe(3.346);
  });
});
