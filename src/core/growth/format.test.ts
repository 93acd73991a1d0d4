import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSignificant15, formatZscore } from './format.ts';
import { roundR2 } from './lms.ts';

describe('formatZscore writes what String() writes, faster', () => {
  it('for every hundredth from -10,000 to 10,000', () => {
    for (let k = -1_000_000; k <= 1_000_000; k++) {
      const z = k / 100;
      if (formatZscore(z) !== String(z)) expect(formatZscore(z)).toBe(String(z));
    }
  });
  it('for any rounded value, and empty for null', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      const z = roundR2(x);
      expect(formatZscore(z)).toBe(String(z));
    }));
    expect(formatZscore(null)).toBe('');
    expect(formatZscore(-0)).toBe('0');
  });
});

describe("formatSignificant15 writes R's 15 significant digits", () => {
  const reference = (x: number) => String(Number(x.toPrecision(15)));
  it('drops the noise of 47.1 + 0.7 and keeps the digits of a BMI', () => {
    expect(formatSignificant15(47.1 + 0.7)).toBe('47.8');
    expect(formatSignificant15(9.5 / 0.75 ** 2)).toBe('16.8888888888889');
    expect(formatSignificant15(null)).toBe('');
  });
  it('agrees with String(Number(x.toPrecision(15))) on any double', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
      expect(formatSignificant15(x)).toBe(reference(x));
    }));
  });
  it('agrees next to multiples of 0.001, where its shortcut applies', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 999_999_999_999 }), fc.integer({ min: -2000, max: 2000 }), (thousandths, ulps) => {
        const base = thousandths / 1000;
        const x = base + ulps * Number.EPSILON * base;
        expect(formatSignificant15(x)).toBe(reference(x));
      }),
      { numRuns: 20000 },
    );
  });
});
