// The metadata an analytics query or a validation run needs, loaded once: the data elements and
// indicators asked for, everything their expressions refer to (data elements, option combos,
// constants, other indicators through N{}, org unit groups through OUG{}), and the category
// option combos of those data elements. Lookups accept a code or a UID, as requests do.
//
// Population in expressions: `#{POPULATION}`, `#{POPULATION.<ageGroup>}` and
// `#{POPULATION.<ageGroup>.<sex>}` read the population table (age group `total` and sex `T`
// by default; sex F, M or T), written in DHIS2's data-element syntax so that the expression
// parser and DHIS2 tools read them as ordinary items. POPULATION is therefore a reserved data
// element code.
import { aggregationTypeOf, type AggregationType } from '../../core/analytics/aggregation.ts';
import type { DataItem } from '../../core/analytics/request.ts';
import { itemsOf, type DataItemRef, type Expression } from '../../core/expression/ast.ts';
import { parseExpression } from '../../core/expression/parseExpression.ts';
import { DenwError } from '../../core/errors.ts';
import type { Queryable } from './snapshot.ts';

export const POPULATION_ITEM = 'POPULATION';

export interface Named {
  id: number;
  uid: string;
  code: string | null;
  name: string;
  nameEn: string | null;
  shortName: string | null;
}

export interface DataElementInfo extends Named {
  aggregationType: AggregationType;
  /** False for text-like value types, which are never aggregated. */
  numeric: boolean;
  categoryComboId: number;
}

export interface IndicatorInfo extends Named {
  numerator: Expression;
  denominator: Expression;
  factor: number;
  annualized: boolean;
  decimals: number | null;
}

/** Value types whose values analytics adds up (DHIS2 ValueType.isNumeric, plus booleans as 1/0). */
const NUMERIC_VALUE_TYPES = new Set([
  'NUMBER', 'INTEGER', 'INTEGER_POSITIVE', 'INTEGER_NEGATIVE', 'INTEGER_ZERO_OR_POSITIVE', 'PERCENTAGE', 'UNIT_INTERVAL', 'BOOLEAN', 'TRUE_ONLY',
]);
/** N{} chains longer than this are taken for a cycle. */
const MAX_INDICATOR_DEPTH = 10;

const namedColumns = `id, uid, code, name, name_en AS "nameEn", short_name AS "shortName"`;

type Row<T> = T & { uid: string; code: string | null };
const byIdOrCode = <T extends { uid: string; code: string | null }>(rows: readonly T[]) => {
  const map = new Map<string, T>();
  for (const row of rows) {
    map.set(row.uid, row);
    if (row.code !== null) map.set(row.code, row);
  }
  return map;
};

export class DataItemCatalog {
  private readonly dataElements: Map<string, DataElementInfo>;
  private readonly indicators: Map<string, IndicatorInfo>;
  private readonly constants: Map<string, { value: number; uid: string; code: string | null }>;
  private readonly groups: Map<string, Row<{ id: number }>>;
  private readonly combos: readonly (Named & { categoryComboId: number })[];

  constructor(parts: {
    dataElements: DataElementInfo[];
    indicators: IndicatorInfo[];
    constants: Row<{ value: number }>[];
    groups: Row<{ id: number }>[];
    combos: (Named & { categoryComboId: number })[];
  }) {
    this.dataElements = byIdOrCode(parts.dataElements);
    this.indicators = byIdOrCode(parts.indicators);
    this.constants = byIdOrCode(parts.constants);
    this.groups = byIdOrCode(parts.groups);
    this.combos = parts.combos;
  }

  dataElement = (idOrCode: string) => this.dataElements.get(idOrCode);
  indicator = (idOrCode: string) => this.indicators.get(idOrCode);
  constant = (idOrCode: string) => this.constants.get(idOrCode)?.value;
  orgUnitGroupId = (idOrCode: string) => this.groups.get(idOrCode)?.id;
  comboById = (id: number) => this.combos.find((combo) => combo.id === id);

  /** Combos with this code or UID: the data element's own first, any other otherwise. */
  categoryOptionCombos(dataElement: DataElementInfo | undefined, idOrCode: string): (Named & { categoryComboId: number })[] {
    const matching = this.combos.filter((combo) => combo.uid === idOrCode || combo.code === idOrCode);
    const own = matching.filter((combo) => combo.categoryComboId === dataElement?.categoryComboId);
    return own.length > 0 ? own : matching;
  }

  categoryOptionCombo = (dataElement: DataElementInfo, idOrCode: string) => this.categoryOptionCombos(dataElement, idOrCode)[0];
  anyCategoryOptionCombo = (idOrCode: string) => this.categoryOptionCombos(undefined, idOrCode)[0];
}

const parseSide = (indicator: string, side: 'numerator' | 'denominator', text: string): Expression => {
  try {
    return parseExpression(text);
  } catch (error) {
    if (!(error instanceof DenwError)) throw error;
    throw new DenwError('ANALYTICS_INDICATOR_EXPRESSION_INVALID', { indicator, side: `@term.${side}` }, undefined, error);
  }
};

/** Every data item referred to by expressions, the population items left out. */
export function expressionDataItems(expressions: readonly Expression[]): DataItemRef[] {
  return expressions.flatMap((e) => itemsOf(e).dataItems).filter((item) => item.dataElement !== POPULATION_ITEM);
}

export async function loadDataItems(
  db: Queryable,
  wanted: { dataItems: readonly DataItem[]; categoryOptionCombos?: readonly string[]; expressions?: readonly Expression[] },
): Promise<DataItemCatalog> {
  // A query for an empty list of identifiers finds nothing: not sent.
  const query = async <T>(text: string, values: unknown[]) =>
    values.every((v) => Array.isArray(v) && v.length === 0) ? [] : ((await db.query(text, values)).rows as T[]);
  const ids = [...new Set(wanted.dataItems.map((item) => item.id))];

  const indicators: IndicatorInfo[] = [];
  let pending = ids;
  for (let depth = 0; pending.length > 0; depth++) {
    if (depth > MAX_INDICATOR_DEPTH) throw new DenwError('ANALYTICS_INDICATOR_CYCLE', { indicators: pending.join(', ') });
    const rows = await query<Named & { numerator: string; denominator: string; factor: number; annualized: boolean; decimals: number | null }>(
      `SELECT i.id, i.uid, i.code, i.name, i.name_en AS "nameEn", i.short_name AS "shortName", i.numerator, i.denominator,
              t.factor, i.annualized, i.decimals
       FROM indicator i JOIN indicator_type t ON t.id = i.indicator_type_id WHERE i.code = ANY($1) OR i.uid = ANY($1)`,
      [pending],
    );
    const fresh = rows
      .filter((row) => !indicators.some((known) => known.id === row.id))
      .map((row) => ({
        ...row,
        numerator: parseSide(row.code ?? row.uid, 'numerator', row.numerator),
        denominator: parseSide(row.code ?? row.uid, 'denominator', row.denominator),
      }));
    indicators.push(...fresh);
    pending = fresh.flatMap((i) => [...itemsOf(i.numerator).indicators, ...itemsOf(i.denominator).indicators]);
  }

  const expressions = [...(wanted.expressions ?? []), ...indicators.flatMap((i) => [i.numerator, i.denominator])];
  const items = expressions.map((e) => itemsOf(e));
  const referenced = expressionDataItems(expressions);
  const dataElementIds = [...new Set([...ids, ...referenced.map((item) => item.dataElement)])];
  const dataElements = (
    await query<Named & { aggregationType: string; valueType: string; categoryComboId: number }>(
      `SELECT ${namedColumns}, aggregation_type AS "aggregationType", value_type AS "valueType", category_combo_id AS "categoryComboId"
       FROM data_element WHERE code = ANY($1) OR uid = ANY($1)`,
      [dataElementIds],
    )
  ).map(({ aggregationType, valueType, ...row }) => ({
    ...row,
    aggregationType: aggregationTypeOf(aggregationType, row.code ?? row.uid),
    numeric: NUMERIC_VALUE_TYPES.has(valueType),
  }));
  const comboIds = [
    ...wanted.dataItems.flatMap((item) => (item.categoryOptionCombo ? [item.categoryOptionCombo] : [])),
    ...(wanted.categoryOptionCombos ?? []),
    ...referenced.flatMap((item) => [item.categoryOptionCombo, item.attributeOptionCombo].filter((c): c is string => c !== undefined)),
  ];
  const combos = await query<Named & { categoryComboId: number }>(
    `SELECT id, uid, code, name, name_en AS "nameEn", NULL AS "shortName", category_combo_id AS "categoryComboId" FROM category_option_combo
     WHERE category_combo_id = ANY($1) OR code = ANY($2) OR uid = ANY($2) ORDER BY id`,
    [[...new Set(dataElements.map((de) => de.categoryComboId))], comboIds],
  );
  const constantIds = items.flatMap((i) => i.constants);
  const constants = await query<Row<{ value: number }>>('SELECT uid, code, value FROM constant WHERE code = ANY($1) OR uid = ANY($1)', [constantIds]);
  const groupIds = items.flatMap((i) => i.orgUnitGroups);
  const groups = await query<Row<{ id: number }>>('SELECT id, uid, code FROM org_unit_group WHERE code = ANY($1) OR uid = ANY($1)', [groupIds]);

  const catalog = new DataItemCatalog({ dataElements, indicators, constants, groups, combos });
  checkReferences(catalog, indicators);
  return catalog;
}

/** The references of these expressions the catalog does not know, as written (`#{X}`, `C{Y}` …). */
export function unknownReferences(catalog: DataItemCatalog, expressions: readonly Expression[]): string[] {
  const items = expressions.map((e) => itemsOf(e));
  return [
    ...items.flatMap((i) => i.dataItems).filter((d) => d.dataElement !== POPULATION_ITEM && !catalog.dataElement(d.dataElement)).map((d) => `#{${d.dataElement}}`),
    ...items.flatMap((i) => i.indicators).filter((id) => !catalog.indicator(id)).map((id) => `N{${id}}`),
    ...items.flatMap((i) => i.constants).filter((id) => catalog.constant(id) === undefined).map((id) => `C{${id}}`),
    ...items.flatMap((i) => i.orgUnitGroups).filter((id) => catalog.orgUnitGroupId(id) === undefined).map((id) => `OUG{${id}}`),
  ];
}

/** An indicator that names something unknown cannot be computed: say which and where. */
function checkReferences(catalog: DataItemCatalog, indicators: readonly IndicatorInfo[]): void {
  for (const indicator of indicators) {
    const unknown = unknownReferences(catalog, [indicator.numerator, indicator.denominator]);
    if (unknown.length > 0) {
      throw new DenwError('ANALYTICS_INDICATOR_REFERENCE_UNKNOWN', { indicator: indicator.code ?? indicator.uid, references: unknown.join(', ') });
    }
  }
}
