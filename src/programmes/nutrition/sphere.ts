// The performance thresholds CMAM sites are judged against, as data: Sphere Handbook 2018,
// "Management of acute malnutrition and micronutrient deficiencies" standard 2.1 (moderate
// acute malnutrition) and standard 2.2 (severe acute malnutrition), key indicators, as
// mali-facts.md §3.2 records them (SAM: cured > 75 %, died < 10 %, defaulted < 15 %;
// MAM: cured > 75 %, died < 3 %, defaulted < 15 %). That file marks them as widely cited
// rather than read in the handbook itself: check them against the handbook before relying on
// them for a decision; changing a number here changes every verdict.
import type { PerformanceStandard } from '../../core/nutrition/sphere.ts';

/**
 * Below 10 exits in a month a single child moves a rate by more than 10 points — more than the
 * whole SAM death threshold — so a month is judged only from 10 exits. This minimum is Denw's
 * choice, not Sphere's (Sphere sets none); the rates are shown whatever the number.
 */
export const MINIMUM_EXITS = 10;

export type CmamProgramme = 'SAM' | 'MAM';

export const sphereStandards: Record<CmamProgramme, PerformanceStandard> = {
  SAM: {
    minimumExits: MINIMUM_EXITS,
    thresholds: [
      { indicator: 'cured', comparison: 'above', percent: 75 },
      { indicator: 'died', comparison: 'below', percent: 10 },
      { indicator: 'defaulted', comparison: 'below', percent: 15 },
    ],
  },
  MAM: {
    minimumExits: MINIMUM_EXITS,
    thresholds: [
      { indicator: 'cured', comparison: 'above', percent: 75 },
      { indicator: 'died', comparison: 'below', percent: 3 },
      { indicator: 'defaulted', comparison: 'below', percent: 15 },
    ],
  },
};
