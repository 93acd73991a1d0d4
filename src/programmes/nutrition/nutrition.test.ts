// CMAM performance rates on a hand-worked month: rates over exits, exits without transfers
// (WFP indicator compendium after Sphere, mali-facts.md §3.2).
import { describe, expect, it } from 'vitest';
import { indicatorOf } from '../testIndicators.ts';

const month = {
  'NUT_CMAM_EXITS.URENAS_CURED': 80,
  'NUT_CMAM_EXITS.URENAS_DIED': 3,
  'NUT_CMAM_EXITS.URENAS_DEFAULTED': 12,
  'NUT_CMAM_EXITS.URENAS_NON_RESPONDENT': 5,
  'NUT_CMAM_EXITS.URENAS_TRANSFER_OUT': 10,
  'NUT_CMAM_EXITS.URENI_CURED': 15,
  'NUT_CMAM_EXITS.URENI_DIED': 2,
  'NUT_CMAM_EXITS.URENI_DEFAULTED': 1,
  'NUT_CMAM_EXITS.URENI_NON_RESPONDENT': 2,
  'NUT_CMAM_EXITS.URENI_MEDICAL_TRANSFER': 4,
  'NUT_CMAM_EXITS.URENAM_CURED': 45,
  'NUT_CMAM_EXITS.URENAM_DEFAULTED': 5,
  'NUT_CMAM_ADMISSIONS.URENAS_NEW_CASE': 90,
  'NUT_CMAM_ADMISSIONS.URENAS_RELAPSE': 4,
  'NUT_CMAM_ADMISSIONS.URENAS_READMISSION': 6,
  'NUT_CMAM_ADMISSIONS.URENAS_TRANSFER_IN': 7,
  'NUT_CMAM_ADMISSIONS.URENI_NEW_CASE': 11,
  'NUT_CMAM_ADMISSIONS.URENAM_NEW_CASE': 60,
};

describe('CMAM indicators', () => {
  it('SAM exits are cured + died + defaulted + non-respondent of URENI and URENAS, transfers excluded', () => {
    expect(indicatorOf('NUT_SAM_EXITS', month)).toBe(100 + 20);
  });

  it('SAM rates are each outcome over those exits, and add up to 100', () => {
    const rates = ['CURED', 'DIED', 'DEFAULTED', 'NON_RESPONDENT'].map((outcome) => indicatorOf(`NUT_SAM_${outcome}_RATE`, month)!);
    expect(rates[0]).toBeCloseTo((95 / 120) * 100, 10);
    expect(rates[1]).toBeCloseTo((5 / 120) * 100, 10);
    expect(rates[2]).toBeCloseTo((13 / 120) * 100, 10);
    expect(rates[3]).toBeCloseTo((7 / 120) * 100, 10);
    expect(rates.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
  });

  it('MAM rates use URENAM only', () => {
    expect(indicatorOf('NUT_MAM_CURED_RATE', month)).toBeCloseTo(90, 10);
    expect(indicatorOf('NUT_MAM_DEFAULTED_RATE', month)).toBeCloseTo(10, 10);
  });

  it('SAM admissions count new episodes: new cases and relapses, not readmissions or transfers', () => {
    expect(indicatorOf('NUT_SAM_ADMISSIONS', month)).toBe(90 + 4 + 11);
  });
});
