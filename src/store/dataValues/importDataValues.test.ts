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
import { auditTrail } from './testing/samples.ts';

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
      const auditRows = async () => (await database().pool.query('SELECT audit_type, previous_value, value, modified_by FROM data_value_audit ORDER BY id')).rows;
      const creation = { audit_type: 'CREATE', previous_value: null, value: '5', modified_by: 'national' };
      const update = { audit_type: 'UPDATE', previous_value: '5', value: '7', modified_by: 'kayes' };
      await clear(database());
      await run(database(), 'csv', csv('PENTA3,202402,FAC_KAYES_2,F,,5,,,,,'));
      // The new value is its own record of creation: no audit row yet, the trail reads it.
      expect(await auditRows()).toEqual([]);
      expect(await auditTrail(database())).toEqual([creation]);
      // Its first change writes its creation, from the stored value, before the update.
      await run(database(), 'csv', csv('PENTA3,202402,FAC_KAYES_2,F,,7,,,,,'), {}, kayes);
      expect(await auditRows()).toEqual([creation, update]);
      await run(database(), 'csv', csv('PENTA3,202402,FAC_KAYES_2,F,,7,,,,,true'));
      expect(await auditTrail(database())).toEqual([creation, update, { audit_type: 'DELETE', previous_value: '7', value: null, modified_by: 'national' }]);
      expect(await stored(database())).toEqual([]);
    });

    it("writes the creation of a value deleted before any change, and reads a value created again as a new creation", async () => {
      await clear(database());
      await run(database(), 'csv', csv('PENTA3,202402,FAC_KAYES_2,F,,5,,,,,'));
      await run(database(), 'csv', csv('PENTA3,202402,FAC_KAYES_2,F,,5,,,,,true'), {}, kayes);
      await run(database(), 'csv', csv('PENTA3,202402,FAC_KAYES_2,F,,6,,,,,'), {}, kayes);
      expect(await auditTrail(database())).toEqual([
        { audit_type: 'CREATE', previous_value: null, value: '5', modified_by: 'national' },
        { audit_type: 'DELETE', previous_value: '5', value: null, modified_by: 'kayes' },
        { audit_type: 'CREATE', previous_value: null, value: '6', modified_by: 'kayes' },
      ]);
    });

    it('leaves out of the trail the values counted from the child registry (their records are their trail)', async () => {
      await clear(database());
      await run(database(), 'csv', csv('PENTA3,202402,FAC_KAYES_2,F,,5,,,,,'));
      await database().pool.query(`INSERT INTO data_value (data_element_id, period_id, org_unit_id, category_option_combo_id, value, numeric_value, stored_by, source)
        SELECT de.id, p.id, ou.id, coc.id, '2', 2, 'registry', 'registry' FROM data_element de, period p, org_unit ou, category_option_combo coc
        WHERE de.code = 'PENTA3' AND p.iso = '202402' AND ou.code = 'FAC_KAYES_2' AND coc.code = 'M'`);
      expect((await auditTrail(database())).map((audit) => [audit.audit_type, audit.value])).toEqual([['CREATE', '5']]);
    });

    it('audits no change of a comment alone (DHIS2-13705), and still writes the creation at the value\'s first change', async () => {
      await clear(database());
      await run(database(), 'csv', csv('PENTA3,202402,FAC_KAYES_2,F,,5,,,,,'));
      await run(database(), 'csv', csv('PENTA3,202402,FAC_KAYES_2,F,,5,,,vérifié,,'));
      expect((await database().pool.query('SELECT count(*)::int AS n FROM data_value_audit')).rows[0].n).toBe(0);
      await run(database(), 'csv', csv('PENTA3,202402,FAC_KAYES_2,F,,8,,,vérifié,,'), {}, kayes);
      expect(await auditTrail(database())).toEqual([
        { audit_type: 'CREATE', previous_value: null, value: '5', modified_by: 'national' },
        { audit_type: 'UPDATE', previous_value: '5', value: '8', modified_by: 'kayes' },
      ]);
    });

    it('refuses both values of a key a file of new values repeats (E8128): the others written with atomicMode NONE, none with ALL', async () => {
      await clear(database());
      const body = csv('PENTA1,202404,FAC_KAYES_1,F,,1,,,,,', 'PENTA1,202404,FAC_KAYES_1,M,,2,,,,,', 'PENTA1,202404,FAC_KAYES_1,F,,3,,,,,');
      const all = await run(database(), 'csv', body);
      expect(all.importCount).toEqual({ imported: 0, updated: 0, deleted: 0, ignored: 3 });
      expect(all.conflicts.map((c) => [c.errorCode, c.indexes])).toEqual([['E8128', [0]], ['E8128', [2]]]);
      expect(await stored(database())).toEqual([]);
      const none = await run(database(), 'csv', body, { atomicMode: 'NONE' });
      expect(none.importCount).toEqual({ imported: 1, updated: 0, deleted: 0, ignored: 2 });
      expect((await stored(database())).map((row) => [row.coc, row.value])).toEqual([['M', '2']]);
      expect((await auditTrail(database())).map((audit) => [audit.audit_type, audit.value])).toEqual([['CREATE', '2']]);
    });

    it('refuses a key repeated by an insignificant zero, which imports no value, as any repeated key (E8128)', async () => {
      await clear(database());
      const valueAndZero = await run(database(), 'csv', csv('PENTA1,202405,FAC_KAYES_1,F,,4,,,,,', 'PENTA1,202405,FAC_KAYES_1,M,,0,,,,,', 'PENTA1,202405,FAC_KAYES_1,F,,0,,,,,'));
      expect(valueAndZero.conflicts.map((c) => [c.errorCode, c.indexes])).toEqual([['E8128', [0]], ['E8128', [2]]]);
      const twoZeros = await run(database(), 'csv', csv('PENTA1,202405,FAC_KAYES_1,F,,4,,,,,', 'PENTA1,202405,FAC_KAYES_1,M,,0,,,,,', 'PENTA1,202405,FAC_KAYES_1,M,,0,,,,,'));
      expect(twoZeros.conflicts.map((c) => [c.errorCode, c.indexes])).toEqual([['E8128', [1]], ['E8128', [2]]]);
      expect(await stored(database())).toEqual([]);
      const zeroBeside = await run(database(), 'csv', csv('PENTA1,202405,FAC_KAYES_1,F,,4,,,,,', 'PENTA1,202405,FAC_KAYES_1,M,,0,,,,,'));
      expect([zeroBeside.status, zeroBeside.importCount]).toEqual(['SUCCESS', { imported: 1, updated: 0, deleted: 0, ignored: 1 }]);
      expect((await stored(database())).map((row) => [row.coc, row.value])).toEqual([['F', '4']]);
    });

    it('updates, without a duplicate, a value another transaction stored while the import ran, and audits it as an update', async () => {
      await clear(database());
      const other = await database().pool.connect();
      try {
        // The other writer's value is not committed when the import starts: PostgreSQL
        // classifies the import's value as new and its INSERT waits for the other writer, then
        // meets its row; PGlite, one transaction at a time, runs the import after it.
        await other.query(`INSERT INTO period (iso, period_type, start_date, end_date) VALUES ('202403', 'Monthly', '2024-03-01', '2024-03-31') ON CONFLICT DO NOTHING`);
        await other.query('BEGIN');
        await other.query(`INSERT INTO data_value (data_element_id, period_id, org_unit_id, category_option_combo_id, value, numeric_value, stored_by)
          SELECT de.id, p.id, ou.id, coc.id, '3', 3, 'other' FROM data_element de, period p, org_unit ou, category_option_combo coc
          WHERE de.code = 'PENTA1' AND p.iso = '202403' AND ou.code = 'FAC_KAYES_1' AND coc.code = 'F'`);
        const importing = run(database(), 'csv', csv('PENTA1,202403,FAC_KAYES_1,F,,8,,,,,', 'PENTA1,202403,FAC_KAYES_1,M,,9,,,,,'));
        await new Promise((resolve) => setTimeout(resolve, 500));
        await other.query('COMMIT');
        const summary = await importing;
        expect(summary.importCount).toEqual({ imported: 1, updated: 1, deleted: 0, ignored: 0 });
      } finally {
        other.release();
      }
      expect((await stored(database())).map((row) => [row.coc, row.value])).toEqual([['F', '8'], ['M', '9']]);
      expect(await auditTrail(database())).toEqual([
        { audit_type: 'CREATE', previous_value: null, value: '3', modified_by: 'other' },
        { audit_type: 'UPDATE', previous_value: '3', value: '8', modified_by: 'national' },
        { audit_type: 'CREATE', previous_value: null, value: '9', modified_by: 'national' },
      ]);
    });
  });

  describe('checks: one conflict per refused row, with the row and the field', () => {
    beforeAll(async () => {
      await clear(database());
      // A second data set without PENTA1 (E7633), and a project attribute combo whose option
      // ended in 2023 (E7638), for the checks the plain fixtures cannot reach.
      await database().pool.query(`
        INSERT INTO data_set (uid, code, name, period_type) VALUES ('DsNutMonthl', 'NUT_MONTHLY', 'Nutrition mensuel', 'Monthly');
        INSERT INTO data_set_element (data_set_id, data_element_id) SELECT ds.id, de.id FROM data_set ds, data_element de WHERE ds.code = 'NUT_MONTHLY' AND de.code = 'RUTF_STOCK';
        INSERT INTO data_set_org_unit (data_set_id, org_unit_id) SELECT ds.id, ou.id FROM data_set ds, org_unit ou WHERE ds.code = 'NUT_MONTHLY' AND ou.level = 4;
        INSERT INTO category_option (uid, code, name, end_date) VALUES ('CoProj20230', 'PROJ2023', 'Projet 2023', '2023-12-31');
        INSERT INTO category (uid, code, name, data_dimension_type) VALUES ('CatProject1', 'PROJECT', 'Projet', 'ATTRIBUTE');
        INSERT INTO category_category_option SELECT c.id, 0, o.id FROM category c, category_option o WHERE c.code = 'PROJECT' AND o.code = 'PROJ2023';
        INSERT INTO category_combo (uid, code, name, data_dimension_type) VALUES ('CcProject01', 'PROJECT', 'Projet', 'ATTRIBUTE');
        INSERT INTO category_combo_category SELECT cc.id, 0, c.id FROM category_combo cc, category c WHERE cc.code = 'PROJECT' AND c.code = 'PROJECT';
        INSERT INTO category_option_combo (uid, code, name, category_combo_id) SELECT 'CocProj2023', 'PROJ2023', 'Projet 2023', id FROM category_combo WHERE code = 'PROJECT';
        INSERT INTO category_option_combo_option SELECT coc.id, o.id FROM category_option_combo coc, category_option o WHERE coc.code = 'PROJ2023' AND o.code = 'PROJ2023';
        INSERT INTO data_set (uid, code, name, period_type, category_combo_id) SELECT 'DsProjMonth', 'PROJ_MONTHLY', 'Projet mensuel', 'Monthly', id FROM category_combo WHERE code = 'PROJECT';
        INSERT INTO data_set_element (data_set_id, data_element_id) SELECT ds.id, de.id FROM data_set ds, data_element de WHERE ds.code = 'PROJ_MONTHLY' AND de.code = 'PENTA1';
        INSERT INTO data_set_org_unit (data_set_id, org_unit_id) SELECT ds.id, ou.id FROM data_set ds, org_unit ou WHERE ds.code = 'PROJ_MONTHLY' AND ou.level = 4;`);
    });

    it('names the check, the field, the object and the row of each refused value (atomicMode NONE keeps the good ones)', async () => {
      const rows = [
        'PENTA1,202401,FAC_KAYES_1,F,,4,,,,,', // row 2: valid
        'NOPE,202401,FAC_KAYES_1,F,,4,,,,,', // E7610
        'PENTA1,2024M13,FAC_KAYES_1,F,,4,,,,,', // E7611
        'PENTA1,202401,NOWHERE,F,,4,,,,,', // E7612
        'PENTA1,202401,FAC_KAYES_1,X,,4,,,,,', // E7613
        'PENTA1,202401,FAC_KAYES_1,F,X,4,,,,,', // E7615
        'PENTA1,202401,FAC_SEGOU_1,F,,4,,,,,', // E7617 for the Kayes user
        'PENTA1,202401,FAC_KAYES_2,F,,,,,,,', // E7618
        'PENTA1,202401,FAC_KAYES_2,M,,4.5,,,,,', // E7619
        `PENTA3,202401,FAC_KAYES_2,M,,4,,,${'x'.repeat(50_001)},,`, // E7620
        'PENTA1,2024Q1,FAC_KAYES_1,M,,4,,,,,', // E7632
        'PENTA1,202401,FAC_KAYES_2,default,,4,,,,,', // E7634
        'PENTA1,202401,FAC_KAYES_2,F,F,4,,,,,', // E7635
        'PENTA1,202401,ML0101,F,,4,,,,,', // E7636
        `PENTA3,202401,FAC_KAYES_1,F,,4,${'y'.repeat(256)},,,,`, // E7637
        'PENTA1,202401,FAC_KAYES_1,M,PROJ2023,4,,,,,', // E7638
        'PENTA1,202501,FAC_KAYES_1,M,,4,,,,,', // E7641 (today is 2024-06-15)
        'PENTA3,202403,FAC_KAYES_2,M,,4,,,,,', // row 19: valid
        'PENTA3,202403,FAC_KAYES_2,F,,5,,,,,', // E8128 with row 21
        'PENTA3,202403,FAC_KAYES_2,F,,5,,,,,', // E8128 with row 20
      ];
      const summary = await run(database(), 'csv', csv(...rows), { atomicMode: 'NONE' }, kayes);
      expect(summary.conflicts.map((c) => [c.errorCode, c.field, c.object, c.rows[0]])).toEqual([
        ['E7610', 'dataElement', 'NOPE', 3],
        ['E7611', 'period', '2024M13', 4],
        ['E7612', 'orgUnit', 'NOWHERE', 5],
        ['E7613', 'categoryOptionCombo', 'X', 6],
        ['E7615', 'attributeOptionCombo', 'X', 7],
        ['E7617', 'orgUnit', 'FAC_SEGOU_1', 8],
        ['E7618', 'value', 'PENTA1', 9],
        ['E7619', 'value', '4.5', 10],
        ['E7620', 'comment', 'PENTA3', 11],
        ['E7632', 'period', '2024Q1', 12],
        ['E7634', 'categoryOptionCombo', 'default', 13],
        ['E7635', 'attributeOptionCombo', 'F', 14],
        ['E7636', 'orgUnit', 'ML0101', 15],
        ['E7637', 'storedBy', 'y'.repeat(256), 16],
        ['E7638', 'period', '202401', 17],
        ['E7641', 'period', '202501', 18],
        ['E8128', 'row', '202403', 20],
        ['E8128', 'row', '202403', 21],
      ]);
      expect(summary.conflicts[7]!.params).toMatchObject({ valueType: 'INTEGER_ZERO_OR_POSITIVE', reason: 'value_not_zero_or_positive_integer' });
      expect(summary.importCount).toEqual({ imported: 2, updated: 0, deleted: 0, ignored: 18 });
      expect(summary.status).toBe('WARNING');
    });

    it('refuses a period outside the org unit open dates (E8031) and a data element outside the named data set (E7633)', async () => {
      const open = await run(database(), 'csv', csv('STAFF,201912,FAC_SEGOU_1,,,3,,,,,', 'STAFF,202301,FAC_SEGOU_CLOSED,,,3,,,,,', 'STAFF,202212,FAC_SEGOU_CLOSED,,,3,,,,,'), { atomicMode: 'NONE', dryRun: true });
      expect(open.conflicts.map((c) => [c.errorCode, c.field, c.rows[0]])).toEqual([
        ['E8031', 'period', 2],
        ['E8031', 'period', 3],
      ]);
      expect(open.importCount.imported).toBe(1);
      const named = await run(database(), 'json', { dataSet: 'NUT_MONTHLY', dataValues: [{ dataElement: 'PENTA1', period: '202401', orgUnit: 'FAC_KAYES_1', categoryOptionCombo: 'F', value: '1' }] });
      expect(named.conflicts.map((c) => [c.errorCode, c.field, c.object, c.params.dataSet])).toEqual([['E7633', 'dataElement', 'PENTA1', 'NUT_MONTHLY']]);
    });

    it('refuses the whole set when its header names an unknown data set (E7600), reading no value', async () => {
      const summary = await run(database(), 'json', { dataSet: 'NOT_A_DATA_SET', dataValues: [{ dataElement: 'STAFF', period: '202401', orgUnit: 'FAC_KAYES_1', value: '1' }] });
      expect(summary).toMatchObject({ status: 'ERROR', importCount: { imported: 0, ignored: 0 } });
      expect(summary.conflicts.map((c) => [c.errorCode, c.field, c.object, c.rows])).toEqual([['E7600', 'dataSet', 'NOT_A_DATA_SET', []]]);
    });

    it('reports a JSON value that is not an object of text fields (ROW_INVALID) with its row', async () => {
      const summary = await run(database(), 'json', { dataValues: ['PENTA1', { dataElement: 'STAFF', period: { month: 1 } }] }, { atomicMode: 'NONE', dryRun: true });
      expect(summary.conflicts.map((c) => [c.errorCode, c.rows[0], c.params.field])).toEqual([
        ['ROW_INVALID', 1, ''],
        ['ROW_INVALID', 2, 'period'],
      ]);
    });
  });

  describe('strategies, atomic modes, dry runs, zeros', () => {
    beforeAll(async () => {
      await clear(database());
      await run(database(), 'csv', csv('PENTA1,202402,FAC_KAYES_1,F,,8,,,,,', 'STAFF,202402,FAC_KAYES_1,,,2,,,,,'));
    });

    it('CREATE leaves stored values alone, UPDATE creates nothing, DELETE of nothing is refused', async () => {
      const body = csv('PENTA1,202402,FAC_KAYES_1,F,,9,,,,,', 'PENTA1,202402,FAC_KAYES_1,M,,9,,,,,');
      const create = await run(database(), 'csv', body, { importStrategy: 'CREATE', dryRun: true });
      expect([create.importCount, create.rejectedIndexes, create.status]).toEqual([{ imported: 1, updated: 0, deleted: 0, ignored: 1 }, [0], 'SUCCESS']);
      const update = await run(database(), 'csv', body, { importStrategy: 'UPDATE', dryRun: true });
      expect([update.importCount, update.rejectedIndexes]).toEqual([{ imported: 0, updated: 1, deleted: 0, ignored: 1 }, [1]]);
      const remove = await run(database(), 'csv', body, { importStrategy: 'DELETE', dryRun: true });
      expect([remove.importCount, remove.rejectedIndexes]).toEqual([{ imported: 0, updated: 0, deleted: 1, ignored: 1 }, [1]]);
    });

    it('ignores a zero DHIS2 does not store, deletes a stored value on such a zero, keeps a significant zero', async () => {
      const summary = await run(database(), 'csv', csv('PENTA1,202402,FAC_KAYES_1,M,,0,,,,,', 'PENTA1,202402,FAC_KAYES_1,F,,0,,,,,', 'STAFF,202403,FAC_KAYES_1,,,0,,,,,'));
      expect(summary.importCount).toEqual({ imported: 1, updated: 0, deleted: 1, ignored: 1 });
      expect(summary.rejectedIndexes).toEqual([]);
      expect((await stored(database())).map((row) => [row.de, row.pe, row.coc, row.value])).toEqual([
        ['STAFF', '202402', 'default', '2'],
        ['STAFF', '202403', 'default', '0'],
      ]);
    });

    it('atomicMode ALL writes nothing when one value is refused; a dry run writes nothing at all', async () => {
      const before = await stored(database());
      const audits = (await database().pool.query('SELECT count(*)::int AS n FROM data_value_audit')).rows[0].n;
      const all = await run(database(), 'csv', csv('NOTE,202402,FAC_KAYES_1,,,bon,,,,,', 'NOTE,202402,FAC_KAYES_2,,,,,,,,'));
      expect(all).toMatchObject({ status: 'ERROR', importCount: { imported: 0, updated: 0, deleted: 0, ignored: 2 }, rejectedIndexes: [0, 1] });
      const dry = await run(database(), 'csv', csv('NOTE,202402,FAC_KAYES_1,,,bon,,,,,'), { dryRun: true });
      expect(dry).toMatchObject({ status: 'SUCCESS', importCount: { imported: 1 } });
      expect(await stored(database())).toEqual(before);
      expect((await database().pool.query('SELECT count(*)::int AS n FROM data_value_audit')).rows[0].n).toBe(audits);
    });
  });
});
