// The Sphere 2018 thresholds as mali-facts.md §3.2 gives them, written out once more by hand.
import { describe, expect, it } from 'vitest';
import { sphereStandards } from './sphere.ts';

describe('Sphere thresholds', () => {
  it('SAM: cured > 75 %, died < 10 %, defaulted < 15 %; MAM: cured > 75 %, died < 3 %, defaulted < 15 %', () => {
    const table = (programme: 'SAM' | 'MAM') => sphereStandards[programme].thresholds.map((t) => `${t.indicator} ${t.comparison === 'above' ? '>' : '<'} ${t.percent}`);
    expect(table('SAM')).toEqual(['cured > 75', 'died < 10', 'defaulted < 15']);
    expect(table('MAM')).toEqual(['cured > 75', 'died < 3', 'defaulted < 15']);
  });
});
