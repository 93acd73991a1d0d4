// Export of category options, categories, category combos and category option combos. The
// default objects are left out: every DHIS2 and Denw database has them, with the same UIDs.
import { DEFAULT_UIDS } from '../../../core/metadata/collections.ts';
import { byOwner, compact, identified, type ExportContext, type IdentifiedRow } from './exportContext.ts';

type Named = IdentifiedRow & { short_name: string | null; description: string | null };

async function orderedRefs(context: ExportContext, sql: string, table: string): Promise<Map<number, { id: string }[]>> {
  const refs = new Map<number, { id: string }[]>();
  for (const [owner, rows] of byOwner(await context.rows<{ owner: number; member: number }>(sql))) {
    refs.set(owner, await Promise.all(rows.map((row) => context.ref(table, row.member))));
  }
  return refs;
}

export async function exportCategoryOptions(context: ExportContext) {
  const rows = await context.rows<Named & { start_date: string | null; end_date: string | null }>(
    `SELECT * FROM category_option WHERE uid <> '${DEFAULT_UIDS.categoryOptions}' ORDER BY uid COLLATE "C"`,
  );
  return rows.map((row) =>
    compact({ ...identified(row), shortName: row.short_name, description: row.description, startDate: row.start_date, endDate: row.end_date }),
  );
}

export async function exportCategories(context: ExportContext) {
  const rows = await context.rows<Named & { data_dimension_type: string }>(`SELECT * FROM category WHERE uid <> '${DEFAULT_UIDS.categories}' ORDER BY uid COLLATE "C"`);
  const options = await orderedRefs(
    context,
    'SELECT category_id AS owner, category_option_id AS member FROM category_category_option ORDER BY category_id, sort_order',
    'category_option',
  );
  return rows.map((row) =>
    compact({
      ...identified(row),
      shortName: row.short_name,
      description: row.description,
      dataDimensionType: row.data_dimension_type,
      categoryOptions: options.get(row.id) ?? [],
    }),
  );
}

export async function exportCategoryCombos(context: ExportContext) {
  const rows = await context.rows<IdentifiedRow & { data_dimension_type: string }>(
    `SELECT * FROM category_combo WHERE uid <> '${DEFAULT_UIDS.categoryCombos}' ORDER BY uid COLLATE "C"`,
  );
  const categories = await orderedRefs(
    context,
    'SELECT category_combo_id AS owner, category_id AS member FROM category_combo_category ORDER BY category_combo_id, sort_order',
    'category',
  );
  return rows.map((row) => ({ ...identified(row), dataDimensionType: row.data_dimension_type, categories: categories.get(row.id) ?? [] }));
}

/** Option combos with their options in the order of their combo's categories. */
export async function exportCategoryOptionCombos(context: ExportContext) {
  const rows = await context.rows<IdentifiedRow & { category_combo_id: number }>(
    `SELECT * FROM category_option_combo WHERE uid <> '${DEFAULT_UIDS.categoryOptionCombos}' ORDER BY uid COLLATE "C"`,
  );
  const options = await orderedRefs(
    context,
    `SELECT coco.category_option_combo_id AS owner, coco.category_option_id AS member
     FROM category_option_combo_option coco
     JOIN category_option_combo coc ON coc.id = coco.category_option_combo_id
     JOIN category_combo_category ccc ON ccc.category_combo_id = coc.category_combo_id
     JOIN category_category_option cco ON cco.category_id = ccc.category_id AND cco.category_option_id = coco.category_option_id
     ORDER BY coco.category_option_combo_id, ccc.sort_order`,
    'category_option',
  );
  return Promise.all(
    rows.map(async (row) => ({
      ...identified(row),
      categoryCombo: await context.ref('category_combo', row.category_combo_id),
      categoryOptions: options.get(row.id) ?? [],
    })),
  );
}
