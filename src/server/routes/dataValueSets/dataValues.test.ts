// One data value at a time (/api/dataValues) and data set completion
// (/api/completeDataSetRegistrations), as the data entry form uses them: DHIS2's parameter
// names, 201/204/404/409 replies, the same checks as file imports, and the user's scope.
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngineApp } from '../../testing/testApp.ts';

const key = 'de=PENTA1&pe=202401&ou=FAC_KAYES_1&co=F';

describeEachEngineApp('dataValues and completeDataSetRegistrations API', (api) => {
  beforeAll(async () => {
    await api().database.pool.query('DELETE FROM data_value');
  });

  describe('/api/dataValues', () => {
    it('writes a value (201), reads it back, updates it, then deletes it (204) — each change audited', async () => {
      const created = await api().inject({ method: 'POST', url: `/api/dataValues?${key}&value=14&comment=vu&followUp=true`, as: 'kayes' });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({ dataElement: 'PENTA1', period: '202401', orgUnit: 'FAC_KAYES_1', categoryOptionCombo: 'F', attributeOptionCombo: 'default', value: '14', comment: 'vu', followUp: true, storedBy: 'kayes' });
      await api().inject({ method: 'POST', url: `/api/dataValues?${key}&value=15`, as: 'kayes' });
      const read = await api().inject({ method: 'GET', url: `/api/dataValues?${key}`, as: 'kayes' });
      expect(read.json()).toMatchObject({ value: '15', comment: null, followUp: false });
      const removed = await api().inject({ method: 'DELETE', url: `/api/dataValues?${key}`, as: 'kayes' });
      expect(removed.statusCode).toBe(204);
      expect((await api().inject({ method: 'GET', url: `/api/dataValues?${key}`, as: 'kayes' })).statusCode).toBe(404);
      expect((await api().inject({ method: 'DELETE', url: `/api/dataValues?${key}`, as: 'kayes' })).statusCode).toBe(404);
      const { rows } = await api().database.pool.query("SELECT audit_type, previous_value, value FROM data_value_audit WHERE modified_by = 'kayes' ORDER BY id");
      expect(rows).toEqual([
        { audit_type: 'CREATE', previous_value: null, value: '14' },
        { audit_type: 'UPDATE', previous_value: '14', value: '15' },
        { audit_type: 'DELETE', previous_value: '15', value: null },
      ]);
    });

    it('clearing the field (empty value) deletes the value, as the DHIS2 data entry form does', async () => {
      await api().inject({ method: 'POST', url: `/api/dataValues?${key}&value=3`, as: 'national' });
      const cleared = await api().inject({ method: 'POST', url: `/api/dataValues?${key}&value=`, as: 'national' });
      expect(cleared.statusCode).toBe(204);
      expect((await api().inject({ method: 'GET', url: `/api/dataValues?${key}`, as: 'national' })).statusCode).toBe(404);
    });

    it('refuses a bad value with 409, the check code, the field and a message in the user language', async () => {
      const response = await api().inject({ method: 'POST', url: `/api/dataValues?${key}&value=-2`, as: 'kayes', headers: { 'accept-language': 'en' } });
      expect(response.statusCode).toBe(409);
      expect(response.json()).toMatchObject({
        status: 'ERROR',
        errorCode: 'E7619',
        field: 'value',
        message: 'Value "-2" does not fit type INTEGER_ZERO_OR_POSITIVE: not a whole number, zero or more',
      });
    });

    it('keeps each user in its scope: writing answers 409 (E7617), reading 403; a viewer cannot write', async () => {
      const segou = 'de=STAFF&pe=202401&ou=FAC_SEGOU_1';
      await api().inject({ method: 'POST', url: `/api/dataValues?${segou}&value=2`, as: 'national' });
      const write = await api().inject({ method: 'POST', url: `/api/dataValues?${segou}&value=3`, as: 'kayes' });
      expect([write.statusCode, write.json().errorCode]).toEqual([409, 'E7617']);
      const read = await api().inject({ method: 'GET', url: `/api/dataValues?${segou}`, as: 'kayes', headers: { 'accept-language': 'en' } });
      expect([read.statusCode, read.json().errorCode, read.json().message]).toEqual([403, 'OUT_OF_SCOPE', 'Org unit FAC_SEGOU_1 is outside your scope']);
      expect((await api().inject({ method: 'GET', url: `/api/dataValues?${segou}`, as: 'segouViewer' })).json().value).toBe('2');
      expect((await api().inject({ method: 'POST', url: `/api/dataValues?${segou}&value=4`, as: 'segouViewer' })).statusCode).toBe(403);
    });
  });

  describe('/api/completeDataSetRegistrations', () => {
    const completion = 'ds=EPI_MONTHLY&pe=202401&ou=FAC_KAYES_1';

    it('marks a data set complete, shows it in the export header, and undoes it', async () => {
      const done = await api().inject({ method: 'POST', url: `/api/completeDataSetRegistrations?${completion}`, as: 'kayes' });
      expect(done.statusCode).toBe(200);
      expect(done.json()).toMatchObject({ dataSet: 'EPI_MONTHLY', period: '202401', orgUnit: 'FAC_KAYES_1', completedBy: 'kayes' });
      const exported = await api().inject({ method: 'GET', url: '/api/dataValueSets?dataSet=EPI_MONTHLY&period=202401&orgUnit=FAC_KAYES_1', as: 'kayes' });
      expect(exported.json().completeDate).toBe(done.json().completed.slice(0, 10));
      expect((await api().inject({ method: 'DELETE', url: `/api/completeDataSetRegistrations?${completion}`, as: 'kayes' })).statusCode).toBe(204);
      expect((await api().inject({ method: 'DELETE', url: `/api/completeDataSetRegistrations?${completion}`, as: 'kayes' })).statusCode).toBe(404);
    });

    it('refuses an unassigned org unit, a period of another type, and an org unit outside the scope', async () => {
      const region = await api().inject({ method: 'POST', url: '/api/completeDataSetRegistrations?ds=EPI_MONTHLY&pe=202401&ou=ML01', as: 'kayes' });
      expect([region.statusCode, region.json().errorCode, region.json().field]).toEqual([400, 'COMPLETION_NOT_ASSIGNED', 'ou']);
      const quarter = await api().inject({ method: 'POST', url: '/api/completeDataSetRegistrations?ds=EPI_MONTHLY&pe=2024Q1&ou=FAC_KAYES_1', as: 'kayes' });
      expect([quarter.statusCode, quarter.json().errorCode]).toEqual([400, 'COMPLETION_PERIOD_TYPE']);
      const outside = await api().inject({ method: 'POST', url: '/api/completeDataSetRegistrations?ds=EPI_MONTHLY&pe=202401&ou=FAC_SEGOU_1', as: 'kayes' });
      expect([outside.statusCode, outside.json().errorCode, outside.json().field]).toEqual([403, 'OUT_OF_SCOPE', 'ou']);
    });
  });
});
