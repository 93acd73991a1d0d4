// GET /api/audits/dataValue, as DHIS2's audit API for aggregate data: a value imported,
// updated and deleted by three users reads back as three audits, newest first, each with the
// value before, the value after and who changed it; a reader sees only the audits of its scope.
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngineApp, type TestUser } from '../../testing/testApp.ts';

const penta = (value: string) => ({ dataElement: 'PENTA1', period: '202401', orgUnit: 'FAC_KAYES_1', categoryOptionCombo: 'F', value });

describeEachEngineApp('data value audits API', (api) => {
  const importAs = async (as: TestUser, url: string, dataValues: object[]) => {
    const response = await api().inject({ method: 'POST', url, as, payload: { dataValues } });
    expect(response.statusCode, response.body).toBe(200);
  };
  const audits = (query: string, as: TestUser = 'kayes') => api().inject({ method: 'GET', url: `/api/audits/dataValue?${query}`, as });

  beforeAll(async () => {
    await api().database.pool.query('DELETE FROM data_value');
    await api().database.pool.query('DELETE FROM data_value_audit');
    await importAs('national', '/api/dataValueSets', [penta('14')]);
    await importAs('kayes', '/api/dataValueSets', [penta('15')]);
    await importAs('admin', '/api/dataValueSets?importStrategy=DELETE', [penta('15')]);
    // Another region's value, which Kayes's users must never see.
    await importAs('national', '/api/dataValueSets', [{ dataElement: 'STAFF', period: '202401', orgUnit: 'FAC_SEGOU_1', value: '3' }]);
  });

  it('lists the deletion, the update and the creation of a value, newest first, with the values before and after and the user', async () => {
    const response = await audits('de=PENTA1&pe=202401&ou=FAC_KAYES_1');
    expect(response.statusCode).toBe(200);
    const { pager, dataValueAudits } = response.json();
    expect(pager).toEqual({ page: 1, pageCount: 1, total: 3, pageSize: 50 });
    const key = { dataElement: 'PENTA1', period: '202401', orgUnit: 'FAC_KAYES_1', categoryOptionCombo: 'F', attributeOptionCombo: 'default' };
    expect(dataValueAudits).toMatchObject([
      { ...key, auditType: 'DELETE', previousValue: '15', value: null, modifiedBy: 'admin' },
      { ...key, auditType: 'UPDATE', previousValue: '14', value: '15', modifiedBy: 'kayes' },
      { ...key, auditType: 'CREATE', previousValue: null, value: '14', modifiedBy: 'national' },
    ]);
    const times = dataValueAudits.map((audit: { created: string }) => Date.parse(audit.created));
    expect(times[0]).toBeGreaterThanOrEqual(times[1]);
    expect(times[1]).toBeGreaterThanOrEqual(times[2]);
  });

  it('reads identifiers as codes or UIDs, a data set as its data elements, and filters by audit type and category option combo', async () => {
    const byUid = await audits('de=DePenta1001&ou=FacKayes001&co=CocFemale01&cc=HllvX50cXC0');
    expect(byUid.json().pager.total).toBe(3);
    const updates = await audits('ds=EPI_MONTHLY&auditType=update,delete');
    expect(updates.json().dataValueAudits.map((audit: { auditType: string }) => audit.auditType)).toEqual(['DELETE', 'UPDATE']);
    expect((await audits('de=PENTA1&co=M')).json().pager.total).toBe(0);
    expect((await audits('pe=202402')).json().pager.total).toBe(0);
  });

  it('pages: page 2 of size 2 holds the oldest audit', async () => {
    const response = await audits('de=PENTA1&pageSize=2&page=2');
    expect(response.json().pager).toEqual({ page: 2, pageCount: 2, total: 3, pageSize: 2 });
    expect(response.json().dataValueAudits.map((audit: { auditType: string }) => audit.auditType)).toEqual(['CREATE']);
  });

  describe('scope', () => {
    it('a reader without an org unit filter gets only the audits of its own subtrees', async () => {
      const kayes = (await audits('')).json().dataValueAudits.map((audit: { orgUnit: string }) => audit.orgUnit);
      expect(kayes).toEqual(['FAC_KAYES_1', 'FAC_KAYES_1', 'FAC_KAYES_1']);
      const segou = (await audits('', 'segouViewer')).json().dataValueAudits;
      expect(segou).toMatchObject([{ dataElement: 'STAFF', orgUnit: 'FAC_SEGOU_1', auditType: 'CREATE', value: '3', modifiedBy: 'national' }]);
      expect((await audits('', 'national')).json().pager.total).toBe(4);
    });

    it('naming an org unit outside the scope is refused (403 OUT_OF_SCOPE), not answered empty', async () => {
      const response = await audits('ou=FAC_KAYES_1', 'segouViewer');
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ errorCode: 'OUT_OF_SCOPE', message: "L'unité d'organisation FAC_KAYES_1 est hors de votre périmètre" });
    });
  });

  describe('edge', () => {
    it('requires a signed-in user', async () => {
      expect((await api().inject({ method: 'GET', url: '/api/audits/dataValue' })).statusCode).toBe(401);
    });

    it('refuses an unknown identifier, period or audit type with 400 and the parameter, in the user language', async () => {
      const unknown = await api().inject({ method: 'GET', url: '/api/audits/dataValue?de=NOPE', as: 'kayes', headers: { 'accept-language': 'en' } });
      expect([unknown.statusCode, unknown.json().errorCode, unknown.json().message]).toEqual([400, 'DATA_EXPORT_UNKNOWN', 'Parameter "de": "NOPE" names nothing']);
      const period = await audits('pe=2024W60');
      expect([period.statusCode, period.json().errors[0].field]).toEqual([400, 'query.pe']);
      const type = await audits('auditType=MERGE');
      expect([type.statusCode, type.json().errors[0].field]).toEqual([400, 'query.auditType.0']);
      expect((await audits('pageSize=0')).statusCode).toBe(400);
    });
  });
});
