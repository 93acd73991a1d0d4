// The metadata API over HTTP, on the test fixtures (src/store/testing/fixtures.ts): who may
// import and read, the DHIS2 web message around the import report, and the lists the web
// application reads.
import { expect, it } from 'vitest';
import { describeEachEngineApp } from '../../testing/testApp.ts';
import { requestedFields } from './readRoutes.ts';

it('reads the top-level names of a DHIS2 fields parameter', () => {
  expect([...requestedFields('id,code,categoryCombo[id,name,categories[id]],level')!]).toEqual(['id', 'code', 'categoryCombo', 'level']);
  expect(requestedFields('*')).toBeUndefined();
  expect(requestedFields(undefined)).toBeUndefined();
});

describeEachEngineApp('metadata API', (api) => {
  const post = (body: unknown, as: 'national' | 'kayes' = 'national', query = '') =>
    api().inject({ method: 'POST', url: `/api/metadata${query}`, payload: body as object, as, headers: { 'accept-language': 'en' } });

  it('imports for a user allowed to write metadata, and answers with the import report in a web message', async () => {
    const response = await post({ indicatorTypes: [{ code: 'PERCENT', name: 'Pourcentage', factor: 100 }] });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      httpStatus: 'OK',
      httpStatusCode: 200,
      status: 'OK',
      response: { responseType: 'ImportReport', status: 'OK', stats: { created: 1, total: 1 } },
    });
  });

  it('accepts an empty document (DHIS2 testPostJsonMetadata_Empty)', async () => {
    expect((await post({})).json()).toMatchObject({ status: 'OK', response: { stats: { total: 0 } } });
  });

  it('refuses a user without the metadata:write ability (403) and an anonymous one (401)', async () => {
    expect((await post({}, 'kayes')).statusCode).toBe(403);
    expect((await api().inject({ method: 'POST', url: '/api/metadata', payload: {} })).statusCode).toBe(401);
  });

  it('answers 409 with the report, in the request language, when objects have errors, and writes nothing', async () => {
    const response = await post({
      indicatorTypes: [{ code: 'RATIO', name: 'Ratio', factor: 1 }],
      indicators: [{ code: 'BAD', name: 'Sans type', numerator: '#{PENTA1}', denominator: '1', indicatorType: { code: 'NOPE' } }],
    });
    expect(response.statusCode).toBe(409);
    const body = response.json();
    expect(body).toMatchObject({ httpStatus: 'Conflict', status: 'ERROR', message: 'One or more errors occurred, please see full details in import report.' });
    expect(body.response.stats).toEqual({ created: 0, updated: 0, deleted: 0, ignored: 2, total: 2 });
    expect(body.response.typeReports[1].objectReports[0].errorReports[0]).toMatchObject({ errorCode: 'E5002', errorProperty: 'indicatorType' });
    const types = await api().database.pool.query(`SELECT count(*)::int AS n FROM indicator_type WHERE code = 'RATIO'`);
    expect(types.rows[0].n).toBe(0);
  });

  it('answers 400 naming the field when a collection is not a list of objects, and never 500', async () => {
    const response = await post({ dataElements: 'PENTA1' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errorCode: 'INVALID_INPUT', errors: [{ field: 'body.dataElements' }] });
    expect((await post({ dataElements: [42, null] })).statusCode).toBe(400);
    expect((await post({}, 'national', '?importStrategy=MERGE')).statusCode).toBe(400);
  });

  it('checks without writing with dryRun=true or importMode=VALIDATE', async () => {
    for (const query of ['?dryRun=true', '?importMode=VALIDATE']) {
      const response = await post({ constants: [{ code: 'PI', name: 'Pi', value: 3.14159 }] }, 'national', query);
      expect(response.json().response.stats.created).toBe(1);
    }
    const constants = await api().database.pool.query('SELECT count(*)::int AS n FROM constant');
    expect(constants.rows[0].n).toBe(0);
  });

  it('exports for a reader, only the collections asked for', async () => {
    const response = await api().inject({ method: 'GET', url: '/api/metadata?organisationUnitLevels=true&categoryCombos=true', as: 'segouViewer' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(Object.keys(body)).toEqual(['organisationUnitLevels', 'categoryCombos']);
    expect(body.organisationUnitLevels.map((level: { code: string }) => level.code)).toEqual(['PAYS', 'REGION', 'CERCLE', 'AIRE_SANTE']);
    expect(body.categoryCombos).toEqual([
      { id: 'CcSex000001', code: 'SEX', name: 'Sexe', translations: [{ property: 'NAME', locale: 'en', value: 'Sex' }], dataDimensionType: 'DISAGGREGATION', categories: [{ id: 'CatSex00001' }] },
    ]);
  });

  it('lists org units with the fields asked for, by level or parent, geometry only on request', async () => {
    const all = await api().inject({ method: 'GET', url: '/api/organisationUnits?paging=false&fields=id,code,name,displayName,level,path', as: 'kayes' });
    expect(all.json().organisationUnits).toHaveLength(9);
    expect(all.json().organisationUnits[0]).toEqual({ id: 'MLuid000001', code: 'ML', name: 'Mali', displayName: 'Mali', level: 1, path: '/MLuid000001' });
    const regions = await api().inject({ method: 'GET', url: '/api/organisationUnits?level=2', as: 'kayes' });
    expect(regions.json().organisationUnits.map((unit: { code: string }) => unit.code)).toEqual(['ML01', 'ML04']);
    expect(regions.json().organisationUnits[0]).not.toHaveProperty('geometry');
    const children = await api().inject({ method: 'GET', url: '/api/organisationUnits?parent=ML0406&fields=code,parent', as: 'kayes' });
    expect(children.json().organisationUnits).toEqual([
      { code: 'FAC_SEGOU_1', parent: { id: 'ML0406uid01' } },
      { code: 'FAC_SEGOU_CLOSED', parent: { id: 'ML0406uid01' } },
    ]);
    const one = await api().inject({ method: 'GET', url: '/api/organisationUnits/FAC_SEGOU_CLOSED', as: 'kayes' });
    expect(one.json()).toMatchObject({ id: 'FacSegouCls', closedDate: '2022-12-31', level: 4 });
    expect((await api().inject({ method: 'GET', url: '/api/organisationUnits/NOWHERE', as: 'kayes' })).statusCode).toBe(404);
  });

  it('gives a data set as its entry form needs it: elements, combos and option combos in order', async () => {
    const list = await api().inject({ method: 'GET', url: '/api/dataSets?paging=false&fields=id,code,name,displayName,periodType', as: 'kayes' });
    expect(list.json().dataSets).toEqual([{ id: 'DsEpiMonthl', code: 'EPI_MONTHLY', name: 'PEV mensuel', displayName: 'PEV mensuel', periodType: 'Monthly' }]);
    const form = (await api().inject({ method: 'GET', url: '/api/dataSets/DsEpiMonthl', as: 'kayes', headers: { 'accept-language': 'en' } })).json();
    expect(form.dataSetElements).toHaveLength(5);
    const penta1 = form.dataSetElements.find((element: { dataElement: { code: string } }) => element.dataElement.code === 'PENTA1').dataElement;
    expect(penta1).toMatchObject({ id: 'DePenta1001', valueType: 'INTEGER_ZERO_OR_POSITIVE', categoryCombo: { id: 'CcSex000001', displayName: 'Sex' } });
    expect(form.organisationUnits).toHaveLength(4);
    const sex = form.categoryCombos.find((combo: { id: string }) => combo.id === 'CcSex000001');
    expect(sex.categories).toEqual([
      {
        id: 'CatSex00001',
        code: 'SEX',
        name: 'Sexe',
        displayName: 'Sex',
        categoryOptions: [
          { id: 'CoFemale001', code: 'F', name: 'Féminin', displayName: 'Female' },
          { id: 'CoMale00001', code: 'M', name: 'Masculin', displayName: 'Male' },
        ],
      },
    ]);
    expect(sex.categoryOptionCombos.map((coc: { id: string; categoryOptions: unknown }) => [coc.id, coc.categoryOptions])).toEqual([
      ['CocFemale01', [{ id: 'CoFemale001' }]],
      ['CocMale0001', [{ id: 'CoMale00001' }]],
    ]);
  });

  it('lists data elements, indicators, category combos and levels', async () => {
    const get = async (path: string) => (await api().inject({ method: 'GET', url: path, as: 'segouViewer' })).json();
    const elements = (await get('/api/dataElements')).dataElements;
    expect(elements.find((element: { code: string }) => element.code === 'RUTF_STOCK')).toMatchObject({ aggregationType: 'LAST', categoryCombo: { code: 'default' } });
    expect((await get('/api/indicators?fields=code,indicatorType')).indicators).toEqual([]);
    expect((await get('/api/categoryCombos')).categoryCombos.map((combo: { code: string }) => combo.code)).toEqual(['SEX', 'default']);
    expect((await get('/api/organisationUnitLevels')).organisationUnitLevels[3]).toMatchObject({ level: 4, code: 'AIRE_SANTE', displayName: 'Aire de santé' });
  });
});
