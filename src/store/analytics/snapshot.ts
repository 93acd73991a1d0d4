// Every analytics answer (and validation run) reads through one connection, in one read-only
// REPEATABLE READ transaction: all its queries see the same committed data, even while values
// are being written, and on the embedded engine nothing else is sent through the pool while
// the transaction is open (docs/ARCHITECTURE.md, "The embedded engine's one rule").
// Parallel workers are turned off for it: the queries read a few hundred aggregate rows, and
// starting workers costs PostgreSQL about 20 ms, ten times the query (measured by the bench).
import type pg from 'pg';
import type { Database } from '../database.ts';

/** What the analytics queries need of a connection. */
export type Queryable = Pick<pg.ClientBase, 'query'>;

export async function inAnalyticsSnapshot<T>(database: Database, work: (db: Queryable) => Promise<T>): Promise<T> {
  const client = await database.pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET LOCAL max_parallel_workers_per_gather = 0');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
