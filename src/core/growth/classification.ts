// Classifying one child's measurement (WHO z-scores, MUAC, oedema) into the nutritional
// classes of a protocol. The thresholds are data (src/programmes/nutrition/
// growthClassification.ts holds Mali's PCIMA and WHO's), so a change of the national protocol
// is an edit of that table, not of this code.
//
// Rules, for each scheme (acute malnutrition, wasting, stunting, underweight):
// - The scheme applies to an age range (PCIMA's acute malnutrition: 6–59 months); outside it,
//   or with no age, the class is null. Months are days / 30.4375, as WHO anthro counts them.
// - Classes are tried in order, most severe first; a class is given when any one of its
//   criteria holds ("oedema, or WHZ < −3, or MUAC < 115 mm"). Thresholds are strict: "below".
// - A z-score WHO flags as implausible (|WHZ| > 5, |HAZ| > 6, WAZ < −6 or > 5; anthro's flags)
//   is no evidence either way: no criterion holds on it, and a child who meets no other
//   criterion is unclassified (null), not "normal", since the value is more likely an error of
//   measure or entry than a fact (WHO excludes flagged values from prevalence for the same
//   reason: anthro_prevalence, and mali-facts.md §3.3). The measurement should be taken again.
// - Otherwise the class is 'normal' when at least one measure the scheme uses is known, and
//   null when none is (nothing was measured that the scheme reads).
import { daysPerMonth, type Flag } from './who2006.ts';

/** The values a criterion may read: WHO z-scores (2006 standards) and MUAC in millimetres. */
export type GrowthClassifiedMeasure = 'zwfl' | 'zlen' | 'zwei' | 'muacMm';

export type GrowthCriterion =
  | { oedema: true; source: string }
  | { measure: GrowthClassifiedMeasure; below: number; source: string };

export interface GrowthClassRule<C extends string> {
  class: C;
  /** The class is given when any of these holds. */
  anyOf: readonly GrowthCriterion[];
}

export interface GrowthClassificationScheme<C extends string> {
  /** Ages the scheme applies to, in months: from `from` (inclusive) to `below` (exclusive). */
  ageMonths: { from: number; below: number; source: string };
  /** Most severe first. */
  classes: readonly GrowthClassRule<C>[];
}

export type AcuteMalnutritionClass = 'SAM' | 'MAM';
export type SeverityClass = 'severe' | 'moderate';

export interface GrowthClassificationThresholds {
  /** Acute malnutrition as the CMAM protocol admits it: oedema, WHZ and MUAC. */
  acute: GrowthClassificationScheme<AcuteMalnutritionClass>;
  /** Wasting by weight-for-length/height (and oedema, which WHZ cannot measure). */
  wasting: GrowthClassificationScheme<AcuteMalnutritionClass>;
  /** Length/height-for-age. */
  stunting: GrowthClassificationScheme<SeverityClass>;
  /** Weight-for-age. */
  underweight: GrowthClassificationScheme<SeverityClass>;
}

export interface GrowthClassificationInput {
  ageDays: number | null;
  oedema: boolean;
  muacMm: number | null;
  zwfl: number | null; fwfl: Flag;
  zlen: number | null; flen: Flag;
  zwei: number | null; fwei: Flag;
}

export interface GrowthClassification {
  acute: AcuteMalnutritionClass | 'normal' | null;
  wasting: AcuteMalnutritionClass | 'normal' | null;
  stunting: SeverityClass | 'normal' | null;
  underweight: SeverityClass | 'normal' | null;
}

const flagOf = { zwfl: 'fwfl', zlen: 'flen', zwei: 'fwei' } as const;

/** The classes of one measurement under every scheme of `thresholds`. */
export function classifyGrowth(input: GrowthClassificationInput, thresholds: GrowthClassificationThresholds): GrowthClassification {
  return {
    acute: classify(input, thresholds.acute),
    wasting: classify(input, thresholds.wasting),
    stunting: classify(input, thresholds.stunting),
    underweight: classify(input, thresholds.underweight),
  };
}

/** One scheme's class (see the rules at the top of this file). */
export function classify<C extends string>(input: GrowthClassificationInput, scheme: GrowthClassificationScheme<C>): C | 'normal' | null {
  if (input.ageDays === null || !(input.ageDays >= 0)) return null;
  const months = input.ageDays / daysPerMonth;
  if (months < scheme.ageMonths.from || !(months < scheme.ageMonths.below)) return null;
  let known = false;
  let flagged = false;
  for (const rule of scheme.classes) {
    for (const criterion of rule.anyOf) {
      if ('oedema' in criterion) {
        if (input.oedema) return rule.class;
        continue;
      }
      const value = input[criterion.measure];
      if (value === null || !Number.isFinite(value)) continue;
      if (criterion.measure !== 'muacMm' && input[flagOf[criterion.measure]] === 1) {
        flagged = true;
        continue;
      }
      known = true;
      if (value < criterion.below) return rule.class;
    }
  }
  return flagged || !known ? null : 'normal';
}
