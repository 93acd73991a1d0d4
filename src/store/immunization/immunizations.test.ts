// Doses recorded on a child move the EPI monthly report and its national total in the same
// transaction, only when valid and only where the registry is the source; marking a dose
// entered in error takes it back out and re-assesses the child's later doses. The defaulter
// list of a health area places each child by its most urgent dose. Dates worked by hand from
// Mali's schedule: Penta 1 from 6 weeks, Penta 2 at least 4 weeks after Penta 1; overdue 4
// weeks after the due date.
import { beforeAll, expect, it } from 'vitest';
import { getChild, registerChild, type StoredChild } from '../children/children.ts';
import { switchDataSetSource } from '../rollup/rollup.ts';
import { describeEachEngine } from '../testing/engines.ts';
import { insertFixtures } from '../testing/fixtures.ts';
import { inTransaction } from '../transaction.ts';
import { defaulterList } from './defaulters.ts';
import { childImmunizations, markEnteredInError, recordDose, registryContributions } from './immunizations.ts';
import { loadEpiPackage } from './testing/epiPackage.ts';

describeEachEngine('vaccination registry', (database) => {
  const ids = new Map<string, number>();
  const paths = new Map<string, string>();
  let fatoumata: StoredChild;
  beforeAll(async () => {
    await insertFixtures(database());
    await loadEpiPackage(database());
    const { rows } = await database().pool.query<{ code: string; id: number; path: string }>('SELECT code, id, path FROM org_unit');
    for (const row of rows) {
      ids.set(row.code, row.id);
      paths.set(row.code, row.path);
    }
    await inTransaction(database(), (client) =>
      switchDataSetSource(client, { dataSet: 'EPI_MONTHLY', orgUnitId: ids.get('FAC_KAYES_1')!, from: '2024-01-01', source: 'registry', changedBy: 'district' }, async () => []),
    );
    fatoumata = await registerChild(database().pool, { orgUnitId: ids.get('FAC_KAYES_1')!, givenName: 'Fatoumata', familyName: 'Traoré', sex: 'F', birthDate: '2024-01-10', createdBy: 'vaccinateur' });
  });

  /** The report's value at an org unit (the unit's own value, or the real-time total of an ancestor). */
  const reported = async (dataElement: string, period: string, orgUnit: string, coc = '0-11M_F') => {
    const { rows } = await database().pool.query<{ value: number }>(
      `SELECT v.numeric_value AS value FROM data_value v JOIN data_element de ON de.id = v.data_element_id JOIN period p ON p.id = v.period_id
         JOIN category_option_combo coc ON coc.id = v.category_option_combo_id
       WHERE de.code = $1 AND p.iso = $2 AND v.org_unit_id = $3 AND coc.code = $4
       UNION ALL
       SELECT a.value_sum FROM aggregated_data_value a JOIN data_element de ON de.id = a.data_element_id JOIN period p ON p.id = a.period_id
         JOIN category_option_combo coc ON coc.id = a.category_option_combo_id
       WHERE de.code = $1 AND p.iso = $2 AND a.org_unit_id = $3 AND coc.code = $4`,
      [dataElement, period, ids.get(orgUnit), coc],
    );
    return rows[0]?.value ?? 0;
  };
  const record = (vaccine: 'PENTA' | 'BCG' | 'OPV', dose: number, date: string, orgUnit = 'FAC_KAYES_1') =>
    recordDose(database(), fatoumata, { vaccine, dose, date, lotNumber: 'L-2024-01', orgUnitId: ids.get(orgUnit)!, createdBy: 'vaccinateur' });

  it('counts a valid dose in its month, age group and sex, up to the national total', async () => {
    // Born 10 January 2024: 6 weeks old on 21 February.
    const penta1 = await record('PENTA', 1, '2024-02-21');
    expect(penta1).toMatchObject({ vaccine: 'PENTA', dose: 1, date: '2024-02-21', lotNumber: 'L-2024-01', status: 'completed', valid: true, orgUnit: { code: 'FAC_KAYES_1' } });
    expect(await reported('EPI_PENTA1', '202402', 'FAC_KAYES_1')).toBe(1);
    expect(await reported('EPI_PENTA1', '202402', 'ML')).toBe(1);
  });

  it('records the same dose sent twice once', async () => {
    await record('PENTA', 1, '2024-02-21');
    expect((await childImmunizations(database().pool, fatoumata.id)).length).toBe(1);
    expect(await reported('EPI_PENTA1', '202402', 'ML')).toBe(1);
  });

  it('records a dose given too early but does not count it', async () => {
    // Penta 2 on 13 March: 3 weeks after Penta 1, the minimum is 4 (20 March).
    const early = await record('PENTA', 2, '2024-03-13');
    expect(early.valid).toBe(false);
    expect(await reported('EPI_PENTA2', '202403', 'ML')).toBe(0);
  });

  it('re-assesses the later doses when an earlier one is entered in error and corrected', async () => {
    const [penta1] = await childImmunizations(database().pool, fatoumata.id);
    // The Penta 1 was really given on 14 February (5 weeks: too early). Corrected the other way:
    // marked entered in error, and the true date recorded.
    await markEnteredInError(database(), fatoumata, penta1!.id, 'vaccinateur');
    expect(await reported('EPI_PENTA1', '202402', 'ML')).toBe(0);
    await record('PENTA', 1, '2024-02-12');
    // 12 February is before 6 weeks (21 February): invalid, and Penta 2 still has no valid Penta 1.
    expect(await reported('EPI_PENTA1', '202402', 'ML')).toBe(0);
    const doses = await childImmunizations(database().pool, fatoumata.id);
    expect(doses.map((dose) => [dose.vaccine, dose.dose, dose.date, dose.status, dose.valid])).toEqual([
      ['PENTA', 1, '2024-02-12', 'completed', false],
      ['PENTA', 1, '2024-02-21', 'entered-in-error', true],
      ['PENTA', 2, '2024-03-13', 'completed', false],
    ]);
    // The 21 February record was right after all: recorded again, it is valid, and Penta 2 on
    // 13 March (3 weeks later) stays invalid.
    await record('PENTA', 1, '2024-02-21');
    expect(await reported('EPI_PENTA1', '202402', 'ML')).toBe(1);
    // Penta 2 on 20 March (4 weeks after 21 February, 10 weeks old) is valid.
    await record('PENTA', 2, '2024-03-20');
    expect(await reported('EPI_PENTA2', '202403', 'ML')).toBe(1);
  });

  it('moves a later dose into the count when a correction makes it valid', async () => {
    const mariam = await registerChild(database().pool, { orgUnitId: ids.get('FAC_KAYES_1')!, givenName: 'Mariam', familyName: 'Diallo', sex: 'F', birthDate: '2024-01-10', createdBy: null });
    const give = (dose: number, date: string) => recordDose(database(), mariam, { vaccine: 'PENTA', dose, date, createdBy: null });
    // Penta 1 typed as 1 March (7 weeks, valid), Penta 2 on 22 March: 3 weeks later, invalid.
    const wrong = await give(1, '2024-03-01');
    expect((await give(2, '2024-03-22')).valid).toBe(false);
    expect(await reported('EPI_PENTA2', '202403', 'ML')).toBe(1); // Fatoumata's only
    // The card says 21 February: corrected, Penta 2 is 4 weeks and 1 day after it, valid, counted.
    await markEnteredInError(database(), mariam, wrong.id, null);
    await give(1, '2024-02-21');
    expect((await childImmunizations(database().pool, mariam.id)).find((dose) => dose.dose === 2)!.valid).toBe(true);
    expect(await reported('EPI_PENTA2', '202403', 'ML')).toBe(2);
    // Penta 1 moved from March to February: Fatoumata's and Mariam's in February, none in March.
    expect(await reported('EPI_PENTA1', '202402', 'ML')).toBe(2);
    expect(await reported('EPI_PENTA1', '202403', 'ML')).toBe(0);
  });

  it('records a dose given where the monthly form is the source without counting it', async () => {
    const bcg = await record('BCG', 1, '2024-01-10', 'FAC_KAYES_2');
    expect(bcg).toMatchObject({ valid: true, orgUnit: { code: 'FAC_KAYES_2' } });
    expect(await reported('EPI_BCG', '202401', 'ML')).toBe(0);
    // Switched to the registry from January, the facility's registry counts are written.
    expect(await inTransaction(database(), (client) => registryContributions(client, ids.get('FAC_KAYES_2')!, '2024-01-01'))).toEqual([
      { dataElement: 'EPI_BCG', period: '202401', categoryOptionCombo: '0-11M_F', orgUnitId: ids.get('FAC_KAYES_2'), delta: 1 },
    ]);
  });

  it('lists the children of a health area due this week, overdue and lost to follow-up', async () => {
    const segou = ids.get('FAC_SEGOU_1')!;
    const child = async (givenName: string, birthDate: string, doses: Array<[string, number, string]>) => {
      const registered = await registerChild(database().pool, { orgUnitId: segou, givenName, familyName: 'Coulibaly', sex: 'M', birthDate, createdBy: null });
      for (const [vaccine, dose, date] of doses) await recordDose(database(), registered, { vaccine: vaccine as 'BCG', dose, date, createdBy: null });
      return (await getChild(database().pool, registered.uid))!;
    };
    // Wednesday 15 May 2024: the week runs from Monday 13 to Sunday 19 May.
    await child('Adama', '2024-04-03', [['BCG', 1, '2024-04-03'], ['OPV', 0, '2024-04-03']]); // 6 weeks on 15 May: due
    await child('Bakary', '2024-01-01', [['BCG', 1, '2024-01-01'], ['OPV', 0, '2024-01-01']]); // 6 weeks on 12 Feb, overdue since 11 March
    await child('Cheick', '2023-06-01', [['BCG', 1, '2023-06-01'], ['OPV', 0, '2023-06-01']]); // overdue since 10 Aug 2023: lost
    await child('Drissa', '2024-05-01', [['BCG', 1, '2024-05-01'], ['OPV', 0, '2024-05-01']]); // next dose on 12 June: not listed
    const list = await defaulterList(database().pool, paths.get('FAC_SEGOU_1')!, '2024-05-15');
    const summary = (entries: typeof list.due) => entries.map((entry) => [entry.child.givenName, entry.dueDate, entry.overdueDate]);
    expect({ asOf: list.asOf, weekStart: list.weekStart, weekEnd: list.weekEnd }).toEqual({ asOf: '2024-05-15', weekStart: '2024-05-13', weekEnd: '2024-05-19' });
    expect(summary(list.due)).toEqual([['Adama', '2024-05-15', '2024-06-12']]);
    expect(summary(list.overdue)).toEqual([['Bakary', '2024-02-12', '2024-03-11']]);
    expect(summary(list.lostToFollowUp)).toEqual([['Cheick', '2023-07-13', '2023-08-10']]);
  });
});
