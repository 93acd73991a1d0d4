// Import of Denw's own collections: population (denominators) and the results framework —
// goals, results, result indicators (identified by code), yearly targets and observed values
// (identified by their key).
import type { Ref } from '../../../core/metadata/schemas.ts';
import type { Bundle } from '../bundle.ts';
import { english } from '../fields.ts';
import { upsertRows } from '../writeRows.ts';
import { checkDuplicateKeys, removeKeyed, writeKeyed, type KeyedTable } from './keyedRows.ts';
import { refUse, type CollectionSpec } from './spec.ts';

const codeColumns = { id: 'int', code: 'text', name: 'text', name_en: 'text', sort_order: 'int' } as const;

/** A reference in duplicate checks: its target's UID (codes for the results framework). */
function refKey(bundle: Bundle, ref: Ref): string | undefined {
  const target = bundle.resolvedTarget(ref);
  return target ? (target.uid ?? target.code ?? undefined) : undefined;
}

const populationTable: KeyedTable = {
  table: 'population',
  key: { org_unit_id: 'int', year: 'int', age_group: 'text', sex: 'text' },
  values: { value: 'float8', source: 'text' },
};

export const populationSpec: CollectionSpec<'population'> = {
  collection: 'population',
  refs: (object) => refUse('orgUnit', 'organisationUnits', object.value.orgUnit),
  plan: (bundle) =>
    checkDuplicateKeys(bundle, 'population', ({ value }) => {
      const unit = refKey(bundle, value.orgUnit);
      return unit && `${unit}/${value.year}/${value.ageGroup}/${value.sex}`;
    }),
  write: (objects, context) =>
    writeKeyed(objects, context, populationTable, ({ value }) => ({
      org_unit_id: context.bundle.idOf(value.orgUnit),
      year: value.year,
      age_group: value.ageGroup,
      sex: value.sex,
      value: value.value,
      source: value.source,
    })),
  remove: (objects, context) =>
    removeKeyed(objects, context, populationTable, ({ value }) => ({
      org_unit_id: context.bundle.idOf(value.orgUnit),
      year: value.year,
      age_group: value.ageGroup,
      sex: value.sex,
    })),
};

export const goalSpec: CollectionSpec<'goals'> = {
  collection: 'goals',
  table: 'rf_goal',
  refs: () => [],
  async write(objects, { client }) {
    const rows = objects.map(({ id, value }) => ({
      id,
      code: value.code,
      name: value.name,
      name_en: english(value.translations),
      description: value.description ?? null,
      description_en: english(value.translations, 'DESCRIPTION'),
      sort_order: value.sortOrder,
    }));
    await upsertRows(client, 'rf_goal', { ...codeColumns, description: 'text', description_en: 'text' }, rows, ['id']);
  },
};

export const resultSpec: CollectionSpec<'results'> = {
  collection: 'results',
  table: 'rf_result',
  refs: (object) => refUse('goal', 'goals', object.value.goal),
  async write(objects, { client, bundle }) {
    const rows = objects.map(({ id, value }) => ({
      id,
      code: value.code,
      goal_id: bundle.idOf(value.goal),
      kind: value.kind,
      name: value.name,
      name_en: english(value.translations),
      sort_order: value.sortOrder,
    }));
    await upsertRows(client, 'rf_result', { ...codeColumns, goal_id: 'int', kind: 'text' }, rows, ['id']);
  },
};

export const resultIndicatorSpec: CollectionSpec<'resultIndicators'> = {
  collection: 'resultIndicators',
  table: 'rf_indicator',
  refs: ({ value }) => [
    ...refUse('result', 'results', value.result),
    ...refUse('indicator', 'indicators', value.indicator),
    ...refUse('dataElement', 'dataElements', value.dataElement),
  ],
  async write(objects, { client, bundle }) {
    const rows = objects.map(({ id, value }) => ({
      id,
      code: value.code,
      result_id: bundle.idOf(value.result),
      indicator_id: value.indicator ? bundle.idOf(value.indicator) : null,
      data_element_id: value.dataElement ? bundle.idOf(value.dataElement) : null,
      name: value.name,
      name_en: english(value.translations),
      unit: value.unit,
      direction: value.direction,
      baseline_value: value.baselineValue ?? null,
      baseline_year: value.baselineYear ?? null,
      baseline_source: value.baselineSource ?? null,
      public: value.public,
      public_max_level: value.publicMaxLevel,
      sort_order: value.sortOrder,
    }));
    const columns = {
      ...codeColumns,
      result_id: 'int',
      indicator_id: 'int',
      data_element_id: 'int',
      unit: 'text',
      direction: 'text',
      baseline_value: 'float8',
      baseline_year: 'int',
      baseline_source: 'text',
      public: 'bool',
      public_max_level: 'int',
    } as const;
    await upsertRows(client, 'rf_indicator', columns, rows, ['id']);
  },
};

const targetTable: KeyedTable = {
  table: 'rf_target',
  key: { rf_indicator_id: 'int', org_unit_id: 'int', year: 'int' },
  values: { value: 'float8', source: 'text' },
};

export const targetSpec: CollectionSpec<'targets'> = {
  collection: 'targets',
  refs: ({ value }) => [...refUse('resultIndicator', 'resultIndicators', value.resultIndicator), ...refUse('orgUnit', 'organisationUnits', value.orgUnit)],
  plan: (bundle) =>
    checkDuplicateKeys(bundle, 'targets', ({ value }) => {
      const indicator = refKey(bundle, value.resultIndicator);
      const unit = refKey(bundle, value.orgUnit);
      return indicator && unit && `${indicator}/${unit}/${value.year}`;
    }),
  write: (objects, context) =>
    writeKeyed(objects, context, targetTable, ({ value }) => ({
      rf_indicator_id: context.bundle.idOf(value.resultIndicator),
      org_unit_id: context.bundle.idOf(value.orgUnit),
      year: value.year,
      value: value.value,
      source: value.source,
    })),
  remove: (objects, context) =>
    removeKeyed(objects, context, targetTable, ({ value }) => ({
      rf_indicator_id: context.bundle.idOf(value.resultIndicator),
      org_unit_id: context.bundle.idOf(value.orgUnit),
      year: value.year,
    })),
};

const observationTable: KeyedTable = {
  table: 'rf_observation',
  key: { rf_indicator_id: 'int', org_unit_id: 'int', year: 'int', sex: 'text', source: 'text' },
  values: { value: 'float8', method: 'text', revision: 'int' },
};

export const observationSpec: CollectionSpec<'observations'> = {
  collection: 'observations',
  refs: ({ value }) => [...refUse('resultIndicator', 'resultIndicators', value.resultIndicator), ...refUse('orgUnit', 'organisationUnits', value.orgUnit)],
  plan: (bundle) =>
    checkDuplicateKeys(bundle, 'observations', ({ value }) => {
      const indicator = refKey(bundle, value.resultIndicator);
      const unit = refKey(bundle, value.orgUnit);
      return indicator && unit && `${indicator}/${unit}/${value.year}/${value.sex}/${value.source}`;
    }),
  write: (objects, context) =>
    writeKeyed(objects, context, observationTable, ({ value }) => ({
      rf_indicator_id: context.bundle.idOf(value.resultIndicator),
      org_unit_id: context.bundle.idOf(value.orgUnit),
      year: value.year,
      sex: value.sex,
      source: value.source,
      value: value.value,
      method: value.method ?? null,
      revision: value.revision ?? null,
    })),
  remove: (objects, context) =>
    removeKeyed(objects, context, observationTable, ({ value }) => ({
      rf_indicator_id: context.bundle.idOf(value.resultIndicator),
      org_unit_id: context.bundle.idOf(value.orgUnit),
      year: value.year,
      sex: value.sex,
      source: value.source,
    })),
};
