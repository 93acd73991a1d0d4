// GET /api/immunization/redRec on both engines: the immunization package's indicators loaded,
// monthly reports inserted for four cercles of Kayes, and every coverage, dropout, zero-dose
// figure and category below worked by hand from those reports and the WHO definitions
// (coverage IMMZ.IND.02, dropout IMMZ.IND.35, zero-dose GHO 7792, RED thresholds 80 % / 10 %).
import { beforeAll, expect, it } from 'vitest';
import { common } from '../../../programmes/common/index.ts';
import { immunization } from '../../../programmes/immunization/index.ts';
import { importMetadata } from '../../../store/metadata/importMetadata.ts';
import { describeEachEngineApp } from '../../testing/testApp.ts';

// Three more cercles of Kayes, one health area each, beside the fixtures' Kayes cercle.
const cercles = [
  ['ML0102', 'Diéma', 'FAC_DIEMA', 'CSCom Diéma'],
  ['ML0103', 'Kita', 'FAC_KITA', 'CSCom Kita'],
  ['ML0104', 'Bafoulabé', 'FAC_BAFOULABE', 'CSCom Bafoulabé'],
] as const;

// [health area, month, data element, category option combo, value]
const reports: [string, string, string, string, number][] = [
  // Kayes cercle, two health areas, two months. Target 4 × 250 = 1,000 surviving infants.
  // Penta1 0–11 months 4 × 200 = 800 → 80.0 % exactly; Penta3 4 × 180 = 720 → dropout
  // (800 − 720) ÷ 800 = 10.0 % exactly; MR1 4 × 190 = 760 → 76 %, dropout 40 ÷ 800 = 5 %.
  ...['FAC_KAYES_1', 'FAC_KAYES_2'].flatMap((area) =>
    ['202503', '202507'].flatMap((month): [string, string, string, string, number][] => [
      [area, month, 'EPI_TARGET_SURVIVING_INFANTS', 'default', 250],
      [area, month, 'EPI_PENTA1', '0-11M_F', 100],
      [area, month, 'EPI_PENTA1', '0-11M_M', 100],
      [area, month, 'EPI_PENTA3', '0-11M_F', 90],
      [area, month, 'EPI_PENTA3', '0-11M_M', 90],
      [area, month, 'EPI_MR1', '0-11M_F', 95],
      [area, month, 'EPI_MR1', '0-11M_M', 95],
    ]),
  ),
  // Diéma: target 400, Penta1 428 → 107 % (over 100 %: a denominator problem); Penta3 400 →
  // dropout 28 ÷ 428 = 6.54 %; MR1 300 → 75 %, dropout 128 ÷ 428 = 29.9 %.
  ['FAC_DIEMA', '202505', 'EPI_TARGET_SURVIVING_INFANTS', 'default', 400],
  ['FAC_DIEMA', '202505', 'EPI_PENTA1', '0-11M_F', 428],
  ['FAC_DIEMA', '202505', 'EPI_PENTA3', '0-11M_F', 400],
  ['FAC_DIEMA', '202505', 'EPI_MR1', '0-11M_F', 300],
  // Kita: target 300, Penta1 270 → 90 %; Penta3 297 → dropout (270 − 297) ÷ 270 = −10 %
  // (negative: a data problem); MR1 240 → 80 %, dropout 30 ÷ 270 = 11.1 %.
  ['FAC_KITA', '202509', 'EPI_TARGET_SURVIVING_INFANTS', 'default', 300],
  ['FAC_KITA', '202509', 'EPI_PENTA1', '0-11M_M', 270],
  ['FAC_KITA', '202509', 'EPI_PENTA3', '0-11M_M', 297],
  ['FAC_KITA', '202509', 'EPI_MR1', '0-11M_M', 240],
  // Bafoulabé: target 200, no Penta1 given (reported 0) → coverage 0 %, zero-dose 200, no dropout.
  ['FAC_BAFOULABE', '202511', 'EPI_TARGET_SURVIVING_INFANTS', 'default', 200],
  ['FAC_BAFOULABE', '202511', 'EPI_PENTA1', '0-11M_F', 0],
  // Outside the period (2024): must not count.
  ['FAC_KAYES_1', '202412', 'EPI_PENTA1', '0-11M_F', 999],
];

describeEachEngineApp('immunization analysis: RED/REC', (api) => {
  beforeAll(async () => {
    const { database } = api();
    for (const metadata of [common.metadata, immunization.metadata]) {
      const report = await importMetadata(database, metadata as object, { importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'ALL' });
      expect(report.status, JSON.stringify(report).slice(0, 1000)).not.toBe('ERROR');
    }
    const { pool } = database;
    for (const [code, name, area, areaName] of cercles) {
      for (const [unitCode, unitName, parent, level] of [
        [code, name, 'ML01', 3],
        [area, areaName, code, 4],
      ] as const) {
        await pool.query(
          `WITH new AS (SELECT nextval('org_unit_id_seq')::int AS id)
           INSERT INTO org_unit (id, uid, code, name, short_name, parent_id, level, path, ancestor_ids, opening_date)
           SELECT new.id, $1, $2, $3, $3, p.id, $5, p.path || '/' || $1, p.ancestor_ids || new.id, '2000-01-01'
           FROM new JOIN org_unit p ON p.code = $4`,
          [`${unitCode.replace(/_/g, '').slice(0, 9).padEnd(9, 'x')}01`, unitCode, unitName, parent, level],
        );
      }
    }
    await pool.query(`INSERT INTO period (iso, period_type, start_date, end_date)
      SELECT m.iso, 'Monthly', to_date(m.iso, 'YYYYMM'), (to_date(m.iso, 'YYYYMM') + interval '1 month' - interval '1 day')::date
      FROM (VALUES ('202412'), ('202503'), ('202505'), ('202507'), ('202509'), ('202511')) m(iso)
      ON CONFLICT DO NOTHING`);
    for (const [area, month, element, combo, value] of reports) {
      const inserted = await pool.query(
        `INSERT INTO data_value (data_element_id, period_id, org_unit_id, category_option_combo_id, value, numeric_value)
         SELECT de.id, p.id, ou.id, coc.id, $5::text, $5::float8
         FROM data_element de, period p, org_unit ou, category_option_combo coc
         WHERE de.code = $3 AND p.iso = $2 AND ou.code = $1 AND coc.code = $4
           AND coc.category_combo_id = de.category_combo_id`,
        [area, month, element, combo, value],
      );
      expect(inserted.rowCount, `${area} ${element} ${combo}`).toBe(1);
    }
  });

  const redRec = async (query: string, as: 'national' | 'segouViewer' | 'kayes' = 'national', language = 'fr') => {
    const response = await api().inject({ method: 'GET', url: `/api/immunization/redRec?${query}`, as, headers: { 'accept-language': language } });
    return { status: response.statusCode, body: response.json() };
  };
  const expectClose = (actual: number | null | undefined, expected: number) => {
    expect(actual).not.toBeNull();
    expect(Math.abs((actual as number) - expected)).toBeLessThan(1e-9);
  };

  it('categorises every cercle of Kayes for 2025 with Penta1→Penta3 utilisation', async () => {
    const { status, body } = await redRec('orgUnit=ML01&period=2025');
    expect(status).toBe(200);
    expect(body).toMatchObject({ period: '2025', orgUnit: { code: 'ML01', level: 2 }, level: 3, access: 'EPI_COV_PENTA1', utilisation: 'EPI_DROPOUT_PENTA1_PENTA3' });
    const rows = Object.fromEntries(body.rows.map((row: { orgUnit: { code: string } }) => [row.orgUnit.code, row]));
    expect(Object.keys(rows).sort()).toEqual(['ML0101', 'ML0102', 'ML0103', 'ML0104']);

    // Kayes: 80 % and 10 % exactly → access good, utilisation poor → category 2.
    expectClose(rows.ML0101.values.EPI_COV_PENTA1, 80);
    expectClose(rows.ML0101.values.EPI_DROPOUT_PENTA1_PENTA3, 10);
    expectClose(rows.ML0101.values.EPI_DROPOUT_PENTA1_MR1, 5);
    expectClose(rows.ML0101.values.EPI_COV_MR1, 76);
    expectClose(rows.ML0101.values.EPI_ZERO_DOSE, 1000 - 800);
    expectClose(rows.ML0101.values.EPI_TARGET_SURVIVING_INFANTS, 1000);
    expect(rows.ML0101).toMatchObject({ status: 'categorised', category: 2, access: 'good', utilisation: 'poor', flags: [] });

    // Diéma: 107 % → data problem, no category.
    expectClose(rows.ML0102.values.EPI_COV_PENTA1, (428 / 400) * 100);
    expectClose(rows.ML0102.values.EPI_DROPOUT_PENTA1_PENTA3, (28 / 428) * 100);
    expect(rows.ML0102).toMatchObject({ status: 'inconsistent', category: null, flags: [{ kind: 'coverageOver100', indicator: 'EPI_COV_PENTA1' }] });

    // Kita: −10 % dropout → data problem, no category.
    expectClose(rows.ML0103.values.EPI_DROPOUT_PENTA1_PENTA3, -10);
    expect(rows.ML0103).toMatchObject({ status: 'inconsistent', category: null, access: 'good', flags: [{ kind: 'negativeDropout', indicator: 'EPI_DROPOUT_PENTA1_PENTA3' }] });

    // Bafoulabé: no Penta1 → 0 % access, no dropout, zero-dose = the whole target.
    expectClose(rows.ML0104.values.EPI_COV_PENTA1, 0);
    expect(rows.ML0104.values.EPI_DROPOUT_PENTA1_PENTA3).toBeNull();
    expectClose(rows.ML0104.values.EPI_ZERO_DOSE, 200);
    expect(rows.ML0104).toMatchObject({ status: 'incomplete', category: null, access: 'poor', utilisation: null });

    // Kayes region as a whole: target 1,900; Penta1 800 + 428 + 270 + 0 = 1,498 → 78.8 %;
    // Penta3 720 + 400 + 297 = 1,417 → dropout 81 ÷ 1,498 = 5.4 % → category 3.
    expectClose(body.total.values.EPI_COV_PENTA1, (1498 / 1900) * 100);
    expectClose(body.total.values.EPI_DROPOUT_PENTA1_PENTA3, (81 / 1498) * 100);
    expectClose(body.total.values.EPI_ZERO_DOSE, 1900 - 1498);
    expect(body.total).toMatchObject({ orgUnit: { code: 'ML01' }, category: 3 });
  });

  it('uses Penta1→MR1 when asked: Kayes becomes category 1 (dropout 5 %), Kita category 2 (11.1 %)', async () => {
    const { body } = await redRec('orgUnit=ML01&period=2025&utilisation=EPI_DROPOUT_PENTA1_MR1');
    const rows = Object.fromEntries(body.rows.map((row: { orgUnit: { code: string } }) => [row.orgUnit.code, row]));
    expect(rows.ML0101).toMatchObject({ category: 1, utilisation: 'good' });
    // Kita's Penta3 dropout is still negative: flagged beside the category.
    expect(rows.ML0103).toMatchObject({ status: 'categorised', category: 2, flags: [{ kind: 'negativeDropout', indicator: 'EPI_DROPOUT_PENTA1_PENTA3' }] });
  });

  it('categorises health areas (level 4) and a single district', async () => {
    const areas = await redRec('orgUnit=ML0101&period=2025Q1&level=4');
    // March only: each Kayes health area 200 of 250 = 80 %, dropout 20 ÷ 200 = 10 %.
    expect(areas.body.rows.map((row: { orgUnit: { code: string }; category: number }) => [row.orgUnit.code, row.category])).toEqual([
      ['FAC_KAYES_2', 2],
      ['FAC_KAYES_1', 2],
    ]);
    const single = await redRec('orgUnit=ML0102&period=2025');
    expect(single.body.rows.map((row: { orgUnit: { code: string } }) => row.orgUnit.code)).toEqual(['ML0102']);
  });

  it('names the indicators in the asked language', async () => {
    const { status, body } = await redRec('orgUnit=ML01&period=2025&utilisation=EPI_DROPOUT_PENTA1_MR1&level=3', 'national', 'en');
    expect(status).toBe(200);
    expect(body.indicators.find((i: { code: string }) => i.code === 'EPI_COV_PENTA1').name).toBe('Penta1 coverage');
  });

  it('refuses bad input with the field named, and org units outside the user’s scope', async () => {
    const dropout = await redRec('orgUnit=ML01&period=2025&utilisation=EPI_COV_PENTA1');
    expect(dropout.status).toBe(400);
    expect(dropout.body.errors[0].field).toBe('query.utilisation');
    const period = await redRec('orgUnit=ML01&period=2025-13');
    expect(period).toMatchObject({ status: 400, body: { errorCode: 'PERIOD_NUMBER_OUT_OF_RANGE', field: 'period' } });
    const unknown = await redRec('orgUnit=NOPE&period=2025');
    expect(unknown).toMatchObject({ status: 400, body: { errorCode: 'ANALYTICS_ORG_UNIT_NOT_FOUND', field: 'orgUnit' } });
    expect(await redRec('orgUnit=ML01&period=2025', 'segouViewer')).toMatchObject({ status: 403, body: { errorCode: 'OUT_OF_SCOPE' } });
  });
});
