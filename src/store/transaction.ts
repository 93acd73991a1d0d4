// One transaction on one checked-out client: committed when `body` resolves, rolled back when
// it throws. Everything inside must go through `client` (on the embedded engine an open
// transaction holds every other connection; see docs/ARCHITECTURE.md).
import type pg from 'pg';
import type { Database } from './database.ts';

export async function inTransaction<T>(database: Database, body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    const result = await body(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
}
