// DHIS2's ADX samples (core/dataValueSets/dhis2-samples/v2.43/adx) with the metadata and
// expectations of dhis2-core's AdxDataServiceIntegrationTest: imports A, B and C (the same
// nine values named through different id schemes), the dates files, and the export golden
// files A to D compared group by group, as the DHIS2 test compares them. Denw's exports add
// the DXF2 fields DHIS2's ADX reader passes through (comment, storedBy, created, lastUpdated,
// followup); the comparison leaves them out.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IdSchemeChoice } from '../../core/dataValueSets/dataValueSet.ts';
import type { XmlElement } from '../../core/dataValueSets/xmlDataValueSet.ts';
import type { Database } from '../database.ts';
import { describeEachEngine } from '../testing/engines.ts';
import { parseXml } from './dataValueSource.ts';
import { exportDataValues, type ExportRequest } from './exportDataValues.ts';
import { exportText } from './exportWriters.ts';
import { adxFixture } from './testing/dhis2Fixtures.ts';
import { counts, importSample, readSample } from './testing/samples.ts';

const admin = { username: 'admin', scopePaths: ['/P1233333333'] };

async function stored(database: Database) {
  const { rows } = await database.pool.query(`SELECT de.name AS de, p.iso AS pe, ou.name AS ou, coc.name AS coc, aoc.name AS aoc, dv.value
    FROM data_value dv JOIN data_element de ON de.id = dv.data_element_id JOIN period p ON p.id = dv.period_id JOIN org_unit ou ON ou.id = dv.org_unit_id
    JOIN category_option_combo coc ON coc.id = dv.category_option_combo_id JOIN category_option_combo aoc ON aoc.id = dv.attribute_option_combo_id
    ORDER BY 1, 2, 3, 4, 5`);
  return rows.map((row) => [row.de, row.pe, row.ou, row.coc, row.aoc, row.value]);
}

/** AdxDataServiceIntegrationTest.testImport: the nine values every import file stands for. */
const nineValues = [
  ['Malaria numeric', '202001', 'Provincial Hospital', 'Female Over 5', 'default', '3'],
  ['Malaria numeric', '202001', 'Provincial Hospital', 'Female Under 5', 'default', '1'],
  ['Malaria numeric', '202001', 'Provincial Hospital', 'Male Over 5', 'default', '4'],
  ['Malaria numeric', '202001', 'Provincial Hospital', 'Male Under 5', 'default', '2'],
  ['Malaria numeric', '202002', 'District Hospital', 'Female Under 5', 'default', '6'],
  ['Malaria numeric', '2021Q1', 'District Hospital', 'Female Over 5', 'McDonalds CategoryOptionCombo', '20'],
  ['Malaria numeric', '2021Q1', 'District Hospital', 'Female Under 5', 'PEPFAR CategoryOptionCombo', '10'],
  ['Malaria numeric', '2021Q1', 'District Hospital', 'Male Under 5', 'McDonalds CategoryOptionCombo', '30'],
  ['Malaria text', '202001', 'Provincial Hospital', 'default', 'default', 'Text data value'],
];

/** Groups as comparable text: attributes sorted, Denw's pass-through fields left out. */
function adxGroups(root: XmlElement): string[] {
  const extras = new Set(['comment', 'storedBy', 'created', 'lastUpdated', 'followup']);
  const attributes = (element: XmlElement) =>
    Object.entries(element.attributes)
      .filter(([name]) => !extras.has(name))
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, value]) => `${name}=${value}`)
      .join(' ');
  return root.children
    .map((group) => `${attributes(group)} | ${group.children.map((value) => `${attributes(value)} ${value.children.map((a) => a.text).join('')}`).join(' ; ')}`)
    .sort();
}

describeEachEngine('DHIS2 ADX samples (AdxDataServiceIntegrationTest)', (database) => {
  beforeAll(async () => adxFixture(database()));
  beforeEach(async () => {
    await database().pool.query('DELETE FROM data_value; DELETE FROM data_value_audit');
  });

  describe('import', () => {
    const cases: Array<[string, IdSchemeChoice]> = [
      ['importA.adx.xml', { idScheme: 'code', dataElementIdScheme: 'name', categoryIdScheme: 'name', categoryOptionIdScheme: 'uid', categoryOptionComboIdScheme: 'uid' }],
      ['importB.adx.xml', { idScheme: 'code', dataSetIdScheme: 'name', orgUnitIdScheme: 'uid', dataElementIdScheme: 'uid', categoryOptionComboIdScheme: 'name' }],
      ['importC.adx.xml', { idScheme: 'code', dataSetIdScheme: 'uid', orgUnitIdScheme: 'name', categoryIdScheme: 'uid', categoryOptionIdScheme: 'name' }],
    ];
    for (const [file, idSchemes] of cases) {
      it(`testGetAllDataValues (${file}): the nine values, disaggregated by category attributes`, async () => {
        const summary = await importSample(database(), `v2.43/adx/${file}`, admin, { idSchemes });
        expect(summary.conflicts).toEqual([]);
        expect(counts(summary)).toEqual([9, 0, 0, 0]);
        expect(await stored(database())).toEqual(nineValues);
      });
    }

    it('testImportDataIgnoreDatesOnCreate / OnUpdate: 1 imported, then 1 updated (numeric value; the annotation is not its value)', async () => {
      const uid = { idScheme: 'uid' } as const;
      expect(counts(await importSample(database(), 'v2.43/adx/importDates.adx.xml', admin, { idSchemes: uid }))).toEqual([1, 0, 0, 0]);
      expect(counts(await importSample(database(), 'v2.43/adx/importDatesUpdate.adx.xml', admin, { idSchemes: uid }))).toEqual([0, 1, 0, 0]);
      expect(await stored(database())).toEqual([['Malaria numeric', '202001', 'Provincial Hospital', 'Male Over 5', 'default', '55']]);
    });
  });

  describe('export', () => {
    beforeEach(async () => {
      // testExport's values, written directly as DHIS2's dataDumpService.upsertValues writes them.
      await database().pool.query(`INSERT INTO period (iso, period_type, start_date, end_date) VALUES
        ('202001', 'Monthly', '2020-01-01', '2020-01-31'), ('202002', 'Monthly', '2020-02-01', '2020-02-29') ON CONFLICT (iso) DO NOTHING`);
      await database().pool.query(`INSERT INTO data_value (data_element_id, period_id, org_unit_id, category_option_combo_id, attribute_option_combo_id, value, stored_by)
        SELECT de.id, p.id, ou.id, coc.id, aoc.id, v.value, 'admin' FROM (VALUES
          ('MalNummmmmm', '202001', 'P1233333333', 'FUnder55555', 'HllvX50cXC0', '1'),
          ('MalTexttttt', '202002', 'P1233333333', 'HllvX50cXC0', 'HllvX50cXC0', 'Some text'),
          ('MalNummmmmm', '202001', 'D4566666666', 'MOver555555', 'cocMcDonald', '2'),
          ('MalNummmmmm', '202001', 'D4566666666', 'FOver555555', 'cocPEPFARRR', '3')) v(de, pe, ou, coc, aoc, value)
        JOIN data_element de ON de.uid = v.de JOIN period p ON p.iso = v.pe JOIN org_unit ou ON ou.uid = v.ou
        JOIN category_option_combo coc ON coc.uid = v.coc JOIN category_option_combo aoc ON aoc.uid = v.aoc`);
    });

    const common = { dataSet: ['MalariaDSSS', 'MalariaMech'], period: ['202001', '202002'], orgUnit: ['P1233333333'], dataElement: [], children: false, attributeOptionCombo: [] };
    const cases: Array<[string, Partial<ExportRequest>]> = [
      ['exportA.adx.xml', { idScheme: 'code', dataElementIdScheme: 'name', categoryIdScheme: 'name', categoryOptionIdScheme: 'uid' }],
      // DHIS2 selects org units A and B through a group; Denw's export names them.
      ['exportB.adx.xml', { idScheme: 'code', dataSetIdScheme: 'name', orgUnitIdScheme: 'uid', dataElementIdScheme: 'uid', categoryOptionComboIdScheme: 'name', orgUnit: ['P1233333333', 'D4566666666'] }],
      ['exportC.adx.xml', { idScheme: 'code', dataSetIdScheme: 'uid', orgUnitIdScheme: 'name', categoryIdScheme: 'uid', categoryOptionIdScheme: 'name', children: true }],
      ['exportD.adx.xml', { idScheme: 'code', dataSetIdScheme: 'uid', orgUnitIdScheme: 'name', categoryIdScheme: 'uid', categoryOptionIdScheme: 'name', children: true, attributeOptionCombo: ['cocMcDonald'] }],
    ];
    for (const [file, request] of cases) {
      it(`testWriteDataValueSet (${file}): the golden file's groups`, async () => {
        // Request identifiers are UIDs; an identifier that is no code (name) is read as a UID.
        const exported = await exportDataValues(database(), { ...common, ...request }, admin.scopePaths);
        let text = '';
        for await (const chunk of exportText(exported, 'adx', '2024-01-01T00:00:00.000Z')) text += chunk;
        expect(adxGroups(parseXml(text))).toEqual(adxGroups(parseXml(readSample(`v2.43/adx/${file}`))));
      });
    }
  });
});
