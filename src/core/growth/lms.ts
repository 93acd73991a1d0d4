// The LMS arithmetic shared by the WHO Child Growth Standards (2006) and the WHO Growth
// Reference (2007), written to give bit-for-bit the numbers of WHO's R packages `anthro`
// (R/z-score-helper.R, R/utils.R) and `anthroplus` (R/zscores.R).
//
// Source of the formulas: WHO Multicentre Growth Reference Study Group (2006), WHO Child
// Growth Standards: Methods and development, chapter 7 "Computation of centiles and
// z-scores", p. 301-304 (z from L, M, S; the restricted z beyond ±3 SD).

/**
 * The Box-Cox z-score of a measurement `y` (WHO 2006, ch. 7, p. 302):
 * z = ((y/M)^L − 1) / (S·L).
 * Used unchanged ("not restricted") for length/height-for-age and head
 * circumference-for-age, whose L is 1 (anthro `compute_zscore`).
 */
export function lmsZscore(y: number, l: number, m: number, s: number): number {
  return (rPow(y / m, l) - 1) / (s * l);
}

/** The measurement at `sd` standard deviations: SD(k) = M·(1 + L·S·k)^(1/L) (WHO 2006, p. 302). */
export function lmsCentile(k: number, l: number, m: number, s: number): number {
  return m * rPow(1 + l * s * k, 1 / l);
}

/**
 * The restricted z-score of WHO 2006 (ch. 7, p. 302, "z-scores beyond ±3 SD"), used for
 * every indicator whose L is not 1: weight-for-age, weight-for-length/height, BMI-for-age,
 * arm circumference and skinfolds (2006), weight-for-age and BMI-for-age (2007).
 * Beyond ±3 SD the distance is measured in units of the SD between 2 and 3 SD on that side,
 * so that the skewed tail is not stretched:
 *   z >  3: 3 + (y − SD3pos) / (SD3pos − SD2pos)
 *   z < −3: −3 + (y − SD3neg) / (SD2neg − SD3neg)
 * (anthro `compute_zscore_adjusted`, anthroplus via `anthro_api_compute_zscore_adjusted`).
 */
export function lmsZscoreRestricted(y: number, l: number, m: number, s: number): number {
  const z = lmsZscore(y, l, m, s);
  if (z > 3) {
    const sd3pos = lmsCentile(3, l, m, s);
    return 3 + (y - sd3pos) / (sd3pos - lmsCentile(2, l, m, s));
  }
  if (z < -3) {
    const sd3neg = lmsCentile(-3, l, m, s);
    return -3 + (y - sd3neg) / (lmsCentile(-2, l, m, s) - sd3neg);
  }
  return z;
}

/**
 * R's `^` (R_pow in src/main/arithmetic.c): exact special cases before the C library pow.
 * `x^2` is `x*x`, `1^y` and `x^0` are 1, and `0^y` is 0 or +Inf by the sign of y.
 * JavaScript's `**` agrees on all of these except that it has no `x*x` shortcut.
 * `x^1` is x exactly in IEEE 754 pow; it is short-cut here because L = 1 in the
 * length/height-for-age and head circumference tables, and pow costs ~40 ns.
 */
function rPow(x: number, y: number): number {
  if (y === 1) return x;
  if (y === 2) return x * x;
  return x ** y;
}

/**
 * R's `round(x, 2)` (R ≥ 4.0.0, src/nmath/fround.c, read in r-devel/r-svn): of the two
 * candidates floor(100x)/100 and ceil(100x)/100, the one nearer to x in double arithmetic;
 * when both distances are the same double, the one with an even last digit (so R's
 * round(5.015, 2) is 5.02 although 5.015 is stored as 5.01499…). So round(2.675, 2) = 2.67 (2.675 is stored
 * as 2.67499…) and round(0.125, 2) = 0.12. Every WHO z-score is rounded this way, and the
 * flags are computed from the rounded value.
 * Not finite in, not finite out: callers turn that into an empty z-score.
 */
export function roundR2(x: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const negative = x < 0;
  const a = negative ? -x : x;
  // R returns x unchanged when (logb(x) + 0.5)·log10(2) + 2 > 15 significant digits,
  // that is from logb(x) = 43 on.
  if (a >= 2 ** 43) return x;
  const x10 = a * 100;
  const i10 = Math.floor(x10);
  const down = i10 / 100;
  const up = Math.ceil(x10) / 100;
  const du = up - a;
  const dd = a - down;
  const rounded = du < dd || (du === dd && i10 % 2 === 1) ? up : down;
  return negative ? -rounded : rounded;
}

/**
 * anthro's `round_up` (R/utils.R): half up, for the non-negative ages in days used to pick
 * a table row (730.49 → 730, 730.5 → 731).
 */
export function roundHalfUp(x: number): number {
  const floor = Math.floor(x);
  return x - floor >= 0.5 ? floor + 1 : floor;
}
