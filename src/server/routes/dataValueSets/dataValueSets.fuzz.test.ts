// Property: whatever data value file, content type or query a client sends to the data value
// routes, the server answers without a server error; a refusal is a WebMessage with an error
// code, and an import summary names each refused value's row (style guideline 3).
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { expect, it } from 'vitest';
import { describeEachEngineApp } from '../../testing/testApp.ts';

const identifiers = fc.constantFrom('PENTA1', 'STAFF', 'NOTE', 'RUTF_STOCK', 'DePenta1001', 'FAC_KAYES_1', 'FAC_SEGOU_1', 'ML01', 'F', 'M', 'default', '', 'x', 'a\u0000b');
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 8 }), fc.constantFrom('0', '-1', '1e3', '12.5', 'true', 't', '2024-01-01', '\u0000', '\\N', 'a\tb\nc'));
const period = fc.oneof(fc.constantFrom('202401', '2024Q1', '2024', '20240115', '2024W5', '0000', '9999', '000001', '2024-01-01/P1M'), fc.string({ maxLength: 10 }));
const timestamp = fc.oneof(fc.constantFrom('2024-02-30', '0000-01-01T00:00:00Z', '9999-12-31', '2024-01-01T25:00', '1988-12-21T23:59:38.000+0000'), fc.string({ maxLength: 12 }));
const value = fc.record(
  { dataElement: identifiers, period, orgUnit: identifiers, categoryOptionCombo: identifiers, attributeOptionCombo: identifiers, value: text, comment: text, storedBy: text, created: timestamp, lastUpdated: timestamp, followup: fc.oneof(fc.boolean(), text), deleted: fc.oneof(fc.boolean(), text) },
  { requiredKeys: [] },
);
const csvCell = (cell: unknown) => `"${String(cell ?? '').replaceAll('"', '""')}"`;
const bodies = fc.oneof(
  fc.array(value, { maxLength: 6 }).map((values) => ({ type: 'application/json', payload: JSON.stringify({ dataValues: values }) })),
  fc.jsonValue().map((json) => ({ type: 'application/json', payload: JSON.stringify(json) })),
  fc.array(value, { maxLength: 6 }).map((values) => ({
    type: 'text/csv',
    payload: ['dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted']
      .concat(values.map((v) => [v.dataElement, v.period, v.orgUnit, v.categoryOptionCombo, v.attributeOptionCombo, v.value, v.storedBy, v.lastUpdated, v.comment, v.followup, v.deleted].map(csvCell).join(',')))
      .join('\n'),
  })),
  fc.array(value, { maxLength: 4 }).map((values) => ({
    type: 'application/adx+xml',
    payload: `<adx xmlns="urn:ihe:qrph:adx:2015"><group dataSet="EPI_MONTHLY" orgUnit="${values[0]?.orgUnit ?? ''}" period="${values[0]?.period ?? ''}">${values
      .map((v) => `<dataValue dataElement="${String(v.dataElement ?? '')}" SEX="${String(v.categoryOptionCombo ?? '')}" value="${String(v.value ?? '').replace(/[<&"]/g, '')}"/>`)
      .join('')}</group></adx>`,
  })),
  fc.string({ unit: 'binary', maxLength: 200 }).map((payload) => ({ type: 'application/xml', payload })),
);
const query = fc.record(
  { atomicMode: fc.constantFrom('ALL', 'NONE', 'some'), dryRun: fc.constantFrom('true', 'false', 'x'), importStrategy: fc.constantFrom('CREATE', 'UPDATE', 'DELETE', 'CREATE_AND_UPDATE', 'MERGE'), idScheme: fc.constantFrom('code', 'uid', 'NAME', 'attribute:x') },
  { requiredKeys: [] },
);

function expectAnswered(response: LightMyRequestResponse): void {
  expect(response.statusCode, response.body).toBeLessThan(500);
  const message = response.json();
  if (response.statusCode >= 400 && !message.response) expect(message).toMatchObject({ status: 'ERROR', errorCode: expect.any(String) });
  for (const conflict of message.response?.conflicts ?? []) expect(conflict).toMatchObject({ errorCode: expect.any(String), field: expect.any(String), value: expect.any(String) });
}

describeEachEngineApp('data value routes under random input', (api) => {
  it('answers any data value file, content type and import options without a server error', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, query, async ({ type, payload }, options) => {
        const response = await api().inject({ method: 'POST', url: `/api/dataValueSets?${new URLSearchParams(options)}`, as: 'national', headers: { 'content-type': type }, payload });
        expectAnswered(response);
      }),
      { numRuns: 150 },
    );
  });

  it('answers any export request and any single-value request without a server error', async () => {
    const parameter = fc.oneof(identifiers, period, fc.string({ maxLength: 8 }));
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('dataSet', 'period', 'orgUnit', 'children', 'startDate', 'endDate', 'de', 'pe', 'ou', 'co', 'cc', 'cp', 'value', 'idScheme'), parameter, { maxKeys: 6 }), async (params) => {
        const search = new URLSearchParams(params);
        expectAnswered(await api().inject({ method: 'GET', url: `/api/dataValueSets?${search}`, as: 'kayes' }).then((r) => (r.statusCode === 200 ? { ...r, json: () => ({}) } as LightMyRequestResponse : r)));
        for (const method of ['GET', 'POST', 'DELETE'] as const) {
          const response = await api().inject({ method, url: `/api/dataValues?${search}`, as: 'kayes' });
          if (response.statusCode !== 204) expectAnswered(response);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describeEachEngineApp('data value routes: texts the database cannot store', (api) => {
  it('refuses a NUL character and out-of-range dates by row and field instead of failing in the database', async () => {
    const valid = { dataElement: 'PENTA1', period: '202401', orgUnit: 'FAC_KAYES_1', categoryOptionCombo: 'F', value: '3' };
    const cases = [
      { ...valid, comment: 'a\u0000b' },
      { ...valid, value: '3\u0000' },
      { ...valid, storedBy: '\u0000' },
      { ...valid, created: '0000-01-01T00:00:00Z', lastUpdated: '0000-12-31' },
    ];
    for (const dataValue of cases) {
      const response = await api().inject({ method: 'POST', url: '/api/dataValueSets?dryRun=true', as: 'national', payload: { dataValues: [dataValue] } });
      expectAnswered(response);
    }
  });
});
