// Helpers of the tests that import DHIS2's own sample files (core/dataValueSets/dhis2-samples).
import { readFileSync } from 'node:fs';
import type { ImportSummary } from '../../../core/dataValueSets/importSummary.ts';
import type { Database } from '../../database.ts';
import { dataValueSource, type DataValueFormat } from '../dataValueSource.ts';
import { listDataValueAudits } from '../dataValueAudits.ts';
import { importDataValues, type Importer, type ImportOptions } from '../importDataValues.ts';

export const samples = new URL('../../../core/dataValueSets/dhis2-samples/', import.meta.url);

export const readSample = (path: string) => readFileSync(new URL(path, samples), 'utf8');

/** Imports a text as DHIS2's tests do: partially (atomicMode NONE), CREATE_AND_UPDATE. */
export function importText(
  database: Database,
  format: DataValueFormat,
  text: string,
  importer: Importer,
  options: Partial<ImportOptions> = {},
  today = '2026-11-27',
): Promise<ImportSummary> {
  const defaults: ImportOptions = { idSchemes: {}, dryRun: false, importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'NONE', async: false };
  return importDataValues(database, dataValueSource(format, text), { ...defaults, ...options }, importer, { today });
}

/** Imports a sample file, its format told by its name. */
export function importSample(database: Database, path: string, importer: Importer, options: Partial<ImportOptions> = {}, today?: string): Promise<ImportSummary> {
  const format: DataValueFormat = path.endsWith('.csv') ? 'csv' : path.endsWith('.json') ? 'json' : path.includes('.adx') ? 'adx' : 'xml';
  return importText(database, format, readSample(path), importer, options, today);
}

/** [imported, updated, deleted, ignored] */
export const counts = (summary: ImportSummary) => [summary.importCount.imported, summary.importCount.updated, summary.importCount.deleted, summary.importCount.ignored];

/** [errorCode, field, object, row] of each conflict. */
export const conflictList = (summary: ImportSummary) => summary.conflicts.map((c) => [c.errorCode, c.field, c.object, c.rows[0]]);

export async function storedCount(database: Database): Promise<number> {
  return (await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM data_value')).rows[0]!.n;
}

/**
 * The whole audit trail as GET /api/audits/dataValue reads it (the rows written and the
 * creations read from values not changed since), oldest first.
 */
export async function auditTrail(database: Database): Promise<Array<{ audit_type: string; previous_value: string | null; value: string | null; modified_by: string | null }>> {
  const query = { dataSets: [], dataElements: [], periods: [], orgUnits: [], auditTypes: [], page: 1, pageSize: 1000 };
  const { rows } = await database.pool.query<{ path: string }>('SELECT path FROM org_unit WHERE parent_id IS NULL');
  const page = await listDataValueAudits(database, query, { readPaths: rows.map((row) => row.path), assertCanRead: () => undefined });
  return page.dataValueAudits.reverse().map((audit) => ({ audit_type: audit.auditType, previous_value: audit.previousValue, value: audit.value, modified_by: audit.modifiedBy }));
}
