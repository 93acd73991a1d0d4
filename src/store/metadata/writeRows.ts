// Bulk writes for the metadata import: every row of a table in one statement, the rows passed
// as one JSON parameter and unpacked by jsonb_to_recordset (one round trip per table, not per
// row; the same SQL on PostgreSQL 15 and PGlite).
import type pg from 'pg';

export type PgType = 'int' | 'text' | 'bool' | 'float8' | 'date' | 'jsonb' | 'int[]' | 'text[]';
export type Row = Record<string, unknown>;

/** Rows per statement: bounds the size of one JSON parameter (org units carry geometry). */
const CHUNK = 2000;

function recordType(columns: Record<string, PgType>): string {
  return Object.entries(columns)
    .map(([name, type]) => `${name} ${type === 'float8' ? 'double precision' : type}`)
    .join(', ');
}

/** Inserts `rows`, updating the row already there when `conflict` (its key columns) matches. */
export async function upsertRows(client: pg.PoolClient, table: string, columns: Record<string, PgType>, rows: readonly Row[], conflict: readonly string[]): Promise<void> {
  const names = Object.keys(columns);
  const updates = names.filter((name) => !conflict.includes(name));
  const onConflict = updates.length
    ? `DO UPDATE SET ${updates.map((name) => `${name} = EXCLUDED.${name}`).join(', ')}`
    : 'DO NOTHING';
  for (let start = 0; start < rows.length; start += CHUNK) {
    await client.query(
      `INSERT INTO ${table} (${names.join(', ')})
       SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS t(${recordType(columns)})
       ON CONFLICT (${conflict.join(', ')}) ${onConflict}`,
      [JSON.stringify(rows.slice(start, start + CHUNK))],
    );
  }
}

/**
 * Replaces the links of the given owners (group members, a category's options …): the
 * document's list is the whole list, as in DHIS2's import (mergeMode REPLACE).
 */
export async function replaceLinks(
  client: pg.PoolClient,
  table: string,
  ownerColumn: string,
  ownerIds: readonly number[],
  columns: Record<string, PgType>,
  rows: readonly Row[],
): Promise<void> {
  if (ownerIds.length === 0) return;
  await client.query(`DELETE FROM ${table} WHERE ${ownerColumn} = ANY($1::int[])`, [ownerIds]);
  const names = Object.keys(columns);
  for (let start = 0; start < rows.length; start += CHUNK) {
    await client.query(
      `INSERT INTO ${table} (${names.join(', ')})
       SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS t(${recordType(columns)})`,
      [JSON.stringify(rows.slice(start, start + CHUNK))],
    );
  }
}

/** Takes `count` ids from the table's serial sequence. */
export async function allocateIds(client: pg.PoolClient, table: string, count: number): Promise<number[]> {
  if (count === 0) return [];
  const result = await client.query<{ id: number }>(
    `SELECT nextval(pg_get_serial_sequence($1, 'id'))::int AS id FROM generate_series(1, $2)`,
    [table, count],
  );
  return result.rows.map((row) => row.id);
}
