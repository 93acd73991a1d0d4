// Prevalence of malnutrition in a survey, with design-based standard errors, 95 % intervals
// and design effects, as WHO's anthro_prevalence computes them (anthro R/prevalence.R,
// version 1.1.0.9000), by indicator and group.
//
// WHO's rules, reproduced here:
// - Children with a missing cluster or stratum, or older than 1826 days, are left out;
//   a missing sampling weight counts as 0 (the child is in no estimate).
// - A z-score with a WHO flag (flen, fwei, fwfl, fbmi = 1) is treated as missing.
// - A child with oedema has no weight-based z-score, but counts in the weight-based
//   indicators as a z-score of −3.1: in the denominators of all of them, in the numerators of
//   < −3, < −2 and < −1 (so WH_2 is GAM and WH_3 is SAM, oedema included).
// - Indicators (anthro's names): prefix HA (length/height-for-age), WA (weight-for-age), WH
//   (weight-for-length/height), BMI (BMI-for-age); suffix _3, _2, _1 (z < −3, −2, −1) and
//   1, 2, 3 (z > +1, +2, +3); HA_2_WH_2 (stunted and wasted) and HA_2_WH2 (stunted and
//   overweight), for children with both z-scores (the weight one may be oedema's −3.1).
// - Groups: "All", "Age group: 00-05 mo" … "48-59 mo" (age in months = days / 30.4375, cut
//   at 6, 12, 24, 36, 48, 60 months, left-closed), "Sex: Female", "Sex: Male"; every age
//   group and sex is listed even when empty (svyby drop.empty.groups = FALSE).
//
// Added by Denw (not in anthro, marked so in their names): WH_MAM (−3 ≤ WHZ < −2, no
// oedema); and for children 6–59 months, MUAC_GAM (MUAC < 12.5 cm or oedema), MUAC_SAM
// (MUAC < 11.5 cm or oedema), MUAC_MAM (11.5 ≤ MUAC < 12.5 cm, no oedema) — the WHO/UNICEF
// 2009 MUAC cut-offs used by SMART and Mali's PCIMA. Groups by stratum and by any column
// (`COLUMN: value`) follow anthro's "Other grouping" in the same format.
//
// SMART's acute malnutrition (SMART Methodology manual 2.0, 2017; ENA for SMART's report:
// "Prevalence of acute malnutrition based on weight-for-height z-scores (and/or oedema)"),
// beside anthro's WH_2/WH_MAM/WH_3, on the same design, groups and interval:
//   SMART_GAM  WHZ < −2 and/or oedema          children 6–59 months (as the MUAC indicators;
//   SMART_MAM  −3 ≤ WHZ < −2, no oedema        unknown age: not counted), WHZ with a SMART
//   SMART_SAM  WHZ < −3 and/or oedema          flag left out instead of WHO's flags.
// The SMART flags are plausibility.ts's `smartFlags` on the WHZ of every child of the file —
// the same call, so the flagged children are those of the plausibility report's first line.
// A child with oedema has no WHZ, hence no flag, and counts as a case (SAM, not MAM).
//
// anthro's z-score summary: the mean of HAZ, WAZ, WHZ and BAZ with its SE and 95 % interval,
// and the SD (anthro's HA_r, HA_se, HA_ll, HA_ul, HA_stdev …), by the same groups, on the
// z-scores with WHO flags and, for the weight-based ones, oedema left out ("for computing
// summary statistics for z-scores, the original z-score variables will be used", anthro
// R/prevalence.R). n is the number of z-scores a mean rests on (anthro's _unwpop counts
// the children with oedema in the weight-based denominators too).
import { daysPerMonth } from '../growth/index.ts';
import { type MeanEstimate, type ProportionEstimate, SurveyDesign } from './design.ts';
import { type SmartFlag, smartFlags } from './plausibility.ts';
import type { SurveyChild } from './records.ts';

export interface PrevalenceRow {
  indicator: string;
  group: string;
  n: number;
  /** Percentages (0–100), null when not estimable. */
  prevalence: number | null;
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  deff: number | null;
}

/** A z-score mean by group (anthro's `_r`, `_se`, `_ll`, `_ul`, `_stdev`); z-score units. */
export interface ZscoreSummaryRow {
  /** anthro's prefix: HA, WA, WH or BMI. */
  indicator: string;
  group: string;
  n: number;
  mean: number | null;
  se: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  sd: number | null;
}

export interface PrevalenceOptions {
  /** Label of the stratum groups (the strata column's name); no stratum groups when absent. */
  strataLabel?: string | undefined;
  /** Labels of the `groups` columns of the children. */
  byLabels?: readonly string[] | undefined;
  /** Whether the survey has a cluster column (anthro's default is one cluster). */
  clustered: boolean;
}

export interface PrevalenceResult {
  rows: PrevalenceRow[];
  /** Children analysed, and left out as anthro leaves them out. */
  included: number;
  excludedMissingDesign: number;
  excludedOver1826Days: number;
  /** Included children whose sampling weight was missing (counted as 0). */
  missingWeight: number;
  degreesOfFreedom: number;
  /** The SMART flags behind SMART_GAM/MAM/SAM: the observed WHZ mean they are centred on, and the analysed children 6–59 months whose WHZ they leave out. */
  smartFlags: { whzMean: number | null; excluded: number };
  zscoreSummary: ZscoreSummaryRow[];
}

export const ageGroups = ['00-05 mo', '06-11 mo', '12-23 mo', '24-35 mo', '36-47 mo', '48-59 mo'] as const;
const ageGroupBreaks = [0, 6, 12, 24, 36, 48, 60];

/** anthro_age_groups: the group of an exact age in months, or null (unknown, < 0 or ≥ 60). */
export function ageGroup(ageDays: number | null): string | null {
  if (ageDays === null) return null;
  const months = ageDays / daysPerMonth;
  for (let i = 0; i < ageGroups.length; i++) if (months >= ageGroupBreaks[i]! && months < ageGroupBreaks[i + 1]!) return ageGroups[i]!;
  return null;
}

/** The z-score with a WHO flag set to missing, as anthro does before any prevalence. */
const unflagged = (z: number | null, flag: 0 | 1 | null) => (z === null || flag === 1 ? null : z);

/** anthro's auxiliary weight-based z-score: −3.1 with oedema. */
const withOedema = (child: SurveyChild, z: number | null, flag: 0 | 1 | null) => (child.oedema ? -3.1 : unflagged(z, flag));

/** An indicator: 1, 0 or missing (NaN) for a child, given the SMART flag of its WHZ. */
type Indicator = [code: string, value: (child: SurveyChild, smartWhzFlag: SmartFlag) => number];

const missing = Number.NaN;
const indicatorOf = (z: number | null, test: (z: number) => boolean) => (z === null ? missing : test(z) ? 1 : 0);
const cutoffs: [suffix: string, test: (z: number) => boolean][] = [
  ['_3', (z) => z < -3], ['_2', (z) => z < -2], ['_1', (z) => z < -1],
  ['1', (z) => z > 1], ['2', (z) => z > 2], ['3', (z) => z > 3],
];
const indices: [prefix: string, z: (child: SurveyChild) => number | null][] = [
  ['HA', (c) => unflagged(c.zlen, c.flen)],
  ['WA', (c) => withOedema(c, c.zwei, c.fwei)],
  ['WH', (c) => withOedema(c, c.zwfl, c.fwfl)],
  ['BMI', (c) => withOedema(c, c.zbmi, c.fbmi)],
];
const both = (child: SurveyChild, test: (wh: number) => boolean) => {
  const ha = unflagged(child.zlen, child.flen);
  const wh = withOedema(child, child.zwfl, child.fwfl);
  return ha === null || wh === null ? missing : ha < -2 && test(wh) ? 1 : 0;
};
/** MUAC and SMART indicators are defined for children 6–59 months (older ones are left out before). */
const under6Months = (child: SurveyChild) => child.ageDays === null || child.ageDays / daysPerMonth < 6;
const muac = (child: SurveyChild, oedema: 0 | 1, test: (cm: number) => boolean) => {
  if (under6Months(child)) return missing;
  if (child.oedema) return oedema;
  return child.muacCm === null ? missing : test(child.muacCm) ? 1 : 0;
};
/** SMART: oedema is a case of GAM and SAM (not MAM); a WHZ with a SMART flag is missing. */
const smart = (child: SurveyChild, flag: SmartFlag, oedema: 0 | 1, test: (whz: number) => boolean) => {
  if (under6Months(child)) return missing;
  if (child.oedema) return oedema;
  return child.zwfl === null || flag !== 0 ? missing : test(child.zwfl) ? 1 : 0;
};

export const indicators: readonly Indicator[] = [
  ...indices.flatMap(([prefix, z]) => cutoffs.map(([suffix, test]): Indicator => [prefix + suffix, (c) => indicatorOf(z(c), test)])),
  ['HA_2_WH_2', (c) => both(c, (wh) => wh < -2)],
  ['HA_2_WH2', (c) => both(c, (wh) => wh > 2)],
  ['WH_MAM', (c) => indicatorOf(withOedema(c, c.zwfl, c.fwfl), (z) => z >= -3 && z < -2)],
  ['MUAC_GAM', (c) => muac(c, 1, (cm) => cm < 12.5)],
  ['MUAC_SAM', (c) => muac(c, 1, (cm) => cm < 11.5)],
  ['MUAC_MAM', (c) => muac(c, 0, (cm) => cm >= 11.5 && cm < 12.5)],
  ['SMART_GAM', (c, flag) => smart(c, flag, 1, (z) => z < -2)],
  ['SMART_MAM', (c, flag) => smart(c, flag, 0, (z) => z >= -3 && z < -2)],
  ['SMART_SAM', (c, flag) => smart(c, flag, 1, (z) => z < -3)],
];

/** The z-scores of anthro's summary: WHO-flagged ones and, for weight-based ones, oedema's left out. */
const summarised: [indicator: string, z: (child: SurveyChild) => number | null][] = [
  ['HA', (c) => unflagged(c.zlen, c.flen)],
  ['WA', (c) => (c.oedema ? null : unflagged(c.zwei, c.fwei))],
  ['WH', (c) => (c.oedema ? null : unflagged(c.zwfl, c.fwfl))],
  ['BMI', (c) => (c.oedema ? null : unflagged(c.zbmi, c.fbmi))],
];

const percent = (x: number | null) => (x === null ? null : x * 100);

/** The prevalence table: every indicator, for "All" then each group. */
export function surveyPrevalence(children: readonly SurveyChild[], options: PrevalenceOptions): PrevalenceResult {
  let excludedMissingDesign = 0;
  let excludedOver1826Days = 0;
  const analysed: SurveyChild[] = [];
  const { mean: whzMean, flags } = smartFlags(children.map((child) => child.zwfl));
  const smartWhzFlags: SmartFlag[] = [];
  children.forEach((child, i) => {
    if (child.stratum === null || child.cluster === null) excludedMissingDesign += 1;
    else if (child.ageDays !== null && child.ageDays > 1826) excludedOver1826Days += 1;
    else {
      analysed.push(child);
      smartWhzFlags.push(flags[i]!);
    }
  });
  const design = new SurveyDesign({
    strata: analysed.map((child) => child.stratum!),
    clusters: options.clustered ? analysed.map((child) => child.cluster!) : null,
    weights: analysed.map((child) => child.weight ?? 0),
  });
  const domains: [group: string, members: boolean[]][] = [['All', analysed.map(() => true)]];
  const ages = analysed.map((child) => ageGroup(child.ageDays));
  for (const group of ageGroups) domains.push([`Age group: ${group}`, ages.map((age) => age === group)]);
  for (const [sex, label] of [[2, 'Female'], [1, 'Male']] as const) domains.push([`Sex: ${label}`, analysed.map((child) => child.sex === sex)]);
  const byColumn = (label: string, value: (child: SurveyChild) => string) => {
    const values = [...new Set(analysed.map(value))].filter((v) => v !== '').sort(compareValues);
    for (const v of values) domains.push([`${label}: ${v}`, analysed.map((child) => value(child) === v)]);
  };
  if (options.strataLabel) byColumn(options.strataLabel, (child) => child.stratum!);
  (options.byLabels ?? []).forEach((label, i) => byColumn(label, (child) => child.groups[i] ?? ''));

  const rows: PrevalenceRow[] = [];
  const y = new Float64Array(analysed.length);
  for (const [indicator, value] of indicators) {
    for (let i = 0; i < analysed.length; i++) y[i] = value(analysed[i]!, smartWhzFlags[i]!);
    for (const [group, members] of domains) {
      const estimate: ProportionEstimate = design.proportion(y, members);
      rows.push({
        indicator, group, n: estimate.n,
        prevalence: percent(estimate.estimate), se: percent(estimate.se),
        ciLow: percent(estimate.ciLow), ciHigh: percent(estimate.ciHigh), deff: estimate.deff,
      });
    }
  }
  const zscoreSummary: ZscoreSummaryRow[] = [];
  for (const [indicator, z] of summarised) {
    for (let i = 0; i < analysed.length; i++) y[i] = z(analysed[i]!) ?? missing;
    for (const [group, members] of domains) {
      const { n, estimate, se, ciLow, ciHigh, sd }: MeanEstimate = design.mean(y, members);
      zscoreSummary.push({ indicator, group, n, mean: estimate, se, ciLow, ciHigh, sd });
    }
  }
  return {
    rows, included: analysed.length, excludedMissingDesign, excludedOver1826Days,
    missingWeight: analysed.filter((child) => child.weight === null).length,
    degreesOfFreedom: design.degreesOfFreedom,
    smartFlags: {
      whzMean,
      excluded: analysed.filter((child, i) => smartWhzFlags[i] === 1 && !child.oedema && !under6Months(child)).length,
    },
    zscoreSummary,
  };
}

/** Numbers in numeric order ("2" before "10"), other values alphabetically. */
function compareValues(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  return Number.isFinite(x) && Number.isFinite(y) ? x - y : a.localeCompare(b, 'fr');
}
