// Import of data elements, data sets (their elements, org units and sections) and sections.
import { DEFAULT_UIDS } from '../../../core/metadata/collections.ts';
import type { Bundle } from '../bundle.ts';
import { attributeValuesJson, identifiedColumns, identifiedRow, shortNamedRow } from '../fields.ts';
import { replaceLinks, upsertRows } from '../writeRows.ts';
import { attributeUses, listUses, refUse, type CollectionSpec } from './spec.ts';

const shortNamedColumns = { ...identifiedColumns, short_name: 'text', description: 'text' } as const;

/** The id of Denw's default category combo (DHIS2 UID bjDvmb4bfuf), for objects that name none. */
export function defaultComboId(bundle: Bundle): number {
  return bundle.preheat.rows.categoryCombos.find((row) => row.uid === DEFAULT_UIDS.categoryCombos)!.id;
}

export const dataElementSpec: CollectionSpec<'dataElements'> = {
  collection: 'dataElements',
  table: 'data_element',
  refs: (object) => [...refUse('categoryCombo', 'categoryCombos', object.value.categoryCombo), ...attributeUses(object.value.attributeValues)],
  async write(objects, { client, bundle }) {
    const rows = objects.map((object) => {
      const { value } = object;
      return {
        ...shortNamedRow(object, value),
        form_name: value.formName ?? null,
        value_type: value.valueType,
        aggregation_type: value.aggregationType,
        domain_type: value.domainType,
        category_combo_id: value.categoryCombo ? bundle.idOf(value.categoryCombo) : defaultComboId(bundle),
        zero_is_significant: value.zeroIsSignificant,
        attributes: attributeValuesJson(bundle, value.attributeValues),
      };
    });
    const columns = {
      ...shortNamedColumns,
      form_name: 'text',
      value_type: 'text',
      aggregation_type: 'text',
      domain_type: 'text',
      category_combo_id: 'int',
      zero_is_significant: 'bool',
      attributes: 'jsonb',
    } as const;
    await upsertRows(client, 'data_element', columns, rows, ['id']);
  },
};

export const dataSetSpec: CollectionSpec<'dataSets'> = {
  collection: 'dataSets',
  table: 'data_set',
  refs: ({ value }) => [
    ...refUse('categoryCombo', 'categoryCombos', value.categoryCombo),
    ...value.dataSetElements.flatMap((element, i) => [
      { property: 'dataSetElements', collection: 'dataElements' as const, ref: element.dataElement, list: 'dataSetElements' },
      ...refUse(`dataSetElements.${i}.categoryCombo`, 'categoryCombos', element.categoryCombo),
    ]),
    ...listUses('organisationUnits', 'organisationUnits', value.organisationUnits),
    // Sections written inside the data set are objects of the `sections` collection; the
    // others are references to it.
    ...listUses('sections', 'sections', value.sections.filter((section) => !('name' in section))),
  ],
  async write(objects, { client, bundle }) {
    const rows = objects.map((object) => {
      const { value } = object;
      return {
        ...shortNamedRow(object, value),
        period_type: value.periodType,
        category_combo_id: value.categoryCombo ? bundle.idOf(value.categoryCombo) : defaultComboId(bundle),
        open_future_periods: value.openFuturePeriods,
        expiry_days: Math.round(value.expiryDays),
        timely_days: Math.round(value.timelyDays),
        validation_blocking: value.validCompleteOnly,
      };
    });
    const columns = {
      ...shortNamedColumns,
      period_type: 'text',
      category_combo_id: 'int',
      open_future_periods: 'int',
      expiry_days: 'int',
      timely_days: 'int',
      validation_blocking: 'bool',
    } as const;
    await upsertRows(client, 'data_set', columns, rows, ['id']);
    const ids = objects.map((object) => object.id!);
    const elements = objects.flatMap((object) =>
      object.value.dataSetElements.map((element) => ({
        data_set_id: object.id,
        data_element_id: bundle.idOf(element.dataElement),
        category_combo_id: element.categoryCombo ? bundle.idOf(element.categoryCombo) : null,
      })),
    );
    await replaceLinks(client, 'data_set_element', 'data_set_id', ids, { data_set_id: 'int', data_element_id: 'int', category_combo_id: 'int' }, elements);
    const units = objects.flatMap((object) => object.value.organisationUnits.map((unit) => ({ data_set_id: object.id, org_unit_id: bundle.idOf(unit) })));
    await replaceLinks(client, 'data_set_org_unit', 'data_set_id', ids, { data_set_id: 'int', org_unit_id: 'int' }, units);
  },
};

export const sectionSpec: CollectionSpec<'sections'> = {
  collection: 'sections',
  table: 'data_set_section',
  refs: (object) => [
    ...(object.owner ? [] : refUse('dataSet', 'dataSets', object.value.dataSet)),
    ...listUses('dataElements', 'dataElements', object.value.dataElements),
  ],
  async write(objects, { client, bundle }) {
    const rows = objects.map((object) => ({
      ...identifiedRow(object, object.value),
      description: object.value.description ?? null,
      data_set_id: object.owner ? object.owner.id : bundle.idOf(object.value.dataSet),
      sort_order: object.value.sortOrder,
      data_element_ids: object.value.dataElements.map((element) => bundle.idOf(element)),
    }));
    const columns = { ...identifiedColumns, description: 'text', data_set_id: 'int', sort_order: 'int', data_element_ids: 'int[]' } as const;
    await upsertRows(client, 'data_set_section', columns, rows, ['id']);
  },
};
