// `denw seed`: loads Mali and the programme packages into an empty store, and the
// demonstration dataset with --demo; --remove-demo deletes the demonstration dataset only.
import process from 'node:process';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../store/database.ts';
import { migrate } from '../../store/migrate.ts';
import { removeDemo } from '../../store/seed/seedDemo.ts';
import { isEmptyStore, seedDemoData, seedReferenceData } from '../seed/seedStore.ts';

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      demo: { type: 'boolean', default: false },
      'remove-demo': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const log = (line: string) => process.stdout.write(`${line}\n`);
  if (values.help) {
    log(`denw seed [--demo] | --remove-demo

  (sans option / no option)  Mali (géographie, population) et les programmes / Mali and the programme packages
  --demo                     et les données de démonstration, étiquetées « demo » / and the demo data, tagged 'demo'
  --remove-demo              supprime les données de démonstration / deletes the demo data`);
    return 0;
  }
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DENW_DATA });
  try {
    await migrate(database.pool);
    if (values['remove-demo']) {
      const removed = await removeDemo(database);
      log(`Démo supprimée / demo removed: ${removed.dataValues} valeurs / values, ${removed.orgUnits} unités / units`);
      return 0;
    }
    if (await isEmptyStore(database)) await seedReferenceData(database, log);
    else log('Mali et les programmes sont déjà chargés / Mali and the programmes are already loaded');
    if (values.demo) await seedDemoData(database, { log });
    return 0;
  } finally {
    await database.close();
  }
}
