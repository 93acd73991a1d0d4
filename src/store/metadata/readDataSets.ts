// Data sets as a data-entry form needs them (GET /api/dataSets/{id}): elements with their
// value types and disaggregations, sections in order, assigned org units, and every category
// combo the form uses, with categories, options and option combos in DHIS2's order (the first
// category varying slowest, as the form's columns are laid out).
import type { Language } from '../../core/i18n.ts';
import type { Database } from '../database.ts';
import { named, type Named, type NamedRow } from './readMetadata.ts';

export interface CategoryComboView extends Named {
  dataDimensionType: string;
  categories: (Named & { categoryOptions: Named[] })[];
  categoryOptionCombos: (Named & { categoryOptions: { id: string }[] })[];
}

/** Combos with their categories and option combos; all of them when `ids` is undefined. */
export async function categoryCombos(database: Database, language: Language, ids?: readonly number[]): Promise<CategoryComboView[]> {
  return [...(await categoryCombosById(database, language, ids)).values()];
}

async function categoryCombosById(database: Database, language: Language, ids?: readonly number[]): Promise<Map<number, CategoryComboView>> {
  const filter = ids ? 'WHERE cc.id = ANY($1::int[])' : '';
  const params = ids ? [ids] : [];
  const { pool } = database;
  const combos = await pool.query<NamedRow & { data_dimension_type: string }>(
    `SELECT cc.id, cc.uid, cc.code, cc.name, cc.name_en, cc.data_dimension_type FROM category_combo cc ${filter} ORDER BY cc.name COLLATE "C", cc.uid COLLATE "C"`,
    params,
  );
  const categories = await pool.query<NamedRow & { combo_id: number; options: NamedRow[] }>(
    `SELECT c.id, c.uid, c.code, c.name, c.name_en, ccc.category_combo_id AS combo_id,
            (SELECT coalesce(json_agg(json_build_object('id', o.id, 'uid', o.uid, 'code', o.code, 'name', o.name, 'name_en', o.name_en) ORDER BY l.sort_order), '[]')
             FROM category_category_option l JOIN category_option o ON o.id = l.category_option_id WHERE l.category_id = c.id) AS options
     FROM category_combo_category ccc JOIN category c ON c.id = ccc.category_id JOIN category_combo cc ON cc.id = ccc.category_combo_id
     ${filter} ORDER BY ccc.category_combo_id, ccc.sort_order`,
    params,
  );
  const optionCombos = await pool.query<NamedRow & { combo_id: number; option_uids: string[] }>(
    `SELECT coc.id, coc.uid, coc.code, coc.name, coc.name_en, coc.category_combo_id AS combo_id,
            array_agg(o.uid ORDER BY ccc.sort_order) AS option_uids
     FROM category_option_combo coc
     JOIN category_combo cc ON cc.id = coc.category_combo_id
     JOIN category_option_combo_option l ON l.category_option_combo_id = coc.id
     JOIN category_option o ON o.id = l.category_option_id
     JOIN category_combo_category ccc ON ccc.category_combo_id = coc.category_combo_id
     JOIN category_category_option cco ON cco.category_id = ccc.category_id AND cco.category_option_id = l.category_option_id
     ${filter}
     GROUP BY coc.id ORDER BY coc.category_combo_id, array_agg(cco.sort_order ORDER BY ccc.sort_order)`,
    params,
  );
  const views = combos.rows.map((combo): [number, CategoryComboView] => [
    combo.id,
    {
      ...named(combo, language),
      dataDimensionType: combo.data_dimension_type,
      categories: categories.rows
        .filter((category) => category.combo_id === combo.id)
        .map((category) => ({ ...named(category, language), categoryOptions: category.options.map((option) => named(option, language)) })),
      categoryOptionCombos: optionCombos.rows
        .filter((coc) => coc.combo_id === combo.id)
        .map((coc) => ({ ...named(coc, language), categoryOptions: coc.option_uids.map((uid) => ({ id: uid })) })),
    },
  ]);
  return new Map(views);
}

interface DataSetRow extends NamedRow {
  short_name: string | null;
  period_type: string;
  category_combo_id: number;
  open_future_periods: number;
  expiry_days: number;
  timely_days: number;
  validation_blocking: boolean;
}

/** Every data set, with its elements, org units and sections as references. */
export async function listDataSets(database: Database, language: Language) {
  const { rows } = await database.pool.query<DataSetRow & { element_uids: string[]; unit_uids: string[]; sections: NamedRow[] }>(
    `SELECT ds.*,
            ARRAY(SELECT de.uid FROM data_set_element dse JOIN data_element de ON de.id = dse.data_element_id WHERE dse.data_set_id = ds.id ORDER BY de.uid COLLATE "C") AS element_uids,
            ARRAY(SELECT ou.uid FROM data_set_org_unit dso JOIN org_unit ou ON ou.id = dso.org_unit_id WHERE dso.data_set_id = ds.id ORDER BY ou.uid COLLATE "C") AS unit_uids,
            (SELECT coalesce(json_agg(json_build_object('id', s.id, 'uid', s.uid, 'code', s.code, 'name', s.name, 'name_en', s.name_en) ORDER BY s.sort_order, s.uid COLLATE "C"), '[]')
             FROM data_set_section s WHERE s.data_set_id = ds.id) AS sections
     FROM data_set ds ORDER BY ds.name COLLATE "C", ds.uid COLLATE "C"`,
  );
  return rows.map((row) => ({
    ...dataSetFields(row, language),
    dataSetElements: row.element_uids.map((uid) => ({ dataElement: { id: uid } })),
    organisationUnits: row.unit_uids.map((uid) => ({ id: uid })),
    sections: row.sections.map((section) => named(section, language)),
  }));
}

function dataSetFields(row: DataSetRow, language: Language) {
  return {
    ...named(row, language),
    shortName: row.short_name ?? row.name,
    periodType: row.period_type,
    openFuturePeriods: row.open_future_periods,
    expiryDays: row.expiry_days,
    timelyDays: row.timely_days,
    validCompleteOnly: row.validation_blocking,
  };
}

/** One data set (by UID or code) as its form needs it; undefined when there is none. */
export async function dataSetForm(database: Database, uidOrCode: string, language: Language) {
  const { pool } = database;
  const found = await pool.query<DataSetRow>('SELECT * FROM data_set WHERE uid = $1 OR code = $1 ORDER BY uid = $1 DESC LIMIT 1', [uidOrCode]);
  const row = found.rows[0];
  if (!row) return undefined;
  const elements = await pool.query<
    NamedRow & { form_name: string | null; value_type: string; aggregation_type: string; zero_is_significant: boolean; combo_id: number; override_id: number | null }
  >(
    `SELECT de.id, de.uid, de.code, de.name, de.name_en, de.form_name, de.value_type, de.aggregation_type, de.zero_is_significant,
            de.category_combo_id AS combo_id, dse.category_combo_id AS override_id
     FROM data_set_element dse JOIN data_element de ON de.id = dse.data_element_id WHERE dse.data_set_id = $1 ORDER BY de.name COLLATE "C", de.uid COLLATE "C"`,
    [row.id],
  );
  const sections = await pool.query<NamedRow & { sort_order: number; element_uids: string[] }>(
    `SELECT s.id, s.uid, s.code, s.name, s.name_en, s.sort_order,
            ARRAY(SELECT de.uid FROM unnest(s.data_element_ids) WITH ORDINALITY AS e(id, n) JOIN data_element de ON de.id = e.id ORDER BY e.n) AS element_uids
     FROM data_set_section s WHERE s.data_set_id = $1 ORDER BY s.sort_order, s.uid COLLATE "C"`,
    [row.id],
  );
  const units = await pool.query<{ uid: string }>(
    'SELECT ou.uid FROM data_set_org_unit dso JOIN org_unit ou ON ou.id = dso.org_unit_id WHERE dso.data_set_id = $1 ORDER BY ou.uid COLLATE "C"',
    [row.id],
  );
  const comboIds = [...new Set([row.category_combo_id, ...elements.rows.flatMap((e) => (e.override_id === null ? [e.combo_id] : [e.combo_id, e.override_id]))])];
  const combos = await categoryCombosById(database, language, comboIds);
  const comboRef = (comboId: number): Named => {
    const { id, code, name, displayName } = combos.get(comboId)!;
    return { id, ...(code ? { code } : {}), name, displayName };
  };
  return {
    ...dataSetFields(row, language),
    categoryCombo: comboRef(row.category_combo_id),
    dataSetElements: elements.rows.map((element) => ({
      dataElement: {
        ...named(element, language),
        ...(element.form_name ? { formName: element.form_name, displayFormName: element.form_name } : {}),
        valueType: element.value_type,
        aggregationType: element.aggregation_type,
        zeroIsSignificant: element.zero_is_significant,
        categoryCombo: comboRef(element.combo_id),
      },
      ...(element.override_id === null ? {} : { categoryCombo: comboRef(element.override_id) }),
    })),
    sections: sections.rows.map((section) => ({
      ...named(section, language),
      sortOrder: section.sort_order,
      dataElements: section.element_uids.map((uid) => ({ id: uid })),
    })),
    organisationUnits: units.rows.map((unit) => ({ id: unit.uid })),
    categoryCombos: [...combos.values()],
  };
}
