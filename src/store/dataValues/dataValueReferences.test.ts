// Migration 020: data_value's references are checked per statement, with the error a foreign
// key gives (SQLSTATE 23503, table data_value), both ways.
import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../testing/engines.ts';
import { insertFixtures } from '../testing/fixtures.ts';

describeEachEngine('data_value references (migration 020)', (database) => {
  beforeAll(async () => {
    await insertFixtures(database());
    await database().pool.query(`INSERT INTO period (iso, period_type, start_date, end_date) VALUES ('202401', 'Monthly', '2024-01-01', '2024-01-31')`);
    await database().pool.query(`INSERT INTO data_value (data_element_id, period_id, org_unit_id, category_option_combo_id, value)
      SELECT de.id, p.id, ou.id, 1, '3' FROM data_element de, period p, org_unit ou WHERE de.code = 'STAFF' AND p.iso = '202401' AND ou.code = 'FAC_KAYES_1'`);
  });

  it('refuses a statement that writes a value naming a missing object', async () => {
    for (const [column, sql] of [
      ['data_element_id', `INSERT INTO data_value (data_element_id, period_id, org_unit_id, category_option_combo_id, value) SELECT 999999, id, 1, 1, '1' FROM period`],
      ['org_unit_id', `UPDATE data_value SET org_unit_id = 999999`],
      ['category_option_combo_id', `UPDATE data_value SET attribute_option_combo_id = 999999`],
    ]) {
      await expect(database().pool.query(sql!), column).rejects.toMatchObject({ code: '23503', table: 'data_value', column });
    }
  });

  it('refuses to delete an object values refer to, and lets an unused one go', async () => {
    await database().pool.query(`DELETE FROM data_set_element WHERE data_element_id IN (SELECT id FROM data_element WHERE code IN ('STAFF', 'NOTE'))`);
    await expect(database().pool.query(`DELETE FROM data_element WHERE code = 'STAFF'`)).rejects.toMatchObject({ code: '23503', table: 'data_value' });
    await expect(database().pool.query(`DELETE FROM org_unit WHERE code = 'FAC_KAYES_1'`)).rejects.toMatchObject({ code: '23503' });
    await expect(database().pool.query(`DELETE FROM category_option_combo WHERE uid = 'HllvX50cXC0'`)).rejects.toMatchObject({ code: '23503' });
    await expect(database().pool.query(`DELETE FROM data_element WHERE code = 'NOTE'`)).resolves.toMatchObject({ rowCount: 1 });
  });
});
