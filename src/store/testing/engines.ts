// Runs a block of store or API tests once per database engine, each time on a fresh,
// migrated database of its own:
//
//   describeEachEngine('data values', (database) => {
//     it('stores a value', async () => { await database().pool.query(...) });
//   });
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openDatabase, type Database, type Engine } from '../database.ts';

export const templateDatabaseName = 'denw_test_template';

export function testEngines(): Engine[] {
  const chosen = process.env.DENW_TEST_ENGINES?.split(',').map((name) => name.trim());
  const all: Engine[] = ['pglite', 'postgres'];
  return chosen ? all.filter((engine) => chosen.includes(engine)) : all;
}

/** A fresh migrated database on `engine`; `close()` also discards it. */
export async function createTestDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'denw-pglite-test-'));
    cpSync(inject('pgliteTemplateDir'), dataDir, { recursive: true });
    const database = await openDatabase({ dataDir, poolSize: 4 });
    return {
      ...database,
      async close() {
        await database.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const serverUrl = inject('postgresUrl');
  const name = `denw_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  // A backend that has just disconnected from the template can linger for a moment, and
  // PostgreSQL refuses to copy a template with connections: retry briefly.
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabaseName}`);
      break;
    } catch (error) {
      if (attempt >= 50 || !String(error).includes('being accessed by other users')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.href, poolSize: 4 });
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export function describeEachEngine(title: string, body: (database: () => Database, engine: Engine) => void): void {
  for (const engine of testEngines()) {
    describe(`${title} [${engine}]`, () => {
      let database: Database | undefined;
      beforeAll(async () => {
        database = await createTestDatabase(engine);
      });
      afterAll(async () => {
        await database?.close();
      });
      body(() => {
        if (!database) throw new Error('test database not ready');
        return database;
      }, engine);
    });
  }
}
