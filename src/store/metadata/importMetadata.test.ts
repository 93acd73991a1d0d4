// The metadata import as a specification: references by code or id, generated category option
// combos, the org-unit tree, import strategies, atomicity and the error reports.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../database.ts';
import { describeEachEngine } from '../testing/engines.ts';
import { importMetadata } from './importMetadata.ts';

const count = async (database: Database, table: string) => Number((await database.pool.query(`SELECT count(*) AS n FROM ${table}`)).rows[0].n);

/** A small programme written as Denw's packages write it: codes only, English in translations. */
const sexAndAge = {
  categoryOptions: [
    { code: 'F', name: 'Féminin', translations: [{ property: 'NAME', locale: 'en', value: 'Female' }] },
    { code: 'M', name: 'Masculin', translations: [{ property: 'NAME', locale: 'en', value: 'Male' }] },
    { code: '0-11M', name: '0-11 mois' },
    { code: '12-23M', name: '12-23 mois' },
  ],
  categories: [
    { code: 'SEX', name: 'Sexe', categoryOptions: [{ code: 'F' }, { code: 'M' }] },
    { code: 'AGE', name: 'Âge', categoryOptions: [{ code: '0-11M' }, { code: '12-23M' }] },
  ],
  categoryCombos: [{ code: 'AGE_SEX', name: 'Âge et sexe', categories: [{ code: 'AGE' }, { code: 'SEX' }] }],
  dataElements: [
    { code: 'PENTA1', name: 'Penta 1', valueType: 'INTEGER_ZERO_OR_POSITIVE', categoryCombo: { code: 'AGE_SEX' } },
    { code: 'NOTE', name: 'Observation', valueType: 'TEXT', aggregationType: 'NONE' },
  ],
};

describeEachEngine('metadata import: references, category option combos, names', (database) => {
  beforeAll(async () => {
    const report = await importMetadata(database(), sexAndAge);
    expect(report.status).toBe('OK');
  });

  it('generates one option combo per combination, coded by the options in category order', async () => {
    const { rows } = await database().pool.query(
      `SELECT coc.code, coc.name, coc.name_en FROM category_option_combo coc JOIN category_combo cc ON cc.id = coc.category_combo_id
       WHERE cc.code = 'AGE_SEX' ORDER BY coc.code`,
    );
    expect(rows).toEqual([
      { code: '0-11M_F', name: '0-11 mois, Féminin', name_en: '0-11 mois, Female' },
      { code: '0-11M_M', name: '0-11 mois, Masculin', name_en: '0-11 mois, Male' },
      { code: '12-23M_F', name: '12-23 mois, Féminin', name_en: '12-23 mois, Female' },
      { code: '12-23M_M', name: '12-23 mois, Masculin', name_en: '12-23 mois, Male' },
    ]);
  });

  it('gives every object without an id a DHIS2 UID, and resolves code references', async () => {
    const { rows } = await database().pool.query(
      `SELECT de.uid, de.name_en, cc.code AS combo FROM data_element de JOIN category_combo cc ON cc.id = de.category_combo_id ORDER BY de.code`,
    );
    expect(rows.map((row) => row.combo)).toEqual(['default', 'AGE_SEX']);
    for (const row of rows) expect(row.uid).toMatch(/^[A-Za-z][A-Za-z0-9]{10}$/);
  });

  it('fills the English name from the DHIS2 NAME translation and keeps the translations as given', async () => {
    const { rows } = await database().pool.query(`SELECT name_en, translations FROM category_option WHERE code = 'F'`);
    expect(rows[0]).toEqual({ name_en: 'Female', translations: [{ property: 'NAME', locale: 'en', value: 'Female' }] });
  });

  it('resolves a reference by id as well, and updates what it matches by code without a new UID', async () => {
    const { rows } = await database().pool.query(`SELECT uid FROM category_combo WHERE code = 'AGE_SEX'`);
    const report = await importMetadata(database(), {
      dataElements: [{ code: 'PENTA3', name: 'Penta 3', categoryCombo: { id: rows[0].uid } }, { code: 'NOTE', name: 'Remarque', valueType: 'TEXT' }],
    });
    expect(report.stats).toEqual({ created: 1, updated: 1, deleted: 0, ignored: 0, total: 2 });
    expect(await count(database(), 'data_element')).toBe(3);
    const note = await database().pool.query(`SELECT name FROM data_element WHERE code = 'NOTE'`);
    expect(note.rows[0].name).toBe('Remarque');
  });

  it('adds the missing option combos when a category gains an option, and keeps the stored ones', async () => {
    const before = await database().pool.query(`SELECT uid FROM category_option_combo WHERE code = '0-11M_F'`);
    const report = await importMetadata(database(), {
      categoryOptions: [{ code: '24-59M', name: '24-59 mois' }],
      categories: [{ code: 'AGE', name: 'Âge', categoryOptions: [{ code: '0-11M' }, { code: '12-23M' }, { code: '24-59M' }] }],
    });
    expect(report.status).toBe('OK');
    const { rows } = await database().pool.query(
      `SELECT coc.code, coc.uid FROM category_option_combo coc JOIN category_combo cc ON cc.id = coc.category_combo_id WHERE cc.code = 'AGE_SEX' ORDER BY coc.code`,
    );
    expect(rows.map((row) => row.code)).toEqual(['0-11M_F', '0-11M_M', '12-23M_F', '12-23M_M', '24-59M_F', '24-59M_M']);
    expect(rows[0].uid).toBe(before.rows[0].uid);
  });
});

describeEachEngine('metadata import: explicit category option combos keep their UIDs', (database) => {
  it('matches them to the generated ones by option set, whatever the order of their options', async () => {
    const report = await importMetadata(database(), {
      ...sexAndAge,
      categoryOptionCombos: [
        { id: 'CocF0to11ms', categoryCombo: { code: 'AGE_SEX' }, categoryOptions: [{ code: 'F' }, { code: '0-11M' }] },
        { id: 'CocM0to11ms', categoryCombo: { code: 'AGE_SEX' }, categoryOptions: [{ code: '0-11M' }, { code: 'M' }] },
        { id: 'CocF12to23m', name: 'Filles 12-23 mois', categoryCombo: { code: 'AGE_SEX' }, categoryOptions: [{ code: '12-23M' }, { code: 'F' }] },
        { id: 'CocM12to23m', categoryCombo: { code: 'AGE_SEX' }, categoryOptions: [{ code: '12-23M' }, { code: 'M' }] },
      ],
    });
    expect(report.status).toBe('OK');
    const { rows } = await database().pool.query(`SELECT uid, code, name FROM category_option_combo WHERE uid LIKE 'Coc%' ORDER BY uid`);
    expect(rows).toEqual([
      { uid: 'CocF0to11ms', code: '0-11M_F', name: '0-11 mois, Féminin' },
      { uid: 'CocF12to23m', code: '12-23M_F', name: 'Filles 12-23 mois' },
      { uid: 'CocM0to11ms', code: '0-11M_M', name: '0-11 mois, Masculin' },
      { uid: 'CocM12to23m', code: '12-23M_M', name: '12-23 mois, Masculin' },
    ]);
    const links = await database().pool.query(
      `SELECT o.code FROM category_option_combo_option l JOIN category_option o ON o.id = l.category_option_id
       JOIN category_option_combo coc ON coc.id = l.category_option_combo_id WHERE coc.uid = 'CocM0to11ms' ORDER BY o.code`,
    );
    expect(links.rows.map((row) => row.code)).toEqual(['0-11M', 'M']);
  });
});

describeEachEngine('metadata import: the org-unit tree', (database) => {
  const units = {
    organisationUnits: [
      { code: 'ML0101', name: 'Kayes', parent: { code: 'ML01' }, openingDate: '1977-01-01' },
      { code: 'ML01', name: 'Région de Kayes', parent: { code: 'ML' }, openingDate: '1977-01-01' },
      { id: 'MaliRoot001', code: 'ML', name: 'Mali', openingDate: '1960-09-22T00:00:00.000', geometry: { type: 'Point', coordinates: [-4, 17] } },
    ],
  };

  it('places children listed before their parents: level, UID path and ancestor ids from the parent chain', async () => {
    expect((await importMetadata(database(), units)).status).toBe('OK');
    const { rows } = await database().pool.query(`SELECT code, uid, level, path, ancestor_ids, parent_id, id, opening_date, geometry FROM org_unit ORDER BY level`);
    const [ml, region, cercle] = rows;
    expect(rows.map((row) => row.level)).toEqual([1, 2, 3]);
    expect(ml).toMatchObject({ uid: 'MaliRoot001', path: '/MaliRoot001', parent_id: null, opening_date: '1960-09-22', geometry: { type: 'Point', coordinates: [-4, 17] } });
    expect(cercle.path).toBe(`/MaliRoot001/${region.uid}/${cercle.uid}`);
    expect(cercle.ancestor_ids).toEqual([ml.id, region.id, cercle.id]);
    expect(cercle.parent_id).toBe(region.id);
  });

  it('moves a unit with its subtree when its parent changes', async () => {
    const report = await importMetadata(database(), {
      organisationUnits: [
        { code: 'ML02', name: 'Koulikoro', parent: { code: 'ML' }, openingDate: '1977-01-01' },
        { code: 'ML01', name: 'Région de Kayes', parent: { code: 'ML02' }, openingDate: '1977-01-01' },
      ],
    });
    expect(report.status).toBe('OK');
    const { rows } = await database().pool.query(`SELECT code, level, path FROM org_unit WHERE code IN ('ML01', 'ML0101') ORDER BY code`);
    expect(rows.map((row) => row.level)).toEqual([3, 4]);
    expect(rows[1].path.split('/')).toHaveLength(5);
  });

  it("moves the unit's data with it in the real-time aggregates (migration 010's trigger sees the import's updates)", async () => {
    const { pool } = database();
    await importMetadata(database(), {
      organisationUnits: [{ code: 'FAC', name: 'CSCom', parent: { code: 'ML0101' }, openingDate: '2000-01-01' }],
      dataElements: [{ code: 'VISITS', name: 'Consultations' }],
    });
    await pool.query(`INSERT INTO period (iso, period_type, start_date, end_date) VALUES ('202401', 'Monthly', '2024-01-01', '2024-01-31')`);
    await pool.query(
      `INSERT INTO data_value (data_element_id, period_id, org_unit_id, category_option_combo_id, value, numeric_value)
       SELECT de.id, p.id, ou.id, 1, '7', 7 FROM data_element de, period p, org_unit ou WHERE de.code = 'VISITS' AND ou.code = 'FAC'`,
    );
    const sums = async () =>
      (await pool.query(`SELECT ou.code, a.value_sum::float8 AS sum FROM aggregated_data_value a JOIN org_unit ou ON ou.id = a.org_unit_id ORDER BY ou.code`)).rows;
    expect(await sums()).toEqual([
      { code: 'ML', sum: 7 },
      { code: 'ML01', sum: 7 },
      { code: 'ML0101', sum: 7 },
      { code: 'ML02', sum: 7 },
    ]);
    await importMetadata(database(), { organisationUnits: [{ code: 'ML0101', name: 'Kayes', parent: { code: 'ML' }, openingDate: '1977-01-01' }] });
    expect(await sums()).toEqual([
      { code: 'ML', sum: 7 },
      { code: 'ML0101', sum: 7 },
    ]);
  });

  it('refuses a parent chain that loops, writing nothing', async () => {
    const report = await importMetadata(database(), {
      organisationUnits: [{ code: 'ML', name: 'Mali', parent: { code: 'ML0101' }, openingDate: '1960-09-22' }],
    });
    expect(report.status).toBe('ERROR');
    expect(report.typeReports[0]!.objectReports[0]!.errorReports[0]!.errorCode).toBe('ORG_UNIT_PARENT_CYCLE');
    const root = await database().pool.query(`SELECT parent_id FROM org_unit WHERE code = 'ML'`);
    expect(root.rows[0].parent_id).toBeNull();
  });
});

describeEachEngine('metadata import: errors, atomicity and strategies', (database) => {
  const broken = {
    categoryCombos: [{ code: 'SEX', name: 'Sexe', categories: [{ code: 'NO_SUCH_CATEGORY' }] }],
    dataElements: [
      { code: 'OK_ONE', name: 'Bon élément' },
      { code: 'NO_NAME', valueType: 'NUMBER' },
      { code: 'BAD_TYPE', name: 'Mauvais type', valueType: 'DECIMAL' },
      { code: 'BAD_COMBO', name: 'Combinaison absente', categoryCombo: { code: 'NOPE' } },
    ],
  };

  it('reports dangling references (E5002), missing required fields (E4000) and bad values (E4027), and writes nothing', async () => {
    const report = await importMetadata(database(), broken, { language: 'en' });
    expect(report.status).toBe('ERROR');
    expect(report.stats).toEqual({ created: 0, updated: 0, deleted: 0, ignored: 5, total: 5 });
    const errors = report.typeReports.flatMap((type) => type.objectReports.flatMap((object) => object.errorReports.map((error) => [object.index, error])));
    expect(errors.map(([index, error]) => [index, (error as { errorCode: string }).errorCode, (error as { errorProperty: string }).errorProperty])).toEqual([
      [0, 'E5002', 'categories'],
      [1, 'E4000', 'name'],
      [2, 'E4027', 'valueType'],
      [3, 'E5002', 'categoryCombo'],
    ]);
    expect((errors[1]![1] as { message: string }).message).toBe('Missing required property `name`.');
    expect((errors[3]![1] as { message: string }).message).toBe('Invalid reference NOPE (CategoryCombo) on object BAD_COMBO (DataElement) for association `categoryCombo`.');
    expect(await count(database(), 'data_element')).toBe(0);
    expect(await count(database(), 'category_combo')).toBe(1);
  });

  it('writes the good objects with atomicMode=NONE and reports the others (WARNING)', async () => {
    const report = await importMetadata(database(), broken, { atomicMode: 'NONE', language: 'fr' });
    expect(report.status).toBe('WARNING');
    expect(report.stats).toMatchObject({ created: 1, ignored: 4, total: 5 });
    expect(report.typeReports[1]!.objectReports[0]!.errorReports[0]!.message).toBe('Propriété obligatoire « name » manquante.');
    expect(await count(database(), 'data_element')).toBe(1);
  });

  it('with atomicMode=NONE, an object referring to a refused one is refused too (E5002); the others are written', async () => {
    const report = await importMetadata(database(), {
      organisationUnits: [
        { code: 'A', name: 'A', parent: { code: 'NOPE' } },
        { code: 'B', name: 'B', parent: { code: 'A' } },
        { code: 'C', name: 'C' },
      ],
    }, { atomicMode: 'NONE' });
    expect(report).toMatchObject({ status: 'WARNING', stats: { created: 1, ignored: 2 } });
    const errors = report.typeReports[0]!.objectReports.map((object) => [object.index, object.errorReports[0]!.errorCode, object.errorReports[0]!.errorProperty]);
    expect(errors).toEqual([
      [0, 'E5002', 'parent'],
      [1, 'E5002', 'parent'],
    ]);
    expect((await database().pool.query(`SELECT code, level FROM org_unit`)).rows).toEqual([{ code: 'C', level: 1 }]);
  });

  it('keys population rows by org unit, year, age group and sex: CREATE refuses one already there, DELETE removes it', async () => {
    const rows = { population: [{ orgUnit: { code: 'C' }, year: 2024, ageGroup: 'total', sex: 'T', value: 1000, source: 'Recensement' }] };
    expect((await importMetadata(database(), rows, { importStrategy: 'CREATE' })).stats.created).toBe(1);
    const again = await importMetadata(database(), rows, { importStrategy: 'CREATE' });
    expect(again.typeReports[0]!.objectReports[0]!.errorReports[0]!.errorCode).toBe('E5000');
    expect((await importMetadata(database(), rows, { importStrategy: 'DELETE' })).stats.deleted).toBe(1);
    expect(await count(database(), 'population')).toBe(0);
  });

  it('CREATE refuses what exists (E5000), UPDATE what does not (E5001); dryRun writes nothing', async () => {
    const create = await importMetadata(database(), { dataElements: [{ code: 'OK_ONE', name: 'Encore' }] }, { importStrategy: 'CREATE' });
    expect(create.typeReports[0]!.objectReports[0]!.errorReports[0]!.errorCode).toBe('E5000');
    const update = await importMetadata(database(), { dataElements: [{ code: 'NEW_ONE', name: 'Nouveau' }] }, { importStrategy: 'UPDATE' });
    expect(update.typeReports[0]!.objectReports[0]!.errorReports[0]!.errorCode).toBe('E5001');
    const dry = await importMetadata(database(), { dataElements: [{ code: 'NEW_ONE', name: 'Nouveau' }] }, { dryRun: true });
    expect(dry).toMatchObject({ status: 'OK', stats: { created: 1 } });
    expect(await count(database(), 'data_element')).toBe(1);
  });

  it('refuses a code already used by another stored object (E5003) and two objects with one code (E5005)', async () => {
    const { rows } = await database().pool.query(`SELECT uid FROM data_element WHERE code = 'OK_ONE'`);
    const report = await importMetadata(database(), {
      dataElements: [
        { id: 'OtherUid001', code: 'OK_ONE', name: 'Autre' },
        { code: 'TWICE', name: 'Un' },
        { code: 'TWICE', name: 'Deux' },
      ],
    });
    const codes = report.typeReports[0]!.objectReports.map((object) => object.errorReports[0]!.errorCode);
    expect(codes).toEqual(['E5003', 'E5005']);
    expect(rows[0].uid).not.toBe('OtherUid001');
  });

  it('refuses a combo whose generated option combo codes meet (A_B + C and A + B_C), naming the code (E5005)', async () => {
    const report = await importMetadata(database(), {
      categoryOptions: ['A_B', 'A', 'C', 'B_C'].map((code) => ({ code, name: code })),
      categories: [
        { code: 'X', name: 'X', categoryOptions: [{ code: 'A_B' }, { code: 'A' }] },
        { code: 'Y', name: 'Y', categoryOptions: [{ code: 'C' }, { code: 'B_C' }] },
      ],
      categoryCombos: [{ code: 'XY', name: 'XY', categories: [{ code: 'X' }, { code: 'Y' }] }],
    }, { language: 'en' });
    expect(report.status).toBe('ERROR');
    const error = report.typeReports.find((type) => type.klass.endsWith('.CategoryCombo'))!.objectReports[0]!.errorReports[0]!;
    expect(error).toMatchObject({ errorCode: 'E5005' });
    expect(error.message).toContain('A_B_C');
  });

  it('DELETE removes what nothing uses and names what is still used (E4030)', async () => {
    await importMetadata(database(), {
      categoryOptions: [{ code: 'X', name: 'X' }],
      categories: [{ code: 'XC', name: 'XC', categoryOptions: [{ code: 'X' }] }],
    });
    const report = await importMetadata(database(), { dataElements: [{ code: 'OK_ONE', name: 'x' }], categoryOptions: [{ code: 'X', name: 'X' }] }, { importStrategy: 'DELETE' });
    expect(report.status).toBe('ERROR');
    expect(report.typeReports.find((type) => type.klass.endsWith('CategoryOption'))!.objectReports[0]!.errorReports[0]!.errorCode).toBe('E4030');
    expect(await count(database(), 'data_element')).toBe(1);
    const partial = await importMetadata(database(), { dataElements: [{ code: 'OK_ONE', name: 'x' }] }, { importStrategy: 'DELETE' });
    expect(partial.stats).toMatchObject({ deleted: 1 });
    expect(await count(database(), 'data_element')).toBe(0);
  });
});
