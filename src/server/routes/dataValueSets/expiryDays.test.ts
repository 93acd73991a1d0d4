// Expiry days (DHIS2 E7640) through the API, on the real clock: EPI_MONTHLY gets 1 expiry day,
// so January 2024 (ends 31 January) could be entered until 1 February 2024 and is expired
// today. A data entry user (and a data manager) is refused; the superuser (DHIS2's
// F_EDIT_EXPIRED) is not.
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngineApp } from '../../testing/testApp.ts';

const key = 'de=PENTA1&pe=202401&ou=FAC_KAYES_1&co=F&ds=EPI_MONTHLY';
const january = { dataElement: 'PENTA1', period: '202401', orgUnit: 'FAC_KAYES_2', categoryOptionCombo: 'M', value: '8' };

describeEachEngineApp('expiry days API (E7640)', (api) => {
  beforeAll(async () => {
    await api().database.pool.query("DELETE FROM data_value; UPDATE data_set SET expiry_days = 1 WHERE code = 'EPI_MONTHLY'");
  });

  describe('POST /api/dataValues (data entry form)', () => {
    it('refuses a data entry user with 409, E7640 and the last entry day, in French and in English', async () => {
      const en = await api().inject({ method: 'POST', url: `/api/dataValues?${key}&value=5`, as: 'kayes', headers: { 'accept-language': 'en' } });
      expect(en.statusCode).toBe(409);
      expect(en.json()).toMatchObject({
        status: 'ERROR',
        errorCode: 'E7640',
        field: 'period',
        message: 'Current date is past the expiry days of period "202401" and data set "EPI_MONTHLY": entry was allowed until 2024-02-01',
      });
      const fr = await api().inject({ method: 'POST', url: `/api/dataValues?${key}&value=5`, as: 'kayes', headers: { 'accept-language': 'fr' } });
      expect(fr.json().message).toBe("La date du jour dépasse les jours d'expiration de la période « 202401 » du jeu de données « EPI_MONTHLY » : la saisie était permise jusqu'au 2024-02-01");
      expect((await api().inject({ method: 'POST', url: `/api/dataValues?${key}&value=5`, as: 'national' })).json().errorCode).toBe('E7640');
    });
    it('lets the superuser write and delete it', async () => {
      expect((await api().inject({ method: 'POST', url: `/api/dataValues?${key}&value=5`, as: 'admin' })).statusCode).toBe(201);
      expect((await api().inject({ method: 'DELETE', url: `/api/dataValues?${key}`, as: 'kayes' })).json().errorCode).toBe('E7640');
      expect((await api().inject({ method: 'DELETE', url: `/api/dataValues?${key}`, as: 'admin' })).statusCode).toBe(204);
    });
  });

  describe('POST /api/dataValueSets', () => {
    it('refuses the expired value of a data entry user as a conflict, imports it for the superuser', async () => {
      const refused = await api().inject({ method: 'POST', url: '/api/dataValueSets', as: 'kayes', headers: { 'accept-language': 'en' }, payload: { dataValues: [january] } });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().response).toMatchObject({
        importCount: { imported: 0, ignored: 1 },
        conflicts: [{ object: '202401', errorCode: 'E7640', property: 'period', row: 1, indexes: [0] }],
      });
      const admitted = await api().inject({ method: 'POST', url: '/api/dataValueSets', as: 'admin', payload: { dataValues: [january] } });
      expect(admitted.json().response).toMatchObject({ status: 'SUCCESS', importCount: { imported: 1 } });
    });
  });

  describe('POST and DELETE /api/completeDataSetRegistrations', () => {
    const completion = '/api/completeDataSetRegistrations?ds=EPI_MONTHLY&pe=202401&ou=FAC_KAYES_1';
    it('refuses completing an expired period, in French and in English, and lets the superuser complete it', async () => {
      const en = await api().inject({ method: 'POST', url: completion, as: 'kayes', headers: { 'accept-language': 'en' } });
      expect(en.statusCode).toBe(409);
      expect(en.json()).toMatchObject({
        errorCode: 'COMPLETION_PERIOD_EXPIRED',
        field: 'pe',
        message: 'Period "202401" of data set "EPI_MONTHLY" is past its expiry days (entry was allowed until 2024-02-01): its completion can no longer be changed',
      });
      const fr = await api().inject({ method: 'POST', url: completion, as: 'kayes', headers: { 'accept-language': 'fr' } });
      expect(fr.json().message).toBe("La période « 202401 » du jeu de données « EPI_MONTHLY » a dépassé ses jours d'expiration (saisie permise jusqu'au 2024-02-01) : son état complet ne peut plus être changé");
      expect((await api().inject({ method: 'POST', url: completion, as: 'admin' })).statusCode).toBe(200);
    });
    it('refuses reopening it to a data entry user, not to the superuser', async () => {
      expect((await api().inject({ method: 'DELETE', url: completion, as: 'kayes' })).json().errorCode).toBe('COMPLETION_PERIOD_EXPIRED');
      expect((await api().inject({ method: 'DELETE', url: completion, as: 'admin' })).statusCode).toBe(204);
    });
  });
});
