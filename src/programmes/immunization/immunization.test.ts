// The EPI indicators computed from a month's report, checked against the WHO definitions
// worked by hand (mali-facts.md §2.3) and against the survey dropout published for Mali.
import { describe, expect, it } from 'vitest';
import { indicatorOf } from '../testIndicators.ts';

// One health area, one month: doses by age group and sex, and the monthly targets.
const report = {
  'EPI_BCG.0-11M_F': 44,
  'EPI_BCG.0-11M_M': 46,
  'EPI_BCG.12-23M_F': 3,
  'EPI_OPV0.F': 30,
  'EPI_OPV0.M': 31,
  'EPI_PENTA1.0-11M_F': 40,
  'EPI_PENTA1.0-11M_M': 42,
  'EPI_PENTA1.12-23M_M': 4,
  'EPI_PENTA3.0-11M_F': 35,
  'EPI_PENTA3.0-11M_M': 36,
  'EPI_PENTA3.12-23M_F': 5,
  'EPI_MR1.0-11M_F': 33,
  'EPI_MR1.0-11M_M': 31,
  'EPI_MR2.12-23M_F': 20,
  'EPI_MR2.12-23M_M': 19,
  EPI_HPV: 12,
  EPI_TARGET_LIVE_BIRTHS: 100,
  EPI_TARGET_SURVIVING_INFANTS: 92,
  EPI_TARGET_GIRLS_10Y: 30,
};

describe('immunization indicators', () => {
  it('coverage counts doses given before 12 months over the target population (IMMZ.IND.02)', () => {
    expect(indicatorOf('EPI_COV_BCG', report)).toBeCloseTo((90 / 100) * 100, 10);
    expect(indicatorOf('EPI_COV_PENTA1', report)).toBeCloseTo((82 / 92) * 100, 10);
    expect(indicatorOf('EPI_COV_PENTA3', report)).toBeCloseTo((71 / 92) * 100, 10);
    expect(indicatorOf('EPI_COV_MR1', report)).toBeCloseTo((64 / 92) * 100, 10);
  });

  it('birth doses go over live births, MR2 over surviving infants, HPV over girls aged 10', () => {
    expect(indicatorOf('EPI_COV_OPV0', report)).toBeCloseTo(61, 10);
    expect(indicatorOf('EPI_COV_MR2', report)).toBeCloseTo((39 / 92) * 100, 10);
    expect(indicatorOf('EPI_COV_HPV', report)).toBeCloseTo(40, 10);
  });

  it('dropout is (Penta1 − later dose) ÷ Penta1 over every dose given (IMMZ.IND.35)', () => {
    expect(indicatorOf('EPI_DROPOUT_PENTA1_PENTA3', report)).toBeCloseTo(((86 - 76) / 86) * 100, 10);
    expect(indicatorOf('EPI_DROPOUT_PENTA1_MR1', report)).toBeCloseTo(((86 - 64) / 86) * 100, 10);
  });

  it('gives the published DHS 2018 dropout from the survey coverage: (82 − 71) ÷ 82 = 13.4 %', () => {
    const dropout = indicatorOf('EPI_DROPOUT_PENTA1_PENTA3', { 'EPI_PENTA1.0-11M_F': 82, 'EPI_PENTA3.0-11M_F': 71 });
    expect(dropout!.toFixed(1)).toBe('13.4');
  });

  it('negative dropout stays negative, for the data-quality flag to see it', () => {
    expect(indicatorOf('EPI_DROPOUT_PENTA1_PENTA3', { 'EPI_PENTA1.0-11M_F': 50, 'EPI_PENTA3.0-11M_F': 55 })).toBeCloseTo(-10, 10);
  });

  it('zero-dose children are surviving infants minus Penta1 before 12 months (WHO GHO 7792)', () => {
    expect(indicatorOf('EPI_ZERO_DOSE', report)).toBe(92 - 82);
  });
});
