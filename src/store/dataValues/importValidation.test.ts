// Validation rules on import, on both engines, with values worked by hand below. Fixtures
// (testing/fixtures.ts): EPI_MONTHLY holds PENTA1, PENTA3 (by sex F/M), STAFF … and is assigned
// to the four facilities. Two rules:
//   R_P3_LE_P1  #{PENTA3} <= #{PENTA1} (HIGH), both sides summed over F and M;
//   R_STAFF_MIN #{STAFF} >= 1, NEVER_SKIP: violated (0 >= 1) wherever STAFF is missing — so it
//               shows that a rule reading nothing the import wrote is not run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeSummary, type ImportSummary } from '../../core/dataValueSets/importSummary.ts';
import type { Database } from '../database.ts';
import { describeEachEngine } from '../testing/engines.ts';
import { insertFixtures } from '../testing/fixtures.ts';
import { dataValueSource } from './dataValueSource.ts';
import { importDataValues, type ImportOptions } from './importDataValues.ts';

const national = { username: 'national', scopePaths: ['/MLuid000001'] };
const defaults: ImportOptions = { idSchemes: {}, dryRun: false, importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'ALL', async: false };
const csv = (...rows: string[]) => ['dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value', ...rows].join('\n');

function run(database: Database, body: unknown, options: Partial<ImportOptions> = {}, format: 'csv' | 'json' = 'csv'): Promise<ImportSummary> {
  return importDataValues(database, dataValueSource(format, body), { ...defaults, ...options }, national, { today: '2024-06-15' });
}

async function completions(database: Database): Promise<string[]> {
  const { rows } = await database.pool.query(`SELECT ou.code || ' ' || p.iso AS c FROM complete_data_set_registration r
    JOIN org_unit ou ON ou.id = r.org_unit_id JOIN period p ON p.id = r.period_id ORDER BY 1`);
  return rows.map((row) => row.c);
}

async function storedCount(database: Database): Promise<number> {
  const { rows } = await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM data_value');
  return rows[0]!.n;
}

describeEachEngine('validation rules on import', (database) => {
  beforeAll(async () => {
    await insertFixtures(database());
    await database().pool.query(`INSERT INTO validation_rule (uid, code, name, name_en, importance, operator, left_expression, right_expression) VALUES
      ('RuleP3LeP1a', 'R_P3_LE_P1', 'Penta 3 au plus Penta 1', 'Penta 3 at most Penta 1', 'HIGH', 'less_than_or_equal_to', '#{PENTA3}', '#{PENTA1}')`);
    await database().pool.query(`INSERT INTO validation_rule (uid, code, name, operator, left_expression, left_missing_value_strategy, right_expression, right_missing_value_strategy)
      VALUES ('RuleStaffMn', 'R_STAFF_MIN', 'Au moins un agent', 'greater_than_or_equal_to', '#{STAFF}', 'NEVER_SKIP', '1', 'NEVER_SKIP')`);
  });

  describe('reported, the values kept', () => {
    it('reports a rule the imported values break, with both sides, and keeps the values', async () => {
      // FAC_KAYES_1, January: PENTA3 15 + 5 = 20 against PENTA1 10 + 8 = 18 → 20 <= 18 is false.
      const summary = await run(database(), csv('PENTA1,202401,FAC_KAYES_1,F,,10', 'PENTA1,202401,FAC_KAYES_1,M,,8', 'PENTA3,202401,FAC_KAYES_1,F,,15', 'PENTA3,202401,FAC_KAYES_1,M,,5'));
      expect(summary).toMatchObject({ status: 'SUCCESS', importCount: { imported: 4, updated: 0, deleted: 0, ignored: 0 }, conflicts: [] });
      expect(summary.validationViolations).toEqual([
        {
          validationRuleId: 'R_P3_LE_P1',
          validationRuleName: { fr: 'Penta 3 au plus Penta 1', en: 'Penta 3 at most Penta 1' },
          importance: 'HIGH',
          organisationUnitId: 'FAC_KAYES_1',
          organisationUnitDisplayName: 'CSCom Kayes Plateau',
          periodId: '202401',
          attributeOptionComboId: 'default',
          leftSideValue: 20,
          operator: 'less_than_or_equal_to',
          rightSideValue: 18,
          blockingDataSet: null,
        },
      ]);
      expect(describeSummary(summary, 'en').validationViolations).toMatchObject([{ validationRuleId: 'R_P3_LE_P1', validationRuleDescription: 'Penta 3 at most Penta 1', leftSideValue: 20, rightSideValue: 18 }]);
      expect(await storedCount(database())).toBe(4);
    });

    it('checks the written values together with those already stored', async () => {
      // FAC_KAYES_2, February: PENTA1 F 6 stored first (no PENTA3: the rule is skipped);
      // then PENTA3 F 4 and M 3 → 7 <= 6 is false.
      expect((await run(database(), csv('PENTA1,202402,FAC_KAYES_2,F,,6'))).validationViolations).toEqual([]);
      const summary = await run(database(), csv('PENTA3,202402,FAC_KAYES_2,F,,4', 'PENTA3,202402,FAC_KAYES_2,M,,3'));
      expect(summary.validationViolations.map((v) => [v.validationRuleId, v.organisationUnitId, v.periodId, v.leftSideValue, v.rightSideValue])).toEqual([
        ['R_P3_LE_P1', 'FAC_KAYES_2', '202402', 7, 6],
      ]);
    });

    it('reports nothing for values that break no rule, nor the violations of other org units, periods and rules', async () => {
      // FAC_KAYES_1, March: PENTA3 3 <= PENTA1 9. January's violation at the same unit, and
      // R_STAFF_MIN (no STAFF anywhere, 0 >= 1 false), are not this import's.
      const summary = await run(database(), csv('PENTA1,202403,FAC_KAYES_1,F,,9', 'PENTA3,202403,FAC_KAYES_1,F,,3'));
      expect(summary).toMatchObject({ status: 'SUCCESS', importCount: { imported: 2 }, validationViolations: [] });
    });

    it('runs no rule on a dry run, which writes nothing', async () => {
      const summary = await run(database(), csv('PENTA3,202404,FAC_KAYES_1,F,,50'), { dryRun: true });
      expect(summary.validationViolations).toEqual([]);
    });
  });

  describe('a data set that accepts only valid data (validCompleteOnly)', () => {
    beforeAll(async () => database().pool.query("UPDATE data_set SET validation_blocking = true WHERE code = 'EPI_MONTHLY'"));
    afterAll(async () => database().pool.query("UPDATE data_set SET validation_blocking = false WHERE code = 'EPI_MONTHLY'"));

    it('refuses the whole import when its values break a rule of the data set, writing nothing', async () => {
      const before = await storedCount(database());
      const audits = (await database().pool.query('SELECT count(*)::int AS n FROM data_value_audit')).rows[0].n;
      // FAC_SEGOU_1, May: PENTA3 2 against PENTA1 1 → 2 <= 1 false; FAC_KAYES_1's May value breaks nothing but is not written either.
      const summary = await run(database(), csv('PENTA1,202405,FAC_KAYES_1,F,,4', 'PENTA1,202405,FAC_SEGOU_1,F,,1', 'PENTA3,202405,FAC_SEGOU_1,M,,2'), { atomicMode: 'NONE' });
      expect(summary).toMatchObject({ status: 'ERROR', importCount: { imported: 0, updated: 0, deleted: 0, ignored: 3 }, rejectedIndexes: [0, 1, 2] });
      expect(summary.validationViolations).toMatchObject([{ validationRuleId: 'R_P3_LE_P1', organisationUnitId: 'FAC_SEGOU_1', periodId: '202405', leftSideValue: 2, rightSideValue: 1, blockingDataSet: 'EPI_MONTHLY' }]);
      expect(summary.conflicts.map((c) => [c.errorCode, c.object, c.params])).toEqual([
        ['VALIDATION_RULE_VIOLATED', 'R_P3_LE_P1', { object: 'R_P3_LE_P1', orgUnit: 'FAC_SEGOU_1', period: '202405', left: '2', operator: '≤', right: '1', dataSet: 'EPI_MONTHLY' }],
      ]);
      expect(describeSummary(summary, 'fr').description).toBe(
        "Rien n'a été importé : les valeurs violent une règle de validation d'un jeu de données qui n'accepte que des données valides",
      );
      expect(describeSummary(summary, 'en').conflicts[0]!.value).toBe(
        'Validation rule “R_P3_LE_P1” violated at FAC_SEGOU_1 for 202405: 2 ≤ 1 is false; data set EPI_MONTHLY accepts only valid data, nothing is imported',
      );
      expect(await storedCount(database())).toBe(before);
      expect((await database().pool.query('SELECT count(*)::int AS n FROM data_value_audit')).rows[0].n).toBe(audits);
    });

    it('keeps values that break nothing but refuses the completion they ask for where a rule of the data set is broken', async () => {
      // FAC_KAYES_1, January: STAFF 2 (R_STAFF_MIN 2 >= 1 holds) is written; the completion is
      // refused because the first test's PENTA values there break R_P3_LE_P1 (20 <= 18).
      const header = { dataSet: 'EPI_MONTHLY', period: '202401', orgUnit: 'FAC_KAYES_1', completeDate: '2024-02-05' };
      const refused = await run(database(), { ...header, dataValues: [{ dataElement: 'STAFF', value: '2' }] }, {}, 'json');
      expect(refused).toMatchObject({ status: 'SUCCESS', importCount: { imported: 1 }, dataSetComplete: false });
      expect(refused.validationViolations).toMatchObject([{ validationRuleId: 'R_P3_LE_P1', organisationUnitId: 'FAC_KAYES_1', periodId: '202401', leftSideValue: 20, rightSideValue: 18, blockingDataSet: 'EPI_MONTHLY' }]);
      // March there: PENTA3 3 <= PENTA1 9, and STAFF 1 >= 1: completed.
      const done = await run(database(), { ...header, period: '202403', completeDate: '2024-04-02', dataValues: [{ dataElement: 'STAFF', value: '1' }] }, {}, 'json');
      expect(done).toMatchObject({ status: 'SUCCESS', dataSetComplete: '2024-04-02', validationViolations: [] });
      expect(await completions(database())).toEqual(['FAC_KAYES_1 202403']);
    });

    it('imports valid values as usual', async () => {
      const summary = await run(database(), csv('PENTA1,202405,FAC_SEGOU_1,F,,3', 'PENTA3,202405,FAC_SEGOU_1,M,,2'));
      expect(summary).toMatchObject({ status: 'SUCCESS', importCount: { imported: 2 }, validationViolations: [] });
    });
  });
});
