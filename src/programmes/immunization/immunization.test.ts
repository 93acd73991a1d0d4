// The EPI indicators computed from a month's report, checked against the WHO definitions
// worked by hand (mali-facts.md §2.3) and against the survey dropout published for Mali.
import { describe, expect, it } from 'vitest';
import { indicatorOf } from '../testIndicators.ts';
import { immunization } from './index.ts';

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

describe('immunization validation rules', () => {
  const rules = new Map((immunization.metadata.validationRules ?? []).map((rule) => [rule.code, rule]));
  it('keeps every later dose at or below the first: Penta3, PCV3, Rota3, OPV3, IPV2, MR2 and MR1 (against Penta1)', () => {
    const pairs = [...rules.values()].map((rule) => [rule.leftSide.expression, rule.operator, rule.rightSide.expression]);
    expect(pairs).toEqual([
      ['#{EPI_PENTA3}', 'less_than_or_equal_to', '#{EPI_PENTA1}'],
      ['#{EPI_PCV3}', 'less_than_or_equal_to', '#{EPI_PCV1}'],
      ['#{EPI_ROTA3}', 'less_than_or_equal_to', '#{EPI_ROTA1}'],
      ['#{EPI_OPV3}', 'less_than_or_equal_to', '#{EPI_OPV1}'],
      ['#{EPI_IPV2}', 'less_than_or_equal_to', '#{EPI_IPV1}'],
      ['#{EPI_MR2}', 'less_than_or_equal_to', '#{EPI_MR1}'],
      ['#{EPI_MR1}', 'less_than_or_equal_to', '#{EPI_PENTA1}'],
    ]);
  });

  it('the MR1 ≤ Penta1 rule fires exactly when the Penta1→MR1 dropout turns negative', () => {
    // Penta1 50, MR1 55: (50 − 55) ÷ 50 = −10 %, the rule's left side (55) is above its right (50).
    expect(indicatorOf('EPI_DROPOUT_PENTA1_MR1', { 'EPI_PENTA1.0-11M_F': 50, 'EPI_MR1.0-11M_F': 55 })).toBeCloseTo(-10, 10);
    expect(rules.get('EPI_VR_MR1_LE_PENTA1')?.name).toBe('RR 1 ≤ Penta 1');
  });
});
