// Turns analytics records into a pivot table: row keys × column keys → value. Rows may
// combine several dimensions; columns take one. Pure, so the table, the chart and the CSV
// export all read the same cells.
import type { AnalyticsRecord } from '../../app/analytics.ts';

export type Dimension = 'dx' | 'pe' | 'ou';

export interface Pivot {
  rowDimensions: Dimension[];
  columnDimension: Dimension;
  rowKeys: string[][];
  columnKeys: string[];
  cell(rowKey: string[], columnKey: string): number | undefined;
}

function ordered(values: string[], order: string[] | undefined): string[] {
  const unique = [...new Set(values)];
  if (!order) return unique.sort();
  return [...order.filter((item) => unique.includes(item)), ...unique.filter((item) => !order.includes(item)).sort()];
}

export function buildPivot(
  records: AnalyticsRecord[],
  rowDimensions: Dimension[],
  columnDimension: Dimension,
  orders: Partial<Record<Dimension, string[]>> = {},
): Pivot {
  const cells = new Map<string, number>();
  const rowSeen = new Map<string, string[]>();
  for (const record of records) {
    const rowKey = rowDimensions.map((dimension) => String(record[dimension] ?? ''));
    const id = JSON.stringify(rowKey);
    rowSeen.set(id, rowKey);
    cells.set(`${id}|${String(record[columnDimension] ?? '')}`, record.value);
  }
  const rowKeys = [...rowSeen.values()].sort((a, b) => {
    for (let i = 0; i < rowDimensions.length; i++) {
      const order = orders[rowDimensions[i]!];
      const [x, y] = [a[i]!, b[i]!];
      const difference = order ? order.indexOf(x) - order.indexOf(y) : x.localeCompare(y);
      if (difference !== 0) return difference;
    }
    return 0;
  });
  return {
    rowDimensions,
    columnDimension,
    rowKeys,
    columnKeys: ordered(records.map((record) => String(record[columnDimension] ?? '')), orders[columnDimension]),
    cell: (rowKey, columnKey) => cells.get(`${JSON.stringify(rowKey)}|${columnKey}`),
  };
}

/** RFC 4180 CSV of the pivot as shown: header names already translated, numbers unformatted. */
export function pivotCsv(pivot: Pivot, names: (item: string) => string, dimensionLabels: Record<Dimension, string>): string {
  const quote = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const header = [...pivot.rowDimensions.map((d) => dimensionLabels[d]), ...pivot.columnKeys.map(names)];
  const lines = [header.map(quote).join(',')];
  for (const rowKey of pivot.rowKeys) {
    const values = pivot.columnKeys.map((column) => {
      const value = pivot.cell(rowKey, column);
      return value === undefined ? '' : String(value);
    });
    lines.push([...rowKey.map(names), ...values].map(quote).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
