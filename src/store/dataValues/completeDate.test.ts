// A completion date that is no date (a data value set's completeDate, an ADX group's) refuses
// the whole set with COMPLETE_DATE_INVALID, on both engines: DHIS2's handleComplete would drop
// it without a word and leave open a form the file says is complete. Fixtures
// (testing/fixtures.ts): EPI_MONTHLY holds STAFF and is assigned to FAC_KAYES_1.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../core/dataValueSets/importSummary.ts';
import type { Database } from '../database.ts';
import { describeEachEngine } from '../testing/engines.ts';
import { insertFixtures } from '../testing/fixtures.ts';
import { dataValueSource } from './dataValueSource.ts';
import { importDataValues, type ImportOptions } from './importDataValues.ts';

const national = { username: 'national', scopePaths: ['/MLuid000001'] };
const defaults: ImportOptions = { idSchemes: {}, dryRun: false, importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'ALL', async: false };

function run(database: Database, format: 'json' | 'adx', body: unknown, options: Partial<ImportOptions> = {}): Promise<ImportSummary> {
  return importDataValues(database, dataValueSource(format, body), { ...defaults, ...options }, national, { today: '2024-06-15' });
}

const json = (completeDate: string) => ({
  dataSet: 'EPI_MONTHLY',
  period: '202401',
  orgUnit: 'FAC_KAYES_1',
  completeDate,
  dataValues: [{ dataElement: 'STAFF', value: '2' }],
});
const adx = (completeDate: string) => `<adx xmlns="urn:ihe:qrph:adx:2015">
  <group dataSet="EPI_MONTHLY" orgUnit="FAC_KAYES_1" period="2024-01-01/P1M" completeDate="${completeDate}">
    <dataValue dataElement="STAFF" value="2"/>
  </group>
</adx>`;

async function stored(database: Database): Promise<{ values: number; completions: number }> {
  const { rows } = await database.pool.query<{ values: number; completions: number }>(
    'SELECT (SELECT count(*)::int FROM data_value) AS values, (SELECT count(*)::int FROM complete_data_set_registration) AS completions',
  );
  return rows[0]!;
}

describeEachEngine('completion dates on import', (database) => {
  beforeAll(async () => {
    await insertFixtures(database());
  });
  beforeEach(async () => {
    await database().pool.query('DELETE FROM complete_data_set_registration; DELETE FROM data_value; DELETE FROM data_value_audit');
  });

  describe.each([
    ['json', json],
    ['adx', adx],
  ] as const)('%s', (format, body) => {
    it.each(['yesterday', '2024-13-45', '2024-02-30'])('"%s" refuses the whole set, even with atomicMode NONE, and writes nothing', async (date) => {
      for (const atomicMode of ['ALL', 'NONE'] as const) {
        const summary = await run(database(), format, body(date), { atomicMode });
        expect(summary).toMatchObject({ status: 'ERROR', dataSetComplete: false, importCount: { imported: 0, updated: 0 } });
        expect(summary.conflicts).toEqual([
          { errorCode: 'COMPLETE_DATE_INVALID', field: 'completeDate', object: date, params: { object: date }, indexes: [], rows: [] },
        ]);
        expect(await stored(database())).toEqual({ values: 0, completions: 0 });
      }
    });

    it.each([
      ['2024-02-05', '2024-02-05'],
      // As DHIS2 2.41 writes timestamps; the day is what the registration keeps.
      ['2024-02-05T10:22:31.123+0000', '2024-02-05'],
    ])('"%s" completes the form', async (date, day) => {
      const summary = await run(database(), format, body(date));
      expect(summary).toMatchObject({ status: 'SUCCESS', importCount: { imported: 1 }, dataSetComplete: day, conflicts: [] });
      expect(await stored(database())).toEqual({ values: 1, completions: 1 });
    });
  });
});
