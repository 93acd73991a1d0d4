// The demonstration dataset's health areas as the country's groups see them: they are
// community health centres, so they join the CSCOM facility-type group (data/mali) and
// `ou:OU_GROUP-CSCOM` has units to show; removing the demo takes them out again and keeps the
// group and its real members.
import { expect, it } from 'vitest';
import { describeEachEngine } from '../testing/engines.ts';
import { insertFixtures } from '../testing/fixtures.ts';
import { removeDemo, seedDemo } from './seedDemo.ts';

describeEachEngine('the demo health areas and the CSCOM group', (database) => {
  it('puts every demo health area in CSCOM, and removeDemo leaves only the real members', async () => {
    await insertFixtures(database());
    const { pool } = database();
    await pool.query(`INSERT INTO org_unit_group (uid, code, name, short_name) VALUES ('GrpCscom001', 'CSCOM', 'Centre de santé communautaire (CSCom)', 'CSCom')`);
    await pool.query(
      `INSERT INTO org_unit_group_member (org_unit_group_id, org_unit_id)
       SELECT g.id, ou.id FROM org_unit_group g, org_unit ou WHERE g.code = 'CSCOM' AND ou.code = 'FAC_KAYES_1'`,
    );
    // The demo sizes its health areas from the cercles' population.
    await pool.query(
      `INSERT INTO population (org_unit_id, year, age_group, sex, value, source)
       SELECT id, 2024, 'total', 'T', 100000, 'test' FROM org_unit WHERE level = 3 ON CONFLICT DO NOTHING`,
    );
    await seedDemo(database(), { assignments: [], facilities: 2, lastMonth: '202401', log: () => {} });
    const members = async () =>
      (
        await pool.query<{ code: string; source: string | null }>(
          `SELECT ou.code, ou.source FROM org_unit_group_member m JOIN org_unit_group g ON g.id = m.org_unit_group_id
           JOIN org_unit ou ON ou.id = m.org_unit_id WHERE g.code = 'CSCOM' ORDER BY ou.code`,
        )
      ).rows;
    const demoUnits = (await pool.query<{ code: string }>(`SELECT code FROM org_unit WHERE source = 'demo' ORDER BY code`)).rows.map((row) => row.code);
    expect(demoUnits.length).toBeGreaterThanOrEqual(2);
    expect(await members()).toEqual([...demoUnits.map((code) => ({ code, source: 'demo' })), { code: 'FAC_KAYES_1', source: null }].sort((a, b) => a.code.localeCompare(b.code)));
    await removeDemo(database());
    expect(await members()).toEqual([{ code: 'FAC_KAYES_1', source: null }]);
  });
});
