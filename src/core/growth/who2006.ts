// Z-scores of the WHO Child Growth Standards 2006 (0 to 5 years), computed as WHO's own R
// package `anthro` computes them (anthro_zscores, R/z-score.R and R/z-score-*.R, version
// 1.1.0.9000, commit b776d8a), including its treatment of odd inputs. References:
//   WHO Multicentre Growth Reference Study Group (2006). WHO Child Growth Standards:
//   length/height-for-age, weight-for-age, weight-for-length, weight-for-height and body mass
//   index-for-age: methods and development. Geneva: WHO. (ch. 7: z-scores, restricted tails)
//   — (2007). WHO Child Growth Standards: head circumference-, arm circumference-, triceps
//   skinfold- and subscapular skinfold-for-age: methods and development. Geneva: WHO.
//
// Hot path: one call per child, no allocation when the caller passes `out` back in.
import { lmsZscore, lmsZscoreRestricted, roundHalfUp, roundR2 } from './lms.ts';
import type { LmsTable, Sex, WhoGrowthTables } from './tables.ts';

/** WHO anthro's `ANTHRO_DAYS_OF_MONTH`: days in an average month (365.25 / 12). */
export const daysPerMonth = 30.4375;

/** Recumbent length (`l`) or standing height (`h`), as WHO anthro's `measure`. */
export type Measure = 'l' | 'h';
/** A WHO flag: 1 when the z-score is outside WHO's plausible range, 0 inside, null without a z-score. */
export type Flag = 0 | 1 | null;

/** One child's measurements, in WHO anthro's units. `null` (or a non-finite number) is missing. */
export interface AnthroMeasurement {
  sex: Sex | null;
  /** Exact age in days, not rounded (anthro `age`). Negative is treated as missing. */
  ageDays: number | null;
  /** Age in months, used only when `ageDays` is missing (anthro `is_age_in_month = TRUE`). */
  ageMonths?: number | null;
  weightKg: number | null;
  /** Length or height as measured, cm, before the 0.7 cm adjustment. */
  lenheiCm: number | null;
  measure: Measure | null;
  /** Bilateral pitting oedema: weight-based z-scores are not computed (anthro `oedema = "y"`). */
  oedema: boolean;
  headcCm: number | null;
  muacCm: number | null;
  tricepsMm: number | null;
  subscapMm: number | null;
}

/** anthro_zscores' output columns, under WHO's names. */
export interface AnthroZscores {
  /** Length/height after the ±0.7 cm adjustment to the position the standard expects at that age. */
  clenhei: number | null;
  /** The position used: null when unknown, or when a standing height was given under 9 months. */
  cmeasure: Measure | null;
  /** 1 when a standing height was given for a child under 9 months (anthro `c9mo_flag`). */
  c9mo_flag: 0 | 1;
  /** weight / (clenhei / 100)², kg/m². */
  cbmi: number | null;
  zlen: number | null; flen: Flag;
  zwei: number | null; fwei: Flag;
  zwfl: number | null; fwfl: Flag;
  zbmi: number | null; fbmi: Flag;
  zhc: number | null; fhc: Flag;
  zac: number | null; fac: Flag;
  zts: number | null; fts: Flag;
  zss: number | null; fss: Flag;
}

export function emptyAnthroZscores(): AnthroZscores {
  return {
    clenhei: null, cmeasure: null, c9mo_flag: 0, cbmi: null,
    zlen: null, flen: null, zwei: null, fwei: null, zwfl: null, fwfl: null, zbmi: null, fbmi: null,
    zhc: null, fhc: null, zac: null, fac: null, zts: null, fts: null, zss: null, fss: null,
  };
}

/**
 * The anthro z-scores of one child (anthro_zscores with z_precision = 2). Never throws and
 * never returns NaN or ±Infinity: what WHO's code leaves NA, or cannot compute, is null.
 *
 * The rules, in anthro's order (source file in brackets):
 * - Age: the exact age in months (days / 30.4375) must be < 60 for any age-based score
 *   [z-score-helper.R `valid_age`]; the table row is the age in days rounded half up
 *   [utils.R `age_to_days`, `round_up`].
 * - A standing height under 9 months (age in months < 9) is "position unknown": cmeasure
 *   empty, c9mo_flag 1, no adjustment [z-score.R].
 * - Under 731 days a height gets +0.7 cm, from 731 days a length gets −0.7 cm; every
 *   age-based score and the BMI use this clenhei [z-score-helper.R `adjust_lenhei`].
 * - A measurement ≤ 0 gives no age-based score [z-score-helper.R `anthro_zscore_adjusted`].
 * - Length/height-for-age and head circumference use the plain LMS z; the other six the
 *   restricted z beyond ±3 SD [z-score-length-for-age.R, z-score-head-circumference-for-age.R].
 * - MUAC and skinfolds start at 91 days [z-score-arm-circumference-for-age.R …].
 * - Oedema: no weight-for-age, weight-for-length/height or BMI-for-age.
 * - Weight-for-length/height: see `weightForLenhei`.
 * - Scores are rounded with R's round(x, 2); flags come from the rounded score:
 *   |zlen| > 6; zwei < −6 or > 5; every other |z| > 5 [z-score.R documentation].
 */
export function anthroZscores(
  child: AnthroMeasurement,
  tables: WhoGrowthTables,
  out: AnthroZscores = emptyAnthroZscores(),
): AnthroZscores {
  const sex = child.sex === 1 || child.sex === 2 ? child.sex : 0;
  let ageDays = NaN;
  let ageMonths = NaN;
  if (isNonNegative(child.ageDays)) {
    ageDays = roundHalfUp(child.ageDays);
    ageMonths = child.ageDays / daysPerMonth;
  } else if (isNonNegative(child.ageMonths)) {
    ageDays = roundHalfUp(child.ageMonths * daysPerMonth);
    ageMonths = child.ageMonths;
  }
  const hasAge = ageDays === ageDays;
  // Age-based scores need a sex and an age under 60 months (unrounded).
  const scoredAge = sex !== 0 && ageMonths < 60 ? ageDays : NaN;

  let cmeasure = child.measure === 'l' || child.measure === 'h' ? child.measure : null;
  out.c9mo_flag = 0;
  if (cmeasure === 'h' && ageMonths < 9) {
    cmeasure = null;
    out.c9mo_flag = 1;
  }
  out.cmeasure = cmeasure;

  let clenhei = finiteOrNaN(child.lenheiCm);
  if (hasAge && cmeasure === 'h' && ageDays < 731) clenhei += 0.7;
  else if (hasAge && cmeasure === 'l' && ageDays >= 731) clenhei -= 0.7;
  out.clenhei = finiteOrNull(clenhei);

  const weight = finiteOrNaN(child.weightKg);
  const scaledLenhei = clenhei / 100;
  const cbmi = weight / (scaledLenhei * scaledLenhei);
  out.cbmi = finiteOrNull(cbmi);

  const weightScored = child.oedema === true ? NaN : weight;
  const bmiScored = child.oedema === true ? NaN : cbmi;

  out.zlen = finiteOrNull(ageZscore(tables.lhfa, sex, scoredAge, clenhei, false));
  out.flen = out.zlen === null ? null : Math.abs(out.zlen) > 6 ? 1 : 0;
  out.zwei = finiteOrNull(ageZscore(tables.wfa, sex, scoredAge, weightScored, true));
  out.fwei = out.zwei === null ? null : out.zwei < -6 || out.zwei > 5 ? 1 : 0;
  out.zwfl = finiteOrNull(weightForLenhei(tables, sex, hasAge, ageDays, ageMonths, cmeasure, clenhei, weightScored));
  out.fwfl = flag5(out.zwfl);
  out.zbmi = finiteOrNull(ageZscore(tables.bfa, sex, scoredAge, bmiScored, true));
  out.fbmi = flag5(out.zbmi);
  out.zhc = finiteOrNull(ageZscore(tables.hcfa, sex, scoredAge, finiteOrNaN(child.headcCm), false));
  out.fhc = flag5(out.zhc);
  out.zac = finiteOrNull(ageZscore(tables.acfa, sex, scoredAge, finiteOrNaN(child.muacCm), true));
  out.fac = flag5(out.zac);
  out.zts = finiteOrNull(ageZscore(tables.tsfa, sex, scoredAge, finiteOrNaN(child.tricepsMm), true));
  out.fts = flag5(out.zts);
  out.zss = finiteOrNull(ageZscore(tables.ssfa, sex, scoredAge, finiteOrNaN(child.subscapMm), true));
  out.fss = flag5(out.zss);
  return out;
}

/**
 * An age-based z-score, rounded: the table row of (sex, age in days); NaN when the age is
 * outside the table (MUAC and skinfolds start at 91 days) or the measurement is not > 0.
 */
function ageZscore(table: LmsTable, sex: 0 | Sex, ageDays: number, y: number, restricted: boolean): number {
  if (sex === 0 || !(y > 0) || !(ageDays >= table.firstKey && ageDays <= table.lastKey)) return NaN;
  const row = (sex - 1) * table.stride + ageDays - table.firstKey;
  const l = table.l[row]!;
  const m = table.m[row]!;
  const s = table.s[row]!;
  return roundR2(restricted ? lmsZscoreRestricted(y, l, m, s) : lmsZscore(y, l, m, s));
}

/**
 * Weight-for-length (45–110 cm) or weight-for-height (65–120 cm), as
 * R/z-score-weight-for-lenhei.R:
 * - the table is chosen by age, not by the position measured: length under 731 days,
 *   height from 731 days; with no age, by `measure`, and with neither, length below 87 cm;
 * - the valid range is checked on clenhei, and with an age it must be < 60 months — with no
 *   age at all the score is still computed (anthro's NA-age quirk, kept on purpose);
 * - between two 0.1 cm rows, L, M and S are interpolated linearly, with exactly anthro's
 *   arithmetic: low = trunc(10x)/10, high = trunc(10x + 1)/10, weight (x − low)/0.1;
 * - the weight is not checked for > 0: a weight of 0 gives a very negative, flagged score.
 */
function weightForLenhei(
  tables: WhoGrowthTables,
  sex: 0 | Sex,
  hasAge: boolean,
  ageDays: number,
  ageMonths: number,
  cmeasure: Measure | null,
  clenhei: number,
  weight: number,
): number {
  if (sex === 0 || weight !== weight || clenhei !== clenhei) return NaN;
  if (hasAge && !(ageMonths < 60)) return NaN;
  const useLength = hasAge ? ageDays < 731 : cmeasure !== null ? cmeasure === 'l' : clenhei < 87;
  if (useLength ? !(clenhei >= 45 && clenhei <= 110) : !(clenhei >= 65 && clenhei <= 120)) return NaN;
  const table = useLength ? tables.wfl : tables.wfh;
  const lowKey = Math.trunc(clenhei * 10);
  const fraction = (clenhei - lowKey / 10) / 0.1;
  const base = (sex - 1) * table.stride - table.firstKey;
  const low = base + lowKey;
  let l = table.l[low]!;
  let m = table.m[low]!;
  let s = table.s[low]!;
  if (fraction > 0) {
    const highKey = Math.trunc(clenhei * 10 + 1);
    if (highKey > table.lastKey) return NaN;
    const high = base + highKey;
    l += fraction * (table.l[high]! - l);
    m += fraction * (table.m[high]! - m);
    s += fraction * (table.s[high]! - s);
  }
  return roundR2(lmsZscoreRestricted(weight, l, m, s));
}

function flag5(z: number | null): Flag {
  return z === null ? null : Math.abs(z) > 5 ? 1 : 0;
}

function isNonNegative(x: number | null | undefined): x is number {
  return typeof x === 'number' && x >= 0 && x < Infinity;
}

function finiteOrNaN(x: number | null | undefined): number {
  return typeof x === 'number' && Number.isFinite(x) ? x : NaN;
}

function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}
