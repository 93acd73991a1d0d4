// The EPI programme package (and the common disaggregations it uses) loaded into a test
// database on top of the store fixtures (testing/fixtures.ts), through the metadata importer
// and assigned to the health areas as on a real first start: the data elements EPI_<VACCINE><DOSE> of the monthly report with
// their age × sex option combos (0-11M_F …), for the registry's rollup tests.
import { DenwError } from '../../../core/errors.ts';
import { common } from '../../../programmes/common/index.ts';
import { immunization } from '../../../programmes/immunization/index.ts';
import type { Database } from '../../database.ts';
import { importMetadata } from '../../metadata/importMetadata.ts';
import { assignDataSetToLevel } from '../../seed/seedReference.ts';

export async function loadEpiPackage(database: Database): Promise<void> {
  for (const programme of [common, immunization]) {
    const report = await importMetadata(database, programme.metadata as unknown as Record<string, unknown>, { importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'ALL' });
    if (report.status === 'ERROR') throw new DenwError('SEED_IMPORT_FAILED', { what: programme.id, detail: JSON.stringify(report).slice(0, 500) });
    for (const assignment of programme.dataSetAssignments) await assignDataSetToLevel(database, assignment.dataSet, assignment.orgUnitLevel);
  }
}
