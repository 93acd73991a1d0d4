// What `denw seed` and the first `denw serve` load: Mali and the programme packages, and the
// demonstration dataset. The files are read here (data/mali, src/programmes); the store does
// the writing.
import { programmePackages } from '../../programmes/index.ts';
import { loadMaliMetadata } from '../../programmes/mali/loadMali.ts';
import type { Database } from '../../store/database.ts';
import { seedDemo } from '../../store/seed/seedDemo.ts';
import { seedReference, type Log } from '../../store/seed/seedReference.ts';

/** Health areas of the demonstration dataset: about one per cercle keeps the first start short. */
export const demoFacilityCount = Number(process.env.DENW_DEMO_FACILITIES ?? 60);

export async function isEmptyStore(database: Database): Promise<boolean> {
  const { rows } = await database.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM org_unit');
  return rows[0]!.n === 0;
}

export async function seedReferenceData(database: Database, log: Log): Promise<void> {
  log('Chargement de Mali et des programmes / loading Mali and the programme packages');
  await seedReference(database, { country: loadMaliMetadata() as unknown as Record<string, unknown>, packages: programmePackages, log });
}

/** The last complete month before `today`, YYYYMM. */
export function lastCompleteMonth(today: Date): string {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth(); // 0-based: the previous month's number, 1-based
  return month === 0 ? `${year - 1}12` : `${year}${String(month).padStart(2, '0')}`;
}

export async function seedDemoData(database: Database, { log, onProgress }: { log: Log; onProgress?: (values: number) => void }): Promise<number> {
  log('Données de démonstration (synthétiques) / demonstration data (synthetic)');
  return seedDemo(database, {
    assignments: programmePackages.flatMap((programme) => programme.dataSetAssignments),
    facilities: demoFacilityCount,
    lastMonth: lastCompleteMonth(new Date()),
    log,
    ...(onProgress ? { onProgress } : {}),
  });
}
