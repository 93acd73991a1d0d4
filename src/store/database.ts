// The database: embedded PostgreSQL (PGlite, in a data directory) when DATABASE_URL is unset,
// PostgreSQL when it is set. Both are reached the same way — a `pg` pool, with Kysely on top —
// so there is one code path and one dialect (PostgreSQL 15's; see docs/ARCHITECTURE.md).
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { lockDataDir } from './dataDirLock.ts';
import type { Schema } from './schema.ts';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  readonly engine: Engine;
  readonly pool: pg.Pool;
  readonly db: Kysely<Schema>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, the embedded engine is used. */
  databaseUrl?: string | undefined;
  /** Data directory of the embedded engine (default ./denw-data). */
  dataDir?: string | undefined;
  /** Connections in the pool (default 8). */
  poolSize?: number;
}

// Result types the store wants as JavaScript numbers and plain strings: counts (int8) and
// numeric as numbers, dates as 'YYYY-MM-DD' (never shifted by the process time zone).
const typeParsers: Record<number, (text: string) => unknown> = {
  20: (text) => Number(text), // int8
  1700: (text) => Number(text), // numeric
  1082: (text) => text, // date
};
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    typeParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const poolSize = options.poolSize ?? 8;
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: poolSize, types });
    return wrap('postgres', pool, async () => {});
  }
  const dataDir = resolve(options.dataDir ?? 'denw-data');
  const unlock = lockDataDir(dataDir);
  let embedded: Awaited<ReturnType<typeof startEmbeddedServer>>;
  try {
    embedded = await startEmbeddedServer(dataDir);
  } catch (error) {
    unlock();
    throw error;
  }
  const pool = new pg.Pool({
    host: embedded.socketDir,
    port: 5432,
    user: 'postgres',
    database: 'postgres',
    max: poolSize,
    types,
  });
  return wrap('pglite', pool, async () => {
    await embedded.stop();
    unlock();
  });
}

function wrap(engine: Engine, pool: pg.Pool, stopEngine: () => Promise<void>): Database {
  // An idle client that loses its server (the embedded engine stopped) must not crash the process.
  pool.on('error', () => {});
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    engine,
    pool,
    db,
    async close() {
      await db.destroy();
      await stopEngine();
    },
  };
}

const pgliteProcessPath = join(dirname(fileURLToPath(import.meta.url)), 'pgliteProcess.ts');
const tsxLoader = pathToFileURL(
  join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/loader.mjs'),
).href;

async function startEmbeddedServer(dataDir: string): Promise<{ socketDir: string; stop: () => Promise<void> }> {
  // pg finds a Unix socket as <host directory>/.s.PGSQL.<port>.
  const socketDir = mkdtempSync(join(tmpdir(), 'denw-pglite-'));
  const child = fork(pgliteProcessPath, [dataDir, join(socketDir, '.s.PGSQL.5432')], {
    execArgv: ['--import', tsxLoader],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolveReady, reject) => {
    child.once('message', (message: { ready?: boolean; error?: string }) => {
      if (message.ready) resolveReady();
      else reject(new Error(`PGlite (${dataDir}): ${message.error}`));
    });
    child.once('exit', (code) => reject(new Error(`PGlite (${dataDir}) exited with code ${code}`)));
  });
  return { socketDir, stop: () => stopChild(child, socketDir) };
}

function stopChild(child: ChildProcess, socketDir: string): Promise<void> {
  return new Promise((resolveStopped) => {
    const done = () => {
      rmSync(socketDir, { recursive: true, force: true });
      resolveStopped();
    };
    if (child.exitCode !== null) return done();
    child.once('exit', done);
    child.kill('SIGTERM');
  });
}
