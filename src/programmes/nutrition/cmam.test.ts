// The CMAM report's averages, exit definitions and consistency rules on months worked by hand.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../core/expression/evaluate.ts';
import { parseExpression } from '../../core/expression/parseExpression.ts';
import { isViolation } from '../../store/analytics/validationRun.ts';
import { indicatorOf } from '../testIndicators.ts';
import { CMAM_EXIT_DEFINITION, cmamExitOutcomes, cmamValidationRules, EXIT_DEFINITIONS, exitsExpression, SAM_UNITS, type ExitDefinition } from './cmam.ts';
import { nutrition } from './index.ts';

describe('average length of stay and weight gain (ratios of sums)', () => {
  // Site A: 2 cured in URENAS, stays 40 and 50 days. Site B (same month, added by analytics):
  // 8 cured, stays summing to 280 days. Mean over the 10 children = (90 + 280) / 10 = 37 days,
  // not the mean of the site means (45 + 35) / 2 = 40.
  const twoSites = {
    'NUT_CMAM_EXITS.URENAS_CURED': 2 + 8,
    'NUT_CMAM_CURED_DAYS.URENAS': 90 + 280,
  };
  it('length of stay is total days over total cured', () => {
    expect(indicatorOf('NUT_SAM_AVERAGE_LENGTH_OF_STAY', twoSites)).toBeCloseTo(37, 10);
  });

  it('URENI and URENAS both count for SAM; URENAM alone for MAM', () => {
    const month = {
      'NUT_CMAM_EXITS.URENI_CURED': 4,
      'NUT_CMAM_CURED_DAYS.URENI': 40, // 10 days each
      'NUT_CMAM_EXITS.URENAS_CURED': 6,
      'NUT_CMAM_CURED_DAYS.URENAS': 300, // 50 days each
      'NUT_CMAM_EXITS.URENAM_CURED': 5,
      'NUT_CMAM_CURED_DAYS.URENAM': 300,
    };
    expect(indicatorOf('NUT_SAM_AVERAGE_LENGTH_OF_STAY', month)).toBeCloseTo(340 / 10, 10);
    expect(indicatorOf('NUT_MAM_AVERAGE_LENGTH_OF_STAY', month)).toBeCloseTo(60, 10);
  });

  it('weight gain is grams gained over kg-days (minimum weight × days), in g/kg/day', () => {
    // Child 1: minimum 6.0 kg, discharged at 7.2 kg 40 days later: 1200 g / (6 × 40) = 5 g/kg/day.
    // Child 2: minimum 5.0 kg, discharged at 5.9 kg 20 days later: 900 g / (5 × 20) = 9 g/kg/day.
    // Pooled: (1200 + 900) / (240 + 100) = 2100 / 340 = 6.176… g/kg/day.
    const month = { 'NUT_CMAM_CURED_WEIGHT_GAIN_G.URENAS': 2100, 'NUT_CMAM_CURED_KG_DAYS.URENAS': 340 };
    expect(indicatorOf('NUT_SAM_AVERAGE_WEIGHT_GAIN', month)).toBeCloseTo(2100 / 340, 10);
  });

  it('no cured child means no average, not zero', () => {
    expect(indicatorOf('NUT_SAM_AVERAGE_LENGTH_OF_STAY', { 'NUT_CMAM_EXITS.URENAS_DIED': 1 })).toBeNull();
  });
});

describe('the exit definition', () => {
  it('is one of the documented definitions, and the SAM and MAM exit indicators use exactly its outcomes', () => {
    expect(Object.keys(EXIT_DEFINITIONS)).toContain(CMAM_EXIT_DEFINITION);
    const exits = nutrition.metadata.indicators!.find((i) => i.code === 'NUT_SAM_EXITS')!;
    const counted = [...exits.numerator.matchAll(/URENAS_([A-Z_]+)\}/g)].map((m) => m[1]);
    expect(counted.sort()).toEqual([...cmamExitOutcomes].sort());
    expect(exits.description).toContain(EXIT_DEFINITIONS[CMAM_EXIT_DEFINITION].text.fr);
  });

  it('counts a hand-worked month three ways: 120, 130 with transfers out, 134 with medical transfers too', () => {
    // URENAS: 80 cured, 3 died, 12 defaulted, 5 non-respondent, 10 transferred out;
    // URENI: 15 cured, 2 died, 1 defaulted, 2 non-respondent, 4 medical transfers.
    const month: Record<string, number> = {
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
    };
    const lookup = { dataItem: ({ dataElement, categoryOptionCombo }: { dataElement: string; categoryOptionCombo?: string }) => month[`${dataElement}.${categoryOptionCombo}`] };
    const total = (definition: ExitDefinition) => evaluate(parseExpression(exitsExpression(SAM_UNITS, definition)), lookup, 'SKIP_IF_ALL_VALUES_MISSING');
    expect(total('PROGRAMME')).toBe(100 + 20);
    expect(total('WITH_TRANSFERS_OUT')).toBe(130);
    expect(total('ALL_DISCHARGES')).toBe(134);
    // The package's cure rate uses its own definition: 95 cured of 120 under PROGRAMME.
    expect(indicatorOf('NUT_SAM_CURED_RATE', month)).toBeCloseTo((95 / Number(total(CMAM_EXIT_DEFINITION))) * 100, 10);
  });

  it('the three definitions nest: programme exits ⊂ with transfers out ⊂ all discharges', () => {
    expect(EXIT_DEFINITIONS.PROGRAMME.outcomes).toEqual(['CURED', 'DIED', 'DEFAULTED', 'NON_RESPONDENT']);
    expect(EXIT_DEFINITIONS.WITH_TRANSFERS_OUT.outcomes).toEqual([...EXIT_DEFINITIONS.PROGRAMME.outcomes, 'TRANSFER_OUT']);
    expect(EXIT_DEFINITIONS.ALL_DISCHARGES.outcomes).toEqual([...EXIT_DEFINITIONS.WITH_TRANSFERS_OUT.outcomes, 'MEDICAL_TRANSFER']);
  });
});

/** Whether a rule is violated for one site-month, evaluated as the validation run does. */
function violated(code: string, values: Readonly<Record<string, number>>): boolean {
  const rule = cmamValidationRules.find((r) => r.code === code)!;
  const lookup = {
    dataItem: ({ dataElement, categoryOptionCombo }: { dataElement: string; categoryOptionCombo?: string }) =>
      categoryOptionCombo === undefined ? values[dataElement] : values[`${dataElement}.${categoryOptionCombo}`],
  };
  const side = (expression: string) => {
    const value = evaluate(parseExpression(expression), lookup, 'SKIP_IF_ALL_VALUES_MISSING');
    return typeof value === 'number' ? value : undefined;
  };
  return isViolation(rule.operator, side(rule.leftSide.expression), side(rule.rightSide.expression));
}

describe('consistency rules', () => {
  it('RUTF closing stock must be opening + received − used − losses', () => {
    // 12 + 30 − 25 − 1 = 16 cartons.
    const stock = { NUT_RUTF_OPENING: 12, NUT_RUTF_RECEIVED: 30, NUT_RUTF_USED: 25, NUT_RUTF_LOSSES: 1, NUT_RUTF_CLOSING: 16 };
    expect(violated('NUT_VR_RUTF_STOCK_BALANCE', stock)).toBe(false);
    expect(violated('NUT_VR_RUTF_STOCK_BALANCE', { ...stock, NUT_RUTF_CLOSING: 17 })).toBe(true);
    expect(violated('NUT_VR_RUTF_STOCK_BALANCE', { ...stock, NUT_RUTF_LOSSES: 0 })).toBe(true);
  });

  it('exits of a unit, transfers included, cannot exceed its caseload at the start plus its admissions', () => {
    // Start 10, admissions 4 new + 1 transfer in = 15; exits 12 cured + 2 died + 1 transferred out = 15: allowed.
    const month = {
      'NUT_CMAM_IN_TREATMENT_START.URENAS': 10,
      'NUT_CMAM_ADMISSIONS.URENAS_NEW_CASE': 4,
      'NUT_CMAM_ADMISSIONS.URENAS_TRANSFER_IN': 1,
      'NUT_CMAM_EXITS.URENAS_CURED': 12,
      'NUT_CMAM_EXITS.URENAS_DIED': 2,
      'NUT_CMAM_EXITS.URENAS_TRANSFER_OUT': 1,
      // Another unit's figures do not count for URENAS.
      'NUT_CMAM_ADMISSIONS.URENI_NEW_CASE': 30,
    };
    expect(violated('NUT_VR_URENAS_EXITS_LE_CASELOAD', month)).toBe(false);
    expect(violated('NUT_VR_URENAS_EXITS_LE_CASELOAD', { ...month, 'NUT_CMAM_EXITS.URENAS_MEDICAL_TRANSFER': 1 })).toBe(true);
  });

  it('a MAM unit admits no child for oedema, whatever else it reports', () => {
    expect(violated('NUT_VR_URENAM_NO_OEDEMA', { 'NUT_CMAM_NEW_BY_CRITERION.URENAM_MUAC': 6, 'NUT_CMAM_NEW_BY_CRITERION.URENAM_OEDEMA': 0 })).toBe(false);
    expect(violated('NUT_VR_URENAM_NO_OEDEMA', { 'NUT_CMAM_NEW_BY_CRITERION.URENAM_OEDEMA': 1 })).toBe(true);
  });

  it('new admissions by criterion must add up to new admissions, per unit', () => {
    const month = { 'NUT_CMAM_ADMISSIONS.URENAM_NEW_CASE': 9, 'NUT_CMAM_NEW_BY_CRITERION.URENAM_MUAC': 6, 'NUT_CMAM_NEW_BY_CRITERION.URENAM_WHZ': 3 };
    expect(violated('NUT_VR_URENAM_CRITERIA_EQ_NEW', month)).toBe(false);
    expect(violated('NUT_VR_URENAM_CRITERIA_EQ_NEW', { ...month, 'NUT_CMAM_NEW_BY_CRITERION.URENAM_OEDEMA': 1 })).toBe(true);
  });
});
