// Loads what every Denw installation starts with: Mali's geography and population
// (data/mali) and the programme packages (src/programmes), through the same metadata
// importer as a user's DHIS2 file, then assigns each package's data sets to the org units
// of the level it names.
import { DenwError } from '../../core/errors.ts';
import type { ProgrammePackage } from '../../core/programmePackage.ts';
import type { Database } from '../database.ts';
import { importMetadata } from '../metadata/importMetadata.ts';

export type Log = (line: string) => void;

async function importOrFail(database: Database, label: string, document: Record<string, unknown>): Promise<void> {
  const report = await importMetadata(database, document, { importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'ALL' });
  if (report.status === 'ERROR') {
    throw new DenwError('SEED_IMPORT_FAILED', { what: label, detail: JSON.stringify(report).slice(0, 2000) });
  }
}

/** Assigns a data set to every org unit of a level (the units present now). */
export async function assignDataSetToLevel(database: Database, dataSetCode: string, level: number): Promise<number> {
  const result = await database.pool.query(
    `INSERT INTO data_set_org_unit (data_set_id, org_unit_id)
     SELECT ds.id, ou.id FROM data_set ds JOIN org_unit ou ON ou.level = $2
     WHERE ds.code = $1
     ON CONFLICT DO NOTHING`,
    [dataSetCode, level],
  );
  return result.rowCount ?? 0;
}

export async function seedReference(
  database: Database,
  { country, packages, log }: { country: Record<string, unknown>; packages: readonly ProgrammePackage[]; log: Log },
): Promise<void> {
  let started = Date.now();
  await importOrFail(database, 'data/mali', country);
  log(`  Mali : géographie et population chargées / geography and population loaded (${Date.now() - started} ms)`);
  for (const programme of packages) {
    started = Date.now();
    await importOrFail(database, `programme ${programme.id}`, programme.metadata as unknown as Record<string, unknown>);
    for (const assignment of programme.dataSetAssignments) await assignDataSetToLevel(database, assignment.dataSet, assignment.orgUnitLevel);
    log(`  ${programme.name.fr} / ${programme.name.en} (${Date.now() - started} ms)`);
  }
}
