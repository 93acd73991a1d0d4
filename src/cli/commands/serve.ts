// `denw serve`: opens the database (embedded by default), brings the schema up to date,
// loads Mali and the programme packages on an empty store (with the demo data, clearly
// tagged), makes sure an administrator exists, and serves the API and the web application.
import { parseArgs } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import process from 'node:process';
import { openDatabase } from '../../store/database.ts';
import { migrate } from '../../store/migrate.ts';
import { buildApp, type DemoLoading } from '../../server/app.ts';
import { parseTrustProxy } from '../../server/trustProxy.ts';
import { demoPresent } from '../../store/seed/seedDemo.ts';
import { ensureAdminUser } from '../../store/users.ts';
import { isEmptyStore, seedDemoData, seedReferenceData } from '../seed/seedStore.ts';

const webRoot = join(dirname(fileURLToPath(import.meta.url)), '../../../dist/web');

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: process.env.DENW_PORT ?? process.env.PORT ?? '8080' },
      host: { type: 'string', default: process.env.DENW_HOST ?? '0.0.0.0' },
      'no-seed': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`denw serve [--port 8080] [--host 0.0.0.0] [--no-seed]

Base de données / database: DATABASE_URL (PostgreSQL) ou/or DENW_DATA (PGlite, défaut/default ./denw-data).
Premier démarrage / first start: DENW_ADMIN_PASSWORD fixe le mot de passe de « admin » / sets admin's password.
`);
    return 0;
  }
  const trustProxy = parseTrustProxy(process.env.DENW_TRUST_PROXY);
  const database = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.DENW_DATA });
  const log = (line: string) => process.stdout.write(`${line}\n`);
  await migrate(database.pool);
  // On an empty store: Mali and the programmes now, the demonstration data once the server
  // listens (it takes a minute on the embedded engine; /api/system/info tells its progress).
  const firstStart = !values['no-seed'] && (await isEmptyStore(database));
  if (firstStart) await seedReferenceData(database, log);
  await ensureAdminUser(database, { password: process.env.DENW_ADMIN_PASSWORD, print: log });
  const demo: DemoLoading = { status: firstStart ? 'loading' : (await demoPresent(database)) ? 'ready' : 'absent', values: 0 };
  const app = await buildApp({ database, webRoot, demo, trustProxy });
  const shutdown = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  const address = await app.listen({ port: Number(values.port), host: values.host });
  log(`Denw : ${address.replace('0.0.0.0', 'localhost')} (${database.engine})`);
  if (firstStart) {
    seedDemoData(database, { log, onProgress: (count) => (demo.values = count) }).then(
      () => {
        demo.status = 'ready';
        log('Données de démonstration prêtes / demonstration data ready');
      },
      (error: unknown) => {
        demo.status = 'failed';
        log(`Données de démonstration : échec / demonstration data failed: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  }
  return new Promise<number>(() => {});
}
