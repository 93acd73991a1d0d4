// Bulk load of the bench's values, with the analytics aggregates maintained as they are for any
// write (the statement triggers of migration 010), but without the foreign-key checks of
// data_value: the generated rows are consistent by construction, and checking 20 million of
// them one by one (about 33 µs each on this machine) would alone take 11 minutes. The real
// import path, with every check, is measured apart (analytics.bench.ts, "import").
// PostgreSQL loads with COPY; the embedded engine cannot receive COPY FROM STDIN through its
// socket, so it loads with INSERT … SELECT FROM unnest(arrays), 50,000 rows a statement.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Database } from '../../src/store/database.ts';
import type { ValueRow } from './nationalDataset.ts';

const COLUMNS = 'data_element_id, period_id, org_unit_id, category_option_combo_id, value, numeric_value';
const BATCH = 50_000;

async function copyRows(client: PoolClient, rows: Iterable<ValueRow>): Promise<void> {
  async function* lines() {
    let chunk = '';
    for (const [de, pe, ou, coc, value] of rows) {
      chunk += `${de}\t${pe}\t${ou}\t${coc}\t${value}\t${value}\n`;
      if (chunk.length > 1 << 20) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY data_value (${COLUMNS}) FROM STDIN`)));
}

async function insertRows(client: PoolClient, rows: Iterable<ValueRow>): Promise<void> {
  let batch: ValueRow[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const column = (i: number) => batch.map((row) => row[i]);
    await client.query(
      `INSERT INTO data_value (${COLUMNS}) SELECT de, pe, ou, coc, v::text, v FROM unnest($1::int[], $2::int[], $3::int[], $4::int[], $5::float8[]) AS r(de, pe, ou, coc, v)`,
      [column(0), column(1), column(2), column(3), column(4)],
    );
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
}

/** Loads each group of rows in a transaction of its own, calling onGroup after each. */
export async function loadValues(database: Database, groups: Iterable<Iterable<ValueRow>>, onGroup: (index: number) => void): Promise<void> {
  const client = await database.pool.connect();
  try {
    // Skip the foreign-key triggers (they fire only in the origin role), keep the aggregates'.
    await client.query(`SET session_replication_role = replica`);
    for (const trigger of ['aggregated_data_value_insert']) await client.query(`ALTER TABLE data_value ENABLE ALWAYS TRIGGER ${trigger}`);
    let index = 0;
    for (const rows of groups) {
      await client.query('BEGIN');
      await (database.engine === 'postgres' ? copyRows(client, rows) : insertRows(client, rows));
      await client.query('COMMIT');
      onGroup(index++);
    }
    await client.query(`ALTER TABLE data_value ENABLE TRIGGER aggregated_data_value_insert`);
    await client.query(`SET session_replication_role = origin`);
  } finally {
    client.release();
  }
}
