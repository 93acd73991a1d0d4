// The analytics response, shaped as DHIS2's (docs.dhis2.org, Web API → Analytics → "Response
// formats"): `headers` (one per dimension, then `value`), `rows` of strings, `metaData` with
// the name of every item and the item ids of every dimension, `width` and `height`. CSV is
// the same table with the header names on the first line.
import type { CsvValue } from '../csv/csvWriter.ts';
import { translate, type Language } from '../i18n.ts';
import type { DimensionName } from './request.ts';

export interface AnalyticsTable {
  /** The row dimensions, in request order. */
  columns: DimensionName[];
  /** Item ids of the row dimensions, then the value as text. */
  rows: string[][];
  /** Display name of every item id, dimension names included. */
  items: Record<string, string>;
  /** Item ids of every dimension and filter. */
  dimensions: Partial<Record<DimensionName, string[]>>;
}

export interface AnalyticsHeader {
  name: string;
  column: string;
  valueType: 'TEXT' | 'NUMBER';
  type: 'java.lang.String' | 'java.lang.Double';
  hidden: false;
  meta: boolean;
}

export interface AnalyticsResponse {
  headers: AnalyticsHeader[];
  metaData?: { items: Record<string, { name: string }>; dimensions: Partial<Record<DimensionName, string[]>> };
  rows: string[][];
  width: number;
  height: number;
  headerWidth: number;
}

/** The column label of a dimension or of `value`, in the user's language. */
export const columnLabel = (name: DimensionName | 'value', language: Language) => translate(`analytics.column.${name}`, language);

export function analyticsResponse(table: AnalyticsTable, language: Language, skipMeta: boolean): AnalyticsResponse {
  const headers: AnalyticsHeader[] = [
    ...table.columns.map((name) => ({
      name,
      column: columnLabel(name, language),
      valueType: 'TEXT' as const,
      type: 'java.lang.String' as const,
      hidden: false as const,
      meta: true,
    })),
    { name: 'value', column: columnLabel('value', language), valueType: 'NUMBER', type: 'java.lang.Double', hidden: false, meta: false },
  ];
  const metaData = {
    items: Object.fromEntries(Object.entries(table.items).map(([id, name]) => [id, { name }])),
    dimensions: table.dimensions,
  };
  return {
    headers,
    ...(skipMeta ? {} : { metaData }),
    rows: table.rows,
    width: headers.length,
    height: table.rows.length,
    headerWidth: headers.length,
  };
}

/** CSV records: the header names (dx, pe, ou, co, value), then the rows. */
export function analyticsCsvRecords(table: AnalyticsTable): CsvValue[][] {
  return [[...table.columns, 'value'], ...table.rows];
}
