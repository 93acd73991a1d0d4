// GET /api/cmam/performance through the real application, on both engines: the nutrition
// package loaded, data values inserted for two Kayes sites and one Ségou site, and every rate
// and verdict checked against values worked out by hand from those counts.
import { beforeAll, expect, it } from 'vitest';
import { common } from '../../../programmes/common/index.ts';
import { nutrition } from '../../../programmes/nutrition/index.ts';
import { importMetadata } from '../../../store/metadata/importMetadata.ts';
import { describeEachEngineApp } from '../../testing/testApp.ts';

// [site, month, data element, option combo, value]
const VALUES: Array<[string, string, string, string, number]> = [
  // FAC_KAYES_1, January: SAM exits (transfers are not exits) = URENAS 20 + 1 + 2 + 1, URENI 4 + 1 = 29.
  ['FAC_KAYES_1', '202501', 'NUT_CMAM_EXITS', 'URENAS_CURED', 20],
  ['FAC_KAYES_1', '202501', 'NUT_CMAM_EXITS', 'URENAS_DIED', 1],
  ['FAC_KAYES_1', '202501', 'NUT_CMAM_EXITS', 'URENAS_DEFAULTED', 2],
  ['FAC_KAYES_1', '202501', 'NUT_CMAM_EXITS', 'URENAS_NON_RESPONDENT', 1],
  ['FAC_KAYES_1', '202501', 'NUT_CMAM_EXITS', 'URENAS_TRANSFER_OUT', 3],
  ['FAC_KAYES_1', '202501', 'NUT_CMAM_EXITS', 'URENI_CURED', 4],
  ['FAC_KAYES_1', '202501', 'NUT_CMAM_EXITS', 'URENI_DIED', 1],
  ['FAC_KAYES_1', '202501', 'NUT_CMAM_EXITS', 'URENI_MEDICAL_TRANSFER', 2],
  ['FAC_KAYES_1', '202501', 'NUT_CMAM_CURED_DAYS', 'URENAS', 900],
  ['FAC_KAYES_1', '202501', 'NUT_CMAM_CURED_DAYS', 'URENI', 40],
  ['FAC_KAYES_1', '202501', 'NUT_CMAM_CURED_WEIGHT_GAIN_G', 'URENAS', 27000],
  ['FAC_KAYES_1', '202501', 'NUT_CMAM_CURED_KG_DAYS', 'URENAS', 5400],
  // FAC_KAYES_1, January, MAM: 15 cured, 1 died, 4 defaulted of 20.
  ['FAC_KAYES_1', '202501', 'NUT_CMAM_EXITS', 'URENAM_CURED', 15],
  ['FAC_KAYES_1', '202501', 'NUT_CMAM_EXITS', 'URENAM_DIED', 1],
  ['FAC_KAYES_1', '202501', 'NUT_CMAM_EXITS', 'URENAM_DEFAULTED', 4],
  // FAC_KAYES_1, February: only 6 SAM exits.
  ['FAC_KAYES_1', '202502', 'NUT_CMAM_EXITS', 'URENAS_CURED', 5],
  ['FAC_KAYES_1', '202502', 'NUT_CMAM_EXITS', 'URENAS_DIED', 1],
  // FAC_KAYES_2, January: 30 cured, 3 died, 7 defaulted of 40.
  ['FAC_KAYES_2', '202501', 'NUT_CMAM_EXITS', 'URENAS_CURED', 30],
  ['FAC_KAYES_2', '202501', 'NUT_CMAM_EXITS', 'URENAS_DIED', 3],
  ['FAC_KAYES_2', '202501', 'NUT_CMAM_EXITS', 'URENAS_DEFAULTED', 7],
  // Ségou: outside Kayes.
  ['FAC_SEGOU_1', '202501', 'NUT_CMAM_EXITS', 'URENAS_CURED', 50],
];

describeEachEngineApp('CMAM performance API', (api) => {
  beforeAll(async () => {
    const database = api().database;
    for (const programme of [common, nutrition]) expect((await importMetadata(database, programme.metadata)).status).toBe('OK');
    for (const [iso, start, end] of [
      ['202501', '2025-01-01', '2025-01-31'],
      ['202502', '2025-02-01', '2025-02-28'],
      ['202503', '2025-03-01', '2025-03-31'],
    ]) {
      await database.pool.query(`INSERT INTO period (iso, period_type, start_date, end_date) VALUES ($1, 'Monthly', $2, $3) ON CONFLICT (iso) DO NOTHING`, [iso, start, end]);
    }
    for (const [site, month, dataElement, combo, value] of VALUES) {
      const inserted = await database.pool.query(
        `INSERT INTO data_value (data_element_id, period_id, org_unit_id, category_option_combo_id, value, numeric_value)
         SELECT de.id, p.id, ou.id, coc.id, $5, $6::float8 FROM data_element de, period p, org_unit ou, category_option_combo coc
         WHERE de.code = $1 AND p.iso = $2 AND ou.code = $3 AND coc.code = $4`,
        [dataElement, month, site, combo, String(value), value],
      );
      expect(inserted.rowCount, `${dataElement}.${combo}`).toBe(1);
    }
  });

  it('gives each Kayes site and month its exits, rates and Sphere verdicts', async () => {
    const response = await api().inject({ method: 'GET', url: '/api/cmam/performance?orgUnit=ML01&period=2025Q1', as: 'kayes' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.periods).toEqual(['202501', '202502', '202503']);
    expect(body.exitDefinition).toMatchObject({ code: 'PROGRAMME', outcomes: ['CURED', 'DIED', 'DEFAULTED', 'NON_RESPONDENT'] });
    const rows = body.rows as Array<Record<string, any>>;
    expect(rows.map((r) => [r.orgUnit.code, r.period, r.programme, r.exits, r.verdict])).toEqual([
      // Sorted by site name: "CSCom Kayes Ndi" before "CSCom Kayes Plateau".
      ['FAC_KAYES_2', '202501', 'SAM', 40, 'fail'],
      ['FAC_KAYES_1', '202501', 'SAM', 29, 'pass'],
      ['FAC_KAYES_1', '202501', 'MAM', 20, 'fail'],
      ['FAC_KAYES_1', '202502', 'SAM', 6, 'insufficient_data'],
    ]);

    // Ndi: 30/40 = 75 % cured is not "> 75 %"; 3/40 = 7.5 % died passes; 7/40 = 17.5 % defaulted fails.
    expect(rows[0]!.rates).toEqual({ cured: 75, died: 7.5, defaulted: 17.5, nonRespondent: 0 });
    expect(rows[0]!.verdicts).toEqual({ cured: 'fail', died: 'pass', defaulted: 'fail' });

    // Plateau SAM: 24 cured of 29 (82.76 %), 2 died (6.90 %), 2 defaulted, 1 non-respondent.
    const plateau = rows[1]!;
    expect(plateau.counts).toEqual({ cured: 24, died: 2, defaulted: 2, nonRespondent: 1 });
    expect(plateau.rates.cured).toBeCloseTo((24 / 29) * 100, 9);
    expect(plateau.rates.died).toBeCloseTo((2 / 29) * 100, 9);
    expect(plateau.verdicts).toEqual({ cured: 'pass', died: 'pass', defaulted: 'pass' });
    // Length of stay (900 + 40) days / 24 cured; weight gain 27,000 g / 5,400 kg-days = 5 g/kg/day.
    expect(plateau.averageLengthOfStay).toBeCloseTo(940 / 24, 9);
    expect(plateau.averageWeightGain).toBeCloseTo(5, 9);

    // Plateau MAM: 15/20 = 75 % cured fails, 1/20 = 5 % died fails MAM's < 3 %, 4/20 = 20 % defaulted fails.
    expect(rows[2]!.rates).toEqual({ cured: 75, died: 5, defaulted: 20, nonRespondent: 0 });
    expect(rows[2]!.verdicts).toEqual({ cured: 'fail', died: 'fail', defaulted: 'fail' });
    expect(rows[2]!.averageLengthOfStay).toBeNull();

    // February: 6 exits, fewer than 10: rates shown, no verdict.
    expect(rows[3]!.rates.cured).toBeCloseTo((5 / 6) * 100, 9);
    expect(rows[3]!.verdicts).toEqual({ cured: 'insufficient_data', died: 'insufficient_data', defaulted: 'insufficient_data' });
  });

  it('answers one site, one programme, a list of months', async () => {
    const response = await api().inject({ method: 'GET', url: '/api/cmam/performance?orgUnit=FAC_KAYES_1&period=202501;202502&programme=MAM', as: 'national' });
    expect(response.statusCode).toBe(200);
    expect(response.json().rows.map((r: { orgUnit: { code: string }; period: string; programme: string }) => [r.orgUnit.code, r.period, r.programme])).toEqual([
      ['FAC_KAYES_1', '202501', 'MAM'],
    ]);
  });

  it('refuses org units outside the scope (403) and bad parameters (400, by field)', async () => {
    const outside = await api().inject({ method: 'GET', url: '/api/cmam/performance?orgUnit=ML04&period=202501', as: 'kayes', headers: { 'accept-language': 'en' } });
    // Named: the first site of Ségou the answer would have read (ML04 only bounds the sites).
    expect(outside.json()).toMatchObject({ httpStatusCode: 403, errorCode: 'OUT_OF_SCOPE', message: 'Org unit FAC_SEGOU_1 is outside your scope' });
    for (const [url, field] of [
      ['/api/cmam/performance?orgUnit=ML01&period=2025W3', 'query.period'],
      ['/api/cmam/performance?orgUnit=ML01&period=2020;2021;2022;2023', 'query.period'],
      ['/api/cmam/performance?orgUnit=ML01&period=nonsense', 'query.period'],
      ['/api/cmam/performance?orgUnit=ML01;LEVEL-2&period=202501', 'query.orgUnit'],
      ['/api/cmam/performance?orgUnit=ML01&period=202501&programme=ALL', 'query.programme'],
    ] as const) {
      const bad = await api().inject({ method: 'GET', url, as: 'admin' });
      expect(bad.statusCode, url).toBe(400);
      expect(bad.json().errors[0].field, url).toBe(field);
    }
    const unknown = await api().inject({ method: 'GET', url: '/api/cmam/performance?orgUnit=NOWHERE&period=202501', as: 'admin' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ errorCode: 'ANALYTICS_ORG_UNIT_NOT_FOUND', field: 'orgUnit' });
  });
});
