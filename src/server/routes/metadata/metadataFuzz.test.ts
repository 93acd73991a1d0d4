// Property: whatever metadata document a client posts — objects of any collection with
// plausible and implausible fields, references to things that exist or not, cycles, repeats —
// the server answers without a 5xx, and a refused atomic import leaves the store exactly as it
// was (ISSUE 2 §9: never a 500, never a partial write).
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { COLLECTIONS } from '../../../core/metadata/collections.ts';
import { exportMetadata } from '../../../store/metadata/exportMetadata.ts';
import { describeEachEngineApp } from '../../testing/testApp.ts';

// Codes and UIDs of the test fixtures (src/store/testing/fixtures.ts) and a few new ones.
const code = fc.constantFrom('ML', 'ML01', 'FAC_KAYES_1', 'SEX', 'F', 'M', 'PENTA1', 'EPI_MONTHLY', 'A', 'B', 'C', 'default', '');
const uid = fc.constantFrom('MLuid000001', 'CcSex000001', 'DePenta1001', 'HllvX50cXC0', 'bjDvmb4bfuf', 'NewUid00001', 'NewUid00002', 'bad uid');
const ref = fc.oneof(fc.record({ code }), fc.record({ id: uid }), fc.record({ id: uid, code }), fc.constant({}));
const value = fc.oneof(
  code,
  ref,
  fc.array(ref, { maxLength: 4 }),
  fc.integer({ min: -5, max: 3000 }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2020-01-01', '2021-02-30', '2016-03-11T17:00:00.000+0000', 'Monthly', 'Yearly', 'NUMBER', 'SUM', 'LAST', 'equal_to', 'T', 'F', 'total'),
  fc.constantFrom({ type: 'Point', coordinates: [-8, 12] }, { type: 'Polygon' }),
  fc.constantFrom([{ property: 'NAME', locale: 'en', value: 'Name' }], [{ locale: 'en' }]),
  fc.record({ expression: fc.constantFrom('#{PENTA1}', ''), missingValueStrategy: fc.constantFrom('NEVER_SKIP', 'SOMETIMES') }, { requiredKeys: [] }),
  fc.array(fc.record({ dataElement: ref, categoryCombo: ref }, { requiredKeys: ['dataElement'] }), { maxLength: 3 }),
);
const fields = [
  'id', 'code', 'name', 'shortName', 'parent', 'openingDate', 'closedDate', 'geometry', 'level', 'translations',
  'categoryOptions', 'categories', 'categoryCombo', 'organisationUnits', 'organisationUnitGroups', 'valueType',
  'aggregationType', 'periodType', 'dataSetElements', 'sections', 'dataSet', 'dataElements', 'indicatorType', 'factor',
  'numerator', 'denominator', 'value', 'operator', 'leftSide', 'rightSide', 'orgUnit', 'year', 'ageGroup', 'sex',
  'source', 'goal', 'result', 'resultIndicator', 'attributeValues',
];
const object = fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 8 });
const document = fc.dictionary(fc.constantFrom(...COLLECTIONS, 'users'), fc.array(object, { maxLength: 4 }), { maxKeys: 4 });
const query = fc.record(
  {
    importStrategy: fc.constantFrom('CREATE_AND_UPDATE', 'CREATE', 'UPDATE', 'DELETE'),
    atomicMode: fc.constantFrom('ALL', 'NONE'),
    identifier: fc.constantFrom('AUTO', 'UID', 'CODE'),
  },
  { requiredKeys: [] },
);

describeEachEngineApp('metadata import under random documents', (api) => {
  it('answers every document without a server error, and a refused atomic import writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(document, query, async (body, parameters) => {
        const before = await exportMetadata(api().database);
        const response = await api().inject({ method: 'POST', url: `/api/metadata?${new URLSearchParams(parameters)}`, payload: body, as: 'admin' });
        expect(response.statusCode, response.body).toBeLessThan(500);
        const answer = response.json();
        if (response.statusCode === 400) expect(answer).toMatchObject({ status: 'ERROR', errorCode: expect.any(String) });
        else expect(answer.response.responseType).toBe('ImportReport');
        if (answer.status === 'ERROR' && (parameters.atomicMode ?? 'ALL') === 'ALL') {
          expect(await exportMetadata(api().database)).toEqual(before);
        }
      }),
      { numRuns: 80 },
    );
  });
});
