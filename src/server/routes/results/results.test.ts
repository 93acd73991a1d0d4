import { beforeAll, expect, it } from 'vitest';
import { describeEachEngineApp } from '../../testing/testApp.ts';

describeEachEngineApp('results routes', (api) => {
  beforeAll(async () => {
    const { pool } = api().database;
    await pool.query(`INSERT INTO rf_goal (code, name, name_en, sort_order) VALUES ('G1', 'Chaque enfant survit et s''épanouit', 'Every child survives and thrives', 1)`);
    await pool.query(`INSERT INTO rf_result (code, goal_id, kind, name, name_en) SELECT 'KRC1', id, 'KRC', 'Couverture vaccinale', 'Immunization coverage' FROM rf_goal`);
    await pool.query(`INSERT INTO rf_indicator (code, result_id, name, name_en, baseline_value, baseline_year, baseline_source, public, public_max_level)
      SELECT 'DTP3', id, 'Couverture DTC3', 'DTP3 coverage', 77, 2023, 'WUENIC 2023', true, 2 FROM rf_result`);
    await pool.query(`INSERT INTO rf_indicator (code, result_id, name, public) SELECT 'INTERNAL', id, 'Interne', false FROM rf_result`);
    await pool.query(`INSERT INTO rf_target (rf_indicator_id, org_unit_id, year, value, source)
      SELECT i.id, o.id, 2028, 90, 'hypothetical test target' FROM rf_indicator i, org_unit o WHERE i.code = 'DTP3' AND o.code = 'ML'`);
    await pool.query(`INSERT INTO rf_observation (rf_indicator_id, org_unit_id, year, value, source)
      SELECT i.id, o.id, y.year, y.value, y.source FROM rf_indicator i, org_unit o,
        (VALUES ('ML', 2025, 79.6, 'test survey'), ('ML01', 2025, 70.0, 'test survey'), ('ML0101', 2025, 60.0, 'test survey')) y(code, year, value, source)
      WHERE i.code = 'DTP3' AND o.code = y.code`);
    await pool.query(`INSERT INTO rf_observation (rf_indicator_id, org_unit_id, year, sex, value, source)
      SELECT i.id, o.id, y.year, y.sex, y.value, 'test survey' FROM rf_indicator i, org_unit o,
        (VALUES (2024, 'F', 74.0), (2024, 'M', 86.0), (2025, 'F', 78.0)) y(year, sex, value)
      WHERE i.code = 'DTP3' AND o.code = 'ML'`);
  });

  it('shows public indicators with baseline, target, latest value and status, without sign-in', async () => {
    const response = await api().inject({ method: 'GET', url: '/api/results/public', headers: { 'accept-language': 'en' } });
    expect(response.statusCode).toBe(200);
    const [goal] = response.json().goals;
    expect(goal.name).toBe('Every child survives and thrives');
    const indicators = goal.results[0].indicators;
    expect(indicators.map((i: { code: string }) => i.code)).toEqual(['DTP3']);
    expect(indicators[0]).toMatchObject({
      name: 'DTP3 coverage',
      baseline: { year: 2023, value: 77, source: 'WUENIC 2023' },
      target: { year: 2028, value: 90 },
      latest: { year: 2025, value: 79.6 },
      // expected in 2025: 77 + 13 × 2/5 = 82.2; achieved 2.6 of 5.2 → halfway
      status: 'acceleration_needed',
    });
    expect(indicators[0].ratio).toBeCloseTo(0.5, 10);
    // 2025 has girls only: the latest year with both sexes is 2024.
    expect(indicators[0].bySex).toEqual({
      year: 2024,
      F: { year: 2024, value: 74, source: 'test survey' },
      M: { year: 2024, value: 86, source: 'test survey' },
    });
  });

  it('shows places no finer than the indicator allows on the public page', async () => {
    const response = await api().inject({ method: 'GET', url: '/api/results/public' });
    const places = response.json().goals[0].results[0].indicators[0].places;
    expect(places.map((p: { orgUnit: string }) => p.orgUnit)).toEqual(['ML01']);
  });

  it('keeps the full framework for signed-in users', async () => {
    expect((await api().inject({ method: 'GET', url: '/api/results' })).statusCode).toBe(401);
    const response = await api().inject({ method: 'GET', url: '/api/results', as: 'segouViewer' });
    expect(response.json().goals[0].results[0].indicators).toHaveLength(2);
  });

  it('adds routine values of the linked data element, computed from the stored data, nationally and by region', async () => {
    const { pool } = api().database;
    await pool.query(`INSERT INTO rf_indicator (code, result_id, name, data_element_id, unit, public, public_max_level)
      SELECT 'PENTA1_DOSES', r.id, 'Doses de Penta 1', de.id, 'number', true, 2 FROM rf_result r, data_element de WHERE de.code = 'PENTA1'`);
    await pool.query(`INSERT INTO period (iso, period_type, start_date, end_date) VALUES ('202403', 'Monthly', '2024-03-01', '2024-03-31')`);
    // 10 + 20 girls and boys in Kayes, 5 girls in Ségou: 35 nationally, 30 in ML01, 5 in ML04.
    await pool.query(`INSERT INTO data_value (data_element_id, period_id, org_unit_id, category_option_combo_id, value, numeric_value)
      SELECT de.id, p.id, ou.id, coc.id, v.value, v.value::float8
      FROM (VALUES ('FAC_KAYES_1', 'F', '10'), ('FAC_KAYES_2', 'M', '20'), ('FAC_SEGOU_1', 'F', '5')) v(ou, coc, value)
      JOIN org_unit ou ON ou.code = v.ou JOIN category_option_combo coc ON coc.code = v.coc
      JOIN data_element de ON de.code = 'PENTA1' JOIN period p ON p.iso = '202403'`);
    const response = await api().inject({ method: 'GET', url: '/api/results/public', headers: { 'accept-language': 'en' } });
    const indicator = response.json().goals[0].results[0].indicators.find((i: { code: string }) => i.code === 'PENTA1_DOSES');
    expect(indicator.dx).toBe('PENTA1');
    expect(indicator.series).toEqual([{ year: 2024, value: 35, source: 'Denw — routine data (facility reports)', method: 'routine data (Denw)' }]);
    expect(Object.fromEntries(indicator.places.map((p: { orgUnit: string; value: number }) => [p.orgUnit, p.value]))).toEqual({ ML01: 30, ML04: 5 });
  });

  it("gives signed-in readers the routine values of their scope, and beyond it only what the public page shows", async () => {
    // The Penta 1 doses of the previous test (35 nationally, 30 in Kayes ML01, 5 in Ségou ML04),
    // also behind an indicator that is not public, and one public at national level only.
    const { pool } = api().database;
    await pool.query(`INSERT INTO rf_indicator (code, result_id, name, data_element_id, unit, public, public_max_level)
      SELECT v.code, r.id, v.code, de.id, 'number', v.public, v.level FROM rf_result r, data_element de,
        (VALUES ('PENTA1_INTERNAL', false, 2), ('PENTA1_NATIONAL_ONLY', true, 1)) v(code, public, level) WHERE de.code = 'PENTA1'`);
    const routineAs = async (as: 'admin' | 'national' | 'kayes' | 'segouViewer') => {
      const response = await api().inject({ method: 'GET', url: '/api/results', as });
      expect(response.statusCode).toBe(200);
      const indicators: Array<{ code: string; series: Array<{ value: number }>; places: Array<{ orgUnit: string; value: number }> }> = response.json().goals[0].results[0].indicators;
      return Object.fromEntries(
        indicators
          .filter((indicator) => indicator.code.startsWith('PENTA1'))
          .map((indicator) => [indicator.code, { national: indicator.series.map((v) => v.value), places: Object.fromEntries(indicator.places.map((p) => [p.orgUnit, p.value])) }]),
      );
    };
    const everything = { national: [35], places: { ML01: 30, ML04: 5 } };
    for (const reader of ['admin', 'national'] as const) {
      expect(await routineAs(reader)).toEqual({ PENTA1_DOSES: everything, PENTA1_INTERNAL: everything, PENTA1_NATIONAL_ONLY: everything });
    }
    expect(await routineAs('kayes')).toEqual({
      PENTA1_DOSES: everything,
      PENTA1_INTERNAL: { national: [], places: { ML01: 30 } },
      PENTA1_NATIONAL_ONLY: { national: [35], places: { ML01: 30 } },
    });
    expect(await routineAs('segouViewer')).toEqual({
      PENTA1_DOSES: everything,
      PENTA1_INTERNAL: { national: [], places: { ML04: 5 } },
      PENTA1_NATIONAL_ONLY: { national: [35], places: { ML04: 5 } },
    });
  });

  it('rejects a missing or bad boundary level with the field named', async () => {
    const response = await api().inject({ method: 'GET', url: '/api/results/boundaries?level=zero' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].field).toBe('query.level');
  });
});
