// Validation-rule runs on hand-made data where every violation is worked out below: each
// operator, the pairs, the missing-value strategies, organisationUnitLevels, period types.
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/engines.ts';
import { insertFixtures } from '../testing/fixtures.ts';
import { isViolation, runValidation } from './validationRun.ts';

// January 2024 (Penta by sex; STAFF default):
//   FAC_KAYES_1: PENTA1 F 10, M 8 (18); PENTA3 F 15, M 5 (20)  → R_PENTA3_LE_PENTA1 violated: 20 > 18
//   FAC_KAYES_2: PENTA1 F 5 only                              → R_PENTA1_SEX_PAIR violated (F without M)
//                PENTA3 M 2                                    → 2 <= 5: no violation
//   FAC_SEGOU_1: STAFF 3 and RUTF_STOCK 40                      → R_STAFF_XOR_STOCK violated (both)
//   FAC_SEGOU_CLOSED: nothing                                  → R_PENTA3_REPORTED (NEVER_SKIP: 0 >= 1 false) violated
// Cercle-level quarterly rule R_CERCLE_Q_MIN (PENTA1 >= 30 per quarter, level 3):
//   ML0101: 18 + 5 = 23 → violated; ML0406: nothing → skipped (SKIP_IF_ALL_VALUES_MISSING).
const VALUES: Array<[string, string, string, number]> = [
  ['PENTA1', 'FAC_KAYES_1', 'F', 10],
  ['PENTA1', 'FAC_KAYES_1', 'M', 8],
  ['PENTA3', 'FAC_KAYES_1', 'F', 15],
  ['PENTA3', 'FAC_KAYES_1', 'M', 5],
  ['PENTA1', 'FAC_KAYES_2', 'F', 5],
  ['PENTA3', 'FAC_KAYES_2', 'M', 2],
  ['STAFF', 'FAC_SEGOU_1', 'default', 3],
  ['RUTF_STOCK', 'FAC_SEGOU_1', 'default', 40],
];

const RULES = [
  ['R_PENTA3_LE_PENTA1', 'HIGH', 'less_than_or_equal_to', '#{PENTA3}', 'SKIP_IF_ALL_VALUES_MISSING', '#{PENTA1}', 'SKIP_IF_ALL_VALUES_MISSING', 'Monthly', '{}'],
  ['R_PENTA1_SEX_PAIR', 'MEDIUM', 'compulsory_pair', '#{PENTA1.F}', 'SKIP_IF_ALL_VALUES_MISSING', '#{PENTA1.M}', 'SKIP_IF_ALL_VALUES_MISSING', 'Monthly', '{}'],
  ['R_STAFF_XOR_STOCK', 'LOW', 'exclusive_pair', '#{STAFF}', 'SKIP_IF_ALL_VALUES_MISSING', '#{RUTF_STOCK}', 'SKIP_IF_ALL_VALUES_MISSING', 'Monthly', '{}'],
  ['R_PENTA3_REPORTED', 'LOW', 'greater_than_or_equal_to', '#{PENTA3}', 'NEVER_SKIP', '1', 'NEVER_SKIP', 'Monthly', '{}'],
  ['R_CERCLE_Q_MIN', 'MEDIUM', 'greater_than_or_equal_to', '#{PENTA1}', 'SKIP_IF_ALL_VALUES_MISSING', '30', 'NEVER_SKIP', 'Quarterly', '{3}'],
];

describeEachEngine('validation rule runs', (database) => {
  beforeAll(async () => {
    await insertFixtures(database());
    await database().pool.query(`INSERT INTO period (iso, period_type, start_date, end_date) VALUES ('202401', 'Monthly', '2024-01-01', '2024-01-31')`);
    for (const [de, ou, coc, value] of VALUES) {
      await database().pool.query(
        `INSERT INTO data_value (data_element_id, period_id, org_unit_id, category_option_combo_id, value, numeric_value)
         SELECT de.id, p.id, ou.id, coc.id, $4, $5::float8 FROM data_element de, period p, org_unit ou, category_option_combo coc
         WHERE de.code = $1 AND p.iso = '202401' AND ou.code = $2 AND coc.code = $3`,
        [de, ou, coc, String(value), value],
      );
    }
    for (const [code, importance, operator, left, leftStrategy, right, rightStrategy, periodType, levels] of RULES) {
      await database().pool.query(
        `INSERT INTO validation_rule (uid, code, name, importance, operator, left_expression, left_missing_value_strategy,
           right_expression, right_missing_value_strategy, period_type, organisation_unit_levels)
         VALUES ($1, $1, $1, $2, $3, $4, $5, $6, $7, $8, $9::int[])`,
        [code, importance, operator, left, leftStrategy, right, rightStrategy, periodType, levels],
      );
    }
  });

  const summary = (violations: Awaited<ReturnType<typeof runValidation>>) =>
    violations.map((v) => `${v.validationRuleId} ${v.organisationUnitId} ${v.periodId} ${v.leftSideValue} ${v.rightSideValue}`).sort();

  it('finds every violation below Mali for January and its quarter', async () => {
    const violations = await runValidation(database(), { orgUnits: ['ML'], includeDescendants: true, periods: ['2024Q1'] });
    expect(summary(violations)).toEqual(
      [
        'R_PENTA3_LE_PENTA1 FAC_KAYES_1 202401 20 18',
        'R_PENTA1_SEX_PAIR FAC_KAYES_2 202401 5 null',
        'R_STAFF_XOR_STOCK FAC_SEGOU_1 202401 3 40',
        // NEVER_SKIP: every facility with no Penta 3 in a month of the quarter, 0 >= 1 false.
        'R_PENTA3_REPORTED FAC_SEGOU_1 202401 0 1',
        'R_PENTA3_REPORTED FAC_SEGOU_CLOSED 202401 0 1',
        ...['202402', '202403'].flatMap((month) => ['FAC_KAYES_1', 'FAC_KAYES_2', 'FAC_SEGOU_1', 'FAC_SEGOU_CLOSED'].map((unit) => `R_PENTA3_REPORTED ${unit} ${month} 0 1`)),
        'R_CERCLE_Q_MIN ML0101 2024Q1 23 30',
      ].sort(),
    );
    const first = violations.find((v) => v.validationRuleId === 'R_PENTA3_LE_PENTA1')!;
    expect(first).toMatchObject({ importance: 'HIGH', operator: 'less_than_or_equal_to', attributeOptionComboId: 'default', organisationUnitPath: '/MLuid000001/ML01uid0001/ML0101uid01/FacKayes001' });
  });

  it('runs only at the org units and periods asked, and only the rules of a data set', async () => {
    const kayes = await runValidation(database(), { orgUnits: ['FAC_KAYES_1'], periods: ['202401'] });
    expect(summary(kayes)).toEqual(['R_PENTA3_LE_PENTA1 FAC_KAYES_1 202401 20 18']);
    await database().pool.query(`INSERT INTO data_set (uid, code, name, period_type) VALUES ('DsStaffOnly', 'STAFF_ONLY', 'Personnel', 'Monthly')`);
    await database().pool.query(`INSERT INTO data_set_element (data_set_id, data_element_id) SELECT ds.id, de.id FROM data_set ds, data_element de WHERE ds.code = 'STAFF_ONLY' AND de.code = 'STAFF'`);
    const staff = await runValidation(database(), { orgUnits: ['ML04'], includeDescendants: true, periods: ['202401'], dataSet: 'STAFF_ONLY' });
    expect(summary(staff)).toEqual(['R_STAFF_XOR_STOCK FAC_SEGOU_1 202401 3 40']);
    await expect(runValidation(database(), { orgUnits: ['ML'], periods: ['202401'], dataSet: 'NO_SUCH_SET' })).rejects.toMatchObject({ code: 'VALIDATION_DATA_SET_NOT_FOUND' });
  });
});

it('finds violations as DHIS2 does: pairs on presence, equality within 1e-10', () => {
  expect(isViolation('compulsory_pair', 1, undefined)).toBe(true);
  expect(isViolation('compulsory_pair', undefined, undefined)).toBe(false);
  expect(isViolation('exclusive_pair', 0, 0)).toBe(true);
  expect(isViolation('equal_to', 0.1 + 0.2, 0.3)).toBe(false);
  expect(isViolation('not_equal_to', 0.1 + 0.2, 0.3)).toBe(true);
  expect(isViolation('greater_than', 1, undefined)).toBe(false);
  expect(isViolation('less_than', 2, 1)).toBe(true);
});
