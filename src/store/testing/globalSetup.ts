// Prepares the two database engines every store and API test runs against:
// - an embedded PGlite data directory with all migrations applied, copied for each test file;
// - a real PostgreSQL server (DATABASE_URL if given, otherwise a throwaway PostgreSQL 15
//   cluster) holding a migrated template database, cloned for each test file.
// DENW_TEST_ENGINES=pglite (or =postgres) restricts the run to one engine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../database.ts';
import { migrate } from '../migrate.ts';
import { startPostgresCluster, type PostgresCluster } from '../postgresCluster.ts';
import { testEngines, templateDatabaseName } from './engines.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplateDir: string;
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const engines = testEngines();
  const cleanups: Array<() => Promise<void> | void> = [];

  if (engines.includes('pglite')) {
    const templateDir = mkdtempSync(join(tmpdir(), 'denw-pglite-template-'));
    const database = await openDatabase({ dataDir: templateDir });
    await migrate(database.pool);
    await database.close();
    project.provide('pgliteTemplateDir', templateDir);
    cleanups.push(() => rmSync(templateDir, { recursive: true, force: true }));
  }

  if (engines.includes('postgres')) {
    let cluster: PostgresCluster | undefined;
    let url = process.env.DATABASE_URL;
    if (!url) {
      cluster = await startPostgresCluster();
      url = cluster.url;
    }
    const admin = new pg.Pool({ connectionString: url, max: 1 });
    await admin.query(`DROP DATABASE IF EXISTS ${templateDatabaseName}`);
    await admin.query(`CREATE DATABASE ${templateDatabaseName}`);
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${templateDatabaseName}`;
    const template = await openDatabase({ databaseUrl: templateUrl.href });
    await migrate(template.pool);
    await template.close();
    await admin.end();
    project.provide('postgresUrl', url);
    cleanups.push(() => cluster?.stop());
  }

  return async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
}
