// Export of data elements, data sets and their sections.
import { attributeValues, byOwner, compact, identified, type ExportContext, type IdentifiedRow } from './exportContext.ts';

type Named = IdentifiedRow & { short_name: string | null; description: string | null };

export async function exportDataElements(context: ExportContext) {
  const rows = await context.rows<
    Named & {
      form_name: string | null;
      value_type: string;
      aggregation_type: string;
      domain_type: string;
      category_combo_id: number;
      zero_is_significant: boolean;
      attributes: Record<string, string>;
    }
  >('SELECT * FROM data_element ORDER BY uid COLLATE "C"');
  return Promise.all(
    rows.map(async (row) =>
      compact({
        ...identified(row),
        shortName: row.short_name,
        description: row.description,
        formName: row.form_name,
        valueType: row.value_type,
        aggregationType: row.aggregation_type,
        domainType: row.domain_type,
        categoryCombo: await context.ref('category_combo', row.category_combo_id),
        zeroIsSignificant: row.zero_is_significant,
        attributeValues: attributeValues(row.attributes),
      }),
    ),
  );
}

export async function exportDataSets(context: ExportContext) {
  const rows = await context.rows<
    Named & {
      period_type: string;
      category_combo_id: number;
      open_future_periods: number;
      expiry_days: number;
      timely_days: number;
      validation_blocking: boolean;
    }
  >('SELECT * FROM data_set ORDER BY uid COLLATE "C"');
  const elements = byOwner(
    await context.rows<{ owner: number; data_element_id: number; category_combo_id: number | null; uid: string }>(
      `SELECT dse.data_set_id AS owner, dse.data_element_id, dse.category_combo_id, de.uid
       FROM data_set_element dse JOIN data_element de ON de.id = dse.data_element_id ORDER BY de.uid COLLATE "C"`,
    ),
  );
  const units = byOwner(
    await context.rows<{ owner: number; uid: string }>(
      'SELECT dsou.data_set_id AS owner, ou.uid FROM data_set_org_unit dsou JOIN org_unit ou ON ou.id = dsou.org_unit_id ORDER BY ou.uid COLLATE "C"',
    ),
  );
  const sections = byOwner(await context.rows<{ owner: number; uid: string }>('SELECT data_set_id AS owner, uid FROM data_set_section ORDER BY sort_order, uid COLLATE "C"'));
  return Promise.all(
    rows.map(async (row) =>
      compact({
        ...identified(row),
        shortName: row.short_name,
        description: row.description,
        periodType: row.period_type,
        categoryCombo: await context.ref('category_combo', row.category_combo_id),
        openFuturePeriods: row.open_future_periods,
        expiryDays: row.expiry_days,
        timelyDays: row.timely_days,
        validCompleteOnly: row.validation_blocking,
        dataSetElements: await Promise.all(
          (elements.get(row.id) ?? []).map(async (element) =>
            compact({
              dataElement: { id: element.uid },
              categoryCombo: element.category_combo_id === null ? null : await context.ref('category_combo', element.category_combo_id),
            }),
          ),
        ),
        organisationUnits: (units.get(row.id) ?? []).map((unit) => ({ id: unit.uid })),
        sections: (sections.get(row.id) ?? []).map((section) => ({ id: section.uid })),
      }),
    ),
  );
}

export async function exportSections(context: ExportContext) {
  const rows = await context.rows<IdentifiedRow & { description: string | null; data_set_id: number; sort_order: number; data_element_ids: number[] }>(
    'SELECT * FROM data_set_section ORDER BY uid COLLATE "C"',
  );
  return Promise.all(
    rows.map(async (row) =>
      compact({
        ...identified(row),
        description: row.description,
        dataSet: await context.ref('data_set', row.data_set_id),
        sortOrder: row.sort_order,
        dataElements: await Promise.all(row.data_element_ids.map((id) => context.ref('data_element', id))),
      }),
    ),
  );
}
