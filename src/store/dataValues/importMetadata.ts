// Loads, in a handful of queries, every piece of metadata a data value import checks rows
// against, so that the rows themselves are resolved in memory (core/dataValueSets).
import type pg from 'pg';
import type {
  CategoryComboMeta,
  CategoryMeta,
  CategoryOptionComboMeta,
  CategoryOptionMeta,
  DataElementMeta,
  DataSetMeta,
  ImportMetadata,
  OrgUnitMeta,
} from '../../core/dataValueSets/importMetadata.ts';

/** DHIS2's default category option combo, created by migration 001 with DHIS2's UID. */
export const DEFAULT_OPTION_COMBO_UID = 'HllvX50cXC0';

type Queryable = Pick<pg.ClientBase, 'query'>;

// The queries run one after the other: a client runs one query at a time.
async function rows<T>(client: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await client.query(sql, params)).rows as T[];
}

export async function loadImportMetadata(client: Queryable): Promise<ImportMetadata> {
  const dataElements = await rows<DataElementMeta>(
    client,
    `SELECT id, uid, code, name, value_type AS "valueType", aggregation_type AS "aggregationType",
       zero_is_significant AS "zeroIsSignificant", category_combo_id AS "categoryComboId" FROM data_element`,
  );
  const orgUnits = await rows<OrgUnitMeta>(client, `SELECT id, uid, code, name, path, opening_date AS "openingDate", closed_date AS "closedDate" FROM org_unit`);
  const categoryOptions = await rows<CategoryOptionMeta>(client, `SELECT id, uid, code, name, start_date AS "startDate", end_date AS "endDate" FROM category_option`);
  const categories = await rows<CategoryMeta>(
    client,
    `SELECT c.id, c.uid, c.code, c.name,
       coalesce(array_agg(o.category_option_id ORDER BY o.sort_order) FILTER (WHERE o.category_option_id IS NOT NULL), '{}') AS "optionIds"
     FROM category c LEFT JOIN category_category_option o ON o.category_id = c.id GROUP BY c.id`,
  );
  const categoryCombos = await rows<CategoryComboMeta>(
    client,
    `SELECT cc.id, cc.uid, cc.code, cc.name,
       coalesce(array_agg(ccc.category_id ORDER BY ccc.sort_order) FILTER (WHERE ccc.category_id IS NOT NULL), '{}') AS "categoryIds"
     FROM category_combo cc LEFT JOIN category_combo_category ccc ON ccc.category_combo_id = cc.id GROUP BY cc.id`,
  );
  const categoryOptionCombos = await rows<CategoryOptionComboMeta>(
    client,
    `SELECT coc.id, coc.uid, coc.code, coc.name, coc.category_combo_id AS "categoryComboId",
       coalesce(array_agg(o.category_option_id) FILTER (WHERE o.category_option_id IS NOT NULL), '{}') AS "optionIds"
     FROM category_option_combo coc LEFT JOIN category_option_combo_option o ON o.category_option_combo_id = coc.id GROUP BY coc.id`,
  );
  const dataSets = await rows<Omit<DataSetMeta, 'elements' | 'orgUnitIds'>>(
    client,
    `SELECT id, uid, code, name, period_type AS "periodType", category_combo_id AS "categoryComboId",
       open_future_periods AS "openFuturePeriods", expiry_days AS "expiryDays" FROM data_set`,
  );
  const elements = await rows<{ data_set_id: number; data_element_id: number; category_combo_id: number | null }>(
    client,
    'SELECT data_set_id, data_element_id, category_combo_id FROM data_set_element',
  );
  const assignments = await rows<{ data_set_id: number; org_unit_id: number }>(client, 'SELECT data_set_id, org_unit_id FROM data_set_org_unit');
  const [defaultCombo] = await rows<{ id: number }>(client, 'SELECT id FROM category_option_combo WHERE uid = $1', [DEFAULT_OPTION_COMBO_UID]);

  const dataSetById = new Map<number, DataSetMeta>();
  for (const row of dataSets) dataSetById.set(row.id, { ...row, elements: new Map(), orgUnitIds: new Set() });
  for (const row of elements) dataSetById.get(row.data_set_id)?.elements.set(row.data_element_id, row.category_combo_id);
  for (const row of assignments) dataSetById.get(row.data_set_id)?.orgUnitIds.add(row.org_unit_id);
  return {
    dataElements,
    orgUnits,
    categoryOptions,
    categories,
    categoryCombos,
    categoryOptionCombos,
    dataSets: [...dataSetById.values()],
    defaultCategoryOptionComboId: defaultCombo!.id,
  };
}
