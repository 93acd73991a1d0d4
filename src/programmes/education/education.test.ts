// Education indicators against the UIS definitions (mali-facts.md §4.1), with the published
// F1 enrolment ratios of 2019 (girls 74 %, boys 86 %, CPS Éducation, §1.7).
import { describe, expect, it } from 'vitest';
import { indicatorOf } from '../testIndicators.ts';

const census2019 = {
  'EDU_ENROLMENT.F1_F': 740,
  'EDU_ENROLMENT.F1_M': 860,
  'EDU_POP_OFFICIAL_AGE.F1_F': 1000,
  'EDU_POP_OFFICIAL_AGE.F1_M': 1000,
  'EDU_ENROLMENT_OFFICIAL_AGE.F1_F': 600,
  'EDU_ENROLMENT_OFFICIAL_AGE.F1_M': 650,
  'EDU_TEACHERS.F1_F': 10,
  'EDU_TEACHERS.F1_M': 30,
};

describe('education indicators', () => {
  it('GER is enrolment of any age over the official-age population, by sex and in total', () => {
    expect(indicatorOf('EDU_GER_F1_F', census2019)).toBeCloseTo(74, 10);
    expect(indicatorOf('EDU_GER_F1_M', census2019)).toBeCloseTo(86, 10);
    expect(indicatorOf('EDU_GER_F1', census2019)).toBeCloseTo(80, 10);
    expect(indicatorOf('EDU_NER_F1', census2019)).toBeCloseTo(62.5, 10);
  });

  it('adjusted GPI is F/M when girls are below: 74 / 86 = 0.86', () => {
    expect(indicatorOf('EDU_GPI_GER_F1', census2019)!.toFixed(2)).toBe('0.86');
  });

  it('adjusted GPI is 2 − M/F when girls are above, symmetric around parity (SDG 4.5.1)', () => {
    const girlsAhead = { ...census2019, 'EDU_ENROLMENT.F1_F': 900, 'EDU_ENROLMENT.F1_M': 600 };
    expect(indicatorOf('EDU_GPI_GER_F1', girlsAhead)).toBeCloseTo(2 - 60 / 90, 10);
  });

  it('pupil–teacher ratio is pupils over teachers', () => {
    expect(indicatorOf('EDU_PTR_F1', census2019)).toBeCloseTo(1600 / 40, 10);
  });
});
