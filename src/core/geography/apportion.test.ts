import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion } from './apportion.ts';

describe('apportion (largest remainder)', () => {
  it('splits 10 in the ratio 1:1:1 as 4, 3, 3 (the tie goes to the first unit)', () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });

  it('gives every whole quota unchanged', () => {
    expect(apportion(300, [1, 2, 3])).toEqual([50, 100, 150]);
  });

  it('gives the leftover person to the largest remainder', () => {
    // Quotas 100 × (0.25, 0.355, 0.395) = 25, 35.5, 39.5: one person left, the tie goes to the first.
    expect(apportion(100, [250, 355, 395])).toEqual([25, 36, 39]);
  });

  it('rejects impossible input', () => {
    expect(() => apportion(10, [0, 0])).toThrow(RangeError);
    expect(() => apportion(-1, [1])).toThrow(RangeError);
    expect(() => apportion(1.5, [1])).toThrow(RangeError);
    expect(() => apportion(10, [1, -1])).toThrow(RangeError);
  });

  const cases = fc.record({
    total: fc.integer({ min: 0, max: 50_000_000 }),
    weights: fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 1, maxLength: 60 }),
  }).filter(({ weights }) => weights.some((w) => w > 0));

  it('property: the parts are whole numbers that add up exactly to the total', () => {
    fc.assert(
      fc.property(cases, ({ total, weights }) => {
        const parts = apportion(total, weights);
        expect(parts.every(Number.isInteger)).toBe(true);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      }),
    );
  });

  it('property: each part is its exact quota rounded down or up, and a zero weight gets nothing', () => {
    fc.assert(
      fc.property(cases, ({ total, weights }) => {
        const sum = weights.reduce((a, b) => a + b, 0);
        apportion(total, weights).forEach((part, i) => {
          const quota = (total * (weights[i] ?? 0)) / sum;
          expect(part).toBeGreaterThanOrEqual(Math.floor(quota));
          expect(part).toBeLessThanOrEqual(Math.floor(quota) + 1);
          if (weights[i] === 0) expect(part).toBe(0);
        });
      }),
    );
  });
});
