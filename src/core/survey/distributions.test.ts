// Quantiles and tail probabilities against R 4.2 (values printed with 15 digits):
//   qt(0.975, c(1, 2, 5, 29, 500))
//   pchisq(c(3.84, 10, 0.5, 20), c(1, 9, 1, 12), lower.tail = FALSE)
import { describe, expect, it } from 'vitest';
import { chiSquaredUpper, studentTQuantile } from './distributions.ts';

describe("Student's t quantile (R qt)", () => {
  it.each([
    [1, 12.7062047361746941],
    [2, 4.3026527297494619],
    [5, 2.5705818356363137],
    [29, 2.0452296421327034],
    [500, 1.9647198374673673],
  ])('qt(0.975, %i)', (df, expected) => expect(studentTQuantile(0.975, df)).toBeCloseTo(expected, 10));
});

describe('upper tail of the chi-squared distribution (R pchisq, lower.tail = FALSE)', () => {
  it.each([
    [3.84, 1, 0.0500435212487052],
    [10, 9, 0.3504852123233614],
    [0.5, 1, 0.4795001221869535],
    [20, 12, 0.0670859628790318],
  ])('pchisq(%f, %i)', (x, df, expected) => expect(chiSquaredUpper(x, df)).toBeCloseTo(expected, 12));
});
