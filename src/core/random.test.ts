import { describe, expect, it } from 'vitest';
import { normalDeviate, seededRandom } from './random.ts';

describe('seeded random numbers', () => {
  it('repeat for the same seed and differ between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, seededRandom(seed));
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });
  it('are uniform in [0, 1): mean near 1/2 over many draws', () => {
    const random = seededRandom(42);
    const values = Array.from({ length: 100_000 }, random);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBeCloseTo(0.5, 2);
  });
  it('give standard normal deviates: mean 0, variance 1', () => {
    const random = seededRandom(7);
    const values = Array.from({ length: 100_000 }, () => normalDeviate(random));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length;
    expect(mean).toBeCloseTo(0, 1);
    expect(variance).toBeCloseTo(1, 1);
  });
});
