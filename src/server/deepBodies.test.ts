// Documents nested 200,000 levels deep: JSON.parse reads them, but JSON.stringify (messages,
// reports, the JSON parameter the store writes) recursed and threw RangeError — a 500. They get
// the import's ordinary answer instead: a report naming the field, or the geometry without the
// foreign member.
import { expect, it } from 'vitest';
import { describeEachEngineApp } from './testing/testApp.ts';

const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;

describeEachEngineApp('deeply nested import documents', (api) => {
  const post = (url: string, payload: string) => api().inject({ method: 'POST', url, payload, headers: { 'content-type': 'application/json', 'accept-language': 'en' }, as: 'admin' });

  it('metadata: a field nested 200,000 deep is E4027 on that field (409), not a 500', async () => {
    const response = await post('/api/metadata?dryRun=true', `{"organisationUnits":[{"name":"Deep","translations":${deep}}]}`);
    expect(response.statusCode).toBe(409);
    const [report] = response.json().response.typeReports[0].objectReports[0].errorReports;
    expect(report).toMatchObject({ errorCode: 'E4027', errorProperty: 'translations.0' });
  });

  it('metadata: a geometry carrying a deep foreign member imports with its type and coordinates only', async () => {
    const response = await post('/api/metadata?dryRun=true', `{"organisationUnits":[{"name":"Deep","geometry":{"type":"Point","coordinates":[-8,12.6],"extra":${deep}}}]}`);
    expect(response.statusCode).toBe(200);
    expect(response.json().response.stats).toMatchObject({ created: 1, ignored: 0 });
  });

  it('data values: a value nested 200,000 deep is a ROW_INVALID conflict on its row (409), not a 500', async () => {
    const response = await post('/api/dataValueSets?dryRun=true', `{"dataValues":[{"dataElement":"STAFF","period":"202401","orgUnit":"FAC_KAYES_1","value":${deep}}]}`);
    expect(response.statusCode).toBe(409);
    expect(response.json().response.conflicts).toMatchObject([{ errorCode: 'ROW_INVALID', row: 1, value: `Unreadable data value (field "value"): ${'['.repeat(21)}…${']'.repeat(21)}` }]);
  });
});
