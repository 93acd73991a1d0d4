// Applies the numbered SQL files in ./migrations, each once and in its own transaction, in
// file-name order. The same files run on PostgreSQL 15 and on PGlite.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export function migrationFiles(): string[] {
  return readdirSync(migrationsDir)
    .filter((name) => /^\d{3}_[a-z0-9_]+\.sql$/.test(name))
    .sort();
}

/** Brings the schema up to date; returns the names of the migrations it applied. */
export async function migrate(pool: pg.Pool): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migration (
      name text PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())`);
    const applied = new Set(
      (await client.query<{ name: string }>('SELECT name FROM schema_migration')).rows.map((row) => row.name),
    );
    const newlyApplied: string[] = [];
    for (const name of migrationFiles()) {
      if (applied.has(name)) continue;
      await client.query('BEGIN');
      try {
        await client.query(readFileSync(join(migrationsDir, name), 'utf8'));
        await client.query('INSERT INTO schema_migration (name) VALUES ($1)', [name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
      newlyApplied.push(name);
    }
    return newlyApplied;
  } finally {
    client.release();
  }
}
