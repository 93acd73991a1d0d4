// DHIS2's end-to-end DataImportTest (dhis-test-e2e, aggregate), through Denw's API: the test's
// metadata export loaded by the metadata importer, then its 231-value file imported in bulk,
// asynchronously, and its one-data-set file, exported and read back value by value, and all
// deleted. DHIS2 runs this test on its Sierra Leone demonstration database, which holds the
// org units the data sets reference; they are added to the metadata document here. Denw
// differences: identifiers are written by code unless idScheme=uid is asked; an empty file is
// refused at once (400 WebMessage) where DHIS2 starts an asynchronous job that ends in ERROR.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importMetadata } from '../../../store/metadata/importMetadata.ts';
import { createUser } from '../../../store/users.ts';
import { describeEachEngineApp, testPassword } from '../../testing/testApp.ts';

const sample = (path: string) => new URL(`../../../core/dataValueSets/dhis2-samples/e2e/aggregate/${path}`, import.meta.url);
const metadata = JSON.parse(readFileSync(new URL('../../../store/metadata/dhis2Samples/e2e/aggregate/metadata.json', import.meta.url), 'utf8'));
const bulk = readFileSync(sample('dataValues_bulk.json'), 'utf8');
const singleDataSet = readFileSync(sample('dataValues_single_dataset.json'), 'utf8');
const emptyJson = readFileSync(sample('empty_file.json'), 'utf8');
const emptyXml = readFileSync(sample('empty_file.xml'), 'utf8');

// The Sierra Leone org units the data sets are assigned to (codes chosen for this test).
const orgUnits = [
  { id: 'ImspTQPwCqd', code: 'SL', name: 'Sierra Leone' },
  { id: 'O6uvpzGd5pu', code: 'SL_BO', name: 'Bo', parent: { id: 'ImspTQPwCqd' } },
  { id: 'YuQRtpLP10I', code: 'SL_BO_BADJIA', name: 'Badjia', parent: { id: 'O6uvpzGd5pu' } },
  { id: 'g8upMTyEZGZ', code: 'SL_BO_NJANDAMA', name: 'Njandama MCHP', parent: { id: 'YuQRtpLP10I' } },
];
const superuser = { authorization: `Basic ${Buffer.from(`slAdmin:${testPassword}`).toString('base64')}`, 'accept-language': 'en' };

describeEachEngineApp('DHIS2 DataImportTest (e2e)', (api) => {
  beforeAll(async () => {
    const report = await importMetadata(api().database, { ...metadata, organisationUnits: orgUnits });
    expect(report.status).toBe('OK');
    await createUser(api().database, { username: 'slAdmin', displayName: 'slAdmin', password: testPassword, role: 'superuser', scope: ['SL'] });
  });

  it('dataValuesCanBeImportedInBulk: SUCCESS, no conflict, nothing ignored or deleted', async () => {
    const response = await api().inject({ method: 'POST', url: '/api/dataValueSets?importReportMode=FULL', headers: { ...superuser, 'content-type': 'application/json' }, payload: bulk });
    expect(response.statusCode).toBe(200);
    const summary = response.json().response;
    expect(summary).toMatchObject({ status: 'SUCCESS', conflicts: [], importCount: { imported: 231, updated: 0, ignored: 0, deleted: 0 } });
  });

  it('dataValuesCanBeImportedAsync: a job whose notifications and summary DHIS2 reports', async () => {
    const started = await api().inject({ method: 'POST', url: '/api/dataValueSets?reportMode=DEBUG&async=true', headers: { ...superuser, 'content-type': 'application/json' }, payload: bulk });
    expect(started.statusCode).toBe(200);
    const { id, relativeNotifierEndpoint } = started.json().response;
    expect(relativeNotifierEndpoint).toBe(`/api/system/tasks/DATAVALUE_IMPORT/${id}`);
    let notes: Array<{ message: string; completed: boolean }> = [];
    for (let attempt = 0; attempt < 100 && !notes.some((note) => note.completed); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      notes = (await api().inject({ method: 'GET', url: relativeNotifierEndpoint, headers: superuser })).json();
    }
    expect(notes.map((note) => note.message).sort()).toEqual(['Import done', 'Importing data values', 'Process started']);
    const summary = (await api().inject({ method: 'GET', url: `/api/system/taskSummaries/DATAVALUE_IMPORT/${id}`, headers: superuser })).json();
    expect(summary).toMatchObject({ status: 'SUCCESS', importCount: { imported: 0, updated: 231, deleted: 0, ignored: 0 } });
    const other = await api().inject({ method: 'GET', url: relativeNotifierEndpoint, as: 'national' });
    expect(other.statusCode).toBe(404);
  });

  // asyncImportEmptyJsonFileSummaryAvailable / asyncImportEmptyXmlFileSummaryAvailable: DHIS2
  // answers 200 with a job whose summary is ERROR ("No content to map due to end-of-input",
  // "Data set import failed"), all counts 0. Denw reads the body before starting a job and
  // refuses an unreadable one at once: the client learns the same thing without polling.
  it('asyncImportEmpty{Json,Xml}FileSummaryAvailable: an empty file is refused before any job starts', async () => {
    for (const [payload, type, query, errorCode] of [
      [emptyJson, 'application/json', 'format=json', 'INVALID_JSON'],
      [emptyXml, 'application/adx+xml', 'format=adx', 'XML_INVALID'],
    ] as const) {
      expect(payload).toBe('');
      const response = await api().inject({ method: 'POST', url: `/api/dataValueSets?reportMode=DEBUG&async=true&${query}`, headers: { ...superuser, 'content-type': type }, payload });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ httpStatusCode: 400, status: 'ERROR', errorCode });
    }
  });

  it('dataValuesCanBeImportedForSingleDataSet: exported with the data set, period and org unit, each value readable', async () => {
    const response = await api().inject({ method: 'POST', url: '/api/dataValueSets', headers: { ...superuser, 'content-type': 'application/json' }, payload: singleDataSet });
    expect(response.json().response).toMatchObject({ status: 'SUCCESS', conflicts: [], importCount: { imported: 2, ignored: 0, deleted: 0 }, dataSetComplete: '2019-06-05' });
    const exported = await api().inject({ method: 'GET', url: '/api/dataValueSets?orgUnit=O6uvpzGd5pu&period=201911&dataSet=VEM58nY22sO&idScheme=uid', headers: superuser });
    const body = exported.json();
    expect(body).toMatchObject({ dataSet: 'VEM58nY22sO', period: '201911', orgUnit: 'O6uvpzGd5pu', completeDate: '2019-06-05' });
    expect(body.dataValues).toHaveLength(2);
    for (const value of body.dataValues) {
      const read = await api().inject({ method: 'GET', url: `/api/dataValues?ou=O6uvpzGd5pu&pe=201911&de=${value.dataElement}&co=${value.categoryOptionCombo}`, headers: superuser });
      expect(read.statusCode).toBe(200);
      expect(read.body).toContain(value.value);
    }
  });

  it('cleanUp: importStrategy=DELETE deletes every value of both files', async () => {
    for (const [payload, deleted] of [[bulk, 231], [singleDataSet, 2]] as const) {
      const response = await api().inject({ method: 'POST', url: '/api/dataValueSets?importReportMode=FULL&importStrategy=DELETE', headers: { ...superuser, 'content-type': 'application/json' }, payload });
      expect(response.statusCode).toBe(200);
      expect(response.json().response.importCount).toEqual({ imported: 0, updated: 0, deleted, ignored: 0 });
    }
  });
});
