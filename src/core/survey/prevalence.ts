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
import { daysPerMonth } from '../growth/index.ts';
import { type ProportionEstimate, SurveyDesign } from './design.ts';
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

type Indicator = [code: string, value: (child: SurveyChild) => number];

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
/** MUAC indicators are defined for children 6–59 months. */
const muac = (child: SurveyChild, oedema: 0 | 1, test: (cm: number) => boolean) => {
  if (child.ageDays === null || child.ageDays / daysPerMonth < 6) return missing;
  if (child.oedema) return oedema;
  return child.muacCm === null ? missing : test(child.muacCm) ? 1 : 0;
};

export const indicators: readonly Indicator[] = [
  ...indices.flatMap(([prefix, z]) => cutoffs.map(([suffix, test]): Indicator => [prefix + suffix, (c) => indicatorOf(z(c), test)])),
  ['HA_2_WH_2', (c) => both(c, (wh) => wh < -2)],
  ['HA_2_WH2', (c) => both(c, (wh) => wh > 2)],
  ['WH_MAM', (c) => indicatorOf(withOedema(c, c.zwfl, c.fwfl), (z) => z >= -3 && z < -2)],
  ['MUAC_GAM', (c) => muac(c, 1, (cm) => cm < 12.5)],
  ['MUAC_SAM', (c) => muac(c, 1, (cm) => cm < 11.5)],
  ['MUAC_MAM', (c) => muac(c, 0, (cm) => cm >= 11.5 && cm < 12.5)],
];

const percent = (x: number | null) => (x === null ? null : x * 100);

/** The prevalence table: every indicator, for "All" then each group. */
export function surveyPrevalence(children: readonly SurveyChild[], options: PrevalenceOptions): PrevalenceResult {
  let excludedMissingDesign = 0;
  let excludedOver1826Days = 0;
  const analysed: SurveyChild[] = [];
  for (const child of children) {
    if (child.stratum === null || child.cluster === null) excludedMissingDesign += 1;
    else if (child.ageDays !== null && child.ageDays > 1826) excludedOver1826Days += 1;
    else analysed.push(child);
  }
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
    for (let i = 0; i < analysed.length; i++) y[i] = value(analysed[i]!);
    for (const [group, members] of domains) {
      const estimate: ProportionEstimate = design.proportion(y, members);
      rows.push({
        indicator, group, n: estimate.n,
        prevalence: percent(estimate.estimate), se: percent(estimate.se),
        ciLow: percent(estimate.ciLow), ciHigh: percent(estimate.ciHigh), deff: estimate.deff,
      });
    }
  }
  return {
    rows, included: analysed.length, excludedMissingDesign, excludedOver1826Days,
    missingWeight: analysed.filter((child) => child.weight === null).length,
    degreesOfFreedom: design.degreesOfFreedom,
  };
}

/** Numbers in numeric order ("2" before "10"), other values alphabetically. */
function compareValues(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  return Number.isFinite(x) && Number.isFinite(y) ? x - y : a.localeCompare(b, 'fr');
}
