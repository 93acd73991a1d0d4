// POST and GET /api/dataValueSets through the real application: formats by Content-Type and
// extension, DHIS2's reply shapes, French and English conflicts, roles and org-unit scopes.
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngineApp } from '../../testing/testApp.ts';

const penta = (orgUnit: string, value: string, coc = 'F') => ({ dataElement: 'PENTA1', period: '202401', orgUnit, categoryOptionCombo: coc, value });

describeEachEngineApp('dataValueSets API', (api) => {
  beforeAll(async () => {
    await api().database.pool.query('DELETE FROM data_value');
  });

  describe('import', () => {
    it('imports JSON and answers like DHIS2, with the summary under response', async () => {
      const response = await api().inject({ method: 'POST', url: '/api/dataValueSets', as: 'national', payload: { dataValues: [penta('FAC_KAYES_1', '12')] } });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({
        httpStatus: 'OK',
        status: 'OK',
        response: { responseType: 'ImportSummary', status: 'SUCCESS', importCount: { imported: 1, updated: 0, deleted: 0, ignored: 0 }, conflicts: [] },
      });
    });

    it('refuses the whole file (409) when one value is outside the user scope, naming row and field', async () => {
      const response = await api().inject({
        method: 'POST',
        url: '/api/dataValueSets',
        as: 'kayes',
        headers: { 'accept-language': 'en' },
        payload: { dataValues: [penta('FAC_KAYES_2', '3'), penta('FAC_SEGOU_1', '4')] },
      });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({
        status: 'ERROR',
        response: {
          status: 'ERROR',
          importCount: { imported: 0, ignored: 2 },
          conflicts: [{ object: 'FAC_SEGOU_1', errorCode: 'E7617', property: 'orgUnit', field: 'orgUnit', row: 2, indexes: [1], value: 'Org unit "FAC_SEGOU_1" is outside your scope' }],
          rejectedIndexes: [0, 1],
        },
      });
    });

    it('with atomicMode=NONE imports the values in scope and reports the others (in French by default)', async () => {
      const response = await api().inject({
        method: 'POST',
        url: '/api/dataValueSets?atomicMode=NONE',
        as: 'kayes',
        payload: { dataValues: [penta('FAC_KAYES_2', '3'), penta('FAC_SEGOU_1', '4')] },
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().status).toBe('WARNING');
      expect(response.json().response.importCount).toEqual({ imported: 1, updated: 0, deleted: 0, ignored: 1 });
      expect(response.json().response.conflicts[0].value).toBe("L'unité d'organisation « FAC_SEGOU_1 » est hors de votre périmètre");
    });

    it('reads CSV (application/csv and text/csv) and ADX (both spellings of its type)', async () => {
      const csv = 'dataelement,period,orgunit,categoryoptioncombo,value\nPENTA3,202401,FAC_KAYES_1,F,5\n';
      for (const type of ['application/csv', 'text/csv']) {
        const response = await api().inject({ method: 'POST', url: '/api/dataValueSets?dryRun=true', as: 'national', headers: { 'content-type': type }, payload: csv });
        expect(response.json().response.importCount.imported, type).toBe(1);
      }
      const adx = `<adx xmlns="urn:ihe:qrph:adx:2015" exported="2024-02-01T00:00:00Z"><group dataSet="EPI_MONTHLY" orgUnit="FAC_KAYES_1" period="2024-01-01/P1M">
        <dataValue dataElement="PENTA3" SEX="M" value="6"/></group></adx>`;
      for (const type of ['application/adx+xml', 'application/xml+adx']) {
        const response = await api().inject({ method: 'POST', url: '/api/dataValueSets?dryRun=true', as: 'national', headers: { 'content-type': type }, payload: adx });
        expect(response.json().response.importCount.imported, type).toBe(1);
      }
    });

    it('answers 400 naming the field for a bad option, 415 for an unknown body type, 403 to a viewer', async () => {
      const bad = await api().inject({ method: 'POST', url: '/api/dataValueSets?atomicMode=SOME', as: 'national', payload: { dataValues: [] } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors[0].field).toBe('query.atomicMode');
      const type = await api().inject({ method: 'POST', url: '/api/dataValueSets', as: 'national', headers: { 'content-type': 'application/pdf' }, payload: 'x' });
      expect(type.statusCode).toBe(415);
      const viewer = await api().inject({ method: 'POST', url: '/api/dataValueSets', as: 'segouViewer', payload: { dataValues: [] } });
      expect(viewer.statusCode).toBe(403);
    });

    it("reads DHIS2's former strategy names (importStrategy=NEW_AND_UPDATES is CREATE_AND_UPDATE) and refuses an unknown one naming the field", async () => {
      const former = await api().inject({ method: 'POST', url: '/api/dataValueSets?importStrategy=NEW_AND_UPDATES&dryRun=true', as: 'national', payload: { dataValues: [] } });
      expect([former.statusCode, former.json().response.importOptions.importStrategy]).toEqual([200, 'CREATE_AND_UPDATE']);
      const unknown = await api().inject({ method: 'POST', url: '/api/dataValueSets?importStrategy=MERGE', as: 'national', payload: { dataValues: [] } });
      expect([unknown.statusCode, unknown.json().errors[0].field]).toEqual([400, 'query.importStrategy']);
    });
  });

  describe('export', () => {
    it('exports CSV by extension, JSON by default, with DHIS2 header fields for one data set, period and org unit', async () => {
      const csv = await api().inject({ method: 'GET', url: '/api/dataValueSets.csv?dataSet=EPI_MONTHLY&period=202401&orgUnit=ML01&children=true', as: 'national' });
      expect(csv.statusCode).toBe(200);
      expect(csv.headers['content-type']).toContain('application/csv');
      const lines = csv.body.trim().split('\r\n');
      expect(lines[0]).toBe('dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted');
      expect(lines.slice(1).map((line) => line.split(',').slice(0, 6).join(','))).toEqual(['PENTA1,202401,FAC_KAYES_1,F,default,12', 'PENTA1,202401,FAC_KAYES_2,F,default,3']);
      const json = await api().inject({ method: 'GET', url: '/api/dataValueSets?dataSet=EPI_MONTHLY&period=202401&orgUnit=FAC_KAYES_1', as: 'national' });
      expect(json.json()).toMatchObject({ dataSet: 'EPI_MONTHLY', period: '202401', orgUnit: 'FAC_KAYES_1', dataValues: [{ dataElement: 'PENTA1', value: '12', storedBy: 'national' }] });
    });

    it('refuses an export outside the user scope (403) and an incomplete request (400, as DHIS2 E2001–E2006)', async () => {
      const outside = await api().inject({ method: 'GET', url: '/api/dataValueSets?dataSet=EPI_MONTHLY&period=202401&orgUnit=ML04', as: 'kayes' });
      expect([outside.statusCode, outside.json().errorCode, outside.json().field]).toEqual([403, 'OUT_OF_SCOPE', 'orgUnit']);
      const noPeriod = await api().inject({ method: 'GET', url: '/api/dataValueSets?dataSet=EPI_MONTHLY&orgUnit=ML01', as: 'kayes', headers: { 'accept-language': 'en' } });
      expect(noPeriod.statusCode).toBe(400);
      expect(noPeriod.json()).toMatchObject({ errorCode: 'DATA_EXPORT_NO_PERIOD', field: 'period' });
    });

    it('refuses a date that does not exist and a period that is not one with 400 naming the field and the reason', async () => {
      // 30 February and week 60 do not exist (ISO 8601: at most 53 weeks, 52 in 2024).
      const dates = await api().inject({ method: 'GET', url: '/api/dataValueSets?dataSet=EPI_MONTHLY&startDate=2024-02-30&endDate=2024-03-31&orgUnit=ML01', as: 'kayes', headers: { 'accept-language': 'en' } });
      expect(dates.statusCode).toBe(400);
      expect(dates.json()).toMatchObject({ field: 'query.startDate', errors: [{ field: 'query.startDate', code: 'DATA_VALUES_DATE_INVALID', message: expect.stringContaining('"2024-02-30" is not an existing YYYY-MM-DD date') }] });
      const week = await api().inject({ method: 'GET', url: '/api/dataValueSets.csv?dataSet=EPI_MONTHLY&period=202401,2024W60&orgUnit=ML01', as: 'kayes', headers: { 'accept-language': 'fr' } });
      expect(week.statusCode).toBe(400);
      expect(week.json()).toMatchObject({ field: 'query.period', errors: [{ field: 'query.period', code: 'DATA_VALUES_PERIOD_INVALID', message: expect.stringContaining("« 2024W60 » n'est pas une période DHIS2") }] });
    });
  });
});
