// Expiry days (DHIS2 E7640) through the store, on both engines: the fixtures' EPI_MONTHLY with
// 15 expiry days and today 15 June 2024, so that May (ends 31 May, last entry day 15 June) is
// open and April (last entry day 15 May) has expired — days counted by hand on a calendar.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../core/dataValueSets/importSummary.ts';
import type { Database } from '../database.ts';
import { describeEachEngine } from '../testing/engines.ts';
import { insertFixtures } from '../testing/fixtures.ts';
import { dataValueSource } from './dataValueSource.ts';
import { importDataValues, type ImportOptions } from './importDataValues.ts';
import { writeDataValue } from './singleDataValue.ts';

const dataEntry = { username: 'kayes', scopePaths: ['/MLuid000001/ML01uid0001'], mayEditExpired: false };
const superuser = { username: 'admin', scopePaths: ['/MLuid000001'], mayEditExpired: true };
const defaults: ImportOptions = { idSchemes: {}, dryRun: false, importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'ALL', async: false };
const today = '2024-06-15';

const csv = (...rows: string[]) => ['dataelement,period,orgunit,categoryoptioncombo,value', ...rows].join('\n');
const mayAndApril = csv('PENTA1,202405,FAC_KAYES_1,F,12', 'PENTA1,202404,FAC_KAYES_1,F,9');

function run(database: Database, body: string, options: Partial<ImportOptions> = {}, importer = dataEntry): Promise<ImportSummary> {
  return importDataValues(database, dataValueSource('csv', body), { ...defaults, ...options }, importer, { today });
}

async function storedPeriods(database: Database): Promise<string[]> {
  const { rows } = await database.pool.query('SELECT p.iso FROM data_value dv JOIN period p ON p.id = dv.period_id ORDER BY p.iso');
  return rows.map((row) => row.iso);
}

const expired = { errorCode: 'E7640', field: 'period', object: '202404', params: { object: '202404', dataSet: 'EPI_MONTHLY', lastDay: '2024-05-15' } };

describeEachEngine('expiry days (E7640)', (database) => {
  beforeAll(async () => {
    await insertFixtures(database());
    await database().pool.query("UPDATE data_set SET expiry_days = 15 WHERE code = 'EPI_MONTHLY'");
  });
  beforeEach(async () => {
    await database().pool.query('DELETE FROM data_value; DELETE FROM data_value_audit');
  });

  describe('bulk import', () => {
    it('atomicMode ALL: the expired April value refuses the whole file', async () => {
      const summary = await run(database(), mayAndApril);
      expect(summary).toMatchObject({ status: 'ERROR', importCount: { imported: 0, updated: 0, deleted: 0, ignored: 2 } });
      expect(summary.conflicts).toEqual([expect.objectContaining({ ...expired, indexes: [1], rows: [3] })]);
      expect(await storedPeriods(database())).toEqual([]);
    });
    it('atomicMode NONE: May is written, April refused', async () => {
      const summary = await run(database(), mayAndApril, { atomicMode: 'NONE' });
      expect(summary).toMatchObject({ status: 'WARNING', importCount: { imported: 1, updated: 0, deleted: 0, ignored: 1 }, rejectedIndexes: [1] });
      expect(summary.conflicts).toEqual([expect.objectContaining(expired)]);
      expect(await storedPeriods(database())).toEqual(['202405']);
    });
    it('a superuser (F_EDIT_EXPIRED) writes both', async () => {
      const summary = await run(database(), mayAndApril, {}, superuser);
      expect(summary).toMatchObject({ status: 'SUCCESS', importCount: { imported: 2, ignored: 0 }, conflicts: [] });
      expect(await storedPeriods(database())).toEqual(['202404', '202405']);
    });
    it('the data set named in the file is the one checked', async () => {
      const named = { dataSet: 'EPI_MONTHLY', dataValues: [{ dataElement: 'STAFF', period: '202404', orgUnit: 'FAC_KAYES_2', value: '3' }] };
      const summary = await importDataValues(database(), dataValueSource('json', JSON.stringify(named)), defaults, dataEntry, { today });
      expect(summary.conflicts).toEqual([expect.objectContaining({ ...expired, indexes: [0] })]);
    });
  });

  describe('single value (data entry form)', () => {
    const key = { dataElement: 'PENTA1', orgUnit: 'FAC_KAYES_1', categoryOptionCombo: 'F', dataSet: 'EPI_MONTHLY' };
    it('saves in May, refuses April with E7640 — a deletion too — and lets a superuser change April', async () => {
      expect(await writeDataValue(database(), { ...key, period: '202405' }, { value: '4' }, dataEntry, { today })).toMatchObject({ status: 'SUCCESS', importCount: { imported: 1 } });
      const refused = await writeDataValue(database(), { ...key, period: '202404' }, { value: '4' }, dataEntry, { today });
      expect(refused).toMatchObject({ status: 'ERROR', conflicts: [expect.objectContaining(expired)] });
      expect(await writeDataValue(database(), { ...key, period: '202404' }, { value: '5' }, superuser, { today })).toMatchObject({ status: 'SUCCESS', importCount: { imported: 1 } });
      const removal = await writeDataValue(database(), { ...key, period: '202404' }, { remove: true }, dataEntry, { today });
      expect(removal).toMatchObject({ status: 'ERROR', conflicts: [expect.objectContaining(expired)] });
      expect(await storedPeriods(database())).toEqual(['202404', '202405']);
    });
    it('the last entry day itself is open: on 16 May, April (last entry day 15 May) is refused, on 15 May saved', async () => {
      const april = { ...key, period: '202404' };
      expect(await writeDataValue(database(), april, { value: '6' }, dataEntry, { today: '2024-05-15' })).toMatchObject({ status: 'SUCCESS' });
      expect(await writeDataValue(database(), april, { value: '7' }, dataEntry, { today: '2024-05-16' })).toMatchObject({ status: 'ERROR', conflicts: [expect.objectContaining(expired)] });
    });
  });
});
