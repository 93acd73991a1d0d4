// A small, hand-written world for store and API tests, inserted with plain SQL so that
// tests of one area do not depend on the importer of another:
//
//   ML Mali (level 1)
//   ├── ML01 Kayes (2) ── ML0101 Kayes cercle (3) ── FAC_KAYES_1, FAC_KAYES_2 (4)
//   └── ML04 Ségou (2) ── ML0406 Ségou cercle (3) ── FAC_SEGOU_1 (4, opened 2020-01-01)
//                                                 └─ FAC_SEGOU_CLOSED (4, closed 2022-12-31)
//
// Disaggregation SEX (F, M) → combo SEX → combos F, M. Data elements: PENTA1, PENTA3
// (SUM, by sex), STAFF (AVERAGE_SUM_ORG_UNIT), RUTF_STOCK (LAST), NOTE (TEXT).
// Data set EPI_MONTHLY (Monthly) assigned to the four facilities.
import type { Database } from '../database.ts';
import { inTransaction } from '../transaction.ts';

export const fixtureOrgUnits = [
  { uid: 'MLuid000001', code: 'ML', name: 'Mali', parent: null, level: 1, opening: '1960-09-22', closed: null },
  { uid: 'ML01uid0001', code: 'ML01', name: 'Kayes', parent: 'ML', level: 2, opening: '1977-01-01', closed: null },
  { uid: 'ML04uid0001', code: 'ML04', name: 'Ségou', parent: 'ML', level: 2, opening: '1977-01-01', closed: null },
  { uid: 'ML0101uid01', code: 'ML0101', name: 'Kayes (cercle)', parent: 'ML01', level: 3, opening: '1977-01-01', closed: null },
  { uid: 'ML0406uid01', code: 'ML0406', name: 'Ségou (cercle)', parent: 'ML04', level: 3, opening: '1977-01-01', closed: null },
  { uid: 'FacKayes001', code: 'FAC_KAYES_1', name: 'CSCom Kayes Plateau', parent: 'ML0101', level: 4, opening: '2000-01-01', closed: null },
  { uid: 'FacKayes002', code: 'FAC_KAYES_2', name: 'CSCom Kayes Ndi', parent: 'ML0101', level: 4, opening: '2000-01-01', closed: null },
  { uid: 'FacSegou001', code: 'FAC_SEGOU_1', name: 'CSCom Ségou Pélengana', parent: 'ML0406', level: 4, opening: '2020-01-01', closed: null },
  { uid: 'FacSegouCls', code: 'FAC_SEGOU_CLOSED', name: 'CSCom fermé', parent: 'ML0406', level: 4, opening: '2000-01-01', closed: '2022-12-31' },
] as const;

export const fixtureDataElements = [
  { uid: 'DePenta1001', code: 'PENTA1', name: 'Penta 1 administré', valueType: 'INTEGER_ZERO_OR_POSITIVE', aggregationType: 'SUM', bySex: true },
  { uid: 'DePenta3001', code: 'PENTA3', name: 'Penta 3 administré', valueType: 'INTEGER_ZERO_OR_POSITIVE', aggregationType: 'SUM', bySex: true },
  { uid: 'DeStaff0001', code: 'STAFF', name: 'Agents de santé en poste', valueType: 'INTEGER_ZERO_OR_POSITIVE', aggregationType: 'AVERAGE_SUM_ORG_UNIT', bySex: false },
  { uid: 'DeRutfStock', code: 'RUTF_STOCK', name: 'Stock ATPE (cartons)', valueType: 'NUMBER', aggregationType: 'LAST', bySex: false },
  { uid: 'DeNote00001', code: 'NOTE', name: 'Observation', valueType: 'TEXT', aggregationType: 'NONE', bySex: false },
] as const;

export async function insertFixtures(database: Database): Promise<void> {
  await inTransaction(database, async (client) => {
    for (const unit of fixtureOrgUnits) {
      await client.query(
        `WITH new AS (SELECT nextval('org_unit_id_seq')::int AS id)
         INSERT INTO org_unit (id, uid, code, name, short_name, parent_id, level, path, ancestor_ids, opening_date, closed_date)
         SELECT new.id, $1, $2, $3, $3, p.id, $5, coalesce(p.path, '') || '/' || $1,
                coalesce(p.ancestor_ids, '{}') || new.id, $6::date, $7::date
         FROM new LEFT JOIN org_unit p ON p.code = $4`,
        [unit.uid, unit.code, unit.name, unit.parent, unit.level, unit.opening, unit.closed],
      );
    }
    await client.query(`INSERT INTO org_unit_level (level, uid, code, name, name_en) VALUES
      (1, 'LevelPays01', 'PAYS', 'Pays', 'Country'), (2, 'LevelRegion', 'REGION', 'Région', 'Region'),
      (3, 'LevelCercle', 'CERCLE', 'Cercle', 'Cercle'), (4, 'LevelAireSa', 'AIRE_SANTE', 'Aire de santé', 'Health area')`);
    await client.query(`INSERT INTO category_option (uid, code, name, name_en) VALUES
      ('CoFemale001', 'F', 'Féminin', 'Female'), ('CoMale00001', 'M', 'Masculin', 'Male')`);
    await client.query(`INSERT INTO category (uid, code, name, name_en) VALUES ('CatSex00001', 'SEX', 'Sexe', 'Sex')`);
    await client.query(`INSERT INTO category_category_option (category_id, sort_order, category_option_id)
      SELECT c.id, o.ord, o.id FROM category c,
        (SELECT id, CASE code WHEN 'F' THEN 0 ELSE 1 END AS ord FROM category_option WHERE code IN ('F', 'M')) o
      WHERE c.code = 'SEX'`);
    await client.query(`INSERT INTO category_combo (uid, code, name, name_en) VALUES ('CcSex000001', 'SEX', 'Sexe', 'Sex')`);
    await client.query(`INSERT INTO category_combo_category (category_combo_id, sort_order, category_id)
      SELECT cc.id, 0, c.id FROM category_combo cc, category c WHERE cc.code = 'SEX' AND c.code = 'SEX'`);
    await client.query(`INSERT INTO category_option_combo (uid, code, name, name_en, category_combo_id)
      SELECT v.uid, v.code, v.name, v.name_en, cc.id FROM category_combo cc,
        (VALUES ('CocFemale01', 'F', 'Féminin', 'Female'), ('CocMale0001', 'M', 'Masculin', 'Male')) v(uid, code, name, name_en)
      WHERE cc.code = 'SEX'`);
    await client.query(`INSERT INTO category_option_combo_option (category_option_combo_id, category_option_id)
      SELECT coc.id, co.id FROM category_option_combo coc JOIN category_option co ON co.code = coc.code
      WHERE coc.code IN ('F', 'M')`);
    for (const de of fixtureDataElements) {
      await client.query(
        `INSERT INTO data_element (uid, code, name, short_name, value_type, aggregation_type, category_combo_id)
         VALUES ($1, $2, $3, $3, $4, $5, (SELECT id FROM category_combo WHERE code = $6))`,
        [de.uid, de.code, de.name, de.valueType, de.aggregationType, de.bySex ? 'SEX' : 'default'],
      );
    }
    await client.query(`INSERT INTO data_set (uid, code, name, period_type) VALUES ('DsEpiMonthl', 'EPI_MONTHLY', 'PEV mensuel', 'Monthly')`);
    await client.query(`INSERT INTO data_set_element (data_set_id, data_element_id)
      SELECT ds.id, de.id FROM data_set ds, data_element de WHERE ds.code = 'EPI_MONTHLY'`);
    await client.query(`INSERT INTO data_set_org_unit (data_set_id, org_unit_id)
      SELECT ds.id, ou.id FROM data_set ds, org_unit ou WHERE ds.code = 'EPI_MONTHLY' AND ou.level = 4`);
  });
}
