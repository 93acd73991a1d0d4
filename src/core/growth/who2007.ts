// Z-scores of the WHO Growth Reference 2007 (5 to 19 years), computed as WHO's R package
// `anthroplus` computes them (anthroplus_zscores, R/zscores.R, version 1.1.0.9000).
// Reference: de Onis M, Onyango AW, Borghi E, Siyam A, Nishida C, Siekmann J. Development of
// a WHO growth reference for school-aged children and adolescents. Bull World Health Organ
// 2007;85:660-667. The restricted z beyond ±3 SD is the 2006 standards' (see lms.ts).
import { lmsZscore, lmsZscoreRestricted, roundR2 } from './lms.ts';
import type { LmsTable, Sex, WhoGrowthTables } from './tables.ts';
import type { Flag } from './who2006.ts';

/** One school-age child or adolescent, in anthroplus's units. `null` is missing. */
export interface AnthroplusMeasurement {
  sex: Sex | null;
  /** Age in months, may be fractional. Negative is treated as missing. */
  ageMonths: number | null;
  weightKg: number | null;
  /** Standing height, cm (the 2007 reference has no length/height adjustment). */
  heightCm: number | null;
  /** Oedema: no weight-for-age or BMI-for-age z-score. */
  oedema: boolean;
}

/** anthroplus_zscores' output columns, under WHO's names. */
export interface AnthroplusZscores {
  /** weight / (height / 100)², kg/m². */
  cbmi: number | null;
  zhfa: number | null; fhfa: Flag;
  zwfa: number | null; fwfa: Flag;
  zbfa: number | null; fbfa: Flag;
}

export function emptyAnthroplusZscores(): AnthroplusZscores {
  return { cbmi: null, zhfa: null, fhfa: null, zwfa: null, fwfa: null, zbfa: null, fbfa: null };
}

/**
 * Upper age limits, exclusive, in months: height- and BMI-for-age are defined from 60 to
 * under 229 months, weight-for-age from 60 to under 121 months. anthroplus 1.1.0 (NEWS:
 * "Increased the upper age limit to 229 months exclusive from 228 months inclusive. Also the
 * upper age limit of 121 months for WFA is now exclusive"), which is why the shipped tables
 * have a row for month 229 (121 for weight-for-age): 228.5 months interpolates towards it.
 */
export const reference2007AgeLimits = { lowerMonths: 60, hfaBfaBelowMonths: 229, wfaBelowMonths: 121 } as const;

/**
 * The anthroplus z-scores of one child or adolescent (anthroplus_zscores, z_precision = 2).
 * Never throws, never NaN: what anthroplus leaves NA, or cannot compute, is null.
 * - L, M and S are interpolated linearly between the integer months around the age
 *   (anthroplus `zscore_indicator`: low = trunc(age), high = trunc(age + 1)).
 * - Height-for-age uses the plain LMS z (L = 1); weight- and BMI-for-age the restricted z.
 * - Unlike the 2006 standards, anthroplus does not drop measurements of 0: a height or
 *   weight of 0 gives a (flagged) score. Negative values are refused by anthroplus; here
 *   they give no score.
 * - Flags from the rounded score: |zhfa| > 6; zwfa < −6 or > 5; |zbfa| > 5.
 */
export function anthroplusZscores(
  child: AnthroplusMeasurement,
  tables: WhoGrowthTables,
  out: AnthroplusZscores = emptyAnthroplusZscores(),
): AnthroplusZscores {
  const sex = child.sex === 1 || child.sex === 2 ? child.sex : 0;
  const age = typeof child.ageMonths === 'number' && child.ageMonths >= 0 ? child.ageMonths : NaN;
  const weight = nonNegativeOrNaN(child.weightKg);
  const height = nonNegativeOrNaN(child.heightCm);
  const cbmi = weight / ((height / 100) * (height / 100));
  out.cbmi = Number.isFinite(cbmi) ? cbmi : null;
  const { lowerMonths, hfaBfaBelowMonths, wfaBelowMonths } = reference2007AgeLimits;
  const scored = sex !== 0 && age >= lowerMonths;

  out.zhfa = scored && age < hfaBfaBelowMonths ? monthZscore(tables.hfa2007, sex, age, height, false) : null;
  out.fhfa = out.zhfa === null ? null : Math.abs(out.zhfa) > 6 ? 1 : 0;
  const weightScored = scored && !child.oedema;
  out.zwfa = weightScored && age < wfaBelowMonths ? monthZscore(tables.wfa2007, sex, age, weight, true) : null;
  out.fwfa = out.zwfa === null ? null : out.zwfa < -6 || out.zwfa > 5 ? 1 : 0;
  out.zbfa = weightScored && age < hfaBfaBelowMonths ? monthZscore(tables.bfa2007, sex, age, cbmi, true) : null;
  out.fbfa = out.zbfa === null ? null : Math.abs(out.zbfa) > 5 ? 1 : 0;
  return out;
}

/** The rounded z-score at a (possibly fractional) age in months, or null. */
function monthZscore(table: LmsTable, sex: Sex, ageMonths: number, y: number, restricted: boolean): number | null {
  if (y !== y) return null;
  const lowAge = Math.trunc(ageMonths);
  const fraction = ageMonths - lowAge;
  if (lowAge < table.firstKey || lowAge > table.lastKey) return null;
  const base = (sex - 1) * table.stride - table.firstKey;
  let l = table.l[base + lowAge]!;
  let m = table.m[base + lowAge]!;
  let s = table.s[base + lowAge]!;
  if (fraction > 0) {
    const highAge = Math.trunc(ageMonths + 1);
    if (highAge > table.lastKey) return null;
    const high = base + highAge;
    l += fraction * (table.l[high]! - l);
    m += fraction * (table.m[high]! - m);
    s += fraction * (table.s[high]! - s);
  }
  const z = roundR2(restricted ? lmsZscoreRestricted(y, l, m, s) : lmsZscore(y, l, m, s));
  return Number.isFinite(z) ? z : null;
}

function nonNegativeOrNaN(x: number | null): number {
  return typeof x === 'number' && x >= 0 && x < Infinity ? x : NaN;
}
