// A child's growth measurements over HTTP: z-scores of WHO's anthro (row 2 of
// data/who-growth/sample-oracle.csv, anthro::anthro_zscores' own output) and the classes worked
// by hand from them, scope and role rules, refusals by field in French and English, the
// monthly count kept in the same request; and the WHO chart lines (simplified field tables).
import { beforeAll, describe, expect, it } from 'vitest';
import { registerChild, type StoredChild } from '../../../store/children/children.ts';
import { loadNutritionPackage } from '../../../store/growth/testing/nutritionPackage.ts';
import { switchDataSetSource } from '../../../store/rollup/rollup.ts';
import { inTransaction } from '../../../store/transaction.ts';
import { describeEachEngineApp, type TestUser } from '../../testing/testApp.ts';

describeEachEngineApp('growth measurements API', (api) => {
  const children: Record<string, StoredChild> = {};
  beforeAll(async () => {
    const { database } = api();
    await loadNutritionPackage(database);
    const { rows } = await database.pool.query<{ code: string; id: number }>("SELECT code, id FROM org_unit WHERE code IN ('FAC_KAYES_1', 'FAC_SEGOU_1')");
    const id = (code: string) => rows.find((row) => row.code === code)!.id;
    children.awa = await registerChild(database.pool, { orgUnitId: id('FAC_KAYES_1'), givenName: 'Awa', familyName: 'Coulibaly', sex: 'F', birthDate: '2024-01-01', createdBy: 'test' });
    children.seydou = await registerChild(database.pool, { orgUnitId: id('FAC_SEGOU_1'), givenName: 'Seydou', familyName: 'Diarra', sex: 'M', birthDate: '2023-05-01', createdBy: 'test' });
    await inTransaction(database, (client) =>
      switchDataSetSource(client, { dataSet: 'NUT_GROWTH_MONITORING', orgUnitId: id('FAC_KAYES_1'), from: '2024-01-01', source: 'registry', changedBy: 'test' }, async () => []),
    );
  });
  const post = (child: string, payload: unknown, as: TestUser = 'kayes', language = 'fr') =>
    api().inject({ method: 'POST', url: `/api/children/${children[child]?.uid ?? child}/measurements`, as, payload: payload as object, headers: { 'accept-language': language } });
  const list = (child: string, as: TestUser) => api().inject({ method: 'GET', url: `/api/children/${children[child]!.uid}/measurements`, as });

  describe('POST /api/children/:uid/measurements', () => {
    it('saves with anthro’s z-scores (oracle row 2: 222 days, 6.5 kg, 62.9 cm lying, MUAC 121 mm) and the PCIMA classes', async () => {
      const response = await post('awa', { date: '2024-08-10', weightKg: 6.5, lengthHeightCm: 62.9, measure: 'l', muacMm: 121 });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toMatchObject({
        date: '2024-08-10', ageDays: 222, oedema: false,
        zlen: -2.07, flen: 0, zwei: -1.44, fwei: 0, zwfl: -0.15, fwfl: 0, zbmi: -0.31, fbmi: 0, zac: -1.71, fac: 0,
        classification: { acute: 'MAM', wasting: 'normal', stunting: 'moderate', underweight: 'normal' },
      });
    });
    it('counts the child in the month’s registry figures in the same request', async () => {
      const { rows } = await api().database.pool.query<{ value: string }>(
        `SELECT v.value FROM data_value v JOIN data_element de ON de.id = v.data_element_id JOIN category_option_combo coc ON coc.id = v.category_option_combo_id
         JOIN period p ON p.id = v.period_id WHERE de.code = 'NUT_GM_ACUTE' AND coc.code = 'MAM_AGE_6-11M_F' AND p.iso = '202408'`,
      );
      expect(rows).toEqual([{ value: '1' }]);
    });
    it('refuses a child outside the user’s scope (403 OUT_OF_SCOPE) and a viewer (403 FORBIDDEN)', async () => {
      const outside = await post('seydou', { date: '2024-08-10', weightKg: 10 });
      expect([outside.statusCode, outside.json().errorCode]).toEqual([403, 'OUT_OF_SCOPE']);
      const viewer = await post('seydou', { date: '2024-08-10', weightKg: 10 }, 'segouViewer');
      expect([viewer.statusCode, viewer.json().errorCode]).toEqual([403, 'FORBIDDEN']);
      expect((await post('seydou', { date: '2024-08-10', weightKg: 10 }, 'national')).statusCode).toBe(201);
    });
    it('answers 404 for an unknown child', async () => {
      const response = await post('NoSuchChild', { date: '2024-08-10', weightKg: 10 });
      expect([response.statusCode, response.json().errorCode]).toEqual([404, 'NOT_FOUND']);
    });
    it('reports every bad field (400), and a visit in the future or before birth in French or English', async () => {
      const bad = await post('awa', { date: '10/08/2024', weightKg: -1, measure: 'x', height: 70 });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors.map((error: { field: string }) => error.field).sort()).toEqual(['body.date', 'body.height', 'body.measure', 'body.weightKg']);
      const future = await post('awa', { date: '2999-01-01', weightKg: 7 }, 'kayes', 'en');
      expect([future.statusCode, future.json().errorCode, future.json().field]).toEqual([400, 'GROWTH_MEASUREMENT_IN_FUTURE', 'date']);
      const beforeBirth = await post('awa', { date: '2023-12-01', weightKg: 3 });
      expect(beforeBirth.json().message).toBe("La date de la mesure (2023-12-01) précède la date de naissance de l'enfant (2024-01-01)");
      const empty = await post('awa', { date: '2024-08-11' }, 'kayes', 'en');
      expect([empty.statusCode, empty.json().errorCode]).toEqual([400, 'GROWTH_MEASUREMENT_EMPTY']);
    });
  });

  describe('DELETE /api/children/:uid/measurements/:id', () => {
    it('removes a measurement entered by mistake and its count (204); 404 when already gone; 403 outside the scope', async () => {
      const saved = (await post('awa', { date: '2024-10-03', weightKg: 7.2, muacMm: 128 })).json();
      const remove = (as: TestUser) => api().inject({ method: 'DELETE', url: `/api/children/${children.awa!.uid}/measurements/${saved.id}`, as });
      expect((await remove('segouViewer')).statusCode).toBe(403);
      expect((await remove('kayes')).statusCode).toBe(204);
      expect((await list('awa', 'kayes')).json().measurements.map((m: { date: string }) => m.date)).toEqual(['2024-08-10']);
      const { rows } = await api().database.pool.query(
        `SELECT 1 FROM data_value v JOIN period p ON p.id = v.period_id JOIN data_element de ON de.id = v.data_element_id WHERE p.iso = '202410' AND de.code LIKE 'NUT_GM_%'`,
      );
      expect(rows).toEqual([]);
      const again = await remove('kayes');
      expect([again.statusCode, again.json().errorCode]).toEqual([404, 'NOT_FOUND']);
    });
  });

  describe('POST /api/dataSetSources for NUT_GROWTH_MONITORING', () => {
    it('switching a health area to the registry writes its children’s counts of the months from the switch on', async () => {
      const response = await api().inject({
        method: 'POST', url: '/api/dataSetSources', as: 'national',
        payload: { dataSet: 'NUT_GROWTH_MONITORING', orgUnit: 'FAC_SEGOU_1', from: '2024-08-01', source: 'registry' },
      });
      expect(response.statusCode).toBe(200);
      // Weight only: screened and weight-for-age classified; no length or MUAC, so no other class.
      expect(response.json()).toMatchObject({ starts: '2024-08-01', written: 2 });
      // Seydou, born 2023-05-01, measured 2024-08-10: 467 days, 15.3 months → 12–23 months.
      const { rows } = await api().database.pool.query<{ coc: string; value: string }>(
        `SELECT coc.code AS coc, v.value FROM data_value v JOIN data_element de ON de.id = v.data_element_id JOIN org_unit ou ON ou.id = v.org_unit_id
         JOIN category_option_combo coc ON coc.id = v.category_option_combo_id WHERE de.code = 'NUT_GM_SCREENED' AND ou.code = 'FAC_SEGOU_1'`,
      );
      expect(rows).toEqual([{ coc: 'AGE_12-23M_M', value: '1' }]);
    });
  });

  describe('in analytics', () => {
    it('Kayes, August 2024: 1 child screened (girl, 6–11 months), MAM 100 % of the children classified', async () => {
      const analytics = (query: string) => api().inject({ method: 'GET', url: `/api/analytics?${query}`, as: 'national' });
      const totals = await analytics('dimension=dx:NUT_GM_SCREENED;NUT_GM_MAM_PCT&dimension=pe:202408&filter=ou:ML01');
      expect(totals.statusCode).toBe(200);
      expect(totals.json().rows).toEqual([
        ['NUT_GM_SCREENED', '202408', '1'],
        ['NUT_GM_MAM_PCT', '202408', '100'],
      ]);
      const bySexAndAge = await analytics('dimension=dx:NUT_GM_SCREENED&dimension=co&filter=pe:202408&filter=ou:ML01');
      expect(bySexAndAge.json().rows).toEqual([['NUT_GM_SCREENED', 'AGE_6-11M_F', '1']]);
    });
  });

  describe('GET /api/children/:uid/measurements', () => {
    it('lists the child’s measurements oldest first, to users whose scope holds the child', async () => {
      const response = await list('awa', 'kayes');
      expect(response.statusCode).toBe(200);
      expect(response.json().measurements.map((m: { date: string; zwfl: number }) => [m.date, m.zwfl])).toEqual([['2024-08-10', -0.15]]);
      expect((await list('awa', 'segouViewer')).statusCode).toBe(403);
      expect((await list('seydou', 'segouViewer')).json().measurements).toHaveLength(1);
    });
  });

  describe('GET /api/growth/curves', () => {
    it('gives the WHO lines of weight-for-age for girls (at birth 2.0 2.4 3.2 4.2 4.8 kg, WHO simplified field tables)', async () => {
      const response = await api().inject({ method: 'GET', url: '/api/growth/curves?indicator=wfa&sex=F', as: 'segouViewer' });
      expect(response.statusCode).toBe(200);
      const body = response.json();
      expect([body.indicator, body.sex, body.xUnit, body.points.length]).toEqual(['wfa', 'F', 'days', 1827]);
      const birth = body.points[0];
      [birth.sd3neg, birth.sd2neg, birth.sd0, birth.sd2, birth.sd3].forEach((value: number, i: number) => expect(value).toBeCloseTo([2.0, 2.4, 3.2, 4.2, 4.8][i]!, 1));
    });
    it('weight-for-height in cm (65 to 120 cm); an unknown indicator or sex is a 400 by field; sign-in required', async () => {
      const wfh = (await api().inject({ method: 'GET', url: '/api/growth/curves?indicator=wfh&sex=M', as: 'kayes' })).json();
      expect([wfh.xUnit, wfh.points[0].x, wfh.points.at(-1).x]).toEqual(['cm', 65, 120]);
      const bad = await api().inject({ method: 'GET', url: '/api/growth/curves?indicator=hc&sex=X', as: 'kayes' });
      expect(bad.json().errors.map((error: { field: string }) => error.field)).toEqual(['query.indicator', 'query.sex']);
      expect((await api().inject({ method: 'GET', url: '/api/growth/curves?indicator=wfa&sex=F' })).statusCode).toBe(401);
    });
  });
});
