// DHIS2's own data value set inputs (core/dataValueSets/dhis2-samples, v2.42 and v2.43), on
// the metadata DHIS2's tests build (testing/dhis2Fixtures.ts), with the counts, conflicts and
// stored values of dhis2-core 2.42's DataValueSetServiceIntegrationTest, the importer Denw
// follows (README.md explains why). Where Denw differs from 2.42 the test says so and checks
// Denw's documented behaviour; where 2.43 (DataExportServiceIntegrationTest) agrees with Denw
// and not with 2.42, that is said too. DHIS2 imports partially by default (atomicMode NONE);
// Denw's default is ALL, so the ports pass atomicMode NONE.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImportOptions } from './importDataValues.ts';
import type { Database } from '../database.ts';
import { describeEachEngine } from '../testing/engines.ts';
import { dataValueSetFixture } from './testing/dhis2Fixtures.ts';
import { auditTrail, conflictList as conflicts, counts, importSample, storedCount } from './testing/samples.ts';

const admin = { username: 'admin', scopePaths: ['/DiszpKrYNg8', '/BdfsJfj87js', '/j7Hg26FpoIa'] };
const importFile = (database: Database, path: string, options: Partial<ImportOptions> = {}) => importSample(database, path, admin, options);

describeEachEngine('DHIS2 data value set samples (DataValueSetServiceIntegrationTest)', (database) => {
  beforeAll(async () => dataValueSetFixture(database()));
  beforeEach(async () => {
    await database().pool.query('DELETE FROM data_value; DELETE FROM data_value_audit; DELETE FROM complete_data_set_registration');
  });

  describe('JSON (v2.43/datavalueset)', () => {
    it('testImportValueJson: 1 imported', async () => {
      expect(counts(await importFile(database(), 'v2.43/datavalueset/dataValueSetJ.json'))).toEqual([1, 0, 0, 0]);
      expect(await storedCount(database())).toBe(1);
    });

    it('testImportDeleteValueJson (and _OmittingValue, _NewValue): strategy DELETE deletes, with or without a value', async () => {
      for (const file of ['dataValueSetJ.json', 'dataValueSetJDeleteNoValue.json', 'dataValueSetJDeleteNewValue.json']) {
        await importFile(database(), 'v2.43/datavalueset/dataValueSetJ.json');
        const summary = await importFile(database(), `v2.43/datavalueset/${file}`, { importStrategy: 'DELETE' });
        expect(counts(summary), file).toEqual([0, 0, 1, 0]);
        expect(await storedCount(database())).toBe(0);
      }
    });

    it('testImportDeleteValueJson_ZeroValue: an insignificant zero deletes the value (2.42; 2.43 keeps it for a later job)', async () => {
      await importFile(database(), 'v2.43/datavalueset/dataValueSetJ.json');
      expect(counts(await importFile(database(), 'v2.43/datavalueset/dataValueSetJDeleteZeroValue.json'))).toEqual([0, 0, 1, 0]);
      expect(await storedCount(database())).toBe(0);
    });

    it('dataValueSetCreateDate(Updated).json: the update replaces value and comment', async () => {
      expect(counts(await importFile(database(), 'v2.43/datavalueset/dataValueSetCreateDate.json'))).toEqual([1, 0, 0, 0]);
      expect(counts(await importFile(database(), 'v2.43/datavalueset/dataValueSetCreateDateUpdated.json'))).toEqual([0, 1, 0, 0]);
      const { rows } = await database().pool.query('SELECT value, comment FROM data_value');
      expect(rows).toEqual([{ value: '22', comment: 'new comment' }]);
    });
  });

  describe('XML (v2.43/datavalueset): creations, updates, soft-deleted values', () => {
    it('testImportDeleteValuesXml: 3 imported, then 3 deleted', async () => {
      expect(counts(await importFile(database(), 'v2.43/datavalueset/dataValueSetA.xml'))).toEqual([3, 0, 0, 0]);
      expect(counts(await importFile(database(), 'v2.43/datavalueset/dataValueSetADeleted.xml'))).toEqual([0, 0, 3, 0]);
      expect(await storedCount(database())).toBe(0);
    });

    it('testImportUpdateValuesXml and testUpdateCreatedDate: 2 imported, 4 updated; a created date in the file is kept', async () => {
      expect(counts(await importFile(database(), 'v2.43/datavalueset/dataValueSetB.xml'))).toEqual([12, 0, 0, 0]);
      expect(counts(await importFile(database(), 'v2.43/datavalueset/dataValueSetBUpdate.xml'))).toEqual([2, 4, 0, 0]);
      expect(await storedCount(database())).toBe(14);
      const { rows } = await database().pool.query(`SELECT ou.uid, to_char(dv.created AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS created
        FROM data_value dv JOIN org_unit ou ON ou.id = dv.org_unit_id JOIN period p ON p.id = dv.period_id JOIN data_element de ON de.id = dv.data_element_id
        WHERE de.uid = 'eY5ehpbEsB7' AND p.iso = '201201' ORDER BY ou.uid`);
      expect(rows).toEqual([
        { uid: 'BdfsJfj87js', created: '2020-02-02' },
        { uid: 'DiszpKrYNg8', created: '2010-01-01' },
      ]);
    });

    it('testImportDeletedValuesXml: values marked deleted with nothing stored are ignored (2.42 counts them imported)', async () => {
      expect(counts(await importFile(database(), 'v2.43/datavalueset/dataValueSetBDeleted.xml'))).toEqual([8, 0, 0, 4]);
      expect(await storedCount(database())).toBe(8);
    });

    it('testImportReverseDeletedValuesXml: 4 imported, 8 updated', async () => {
      await importFile(database(), 'v2.43/datavalueset/dataValueSetBDeleted.xml');
      expect(counts(await importFile(database(), 'v2.43/datavalueset/dataValueSetB.xml'))).toEqual([4, 8, 0, 0]);
      expect(await storedCount(database())).toBe(12);
    });

    it('testImportAddAndReverseDeletedValuesXml: 8 imported, 4 updated', async () => {
      await importFile(database(), 'v2.43/datavalueset/dataValueSetBDeleted.xml');
      expect(counts(await importFile(database(), 'v2.43/datavalueset/dataValueSetBNew.xml'))).toEqual([8, 4, 0, 0]);
      expect(await storedCount(database())).toBe(16);
    });

    it('testDeleteValuesXml and testImportAndDeleteValuesXml: unchanged values count as updated', async () => {
      await importFile(database(), 'v2.43/datavalueset/dataValueSetB.xml');
      expect(counts(await importFile(database(), 'v2.43/datavalueset/dataValueSetBDeleted.xml'))).toEqual([0, 8, 4, 0]);
      expect(await storedCount(database())).toBe(8);
      await database().pool.query('DELETE FROM data_value');
      await importFile(database(), 'v2.43/datavalueset/dataValueSetB.xml');
      expect(counts(await importFile(database(), 'v2.43/datavalueset/dataValueSetBNewDeleted.xml'))).toEqual([2, 6, 4, 0]);
      expect(await storedCount(database())).toBe(10);
    });

    it('testImportValuesDeleteStrategyXml: 12 deleted', async () => {
      await importFile(database(), 'v2.43/datavalueset/dataValueSetB.xml');
      expect(counts(await importFile(database(), 'v2.43/datavalueset/dataValueSetB.xml', { importStrategy: 'DELETE' }))).toEqual([0, 0, 12, 0]);
      expect(await storedCount(database())).toBe(0);
    });
  });
  describe('dxf2/datavalueset (v2.43, and v2.42 where the files differ)', () => {
    const dxf2 = 'v2.43/dxf2/datavalueset/';

    it('testImportDataValueSetXml: 3 imported, each with its creation in the audit trail (2.43 changelog; 2.42 audited no creation)', async () => {
      expect(counts(await importFile(database(), `${dxf2}dataValueSetA.xml`))).toEqual([3, 0, 0, 0]);
      const trail = await auditTrail(database());
      expect(trail.map((audit) => [audit.audit_type, audit.value]).sort()).toEqual([['CREATE', '10001'], ['CREATE', '10002'], ['CREATE', '10003']]);
    });

    it('testImportDataValuesXmlWithCodeA: identifiers by code from the file header, completeDate registers completion', async () => {
      const summary = await importFile(database(), `${dxf2}dataValueSetACode.xml`);
      expect(counts(summary)).toEqual([3, 0, 0, 0]);
      expect(summary.dataSetComplete).toBe('2012-01-09');
      const { rows } = await database().pool.query(`SELECT ds.code, p.iso, ou.code AS ou, to_char(r.completed AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS date, r.completed_by
        FROM complete_data_set_registration r JOIN data_set ds ON ds.id = r.data_set_id JOIN period p ON p.id = r.period_id JOIN org_unit ou ON ou.id = r.org_unit_id`);
      expect(rows).toEqual([{ code: 'DS_A', iso: '201201', ou: 'OU_A', date: '2012-01-09', completed_by: 'admin' }]);
    });

    it('testImportDataValuesXml and testImportDataValuesXmlWithCodeB: 12 imported by UID, then by code', async () => {
      expect(counts(await importFile(database(), `${dxf2}dataValueSetB.xml`, { idSchemes: { idScheme: 'uid' } }))).toEqual([12, 0, 0, 0]);
      await database().pool.query('DELETE FROM data_value');
      const byCode = await importFile(database(), `${dxf2}dataValueSetBCode.xml`, { idSchemes: { idScheme: 'code', dataElementIdScheme: 'code', orgUnitIdScheme: 'code' } });
      expect(counts(byCode)).toEqual([12, 0, 0, 0]);
      expect(await storedCount(database())).toBe(12);
    });

    it('testImportDataValuesCsv and testImportDataValuesCsvWithoutHeader (2.42; 2.43 refuses a CSV without header): 12 imported', async () => {
      expect(counts(await importFile(database(), `${dxf2}dataValueSetB.csv`))).toEqual([12, 0, 0, 0]);
      await database().pool.query('DELETE FROM data_value');
      expect(counts(await importFile(database(), `${dxf2}dataValueSetBNoHeader.csv`))).toEqual([12, 0, 0, 0]);
    });

    it("2.42's CSV files spell the first column dataelelement: refused by name (2.42 read columns by position)", async () => {
      for (const file of ['dataValueSetB.csv', 'dataValueSetBooleanTest.csv', 'dataValueSetWithDataSetHeader.csv']) {
        await expect(importFile(database(), `v2.42/dxf2/datavalueset/${file}`), file).rejects.toMatchObject({ code: 'CSV_DATA_VALUE_COLUMN_UNKNOWN', params: { column: 'dataelelement' } });
      }
    });

    it('testImportDataValuesCsvWithDataSetIdParameter: 3 imported into the data set named by the request', async () => {
      expect(counts(await importFile(database(), `${dxf2}dataValueSetWithDataSetHeader.csv`, { dataSet: 'pBOMPrpg1QX' }))).toEqual([3, 0, 0, 0]);
    });

    it('testImportDataValuesBooleanCsv (2.43 file): 14 in, 4 refused at indexes 10, 11, 16, 17; booleans stored as true/false', async () => {
      const summary = await importFile(database(), `${dxf2}dataValueSetBooleanTest.csv`);
      expect(summary.status).toBe('WARNING');
      expect(counts(summary)).toEqual([14, 0, 0, 4]);
      expect(summary.rejectedIndexes).toEqual([10, 11, 16, 17]);
      expect(conflicts(summary)).toEqual([
        ['E7619', 'value', 'test', 12],
        ['E7619', 'value', 'not true', 13],
        ['E7619', 'value', 'false', 18],
        ['E7619', 'value', 'test', 19],
      ]);
      const { rows } = await database().pool.query('SELECT DISTINCT value FROM data_value ORDER BY value');
      expect(rows.map((row) => row.value)).toEqual(['false', 'true']);
    });

    it('testImportDataValuesBooleanDuplicatesCsv (2.43): values for one data value twice refuse them all (E8128), nothing written', async () => {
      const summary = await importFile(database(), `${dxf2}dataValueSetBooleanDuplicatesTest.csv`, { atomicMode: 'ALL' });
      expect(summary.status).toBe('ERROR');
      expect(summary.rejectedIndexes).toHaveLength(18);
      const duplicates = summary.conflicts.filter((c) => c.errorCode === 'E8128');
      expect(duplicates.map((c) => c.indexes[0])).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 9, 12, 13, 14, 15]);
      expect(duplicates[0]!.params.others).toBe('3');
      expect(await storedCount(database())).toBe(0);
    });
  });
});
