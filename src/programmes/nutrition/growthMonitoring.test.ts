// Growth monitoring's monthly cells and percentages, on hand-worked cases: age groups in
// completed months (days / 30.4375, WHO anthro), one count per class, percentages over the
// children classified.
import { describe, expect, it } from 'vitest';
import { indicatorOf } from '../testIndicators.ts';
import { growthMonitoringCells } from './growthMonitoring.ts';

describe('the cells a counted measurement adds 1 to', () => {
  it('a girl of 8 months with MAM, moderate stunting, normal weight-for-age', () => {
    expect(growthMonitoringCells({ ageDays: 245, sex: 'F', acute: 'MAM', stunting: 'moderate', underweight: 'normal' })).toEqual([
      { dataElement: 'NUT_GM_SCREENED', categoryOptionCombo: 'AGE_6-11M_F' },
      { dataElement: 'NUT_GM_ACUTE', categoryOptionCombo: 'MAM_AGE_6-11M_F' },
      { dataElement: 'NUT_GM_STUNTING', categoryOptionCombo: 'MODERATE_AGE_6-11M_F' },
      { dataElement: 'NUT_GM_UNDERWEIGHT', categoryOptionCombo: 'NORMAL_AGE_6-11M_F' },
    ]);
  });
  it('age groups at their edges: 182 days is 5.98 months (0–5), 183 is 6.01 (6–11), 365 is 11.99, 366 is 12.02, 730 is 23.98, 731 is 24.02, 1826 is 59.99, 1827 is beyond', () => {
    const group = (ageDays: number) => growthMonitoringCells({ ageDays, sex: 'M', acute: null, stunting: null, underweight: null })[0]?.categoryOptionCombo;
    expect([182, 183, 365, 366, 730, 731, 1826, 1827].map(group)).toEqual(['AGE_0-5M_M', 'AGE_6-11M_M', 'AGE_6-11M_M', 'AGE_12-23M_M', 'AGE_12-23M_M', 'AGE_24-59M_M', 'AGE_24-59M_M', undefined]);
  });
  it('an unclassified child (flagged z-score, or under 6 months for acute malnutrition) is screened only', () => {
    expect(growthMonitoringCells({ ageDays: 100, sex: 'M', acute: null, stunting: null, underweight: null })).toEqual([{ dataElement: 'NUT_GM_SCREENED', categoryOptionCombo: 'AGE_0-5M_M' }]);
  });
});

describe('percentages over the children classified', () => {
  const month = {
    'NUT_GM_ACUTE.SAM_AGE_6-11M_F': 2,
    'NUT_GM_ACUTE.SAM_AGE_24-59M_M': 1,
    'NUT_GM_ACUTE.MAM_AGE_12-23M_F': 5,
    'NUT_GM_ACUTE.NO_AM_AGE_12-23M_F': 40,
    'NUT_GM_ACUTE.NO_AM_AGE_24-59M_M': 52,
    'NUT_GM_STUNTING.SEVERE_AGE_0-5M_F': 1,
    'NUT_GM_STUNTING.MODERATE_AGE_12-23M_M': 4,
    'NUT_GM_STUNTING.NORMAL_AGE_12-23M_M': 15,
  };
  it('SAM 3 of 100 classified = 3 %, MAM 5 %', () => {
    expect(indicatorOf('NUT_GM_SAM_PCT', month)).toBeCloseTo(3, 10);
    expect(indicatorOf('NUT_GM_MAM_PCT', month)).toBeCloseTo(5, 10);
  });
  it('stunting counts severe and moderate: 5 of 20 = 25 %', () => {
    expect(indicatorOf('NUT_GM_STUNTING_PCT', month)).toBeCloseTo(25, 10);
  });
});
