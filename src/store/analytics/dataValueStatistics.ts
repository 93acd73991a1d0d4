// The statistics of data values (sum, count, Σ value × days, min, max) per data element,
// category option combo, attribute option combo, org unit and period cell — what
// core/analytics/aggregation.ts turns into each aggregation type's value. Each statistics
// source reads the cheapest place that is still exact:
// - sums: the trigger-maintained aggregated_data_value rows of the org unit (its whole
//   subtree below it) plus its own data_value rows, per stored period;
// - values: the data_value rows of the subtree (MIN, MAX);
// - lastValues: the latest data_value of each org unit of the subtree in the cell's window;
// - storedValue: the data_value stored at exactly the org unit and period (NONE, text).
// Stored periods reach the requested ones by DHIS2's rollup rule (core/analytics/periodCells).
import {
  combineStatistics,
  lastValueWindow,
  noValues,
  periodStatistics,
  statisticsSource,
  type StatisticsSource,
  type ValueStatistics,
} from '../../core/analytics/aggregation.ts';
import { cellsOfDataPeriods, storedPeriodRange, type PeriodCell } from '../../core/analytics/periodCells.ts';
import { daysInPeriod, parsePeriod, type Period } from '../../core/periods/periods.ts';
import type { Queryable } from './snapshot.ts';
import type { DataElementInfo } from './dataItemCatalog.ts';
import type { OrgUnitInfo } from './orgUnitSelection.ts';

/** The values of one data element in one category option combo and attribute option combo. */
export interface ComboStatistics {
  categoryOptionComboId: number;
  attributeOptionComboId: number;
  statistics: ValueStatistics;
  /** NONE and text data elements: the stored value as entered. */
  text?: string;
}

/** Statistics by `${dataElementId}:${orgUnitId}:${cellIndex}`. */
export type StatisticsTable = Map<string, ComboStatistics[]>;
export const statisticsKey = (dataElementId: number, orgUnitId: number, cell: number) => `${dataElementId}:${orgUnitId}:${cell}`;

function sourceOfDataElement(dataElement: DataElementInfo): StatisticsSource {
  return dataElement.numeric ? statisticsSource(dataElement.aggregationType) : 'storedValue';
}

interface StatisticsRow {
  de: number;
  coc: number;
  aoc: number;
  ou: number;
  pe: number;
  sum: number;
  count: number;
  min: number | null;
  max: number | null;
  text: string | null;
}

function add(table: StatisticsTable, row: StatisticsRow, cell: number, statistics: ValueStatistics): void {
  const key = statisticsKey(row.de, row.ou, cell);
  const list = table.get(key) ?? [];
  const same = list.find((c) => c.categoryOptionComboId === row.coc && c.attributeOptionComboId === row.aoc);
  if (same) same.statistics = combineStatistics(same.statistics, statistics);
  else list.push({ categoryOptionComboId: row.coc, attributeOptionComboId: row.aoc, statistics, ...(row.text !== null ? { text: row.text } : {}) });
  table.set(key, list);
}

// Selects the target org units (id, level) of a query; a data_value row is in the subtree of
// target t when its unit's ancestor at t's level is t.
const TARGETS = 'unnest($2::int[], $3::int[]) AS t(id, level)';

const SUMS = `
  SELECT s.data_element_id AS de, s.category_option_combo_id AS coc, s.attribute_option_combo_id AS aoc,
         s.org_unit_id AS ou, s.period_id AS pe, sum(s.value_sum)::float8 AS sum, sum(s.value_count)::int AS count,
         NULL::float8 AS min, NULL::float8 AS max, NULL::text AS text
  FROM (
    SELECT data_element_id, category_option_combo_id, attribute_option_combo_id, org_unit_id, period_id, value_sum, value_count
    FROM aggregated_data_value
    WHERE data_element_id = ANY($1) AND org_unit_id = ANY($2) AND period_id = ANY($3)
    UNION ALL
    SELECT data_element_id, category_option_combo_id, attribute_option_combo_id, org_unit_id, period_id, numeric_value::numeric, 1
    FROM data_value
    WHERE data_element_id = ANY($1) AND org_unit_id = ANY($2) AND period_id = ANY($3) AND numeric_value IS NOT NULL
  ) s
  GROUP BY 1, 2, 3, 4, 5`;

const VALUES = `
  SELECT dv.data_element_id AS de, dv.category_option_combo_id AS coc, dv.attribute_option_combo_id AS aoc,
         t.id AS ou, dv.period_id AS pe, sum(dv.numeric_value) AS sum, count(*)::int AS count,
         min(dv.numeric_value) AS min, max(dv.numeric_value) AS max, NULL::text AS text
  FROM ${TARGETS}
  JOIN org_unit u ON u.ancestor_ids[t.level] = t.id
  JOIN data_value dv ON dv.org_unit_id = u.id
  WHERE dv.data_element_id = ANY($1) AND dv.period_id = ANY($4) AND dv.numeric_value IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5`;

// One window per (cell, data element): w.pe carries the cell index. DHIS2 ranks by the end of
// the period, then its start, latest first (getFirstOrLastValueSubquerySql).
const LAST_VALUES = `
  SELECT l.de, l.coc, l.aoc, l.ou, l.pe, sum(l.value) AS sum, count(*)::int AS count,
         NULL::float8 AS min, NULL::float8 AS max, NULL::text AS text
  FROM (
    SELECT DISTINCT ON (w.cell, t.id, dv.data_element_id, dv.org_unit_id, dv.category_option_combo_id, dv.attribute_option_combo_id)
           w.cell AS pe, t.id AS ou, dv.data_element_id AS de, dv.category_option_combo_id AS coc,
           dv.attribute_option_combo_id AS aoc, dv.numeric_value AS value
    FROM unnest($1::int[], $4::int[], $5::date[], $6::date[]) AS w(de, cell, first_start, last_start)
    JOIN period p ON p.start_date BETWEEN w.first_start AND w.last_start
    JOIN data_value dv ON dv.period_id = p.id AND dv.data_element_id = w.de AND dv.numeric_value IS NOT NULL
    JOIN org_unit u ON u.id = dv.org_unit_id
    JOIN ${TARGETS} ON u.ancestor_ids[t.level] = t.id
    ORDER BY w.cell, t.id, dv.data_element_id, dv.org_unit_id, dv.category_option_combo_id, dv.attribute_option_combo_id,
             p.end_date DESC, p.start_date DESC
  ) l
  GROUP BY 1, 2, 3, 4, 5`;

const STORED_VALUES = `
  SELECT dv.data_element_id AS de, dv.category_option_combo_id AS coc, dv.attribute_option_combo_id AS aoc,
         dv.org_unit_id AS ou, dv.period_id AS pe, coalesce(dv.numeric_value, 0) AS sum, 1 AS count,
         dv.numeric_value AS min, dv.numeric_value AS max, dv.value AS text
  FROM data_value dv
  WHERE dv.data_element_id = ANY($1) AND dv.org_unit_id = ANY($2) AND dv.period_id = ANY($3)`;

async function storedPeriods(db: Queryable, cells: readonly PeriodCell[]): Promise<Map<number, Period>> {
  const range = storedPeriodRange(cells);
  const { rows } = await db.query<{ id: number; iso: string }>(
    'SELECT id, iso FROM period WHERE start_date BETWEEN $1 AND $2',
    [range.from, range.to],
  );
  return new Map(rows.map((row) => [row.id, parsePeriod(row.iso)]));
}

/** Fetches the statistics of `dataElements` for every target org unit and period cell. */
export async function fetchStatistics(
  db: Queryable,
  query: { dataElements: readonly DataElementInfo[]; targets: readonly OrgUnitInfo[]; cells: readonly PeriodCell[] },
): Promise<StatisticsTable> {
  const table: StatisticsTable = new Map();
  const { targets, cells } = query;
  if (query.dataElements.length === 0 || targets.length === 0 || cells.length === 0) return table;
  const bySource = (source: StatisticsSource) => query.dataElements.filter((de) => sourceOfDataElement(de) === source);
  const targetIds = targets.map((t) => t.id);
  const targetLevels = targets.map((t) => t.level);

  const periods = await storedPeriods(db, cells);
  const cellsOfPeriod = cellsOfDataPeriods([...periods.values()], cells);
  const periodIds = [...periods].filter(([, period]) => cellsOfPeriod.has(period.id)).map(([id]) => id);
  const byPeriod = async (sql: string, dataElements: readonly DataElementInfo[]) => {
    if (dataElements.length === 0 || periodIds.length === 0) return;
    const ids = dataElements.map((de) => de.id);
    const parameters = sql === SUMS ? [ids, targetIds, periodIds] : [ids, targetIds, targetLevels, periodIds];
    const { rows } = await db.query<StatisticsRow>(sql, parameters);
    for (const row of rows) {
      const period = periods.get(row.pe)!;
      const statistics = periodStatistics(row.sum, row.count, daysInPeriod(period), row.min ?? Number.NaN, row.max ?? Number.NaN);
      for (const cell of cellsOfPeriod.get(period.id) ?? []) add(table, row, cell, statistics);
    }
  };
  await byPeriod(SUMS, bySource('sums'));
  await byPeriod(VALUES, bySource('values'));

  const last = bySource('lastValues');
  if (last.length > 0) {
    const windows = cells.flatMap((cell, index) => last.map((de) => ({ de: de.id, cell: index, ...lastValueWindow(de.aggregationType, cell.periods) })));
    const { rows } = await db.query<StatisticsRow>(LAST_VALUES, [
      windows.map((w) => w.de), targetIds, targetLevels, windows.map((w) => w.cell), windows.map((w) => w.from), windows.map((w) => w.to),
    ]);
    for (const row of rows) add(table, row, row.pe, periodStatistics(row.sum, row.count, 0));
  }

  // NONE: only a cell of exactly one period can hold "the" stored value.
  const stored = bySource('storedValue');
  const single = new Map(cells.flatMap((cell, index) => (cell.periods.length === 1 ? [[cell.periods[0]!.id, index] as const] : [])));
  const singleIds = [...periods].filter(([, period]) => single.has(period.id)).map(([id]) => id);
  if (stored.length > 0 && singleIds.length > 0) {
    const { rows } = await db.query<StatisticsRow>(STORED_VALUES, [stored.map((de) => de.id), targetIds, singleIds]);
    for (const row of rows) {
      const statistics = { ...noValues, sum: row.sum, count: 1, min: row.min ?? noValues.min, max: row.max ?? noValues.max };
      const cell = single.get(periods.get(row.pe)!.id)!;
      const key = statisticsKey(row.de, row.ou, cell);
      table.set(key, [...(table.get(key) ?? []), { categoryOptionComboId: row.coc, attributeOptionComboId: row.aoc, statistics, ...(row.text !== null ? { text: row.text } : {}) }]);
    }
  }
  return table;
}
