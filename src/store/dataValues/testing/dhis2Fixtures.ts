// The metadata DHIS2's own data value tests build before importing their files, written with
// plain SQL with the same UIDs, codes and names (the files identify objects by them):
// - dataValueSetFixture: DataExportServiceIntegrationTest.setUp (2.43), the same objects as
//   2.42's DataValueSetServiceIntegrationTest but data set A is assigned to org units A and B;
// - adxFixture: AdxDataServiceIntegrationTest.setUp.
// Org units get DHIS2's test opening date (DhisConvenienceTest: 1970-01-01) and, like DHIS2's
// createDataElement, data elements are INTEGER, summed, zeros not significant.
import type pg from 'pg';
import type { Database } from '../../database.ts';
import { inTransaction } from '../../transaction.ts';

type Client = pg.PoolClient;

async function orgUnit(client: Client, unit: { uid: string; code: string; name: string; parent?: string }): Promise<void> {
  await client.query(
    `WITH new AS (SELECT nextval('org_unit_id_seq')::int AS id)
     INSERT INTO org_unit (id, uid, code, name, short_name, parent_id, level, path, ancestor_ids, opening_date)
     SELECT new.id, $1, $2, $3, $3, p.id, coalesce(p.level, 0) + 1, coalesce(p.path, '') || '/' || $1, coalesce(p.ancestor_ids, '{}') || new.id, '1970-01-01'
     FROM new LEFT JOIN org_unit p ON p.uid = $4`,
    [unit.uid, unit.code, unit.name, unit.parent ?? null],
  );
}

async function categoryOption(client: Client, option: { uid: string; code: string; name: string }): Promise<void> {
  await client.query('INSERT INTO category_option (uid, code, name) VALUES ($1, $2, $3)', [option.uid, option.code, option.name]);
}

async function category(client: Client, uid: string, code: string, name: string, optionUids: string[]): Promise<void> {
  await client.query('INSERT INTO category (uid, code, name) VALUES ($1, $2, $3)', [uid, code, name]);
  await client.query(
    `INSERT INTO category_category_option (category_id, sort_order, category_option_id)
     SELECT c.id, o.ord - 1, co.id FROM category c, unnest($2::text[]) WITH ORDINALITY o(uid, ord) JOIN category_option co ON co.uid = o.uid
     WHERE c.uid = $1`,
    [uid, optionUids],
  );
}

async function categoryCombo(client: Client, uid: string, name: string, categoryUids: string[]): Promise<void> {
  await client.query('INSERT INTO category_combo (uid, name) VALUES ($1, $2)', [uid, name]);
  await client.query(
    `INSERT INTO category_combo_category (category_combo_id, sort_order, category_id)
     SELECT cc.id, o.ord - 1, c.id FROM category_combo cc, unnest($2::text[]) WITH ORDINALITY o(uid, ord) JOIN category c ON c.uid = o.uid
     WHERE cc.uid = $1`,
    [uid, categoryUids],
  );
}

async function optionCombo(client: Client, combo: { uid: string; code: string; name: string; categoryCombo: string; options: string[] }): Promise<void> {
  await client.query(
    'INSERT INTO category_option_combo (uid, code, name, category_combo_id) SELECT $1, $2, $3, id FROM category_combo WHERE uid = $4',
    [combo.uid, combo.code, combo.name, combo.categoryCombo],
  );
  await client.query(
    `INSERT INTO category_option_combo_option (category_option_combo_id, category_option_id)
     SELECT coc.id, co.id FROM category_option_combo coc, category_option co WHERE coc.uid = $1 AND co.uid = ANY($2::text[])`,
    [combo.uid, combo.options],
  );
}

async function dataElement(client: Client, element: { uid: string; code: string; name: string; valueType?: string; categoryCombo?: string }): Promise<void> {
  await client.query(
    `INSERT INTO data_element (uid, code, name, short_name, value_type, aggregation_type, category_combo_id)
     SELECT $1, $2, $3, $3, $4, 'SUM', id FROM category_combo WHERE uid = $5`,
    [element.uid, element.code, element.name, element.valueType ?? 'INTEGER', element.categoryCombo ?? 'bjDvmb4bfuf'],
  );
}

async function dataSet(
  client: Client,
  set: { uid: string; code: string; name: string; periodType: string; categoryCombo?: string; elements: string[]; orgUnits: string[] },
): Promise<void> {
  await client.query(
    `INSERT INTO data_set (uid, code, name, short_name, period_type, category_combo_id)
     SELECT $1, $2, $3, $3, $4, id FROM category_combo WHERE uid = $5`,
    [set.uid, set.code, set.name, set.periodType, set.categoryCombo ?? 'bjDvmb4bfuf'],
  );
  await client.query(
    `INSERT INTO data_set_element (data_set_id, data_element_id) SELECT ds.id, de.id FROM data_set ds, data_element de WHERE ds.uid = $1 AND de.uid = ANY($2::text[])`,
    [set.uid, set.elements],
  );
  await client.query(
    `INSERT INTO data_set_org_unit (data_set_id, org_unit_id) SELECT ds.id, ou.id FROM data_set ds, org_unit ou WHERE ds.uid = $1 AND ou.uid = ANY($2::text[])`,
    [set.uid, set.orgUnits],
  );
}

/** DataExportServiceIntegrationTest.setUp (dhis-test-integration, 2.43). */
export function dataValueSetFixture(database: Database): Promise<void> {
  return inTransaction(database, async (client) => {
    await categoryOption(client, { uid: 'CatOptionAA', code: 'CategoryOptionCodeA', name: 'CategoryOptionA' });
    await categoryOption(client, { uid: 'CatOptionBB', code: 'CategoryOptionCodeB', name: 'CategoryOptionB' });
    await category(client, 'CategoryAAA', 'CategoryCodeA', 'CategoryA', ['CatOptionAA', 'CatOptionBB']);
    await categoryCombo(client, 'CatComboAAA', 'CategoryComboA', ['CategoryAAA']);
    // The test gives the default option combo a code, used by dataValueSetCCode.xml.
    await client.query(`UPDATE category_option_combo SET code = 'OC_DEF_CODE' WHERE uid = 'HllvX50cXC0'`);
    await optionCombo(client, { uid: 'kjuiHgy67hg', code: 'OC_A', name: 'CategoryOptionA', categoryCombo: 'CatComboAAA', options: ['CatOptionAA'] });
    await optionCombo(client, { uid: 'Gad33qy67g5', code: 'OC_B', name: 'CategoryOptionB', categoryCombo: 'CatComboAAA', options: ['CatOptionBB'] });
    await dataElement(client, { uid: 'f7n9E0hX8qk', code: 'DE_A', name: 'DataElementA' });
    await dataElement(client, { uid: 'Ix2HsbDMLea', code: 'DE_B', name: 'DataElementB' });
    await dataElement(client, { uid: 'eY5ehpbEsB7', code: 'DE_C', name: 'DataElementC' });
    await dataElement(client, { uid: 'DataElmntDD', code: 'DE_D', name: 'DataElementD' });
    // deE (jH26dja2f28, with an option set) is created but never saved by the test.
    await dataElement(client, { uid: 'jH26dja2f30', code: 'DataElementCodeF', name: 'DataElementF', valueType: 'BOOLEAN' });
    await dataElement(client, { uid: 'jH26dja2f31', code: 'DataElementCodeG', name: 'DataElementG', valueType: 'TRUE_ONLY' });
    await orgUnit(client, { uid: 'DiszpKrYNg8', code: 'OU_A', name: 'OrganisationUnitA' });
    await orgUnit(client, { uid: 'BdfsJfj87js', code: 'OU_B', name: 'OrganisationUnitB' });
    await orgUnit(client, { uid: 'j7Hg26FpoIa', code: 'OU_C', name: 'OrganisationUnitC' });
    await dataSet(client, {
      uid: 'pBOMPrpg1QX',
      code: 'DS_A',
      name: 'DataSetA',
      periodType: 'Monthly',
      elements: ['f7n9E0hX8qk', 'Ix2HsbDMLea', 'eY5ehpbEsB7', 'DataElmntDD', 'jH26dja2f30', 'jH26dja2f31'],
      orgUnits: ['DiszpKrYNg8', 'BdfsJfj87js'],
    });
  });
}

/**
 * AdxDataServiceIntegrationTest.setUp. DHIS2 assigns data set A to org unit A only and data
 * set B to none, and imports values for org unit B anyway (its importer did not check the
 * assignment); Denw always checks it, so both data sets are also assigned to org unit B.
 */
export function adxFixture(database: Database): Promise<void> {
  return inTransaction(database, async (client) => {
    const options = [
      { uid: 'under555555', code: 'under5', name: 'Under 5' },
      { uid: 'over5555555', code: 'over5', name: 'Over 5' },
      { uid: 'FFFFFFFFFFF', code: 'F', name: 'Female' },
      { uid: 'MMMMMMMMMMM', code: 'M', name: 'Male' },
      { uid: 'PEPFARRRRRR', code: 'PEPFAR', name: 'PEPFAR mechanism' },
      { uid: 'McDonaldsss', code: 'McDonalds', name: 'McDonalds mechanism' },
    ];
    for (const option of options) await categoryOption(client, option);
    await category(client, 'ageeeeeeeee', 'age', 'Age_category', ['under555555', 'over5555555']);
    await category(client, 'sexxxxxxxxx', 'sex', 'Sex_category', ['FFFFFFFFFFF', 'MMMMMMMMMMM']);
    await category(client, 'mechanismmm', 'mechanism', 'Mechanism_category', ['PEPFARRRRRR', 'McDonaldsss']);
    await categoryCombo(client, 'CcAgeAndSex', 'Age and Sex Category Combo', ['ageeeeeeeee', 'sexxxxxxxxx']);
    await categoryCombo(client, 'CcMechanism', 'Mechanism Category Combo', ['mechanismmm']);
    const combos = [
      { uid: 'FUnder55555', code: 'F_Under5', name: 'Female Under 5', categoryCombo: 'CcAgeAndSex', options: ['FFFFFFFFFFF', 'under555555'] },
      { uid: 'MUnder55555', code: 'M_Under5', name: 'Male Under 5', categoryCombo: 'CcAgeAndSex', options: ['MMMMMMMMMMM', 'under555555'] },
      { uid: 'FOver555555', code: 'F_Over5', name: 'Female Over 5', categoryCombo: 'CcAgeAndSex', options: ['FFFFFFFFFFF', 'over5555555'] },
      { uid: 'MOver555555', code: 'M_Over5', name: 'Male Over 5', categoryCombo: 'CcAgeAndSex', options: ['MMMMMMMMMMM', 'over5555555'] },
      { uid: 'cocPEPFARRR', code: 'coc_PEPFAR', name: 'PEPFAR CategoryOptionCombo', categoryCombo: 'CcMechanism', options: ['PEPFARRRRRR'] },
      { uid: 'cocMcDonald', code: 'coc_McDonalds', name: 'McDonalds CategoryOptionCombo', categoryCombo: 'CcMechanism', options: ['McDonaldsss'] },
    ];
    for (const combo of combos) await optionCombo(client, combo);
    await dataElement(client, { uid: 'MalNummmmmm', code: 'Mal_num', name: 'Malaria numeric', categoryCombo: 'CcAgeAndSex' });
    await dataElement(client, { uid: 'MalTexttttt', code: 'Mal_text', name: 'Malaria text', valueType: 'TEXT' });
    await orgUnit(client, { uid: 'P1233333333', code: '123', name: 'Provincial Hospital' });
    await orgUnit(client, { uid: 'D4566666666', code: '456', name: 'District Hospital', parent: 'P1233333333' });
    const elements = ['MalNummmmmm', 'MalTexttttt'];
    await dataSet(client, { uid: 'MalariaDSSS', code: 'MalariaDS', name: 'Malaria DS', periodType: 'Monthly', elements, orgUnits: ['P1233333333', 'D4566666666'] });
    await dataSet(client, {
      uid: 'MalariaMech',
      code: 'MalariaMechanismDS',
      name: 'Malaria Mechanism DS',
      periodType: 'Quarterly',
      categoryCombo: 'CcMechanism',
      elements,
      orgUnits: ['D4566666666'],
    });
  });
}
