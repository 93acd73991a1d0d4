// GET /api/validation through the real application: violations for an org unit and period,
// with its children, inside the user's scope only.
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngineApp } from '../../testing/testApp.ts';

describeEachEngineApp('validation API', (api) => {
  beforeAll(async () => {
    const { pool } = api().database;
    await pool.query(`INSERT INTO period (iso, period_type, start_date, end_date) VALUES ('202401', 'Monthly', '2024-01-01', '2024-01-31')`);
    // FAC_KAYES_1 reports 12 Penta 3 for 9 Penta 1 in January: Penta 3 must not exceed Penta 1.
    for (const [de, value] of [['PENTA1', 9], ['PENTA3', 12]] as const) {
      await pool.query(
        `INSERT INTO data_value (data_element_id, period_id, org_unit_id, category_option_combo_id, value, numeric_value)
         SELECT de.id, p.id, ou.id, coc.id, $2, $3::float8 FROM data_element de, period p, org_unit ou, category_option_combo coc
         WHERE de.code = $1 AND p.iso = '202401' AND ou.code = 'FAC_KAYES_1' AND coc.code = 'F'`,
        [de, String(value), value],
      );
    }
    await pool.query(
      `INSERT INTO validation_rule (uid, code, name, importance, operator, left_expression, right_expression, period_type)
       VALUES ('VrPenta3Le1', 'PENTA3_LE_PENTA1', 'Penta 3 ≤ Penta 1', 'HIGH', 'less_than_or_equal_to', '#{PENTA3}', '#{PENTA1}', 'Monthly')`,
    );
  });

  it('lists the violations below an org unit with children=true, none without', async () => {
    const withChildren = await api().inject({ method: 'GET', url: '/api/validation?orgUnit=ML01&period=202401&children=true', as: 'kayes' });
    expect(withChildren.statusCode).toBe(200);
    expect(withChildren.json().validationRuleViolations).toEqual([
      {
        validationRuleId: 'PENTA3_LE_PENTA1',
        validationRuleDescription: 'Penta 3 ≤ Penta 1',
        importance: 'HIGH',
        organisationUnitId: 'FAC_KAYES_1',
        organisationUnitDisplayName: 'CSCom Kayes Plateau',
        organisationUnitPath: '/MLuid000001/ML01uid0001/ML0101uid01/FacKayes001',
        periodId: '202401',
        attributeOptionComboId: 'default',
        leftSideValue: 12,
        operator: 'less_than_or_equal_to',
        rightSideValue: 9,
      },
    ]);
    const alone = await api().inject({ method: 'GET', url: '/api/validation?orgUnit=ML01&period=2024Q1', as: 'kayes' });
    expect(alone.json().validationRuleViolations).toEqual([]);
  });

  it('runs the other rules when one cannot be evaluated, and lists that one in the request language', async () => {
    // DHIS2 stores such rules: its own e2e metadata export has Kejj3gJ2GD0, whose right side
    // ends `+ #jtyuEfbNbkb}` (a missing brace); another names a data element that is not there.
    const { pool } = api().database;
    await pool.query(
      `INSERT INTO validation_rule (uid, code, name, importance, operator, left_expression, right_expression, period_type)
       VALUES ('Kejj3gJ2GD0', NULL, 'Broken in DHIS2', 'MEDIUM', 'equal_to', '#{PENTA3}', '#{PENTA1}+ #jtyuEfbNbkb}', 'Monthly'),
              ('VrUnknownDe', 'UNKNOWN_DE', 'Names a missing element', 'LOW', 'less_than_or_equal_to', '#{NO_SUCH_DE}', '#{PENTA1}', 'Monthly')`,
    );
    try {
      const response = await api().inject({ method: 'GET', url: '/api/validation?orgUnit=ML01&period=202401&children=true', as: 'kayes', headers: { 'accept-language': 'en' } });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect(body.validationRuleViolations.map((v: { validationRuleId: string; organisationUnitId: string }) => `${v.validationRuleId} ${v.organisationUnitId}`)).toEqual(['PENTA3_LE_PENTA1 FAC_KAYES_1']);
      expect(body.skippedValidationRules).toEqual([
        { validationRuleId: 'Kejj3gJ2GD0', errorCode: 'VALIDATION_RULE_EXPRESSION_INVALID', message: expect.stringMatching(/^Validation rule Kejj3gJ2GD0: the right side is not a valid expression/) },
        { validationRuleId: 'UNKNOWN_DE', errorCode: 'VALIDATION_RULE_REFERENCE_UNKNOWN', message: 'Validation rule UNKNOWN_DE: it names what does not exist: #{NO_SUCH_DE}' },
      ]);
    } finally {
      await pool.query(`DELETE FROM validation_rule WHERE uid IN ('Kejj3gJ2GD0', 'VrUnknownDe')`);
    }
  });

  it('refuses org units outside the scope (403) and bad parameters (400, by field)', async () => {
    const outside = await api().inject({ method: 'GET', url: '/api/validation?orgUnit=ML01&period=202401', as: 'segouViewer' });
    expect(outside.json()).toMatchObject({ httpStatusCode: 403, errorCode: 'OUT_OF_SCOPE', message: "L'unité d'organisation ML01 est hors de votre périmètre" });
    const bad = await api().inject({ method: 'GET', url: '/api/validation?orgUnit=ML01&period=2024M13', as: 'kayes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('query.period');
    const unknown = await api().inject({ method: 'GET', url: '/api/validation?orgUnit=NOWHERE&period=202401', as: 'admin' });
    expect(unknown.json()).toMatchObject({ errorCode: 'ANALYTICS_ORG_UNIT_NOT_FOUND', field: 'orgUnit' });
  });
});
