import { describe, expect, it } from 'vitest';
import { lmsZscore, lmsZscoreRestricted, roundHalfUp, roundR2 } from './lms.ts';

describe("roundR2 is R's round(x, 2) (R >= 4.0.0, src/nmath/fround.c)", () => {
  // The decimal literal is not the stored double: R rounds the stored value.
  it.each([
    [2.675, 2.67], // stored 2.67499999999999982236431605997495353221893310546875
    [0.285, 0.28], // stored 0.28499999999999997557509345824655611068010330200195
    [0.135, 0.14], // stored 0.13500000000000000888178419700125232338905334472656
    [-1.005, -1], // stored -1.00499999999999989341858963598497211933135986328125
  ])('round(%d, 2) = %d', (x, rounded) => expect(roundR2(x)).toBe(rounded));
  it.each([
    [0.125, 0.12],
    [0.375, 0.38],
    [-0.375, -0.38],
    [2.5, 2.5],
  ])('an exact tie %d goes to the even last digit: %d', (x, rounded) => expect(roundR2(x)).toBe(rounded));
  it('follows R, not exact decimal rounding, when both candidates are equally far in doubles', () => {
    // 5.015 is stored as 5.01499999…, but 5.02 − x and x − 5.01 are the same double, so
    // fround.c breaks the tie to the even last digit: R's round(5.015, 2) is 5.02.
    expect(roundR2(5.015)).toBe(5.02);
  });
  it('leaves NaN, infinities and 0 as they are', () => {
    expect(roundR2(NaN)).toBeNaN();
    expect(roundR2(Infinity)).toBe(Infinity);
    expect(roundR2(0)).toBe(0);
  });
});

describe("roundHalfUp is anthro's round_up (tests/testthat/test-utils.R)", () => {
  it.each([
    [730.49, 730],
    [730.5, 731],
    [73.5, 74],
    [0, 0],
  ])('%d days -> %d', (x, rounded) => expect(roundHalfUp(x)).toBe(rounded));
});

describe('LMS z-scores (WHO 2006, ch. 7)', () => {
  it('is 0 at the median and ±1 at M(1 ± S) when L = 1', () => {
    expect(lmsZscore(12, 1, 12, 0.1)).toBe(0);
    expect(lmsZscore(13.2, 1, 12, 0.1)).toBeCloseTo(1, 12);
    expect(lmsZscore(10.8, 1, 12, 0.1)).toBeCloseTo(-1, 12);
  });
  it('restricts only beyond ±3: inside, restricted and plain agree', () => {
    for (const y of [8, 9.5, 10, 11.5, 13]) expect(lmsZscoreRestricted(y, -0.35, 10, 0.09)).toBe(lmsZscore(y, -0.35, 10, 0.09));
  });
});
