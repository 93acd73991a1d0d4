// The import pipeline on both engines, on the hand-written fixtures (testing/fixtures.ts):
// counts, strategies, atomic modes, audit rows, scope, and the conflict of every check with
// its row and field.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../core/dataValueSets/importSummary.ts';
import type { Database } from '../database.ts';
import { describeEachEngine } from '../testing/engines.ts';
import { insertFixtures } from '../testing/fixtures.ts';
import { dataValueSource, type DataValueFormat } from './dataValueSource.ts';
import { importDataValues, type ImportOptions } from './importDataValues.ts';

const national = { username: 'national', scopePaths: ['/MLuid000001'] };
const kayes = { username: 'kayes', scopePaths: ['/MLuid000001/ML01uid0001'] };
const defaults: ImportOptions = { idSchemes: {}, dryRun: false, importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'ALL', async: false };
const today = '2024-06-15';

const csv = (...rows: string[]) => ['dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted', ...rows].join('\n');

function run(database: Database, format: DataValueFormat, body: unknown, options: Partial<ImportOptions> = {}, importer = national): Promise<ImportSummary> {
  return importDataValues(database, dataValueSource(format, body), { ...defaults, ...options }, importer, { today });
}

async function stored(database: Database) {
  const { rows } = await database.pool.query(`SELECT de.code AS de, p.iso AS pe, ou.code AS ou, coc.code AS coc, dv.value, dv.comment, dv.followup, dv.stored_by
    FROM data_value dv JOIN data_element de ON de.id = dv.data_element_id JOIN period p ON p.id = dv.period_id
    JOIN org_unit ou ON ou.id = dv.org_unit_id JOIN category_option_combo coc ON coc.id = dv.category_option_combo_id
    ORDER BY de.code, p.iso, ou.code, coc.code`);
  return rows;
}

async function clear(database: Database) {
  await database.pool.query('DELETE FROM data_value; DELETE FROM data_value_audit; DELETE FROM complete_data_set_registration');
}

describeEachEngine('importDataValues', (database) => {
  beforeAll(async () => insertFixtures(database()));

  describe('counts', () => {
    beforeAll(async () => clear(database()));

    it('imports new values, then counts them as updated, ignoring none', async () => {
      const body = csv('PENTA1,202401,FAC_KAYES_1,F,,12,,,,,', 'PENTA1,202401,FAC_KAYES_1,M,,10,,,,,', 'STAFF,202401,FAC_KAYES_1,,,4,,,,,');
      const first = await run(database(), 'csv', body);
      expect(first).toMatchObject({ status: 'SUCCESS', importCount: { imported: 3, updated: 0, deleted: 0, ignored: 0 }, conflicts: [], rejectedIndexes: [] });
      const again = await run(database(), 'csv', body);
      expect(again.importCount).toEqual({ imported: 0, updated: 3, deleted: 0, ignored: 0 });
      expect(await stored(database())).toEqual([
        { de: 'PENTA1', pe: '202401', ou: 'FAC_KAYES_1', coc: 'F', value: '12', comment: null, followup: false, stored_by: 'national' },
        { de: 'PENTA1', pe: '202401', ou: 'FAC_KAYES_1', coc: 'M', value: '10', comment: null, followup: false, stored_by: 'national' },
        { de: 'STAFF', pe: '202401', ou: 'FAC_KAYES_1', coc: 'default', value: '4', comment: null, followup: false, stored_by: 'national' },
      ]);
    });

    it('audits a creation, a changed value and a deletion, with the previous value and the importing user', async () => {
      await clear(database());
      await run(database(), 'csv', csv('PENTA3,202402,FAC_KAYES_2,F,,5,,,,,'));
      await run(database(), 'csv', csv('PENTA3,202402,FAC_KAYES_2,F,,7,,,,,'), {}, kayes);
      await run(database(), 'csv', csv('PENTA3,202402,FAC_KAYES_2,F,,7,,,,,true'));
      const { rows } = await database().pool.query('SELECT audit_type, previous_value, value, modified_by FROM data_value_audit ORDER BY id');
      expect(rows).toEqual([
        { audit_type: 'CREATE', previous_value: null, value: '5', modified_by: 'national' },
        { audit_type: 'UPDATE', previous_value: '5', value: '7', modified_by: 'kayes' },
        { audit_type: 'DELETE', previous_value: '7', value: null, modified_by: 'national' },
      ]);
      expect(await stored(database())).toEqual([]);
    });
  });
});
