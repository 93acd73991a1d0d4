// The rollup of individual records into aggregate cells, specified on the EPI monthly report:
// a count written where, and only where, the registry is the data set's source, carried to the
// national total by the analytics triggers in the same transaction, and a facility never
// counted twice when the source changes.
import { beforeAll, expect, it } from 'vitest';
import { DenwError } from '../../core/errors.ts';
import { dataValueSource } from '../dataValues/dataValueSource.ts';
import { importDataValues } from '../dataValues/importDataValues.ts';
import { loadEpiPackage } from '../immunization/testing/epiPackage.ts';
import { describeEachEngine } from '../testing/engines.ts';
import { insertFixtures } from '../testing/fixtures.ts';
import { inTransaction } from '../transaction.ts';
import { applyRollup, dataSetSources, switchDataSetSource, type RollupDelta } from './rollup.ts';

describeEachEngine('rollup of individual records', (database) => {
  const ids = new Map<string, number>();
  beforeAll(async () => {
    await insertFixtures(database());
    await loadEpiPackage(database());
    const { rows } = await database().pool.query<{ code: string; id: number }>('SELECT code, id FROM org_unit');
    for (const row of rows) ids.set(row.code, row.id);
  });

  const penta1 = (orgUnit: string, period: string, delta: number, coc = '0-11M_F'): RollupDelta => ({
    dataElement: 'EPI_PENTA1',
    period,
    orgUnitId: ids.get(orgUnit)!,
    categoryOptionCombo: coc,
    delta,
  });
  const cell = async (orgUnit: string, period: string, coc = '0-11M_F') => {
    const { rows } = await database().pool.query<{ value: string; source: string | null }>(
      `SELECT v.value, v.source FROM data_value v JOIN data_element de ON de.id = v.data_element_id JOIN period p ON p.id = v.period_id
       JOIN org_unit ou ON ou.id = v.org_unit_id JOIN category_option_combo coc ON coc.id = v.category_option_combo_id
       WHERE de.code = 'EPI_PENTA1' AND p.iso = $1 AND ou.code = $2 AND coc.code = $3`,
      [period, orgUnit, coc],
    );
    return rows[0];
  };
  /** Penta1 girls 0–11 months in Mali for a month, from the real-time aggregates. */
  const national = async (period: string) => {
    const { rows } = await database().pool.query<{ value_sum: number }>(
      `SELECT a.value_sum FROM aggregated_data_value a JOIN data_element de ON de.id = a.data_element_id JOIN period p ON p.id = a.period_id
       JOIN org_unit ou ON ou.id = a.org_unit_id JOIN category_option_combo coc ON coc.id = a.category_option_combo_id
       WHERE de.code = 'EPI_PENTA1' AND p.iso = $1 AND ou.code = 'ML' AND coc.code = '0-11M_F'`,
      [period],
    );
    return rows[0]?.value_sum ?? 0;
  };
  const rollUp = (deltas: RollupDelta[]) => inTransaction(database(), (client) => applyRollup(client, 'EPI_MONTHLY', deltas, 'vaccinateur'));
  const switchTo = (orgUnit: string, source: 'form' | 'registry', from: string, contributions: RollupDelta[] = []) =>
    inTransaction(database(), (client) =>
      switchDataSetSource(client, { dataSet: 'EPI_MONTHLY', orgUnitId: ids.get(orgUnit)!, from, source, changedBy: 'district' }, async () => contributions),
    );

  it('writes nothing where the monthly form is the source (the default)', async () => {
    expect(await rollUp([penta1('FAC_KAYES_1', '202402', 1)])).toBe(0);
    expect(await cell('FAC_KAYES_1', '202402')).toBeUndefined();
  });

  it('counts into the registry cell and the national total in the same transaction, and removes a count back to zero', async () => {
    await switchTo('FAC_KAYES_1', 'registry', '2024-01-15');
    await rollUp([penta1('FAC_KAYES_1', '202402', 1), penta1('FAC_KAYES_1', '202402', 1), penta1('FAC_KAYES_1', '202402', 1, '0-11M_M')]);
    expect(await cell('FAC_KAYES_1', '202402')).toEqual({ value: '2', source: 'registry' });
    expect(await cell('FAC_KAYES_1', '202402', '0-11M_M')).toEqual({ value: '1', source: 'registry' });
    expect(await national('202402')).toBe(2);
    await rollUp([penta1('FAC_KAYES_1', '202402', -1)]);
    expect(await national('202402')).toBe(1);
    await rollUp([penta1('FAC_KAYES_1', '202402', -1)]);
    expect(await cell('FAC_KAYES_1', '202402')).toBeUndefined();
    expect(await national('202402')).toBe(0);
  });

  it('applies a source from the month containing its start date on, not before', async () => {
    // FAC_KAYES_1 is on the registry from January 2024: December 2023 is still the form's.
    expect(await rollUp([penta1('FAC_KAYES_1', '202312', 1)])).toBe(0);
    expect(await rollUp([penta1('FAC_KAYES_1', '202401', 1)])).toBe(1);
    expect(await cell('FAC_KAYES_1', '202401')).toEqual({ value: '1', source: 'registry' });
  });

  it('refuses the monthly form’s values where the registry counts, and takes them where the form counts', async () => {
    const value = (orgUnit: string, period: string) => ({ dataElement: 'EPI_PENTA1', period, orgUnit, categoryOptionCombo: '0-11M_F', value: '5' });
    const summary = await importDataValues(
      database(),
      dataValueSource('json', { dataSet: 'EPI_MONTHLY', dataValues: [value('FAC_KAYES_1', '202401'), value('FAC_KAYES_1', '202312'), value('FAC_KAYES_2', '202401')] }),
      { idSchemes: {}, dryRun: false, importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'NONE', async: false },
      { username: 'saisie', scopePaths: ['/MLuid000001'] },
      { today: '2024-06-30' },
    );
    expect(summary.conflicts.map((c) => [c.errorCode, c.object, c.indexes])).toEqual([['DATA_SET_SOURCE_IS_REGISTRY', 'FAC_KAYES_1', [0]]]);
    expect(summary.importCount).toMatchObject({ imported: 2 });
    expect(await cell('FAC_KAYES_1', '202401')).toEqual({ value: '1', source: 'registry' });
    expect(await cell('FAC_KAYES_1', '202312')).toEqual({ value: '5', source: null });
    // The cell is the form's again for the next test.
    await database().pool.query(`DELETE FROM data_value WHERE source IS NULL AND org_unit_id = $1`, [ids.get('FAC_KAYES_2')]);
  });

  it('refuses to switch to the registry over the form’s values, and writes the registry’s counts when it switches', async () => {
    await database().pool.query(
      `INSERT INTO period (iso, period_type, start_date, end_date) VALUES ('202403', 'Monthly', '2024-03-01', '2024-03-31') ON CONFLICT DO NOTHING`,
    );
    await database().pool.query(
      `INSERT INTO data_value (data_element_id, period_id, org_unit_id, category_option_combo_id, value, numeric_value)
       SELECT de.id, p.id, ou.id, coc.id, '7', 7 FROM data_element de, period p, org_unit ou, category_option_combo coc
       WHERE de.code = 'EPI_PENTA1' AND p.iso = '202403' AND ou.code = 'FAC_KAYES_2' AND coc.code = '0-11M_F'`,
    );
    const refused = await switchTo('FAC_KAYES_2', 'registry', '2024-02-01').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DenwError);
    expect(refused).toMatchObject({ code: 'DATA_SET_SOURCE_FORM_VALUES', params: { count: 1, period: '202403' }, field: 'from' });
    // From April, the March report stays and the registry's April doses are written.
    const switched = await switchTo('FAC_KAYES_2', 'registry', '2024-04-10', [penta1('FAC_KAYES_2', '202404', 1), penta1('FAC_KAYES_2', '202404', 1)]);
    expect(switched).toEqual({ starts: '2024-04-01', removed: 0, written: 1 });
    expect(await cell('FAC_KAYES_2', '202403')).toEqual({ value: '7', source: null });
    expect(await cell('FAC_KAYES_2', '202404')).toEqual({ value: '2', source: 'registry' });
  });

  it('removes the registry’s counts from the switch back to the form on, and keeps the earlier ones', async () => {
    await rollUp([penta1('FAC_KAYES_1', '202406', 1)]);
    expect(await switchTo('FAC_KAYES_1', 'form', '2024-05-01')).toEqual({ starts: '2024-05-01', removed: 1, written: 0 });
    expect(await cell('FAC_KAYES_1', '202406')).toBeUndefined();
    expect(await cell('FAC_KAYES_1', '202401')).toEqual({ value: '1', source: 'registry' });
    expect(await rollUp([penta1('FAC_KAYES_1', '202406', 1)])).toBe(0);
  });

  it('lists the switches of each data set at an org unit, oldest first; a unit never switched has none, so the form counts', async () => {
    const sources = (orgUnit: string) => dataSetSources(database().pool, ids.get(orgUnit)!, ['EPI_MONTHLY', 'NO_SUCH_DATA_SET']);
    // FAC_KAYES_1 was switched to the registry from January 2024, then back to the form from May.
    expect(await sources('FAC_KAYES_1')).toEqual([
      {
        dataSet: 'EPI_MONTHLY',
        name: 'PEV — rapport mensuel de l’aire de santé',
        nameEn: 'EPI — monthly report of the health area',
        periodType: 'Monthly',
        sources: [
          { starts: '2024-01-01', source: 'registry', changedBy: 'district' },
          { starts: '2024-05-01', source: 'form', changedBy: 'district' },
        ],
      },
    ]);
    expect((await sources('FAC_SEGOU_1'))[0]!.sources).toEqual([]);
  });
});
