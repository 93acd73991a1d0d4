// Individual records (doses given, growth measurements …) rolled up into the aggregate data
// values of a data set, in the same transaction as the record, so that the statement-level
// triggers of migration 010 carry them into every ancestor's totals at once: a dose recorded is
// in the national monthly total when its transaction commits.
//
// A record contributes +1 (or -1 when removed or no longer counted) to one cell: data element
// × period × org unit × category option combo, by code. The cell holds the registry's count
// (data_value.source = 'registry'); a count back to zero removes the row, as DHIS2 stores no
// insignificant zero.
//
// No double counting: each data set's figures at an org unit come either from its form (the
// monthly report, the default) or from the registry, from a period on (table
// data_set_source, migration 041). A delta for a cell whose data set takes its figures from
// the form is dropped; the form's import refuses values where the registry is the source
// (formValuesRefused). Switching the source (switchDataSetSource) moves the figures of the
// periods from the switch on in the same transaction.
//
// Not written: data_value_audit rows — the individual records, with their creator and time,
// are the audit trail of a registry count.
import type pg from 'pg';
import { DenwError } from '../../core/errors.ts';
import { parsePeriod, periodOf } from '../../core/periods/periods.ts';
import type { PeriodTypeName } from '../../core/periods/periodTypes.ts';
import { registerPeriods } from '../dataValues/dataValueMerge.ts';

export const registrySource = 'registry';

type Client = Pick<pg.ClientBase, 'query'>;

/** A change of one aggregate cell, everything by code except the org unit. */
export interface RollupDelta {
  dataElement: string;
  /** DHIS2 ISO period of the data set's period type (`202405` for a monthly data set). */
  period: string;
  orgUnitId: number;
  categoryOptionCombo: string;
  delta: number;
}

/** Whether the data set takes its figures from the registry at `orgUnitId` in the period starting on `periodStart`. */
const registryIsSource = (dataSetId: string, orgUnitId: string, periodStart: string) => `
  (SELECT dss.source FROM data_set_source dss
   WHERE dss.data_set_id = ${dataSetId} AND dss.org_unit_id = ${orgUnitId} AND dss.starts <= ${periodStart}
   ORDER BY dss.starts DESC LIMIT 1) = '${registrySource}'`;

/**
 * Adds the deltas to the registry's cells of data set `dataSet` (by code), inside the caller's
 * transaction. Deltas of cells whose source is the form are dropped. Returns the number of
 * cells changed.
 */
export async function applyRollup(client: Client, dataSet: string, deltas: readonly RollupDelta[], storedBy: string | null): Promise<number> {
  if (deltas.length === 0) return 0;
  // One row per cell, in key order: concurrent writers take the row locks in the same order.
  const summed = new Map<string, RollupDelta>();
  for (const delta of deltas) {
    const key = `${delta.dataElement}\u0000${delta.period}\u0000${delta.orgUnitId}\u0000${delta.categoryOptionCombo}`;
    const cell = summed.get(key);
    if (cell) cell.delta += delta.delta;
    else summed.set(key, { ...delta });
  }
  const cells = [...summed.values()].filter((cell) => cell.delta !== 0);
  if (cells.length === 0) return 0;
  await registerPeriods(client, new Set(cells.map((cell) => parsePeriod(cell.period))));
  const parameters = [
    dataSet,
    cells.map((cell) => cell.dataElement),
    cells.map((cell) => cell.period),
    cells.map((cell) => cell.orgUnitId),
    cells.map((cell) => cell.categoryOptionCombo),
    cells.map((cell) => cell.delta),
    storedBy,
  ];
  const resolved = `
    SELECT de.id AS data_element_id, p.id AS period_id, d.org_unit_id, coc.id AS coc_id, d.delta
    FROM unnest($2::text[], $3::text[], $4::int[], $5::text[], $6::float8[]) AS d(data_element, period, org_unit_id, coc, delta)
    JOIN data_set ds ON ds.code = $1
    JOIN data_element de ON de.code = d.data_element
    JOIN data_set_element dse ON dse.data_set_id = ds.id AND dse.data_element_id = de.id
    JOIN period p ON p.iso = d.period
    JOIN category_option_combo coc ON coc.code = d.coc
      AND coc.category_combo_id = coalesce(dse.category_combo_id, de.category_combo_id)
    WHERE ${registryIsSource('ds.id', 'd.org_unit_id', 'p.start_date')}`;
  const written = await client.query(
    `INSERT INTO data_value AS v (data_element_id, period_id, org_unit_id, category_option_combo_id, value, numeric_value, stored_by, source)
     SELECT r.data_element_id, r.period_id, r.org_unit_id, r.coc_id, r.delta::text, r.delta, $7, '${registrySource}'
     FROM (${resolved}) r
     ORDER BY 1, 2, 3, 4
     ON CONFLICT (data_element_id, period_id, org_unit_id, category_option_combo_id, attribute_option_combo_id) DO UPDATE
       SET numeric_value = v.numeric_value + excluded.numeric_value,
           value = (v.numeric_value + excluded.numeric_value)::text,
           stored_by = excluded.stored_by, last_updated = now()
     RETURNING data_element_id, period_id, org_unit_id, category_option_combo_id, numeric_value`,
    parameters,
  );
  const emptied = written.rows.filter((row: { numeric_value: number }) => row.numeric_value === 0);
  if (emptied.length > 0) {
    await client.query(
      `DELETE FROM data_value v USING unnest($1::int[], $2::int[], $3::int[], $4::int[]) AS e(de, pe, ou, coc)
       WHERE v.data_element_id = e.de AND v.period_id = e.pe AND v.org_unit_id = e.ou AND v.category_option_combo_id = e.coc
         AND v.attribute_option_combo_id = 1 AND v.numeric_value = 0`,
      ['data_element_id', 'period_id', 'org_unit_id', 'category_option_combo_id'].map((column) => emptied.map((row: Record<string, number>) => row[column])),
    );
  }
  return written.rowCount ?? 0;
}

export type DataSetSourceKind = 'form' | 'registry';

export interface SourceSwitch {
  dataSet: string;
  orgUnitId: number;
  /** Any date of the first period the new source applies to. */
  from: string;
  source: DataSetSourceKind;
  changedBy: string | null;
}

/**
 * Makes `source` the source of a data set's figures at an org unit from the period containing
 * `from` on (replacing any later choice), inside the caller's transaction:
 * - to the registry: refused (DATA_SET_SOURCE_FORM_VALUES) while the form has values in those
 *   periods — deleting a facility's report is a decision for a person, not a side effect;
 *   then the registry's counts of those periods are written (`contributions(firstDay)` lists
 *   them: the records of the org unit dated from that day);
 * - to the form: the registry's counts of those periods are removed; the form is entered or
 *   imported as for any facility.
 */
export async function switchDataSetSource(
  client: Client,
  change: SourceSwitch,
  contributions: (firstDay: string) => Promise<RollupDelta[]>,
): Promise<{ starts: string; removed: number; written: number }> {
  const dataSet = await client.query<{ id: number; period_type: string }>('SELECT id, period_type FROM data_set WHERE code = $1', [change.dataSet]);
  const found = dataSet.rows[0];
  if (!found) throw new DenwError('NOT_FOUND', { path: change.dataSet }, 'dataSet');
  const starts = periodOf(found.period_type as PeriodTypeName, change.from).startDate;
  const inPeriods = `FROM data_value v JOIN period p ON p.id = v.period_id
    JOIN data_set_element dse ON dse.data_element_id = v.data_element_id AND dse.data_set_id = $1
    WHERE v.org_unit_id = $2 AND p.start_date >= $3::date`;
  if (change.source === 'registry') {
    const form = await client.query<{ count: string; first: string }>(
      `SELECT count(*) AS count, min(p.iso) AS first ${inPeriods} AND v.source IS DISTINCT FROM '${registrySource}'`,
      [found.id, change.orgUnitId, starts],
    );
    const count = Number(form.rows[0]!.count);
    if (count > 0) throw new DenwError('DATA_SET_SOURCE_FORM_VALUES', { count, period: form.rows[0]!.first, dataSet: change.dataSet }, 'from');
  }
  const removed = await client.query(
    `DELETE FROM data_value d USING (SELECT v.data_element_id, v.period_id, v.category_option_combo_id, v.attribute_option_combo_id ${inPeriods} AND v.source = '${registrySource}') r
     WHERE d.org_unit_id = $2 AND d.data_element_id = r.data_element_id AND d.period_id = r.period_id
       AND d.category_option_combo_id = r.category_option_combo_id AND d.attribute_option_combo_id = r.attribute_option_combo_id`,
    [found.id, change.orgUnitId, starts],
  );
  await client.query('DELETE FROM data_set_source WHERE data_set_id = $1 AND org_unit_id = $2 AND starts >= $3::date', [found.id, change.orgUnitId, starts]);
  await client.query('INSERT INTO data_set_source (data_set_id, org_unit_id, starts, source, changed_by) VALUES ($1, $2, $3, $4, $5)', [
    found.id,
    change.orgUnitId,
    starts,
    change.source,
    change.changedBy,
  ]);
  const written = change.source === 'registry' ? await applyRollup(client, change.dataSet, await contributions(starts), change.changedBy) : 0;
  return { starts, removed: removed.rowCount ?? 0, written };
}

export interface DataSetSources {
  dataSet: string;
  name: string;
  nameEn: string | null;
  periodType: string;
  /** The choices at the org unit, oldest first; before the first (or with none) the form is the source. */
  sources: Array<{ starts: string; source: DataSetSourceKind; changedBy: string | null }>;
}

/** Where the figures of data sets `dataSets` (codes) come from at an org unit, by period, as switchDataSetSource set them. */
export async function dataSetSources(client: Client, orgUnitId: number, dataSets: readonly string[]): Promise<DataSetSources[]> {
  const { rows } = await client.query<{ code: string; name: string; name_en: string | null; period_type: string; starts: string | null; source: DataSetSourceKind; changed_by: string | null }>(
    `SELECT ds.code, ds.name, ds.name_en, ds.period_type, to_char(s.starts, 'YYYY-MM-DD') AS starts, s.source, s.changed_by
     FROM data_set ds LEFT JOIN data_set_source s ON s.data_set_id = ds.id AND s.org_unit_id = $1
     WHERE ds.code = ANY($2::text[]) ORDER BY ds.code, s.starts`,
    [orgUnitId, [...dataSets]],
  );
  const byCode = new Map<string, DataSetSources>();
  for (const row of rows) {
    const entry = byCode.get(row.code) ?? { dataSet: row.code, name: row.name, nameEn: row.name_en, periodType: row.period_type, sources: [] };
    byCode.set(row.code, entry);
    if (row.starts) entry.sources.push({ starts: row.starts, source: row.source, changedBy: row.changed_by });
  }
  return [...byCode.values()];
}

/**
 * The values staged by the data value import (its temporary table dvs_staging, store/dataValues)
 * that fall where the registry is the source of one of the element's data sets: the monthly
 * form's import refuses them (conflict DATA_SET_SOURCE_IS_REGISTRY) instead of adding a second
 * count to the registry's. `periods` gives the staged periods' start dates.
 */
export async function registrySourcedStaged(
  client: Client,
  periods: Iterable<{ id: string; startDate: string }>,
): Promise<Array<{ index: number; row: number; dataSet: string; orgUnit: string }>> {
  // Most installations count every facility from its form: one cheap test first.
  const { rows: any } = await client.query(`SELECT 1 FROM data_set_source WHERE source = '${registrySource}' LIMIT 1`);
  if (any.length === 0) return [];
  const list = [...periods];
  const { rows } = await client.query<{ index: number; row: number; dataSet: string; orgUnit: string }>(
    `SELECT DISTINCT ON (s.idx) s.idx AS index, s.row_number AS row, ds.code AS "dataSet", coalesce(ou.code, ou.uid) AS "orgUnit"
     FROM dvs_staging s JOIN unnest($1::text[], $2::date[]) AS p(iso, start_date) ON p.iso = s.period
     JOIN org_unit ou ON ou.id = s.org_unit_id
     JOIN data_set_element dse ON dse.data_element_id = s.data_element_id JOIN data_set ds ON ds.id = dse.data_set_id
     WHERE ${registryIsSource('dse.data_set_id', 's.org_unit_id', 'p.start_date')}
     ORDER BY s.idx`,
    [list.map((period) => period.id), list.map((period) => period.startDate)],
  );
  return rows;
}
