// The nutrition package (and the common disaggregations it uses) loaded into a test database
// on top of the store fixtures, through the metadata importer as on a first start: data set
// NUT_GROWTH_MONITORING with its data elements and option combos, for the rollup tests.
import { DenwError } from '../../../core/errors.ts';
import { common } from '../../../programmes/common/index.ts';
import { nutrition } from '../../../programmes/nutrition/index.ts';
import type { Database } from '../../database.ts';
import { importMetadata } from '../../metadata/importMetadata.ts';

export async function loadNutritionPackage(database: Database): Promise<void> {
  for (const programme of [common, nutrition]) {
    const report = await importMetadata(database, programme.metadata as unknown as Record<string, unknown>, { importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'ALL' });
    if (report.status === 'ERROR') throw new DenwError('SEED_IMPORT_FAILED', { what: programme.id, detail: JSON.stringify(report).slice(0, 500) });
  }
}
