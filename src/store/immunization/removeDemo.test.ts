// `denw seed --remove-demo` also removes what the registry holds at demonstration health areas
// (children, their doses, the units' choice of source), which would otherwise block the
// deletion of the demo units.
import { expect, it } from 'vitest';
import { registerChild } from '../children/children.ts';
import { removeDemo } from '../seed/seedDemo.ts';
import { switchDataSetSource } from '../rollup/rollup.ts';
import { describeEachEngine } from '../testing/engines.ts';
import { insertFixtures } from '../testing/fixtures.ts';
import { inTransaction } from '../transaction.ts';
import { seedDemoChildren } from './demoChildren.ts';
import { recordDose } from './immunizations.ts';
import { loadEpiPackage } from './testing/epiPackage.ts';

describeEachEngine('removing the demo dataset with the registry', (database) => {
  it('deletes the children, doses and source choices of demo units, and keeps the rest', async () => {
    await insertFixtures(database());
    await loadEpiPackage(database());
    await database().pool.query(`UPDATE org_unit SET source = 'demo' WHERE code = 'FAC_KAYES_2'`);
    const { rows } = await database().pool.query<{ code: string; id: number }>(`SELECT code, id FROM org_unit WHERE code IN ('FAC_KAYES_1', 'FAC_KAYES_2')`);
    const id = (code: string) => rows.find((row) => row.code === code)!.id;
    await inTransaction(database(), (client) =>
      switchDataSetSource(client, { dataSet: 'EPI_MONTHLY', orgUnitId: id('FAC_KAYES_2'), from: '2024-01-01', source: 'registry', changedBy: null }, async () => []),
    );
    const demoChild = await registerChild(database().pool, { orgUnitId: id('FAC_KAYES_2'), givenName: 'Awa', familyName: 'Démo', sex: 'F', birthDate: '2024-01-10', createdBy: null, source: 'demo' });
    await recordDose(database(), demoChild, { vaccine: 'BCG', dose: 1, date: '2024-01-10', createdBy: null });
    const realChild = await registerChild(database().pool, { orgUnitId: id('FAC_KAYES_1'), givenName: 'Mariam', familyName: 'Réelle', sex: 'F', birthDate: '2024-01-10', createdBy: null });
    // A real child vaccinated during an outreach session recorded at the demo unit.
    await recordDose(database(), realChild, { vaccine: 'BCG', dose: 1, date: '2024-01-10', orgUnitId: id('FAC_KAYES_2'), createdBy: null });
    await recordDose(database(), realChild, { vaccine: 'OPV', dose: 0, date: '2024-01-10', createdBy: null });

    expect(await removeDemo(database())).toMatchObject({ orgUnits: 1 });
    const count = async (sql: string) => (await database().pool.query<{ n: number }>(sql)).rows[0]!.n;
    expect(await count(`SELECT count(*)::int AS n FROM child`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM immunization`)).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM data_set_source`)).toBe(0);
  });

  it('seeds demo children with doses on the schedule, and removes them', async () => {
    const { rows } = await database().pool.query<{ id: number }>(`SELECT id FROM org_unit WHERE code = 'FAC_KAYES_1'`);
    await database().pool.query(`UPDATE org_unit SET source = 'demo' WHERE code = 'FAC_KAYES_1'`);
    expect(await seedDemoChildren(database(), { orgUnitIds: [rows[0]!.id], lastMonth: '202405', perArea: 20 })).toBe(20);
    const { rows: doses } = await database().pool.query<{ n: number; late: number; before_birth: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE i.date > '2024-05-31')::int AS late, count(*) FILTER (WHERE i.date < c.birth_date)::int AS before_birth
       FROM immunization i JOIN child c ON c.id = i.child_id WHERE c.source = 'demo' AND i.source = 'demo'`,
    );
    expect(doses[0]!.n).toBeGreaterThan(20);
    expect(doses[0]).toMatchObject({ late: 0, before_birth: 0 });
    await removeDemo(database());
    const count = async (sql: string) => (await database().pool.query<{ n: number }>(sql)).rows[0]!.n;
    expect(await count(`SELECT count(*)::int AS n FROM child WHERE source = 'demo'`)).toBe(0);
  });
});
