import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeEachEngine } from './testing/engines.ts';

// The Kysely row types in schema.ts must list exactly the columns of the live tables.
const schemaSource = readFileSync(new URL('./schema.ts', import.meta.url), 'utf8');

describeEachEngine('database schema', (database, engine) => {
  it(`runs PostgreSQL ${engine === 'pglite' ? '18 (PGlite)' : '15 or later'}`, async () => {
    const { rows } = await database().pool.query<{ server_version_num: string }>('SHOW server_version_num');
    expect(Number(rows[0]!.server_version_num)).toBeGreaterThanOrEqual(150000);
  });

  it('has the default category option combo with its DHIS2 UID', async () => {
    const row = await database()
      .db.selectFrom('category_option_combo')
      .select(['uid', 'code'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ uid: 'HllvX50cXC0', code: 'default' });
  });

  it('declares every table of the database in schema.ts', async () => {
    const { rows } = await database().pool.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_migration'`,
    );
    for (const { table_name } of rows) expect(schemaSource, table_name).toContain(`  ${table_name}: `);
  });
});
