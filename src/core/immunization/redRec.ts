// RED/REC categorisation of a district (WHO "Reaching Every District" / "Reaching Every
// Community"): access judged by Penta1 coverage, utilisation by a dropout rate.
//
//   category 1: access good (coverage ≥ 80 %), utilisation good (dropout < 10 %) — no problem
//   category 2: access good,                    utilisation poor (dropout ≥ 10 %) — utilisation problem
//   category 3: access poor (coverage < 80 %),  utilisation good                  — access problem
//   category 4: access poor,                    utilisation poor                  — both
//
// Thresholds: WHO RED training handout 5.2.4a (dropout ≥ 10 % is a utilisation problem);
// category numbers as WHO's RED guide numbers them (mali-facts.md §2.3). Which dropout defines
// utilisation (Penta1→Penta3 or Penta1→MR1) differs between national guides, so it is given by
// the caller (the immunization package holds it as data).
//
// Data problems are never a success: coverage above 100 % (a denominator problem, mali-facts
// §1.2.2: Mali reported DTP1 107 % in 2022) and negative dropout (more later doses than first
// doses) make the district "inconsistent", with no category, when they touch the two values
// the category rests on; on other indicators they are flagged beside the category.

export type RedRecCategory = 1 | 2 | 3 | 4;
export type RedRecJudgement = 'good' | 'poor';
/** categorised: a category 1–4; inconsistent: data problems; incomplete: a value is missing. */
export type RedRecStatus = 'categorised' | 'inconsistent' | 'incomplete';
export type RedRecFlagKind = 'coverageOver100' | 'negativeDropout' | 'noCoverage' | 'noDropout';

export interface RedRecFlag {
  kind: RedRecFlagKind;
  /** The indicator the flag is about. */
  indicator: string;
  value: number | null;
}

export interface RedRecThresholds {
  /** Access is good from this Penta1 coverage (%) up: 80. */
  accessCoverage: number;
  /** Utilisation is poor from this dropout (%) up: 10. */
  dropout: number;
}

export const WHO_RED_REC_THRESHOLDS: RedRecThresholds = { accessCoverage: 80, dropout: 10 };

/** A district's indicator values, in percent; null where analytics has no value (no target, no Penta1). */
export interface RedRecValues {
  access: { indicator: string; value: number | null };
  utilisation: { indicator: string; value: number | null };
  /** Other coverages and dropouts shown beside, checked for the same data problems. */
  otherCoverages?: readonly { indicator: string; value: number | null }[];
  otherDropouts?: readonly { indicator: string; value: number | null }[];
}

export interface RedRecAssessment {
  status: RedRecStatus;
  category: RedRecCategory | null;
  access: RedRecJudgement | null;
  utilisation: RedRecJudgement | null;
  flags: RedRecFlag[];
}

// Indicator values come out of floating-point division ((82 − 73.8) ÷ 82 × 100 …): a district
// exactly on a threshold must not fall on the wrong side by one unit in the last place.
const TOLERANCE = 1e-9;
const atLeast = (value: number, threshold: number) => value >= threshold - TOLERANCE * Math.max(1, Math.abs(threshold));

function coverageFlags(indicator: string, value: number | null): RedRecFlag[] {
  return value !== null && value > 100 && !atLeast(100, value) ? [{ kind: 'coverageOver100', indicator, value }] : [];
}
function dropoutFlags(indicator: string, value: number | null): RedRecFlag[] {
  return value !== null && value < 0 && !atLeast(value, 0) ? [{ kind: 'negativeDropout', indicator, value }] : [];
}

export function classifyRedRec(values: RedRecValues, thresholds: RedRecThresholds = WHO_RED_REC_THRESHOLDS): RedRecAssessment {
  const { access, utilisation } = values;
  const ownFlags = [...coverageFlags(access.indicator, access.value), ...dropoutFlags(utilisation.indicator, utilisation.value)];
  const otherFlags = [
    ...(values.otherCoverages ?? []).flatMap((c) => coverageFlags(c.indicator, c.value)),
    ...(values.otherDropouts ?? []).flatMap((d) => dropoutFlags(d.indicator, d.value)),
  ];
  // Without Penta1 doses the dropout has no denominator; without a target, no coverage.
  const missing: RedRecFlag[] = [
    ...(access.value === null ? [{ kind: 'noCoverage' as const, indicator: access.indicator, value: null }] : []),
    ...(utilisation.value === null ? [{ kind: 'noDropout' as const, indicator: utilisation.indicator, value: null }] : []),
  ];
  const flags = [...ownFlags, ...missing, ...otherFlags];
  const accessJudgement = access.value === null || ownFlags.some((f) => f.indicator === access.indicator) ? null : atLeast(access.value, thresholds.accessCoverage) ? 'good' : 'poor';
  const utilisationJudgement =
    utilisation.value === null || ownFlags.some((f) => f.indicator === utilisation.indicator) ? null : atLeast(utilisation.value, thresholds.dropout) ? 'poor' : 'good';

  if (ownFlags.length > 0) return { status: 'inconsistent', category: null, access: accessJudgement, utilisation: utilisationJudgement, flags };
  if (accessJudgement === null || utilisationJudgement === null) return { status: 'incomplete', category: null, access: accessJudgement, utilisation: utilisationJudgement, flags };
  const category: RedRecCategory = accessJudgement === 'good' ? (utilisationJudgement === 'good' ? 1 : 2) : utilisationJudgement === 'good' ? 3 : 4;
  return { status: 'categorised', category, access: accessJudgement, utilisation: utilisationJudgement, flags };
}
