// Export of indicator types, indicators, constants and validation rules.
import { attributeValues, compact, identified, type ExportContext, type IdentifiedRow } from './exportContext.ts';

type Named = IdentifiedRow & { short_name: string | null; description: string | null };

export async function exportIndicatorTypes(context: ExportContext) {
  const rows = await context.rows<IdentifiedRow & { factor: number; number: boolean }>('SELECT * FROM indicator_type ORDER BY uid COLLATE "C"');
  return rows.map((row) => ({ ...identified(row), factor: row.factor, number: row.number }));
}

export async function exportIndicators(context: ExportContext) {
  const rows = await context.rows<
    Named & {
      indicator_type_id: number;
      numerator: string;
      numerator_description: string | null;
      denominator: string;
      denominator_description: string | null;
      decimals: number | null;
      annualized: boolean;
      attributes: Record<string, string>;
    }
  >('SELECT * FROM indicator ORDER BY uid COLLATE "C"');
  return Promise.all(
    rows.map(async (row) =>
      compact({
        ...identified(row),
        shortName: row.short_name,
        description: row.description,
        indicatorType: await context.ref('indicator_type', row.indicator_type_id),
        numerator: row.numerator,
        numeratorDescription: row.numerator_description,
        denominator: row.denominator,
        denominatorDescription: row.denominator_description,
        decimals: row.decimals,
        annualized: row.annualized,
        attributeValues: attributeValues(row.attributes),
      }),
    ),
  );
}

export async function exportConstants(context: ExportContext) {
  const rows = await context.rows<Named & { value: number }>('SELECT * FROM constant ORDER BY uid COLLATE "C"');
  return rows.map((row) => compact({ ...identified(row), shortName: row.short_name, description: row.description, value: row.value }));
}

export async function exportValidationRules(context: ExportContext) {
  const rows = await context.rows<
    IdentifiedRow & {
      description: string | null;
      instruction: string | null;
      importance: string;
      operator: string;
      left_expression: string;
      left_description: string | null;
      left_missing_value_strategy: string;
      right_expression: string;
      right_description: string | null;
      right_missing_value_strategy: string;
      period_type: string;
      organisation_unit_levels: number[];
    }
  >('SELECT * FROM validation_rule ORDER BY uid COLLATE "C"');
  return rows.map((row) =>
    compact({
      ...identified(row),
      description: row.description,
      instruction: row.instruction,
      importance: row.importance,
      operator: row.operator,
      periodType: row.period_type,
      leftSide: compact({ expression: row.left_expression, description: row.left_description, missingValueStrategy: row.left_missing_value_strategy }),
      rightSide: compact({ expression: row.right_expression, description: row.right_description, missingValueStrategy: row.right_missing_value_strategy }),
      organisationUnitLevels: row.organisation_unit_levels,
    }),
  );
}
