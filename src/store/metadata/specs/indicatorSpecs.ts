// Import of indicator types, indicators, constants and validation rules.
import { attributeValuesJson, identifiedColumns, identifiedRow, shortNamedRow } from '../fields.ts';
import { upsertRows } from '../writeRows.ts';
import { attributeUses, refUse, type CollectionSpec } from './spec.ts';

const shortNamedColumns = { ...identifiedColumns, short_name: 'text', description: 'text' } as const;

export const indicatorTypeSpec: CollectionSpec<'indicatorTypes'> = {
  collection: 'indicatorTypes',
  table: 'indicator_type',
  refs: () => [],
  async write(objects, { client }) {
    const rows = objects.map((object) => ({ ...identifiedRow(object, object.value), factor: object.value.factor, number: object.value.number }));
    await upsertRows(client, 'indicator_type', { ...identifiedColumns, factor: 'int', number: 'bool' }, rows, ['id']);
  },
};

export const indicatorSpec: CollectionSpec<'indicators'> = {
  collection: 'indicators',
  table: 'indicator',
  refs: (object) => [...refUse('indicatorType', 'indicatorTypes', object.value.indicatorType), ...attributeUses(object.value.attributeValues)],
  async write(objects, { client, bundle }) {
    const rows = objects.map((object) => {
      const { value } = object;
      return {
        ...shortNamedRow(object, value),
        indicator_type_id: bundle.idOf(value.indicatorType),
        numerator: value.numerator,
        numerator_description: value.numeratorDescription ?? null,
        denominator: value.denominator,
        denominator_description: value.denominatorDescription ?? null,
        decimals: value.decimals ?? null,
        annualized: value.annualized,
        attributes: attributeValuesJson(bundle, value.attributeValues),
      };
    });
    const columns = {
      ...shortNamedColumns,
      indicator_type_id: 'int',
      numerator: 'text',
      numerator_description: 'text',
      denominator: 'text',
      denominator_description: 'text',
      decimals: 'int',
      annualized: 'bool',
      attributes: 'jsonb',
    } as const;
    await upsertRows(client, 'indicator', columns, rows, ['id']);
  },
};

export const constantSpec: CollectionSpec<'constants'> = {
  collection: 'constants',
  table: 'constant',
  refs: () => [],
  async write(objects, { client }) {
    const rows = objects.map((object) => ({ ...shortNamedRow(object, object.value), value: object.value.value }));
    await upsertRows(client, 'constant', { ...shortNamedColumns, value: 'float8' }, rows, ['id']);
  },
};

export const validationRuleSpec: CollectionSpec<'validationRules'> = {
  collection: 'validationRules',
  table: 'validation_rule',
  refs: () => [],
  async write(objects, { client }) {
    const rows = objects.map((object) => {
      const { value } = object;
      return {
        ...identifiedRow(object, value),
        description: value.description ?? null,
        instruction: value.instruction ?? null,
        importance: value.importance,
        operator: value.operator,
        left_expression: value.leftSide.expression,
        left_description: value.leftSide.description ?? null,
        left_missing_value_strategy: value.leftSide.missingValueStrategy,
        right_expression: value.rightSide.expression,
        right_description: value.rightSide.description ?? null,
        right_missing_value_strategy: value.rightSide.missingValueStrategy,
        period_type: value.periodType,
        organisation_unit_levels: value.organisationUnitLevels,
      };
    });
    const columns = {
      ...identifiedColumns,
      description: 'text',
      instruction: 'text',
      importance: 'text',
      operator: 'text',
      left_expression: 'text',
      left_description: 'text',
      left_missing_value_strategy: 'text',
      right_expression: 'text',
      right_description: 'text',
      right_missing_value_strategy: 'text',
      period_type: 'text',
      organisation_unit_levels: 'int[]',
    } as const;
    await upsertRows(client, 'validation_rule', columns, rows, ['id']);
  },
};
