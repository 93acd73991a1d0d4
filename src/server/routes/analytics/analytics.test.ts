// GET /api/analytics through the real application: the DHIS2 response shape, CSV and XLSX,
// org unit selections against users' scopes (403 outside), errors naming their parameter,
// and a value written a moment ago already in the totals.
import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngineApp } from '../../testing/testApp.ts';

// January 2024, Penta 1: FAC_KAYES_1 F 10 + M 20, FAC_KAYES_2 F 5, FAC_SEGOU_1 M 7.
// February 2024: FAC_KAYES_1 F 1.
const VALUES: Array<[string, string, string, number]> = [
  ['FAC_KAYES_1', '202401', 'F', 10],
  ['FAC_KAYES_1', '202401', 'M', 20],
  ['FAC_KAYES_2', '202401', 'F', 5],
  ['FAC_SEGOU_1', '202401', 'M', 7],
  ['FAC_KAYES_1', '202402', 'F', 1],
];

const url = (...parameters: string[]) => `/api/analytics?${parameters.join('&')}`;

describeEachEngineApp('analytics API', (api) => {
  beforeAll(async () => {
    const { pool } = api().database;
    await pool.query(`INSERT INTO period (iso, period_type, start_date, end_date) VALUES
      ('202401', 'Monthly', '2024-01-01', '2024-01-31'), ('202402', 'Monthly', '2024-02-01', '2024-02-29')`);
    for (const [ou, pe, coc, value] of VALUES) {
      await pool.query(
        `INSERT INTO data_value (data_element_id, period_id, org_unit_id, category_option_combo_id, value, numeric_value)
         SELECT de.id, p.id, ou.id, coc.id, $4, $5::float8 FROM data_element de, period p, org_unit ou, category_option_combo coc
         WHERE de.code = 'PENTA1' AND ou.code = $1 AND p.iso = $2 AND coc.code = $3`,
        [ou, pe, coc, String(value), value],
      );
    }
    await pool.query(`INSERT INTO org_unit_group (uid, code, name) VALUES ('OugCscom001', 'CSCOM', 'CSCom')`);
    await pool.query(`INSERT INTO org_unit_group_member (org_unit_group_id, org_unit_id)
      SELECT g.id, ou.id FROM org_unit_group g, org_unit ou WHERE g.code = 'CSCOM' AND ou.code IN ('FAC_KAYES_2', 'FAC_SEGOU_1')`);
  });

  it('answers DHIS2-style: headers, rows of text with codes, metaData items and dimensions', async () => {
    const response = await api().inject({ method: 'GET', url: url('dimension=dx:PENTA1', 'dimension=pe:202401;202402', 'dimension=ou:ML;LEVEL-2'), as: 'national' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.headers.map((h: { name: string; column: string }) => [h.name, h.column])).toEqual([
      ['dx', 'Données'],
      ['pe', 'Période'],
      ['ou', "Unité d'organisation"],
      ['value', 'Valeur'],
    ]);
    // ou:ML;LEVEL-2 is the regions of Mali, not Mali itself.
    expect(body.rows).toEqual([
      ['PENTA1', '202401', 'ML01', '35'],
      ['PENTA1', '202401', 'ML04', '7'],
      ['PENTA1', '202402', 'ML01', '1'],
    ]);
    expect(body).toMatchObject({ width: 4, height: 3, metaData: { dimensions: { dx: ['PENTA1'], pe: ['202401', '202402'], ou: ['ML01', 'ML04'] } } });
    expect(body.metaData.items).toMatchObject({ PENTA1: { name: 'Penta 1 administré' }, '202401': { name: 'janvier 2024' }, ML04: { name: 'Ségou' } });
  });

  it('filters combine their items; co splits by disaggregation; UIDs on request', async () => {
    const filtered = await api().inject({ method: 'GET', url: url('dimension=dx:PENTA1', 'dimension=co', 'filter=pe:202401;202402', 'filter=ou:ML0101;FAC_SEGOU_1'), as: 'admin' });
    expect(filtered.json().rows).toEqual([
      ['PENTA1', 'F', '16'],
      ['PENTA1', 'M', '27'],
    ]);
    const uids = await api().inject({ method: 'GET', url: url('dimension=dx:PENTA1.F', 'dimension=ou:OU_GROUP-CSCOM', 'filter=pe:202401', 'outputIdScheme=UID'), as: 'admin' });
    expect(uids.json().rows).toEqual([['DePenta1001.CocFemale01', 'FacKayes002', '5']]);
  });

  it('computes relative periods as of relativePeriodDate', async () => {
    const response = await api().inject({ method: 'GET', url: url('dimension=dx:PENTA1', 'dimension=pe:LAST_3_MONTHS', 'filter=ou:ML', 'relativePeriodDate=2024-03-10'), as: 'admin' });
    expect(response.json().metaData.dimensions.pe).toEqual(['202312', '202401', '202402']);
    expect(response.json().rows).toEqual([
      ['PENTA1', '202401', '42'],
      ['PENTA1', '202402', '1'],
    ]);
  });

  it('keeps users inside their scope: USER_ORGUNIT and LEVEL-n there, 403 elsewhere', async () => {
    const mine = await api().inject({ method: 'GET', url: url('dimension=dx:PENTA1', 'dimension=ou:USER_ORGUNIT;USER_ORGUNIT_CHILDREN', 'filter=pe:202401'), as: 'kayes' });
    expect(mine.json().rows).toEqual([
      ['PENTA1', 'ML01', '35'],
      ['PENTA1', 'ML0101', '35'],
    ]);
    const cercles = await api().inject({ method: 'GET', url: url('dimension=dx:PENTA1', 'dimension=ou:LEVEL-3', 'filter=pe:202401'), as: 'segouViewer' });
    expect(cercles.json().rows).toEqual([['PENTA1', 'ML0406', '7']]);
    for (const ou of ['ML04', 'ML', 'ML01;ML04']) {
      const denied = await api().inject({ method: 'GET', url: url('dimension=dx:PENTA1', `dimension=ou:${ou}`, 'filter=pe:202401'), as: 'kayes' });
      expect(denied.statusCode, ou).toBe(403);
      expect(denied.json().errorCode, ou).toBe('OUT_OF_SCOPE');
    }
    const filtered = await api().inject({ method: 'GET', url: url('dimension=dx:PENTA1', 'dimension=pe:202401', 'filter=ou:ML'), as: 'segouViewer' });
    expect(filtered.statusCode).toBe(403);
    expect((await api().inject({ method: 'GET', url: url('dimension=dx:PENTA1', 'dimension=pe:202401', 'filter=ou:ML') })).statusCode).toBe(401);
  });

  it('answers 400 naming the parameter at fault, in the language asked', async () => {
    const bad = await api().inject({ method: 'GET', url: url('dimension=dx:PENTA1', 'dimension=pe:2024Q5', 'dimension=ou:ML'), as: 'admin', headers: { 'accept-language': 'en' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'dimension[1]', code: 'ANALYTICS_PERIOD_ITEM_INVALID' })]);
    expect(bad.json().message).toContain('2024Q5');
    const unknown = await api().inject({ method: 'GET', url: url('dimension=dx:PENTA9', 'dimension=pe:2024', 'dimension=ou:ML'), as: 'admin' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ errorCode: 'ANALYTICS_DATA_ITEM_NOT_FOUND', field: 'dimension[0]' });
    const extra = await api().inject({ method: 'GET', url: url('dimension=dx:PENTA1', 'dimension=pe:2024', 'dimension=ou:ML', 'limit=3'), as: 'admin' });
    expect(extra.statusCode).toBe(400);
  });

  it('exports CSV and XLSX with the same table, headers in the user language', async () => {
    const query = ['dimension=dx:PENTA1', 'dimension=ou:ML01;ML04', 'filter=pe:202401'];
    const csv = await api().inject({ method: 'GET', url: `/api/analytics.csv?${query.join('&')}`, as: 'admin' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toBe('dx,ou,value\r\nPENTA1,ML01,35\r\nPENTA1,ML04,7\r\n');
    const xlsx = await api().inject({ method: 'GET', url: `/api/analytics.xlsx?${query.join('&')}`, as: 'admin', headers: { 'accept-language': 'en' } });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Analytics');
    expect(sheet.getRow(1).values).toEqual([undefined, 'Data', 'Data (code)', 'Organisation unit', 'Organisation unit (code)', 'Value']);
    expect(sheet.getRow(2).values).toEqual([undefined, 'Penta 1 administré', 'PENTA1', 'Kayes', 'ML01', 35]);
  });

  it('shows a value written a moment ago', async () => {
    const total = async () => (await api().inject({ method: 'GET', url: url('dimension=dx:PENTA1', 'filter=pe:202402', 'filter=ou:ML'), as: 'admin' })).json().rows[0]?.[1];
    expect(await total()).toBe('1');
    await api().database.pool.query(
      `INSERT INTO data_value (data_element_id, period_id, org_unit_id, category_option_combo_id, value, numeric_value)
       SELECT de.id, p.id, ou.id, coc.id, '41', 41 FROM data_element de, period p, org_unit ou, category_option_combo coc
       WHERE de.code = 'PENTA1' AND p.iso = '202402' AND ou.code = 'FAC_SEGOU_1' AND coc.code = 'F'`,
    );
    expect(await total()).toBe('42');
  });
});
