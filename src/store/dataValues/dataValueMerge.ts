// The set-based half of a data value import, run on one client inside one transaction:
// checked values are bulk-loaded into a temporary staging table, then compared
// with the stored values in one statement and written with one INSERT … ON CONFLICT DO UPDATE,
// one DELETE and one INSERT of audit rows, so that statement-level triggers on data_value
// (analytics) fire once per statement whatever the size of the file.
import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { CheckedDataValue } from '../../core/dataValueSets/checkDataValue.ts';
import type { ImportStrategy } from '../../core/dataValueSets/dataValueSet.ts';
import type { Period } from '../../core/periods/periods.ts';
import type { Engine } from '../database.ts';

const STAGING_COLUMNS =
  'idx, row_number, data_element_id, period, org_unit_id, coc_id, aoc_id, value, numeric_value, stored_by, created, last_updated, comment, followup, deleted, zero';

export async function createStaging(client: pg.PoolClient): Promise<void> {
  // Room for the hash aggregates and joins of a large import (this transaction only).
  await client.query("SET LOCAL work_mem = '256MB'");
  await client.query("SET LOCAL temp_buffers = '1GB'");
  await client.query(`CREATE TEMP TABLE dvs_staging (
    idx integer NOT NULL, row_number integer NOT NULL, data_element_id integer NOT NULL, period text NOT NULL,
    org_unit_id integer NOT NULL, coc_id integer NOT NULL, aoc_id integer NOT NULL, value text,
    numeric_value double precision, stored_by text NOT NULL, created timestamptz, last_updated timestamptz,
    comment text, followup boolean NOT NULL, deleted boolean NOT NULL, zero boolean NOT NULL
  ) ON COMMIT DROP`);
}

/** A text field in COPY's text format (PostgreSQL manual, COPY, "Text Format"). */
function copyField(text: string | null): string {
  if (text === null) return '\\N';
  // Most fields need no escaping; scanning for the four special characters is cheaper than a regex.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 || c === 9 || c === 10 || c === 13) return text.replace(/[\\\t\n\r]/g, (s) => ESCAPES[s]!);
  }
  return text;
}
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

const flag = (on: boolean) => (on ? 't' : 'f');

function copyLine(v: CheckedDataValue): string {
  return `${v.index}\t${v.row}\t${v.dataElementId}\t${v.period.id}\t${v.orgUnitId}\t${v.categoryOptionComboId}\t${v.attributeOptionComboId}\t${copyField(v.value)}\t${
    v.numericValue ?? '\\N'
  }\t${copyField(v.storedBy)}\t${v.created ?? '\\N'}\t${v.lastUpdated ?? '\\N'}\t${copyField(v.comment)}\t${flag(v.followup)}\t${flag(v.deleted)}\t${flag(v.insignificantZero)}\n`;
}

/** Fills the staging table with checked values, a batch at a time; end() once all are added. */
export interface StagingWriter {
  add(values: CheckedDataValue[]): Promise<void>;
  end(): Promise<void>;
  /** Stops after a failure (the transaction must then be rolled back). */
  abort(error: Error): Promise<void>;
}

/** PostgreSQL: one COPY … FROM STDIN, fed with back-pressure. */
class CopyStaging implements StagingWriter {
  private readonly stream;
  private buffer = '';
  private failed: Error | undefined;

  constructor(client: pg.PoolClient) {
    this.stream = client.query(copyFrom(`COPY dvs_staging (${STAGING_COLUMNS}) FROM STDIN`));
    this.stream.on('error', (error: Error) => (this.failed = error));
  }

  async add(values: CheckedDataValue[]): Promise<void> {
    for (const value of values) {
      this.buffer += copyLine(value);
      if (this.buffer.length >= 1 << 18) await this.flush();
    }
  }

  private async flush(): Promise<void> {
    if (this.failed) throw this.failed;
    const chunk = this.buffer;
    this.buffer = '';
    if (chunk !== '' && !this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async end(): Promise<void> {
    await this.flush();
    const finished = once(this.stream, 'finish');
    this.stream.end();
    await finished;
    if (this.failed) throw this.failed;
  }

  async abort(error: Error): Promise<void> {
    const closed = once(this.stream, 'close').catch(() => undefined);
    this.stream.destroy(error);
    await closed;
  }
}

const UNNEST_TYPES = ['int', 'int', 'int', 'text', 'int', 'int', 'int', 'text', 'float8', 'text', 'timestamptz', 'timestamptz', 'text', 'bool', 'bool', 'bool'];

/**
 * The embedded engine: batches of INSERT … SELECT FROM unnest(arrays). PGlite's socket server
 * hands the engine one protocol message at a time, so COPY FROM STDIN, whose data follows the
 * command in further messages, fails there ("unexpected EOF", pglite-socket 0.2.17);
 * unnest is the fastest portable bulk insert measured on PGlite (stack-notes.md §2).
 */
class UnnestStaging implements StagingWriter {
  private columns: unknown[][] = UNNEST_TYPES.map(() => []);

  constructor(private readonly client: pg.PoolClient, private readonly batchSize = 20_000) {}

  async add(values: CheckedDataValue[]): Promise<void> {
    for (const v of values) {
      const fields = [v.index, v.row, v.dataElementId, v.period.id, v.orgUnitId, v.categoryOptionComboId, v.attributeOptionComboId, v.value,
        v.numericValue, v.storedBy, v.created, v.lastUpdated, v.comment, v.followup, v.deleted, v.insignificantZero];
      fields.forEach((field, i) => this.columns[i]!.push(field));
      if (this.columns[0]!.length >= this.batchSize) await this.flush();
    }
  }

  private async flush(): Promise<void> {
    if (this.columns[0]!.length === 0) return;
    const columns = this.columns;
    this.columns = UNNEST_TYPES.map(() => []);
    const arrays = UNNEST_TYPES.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
    await this.client.query(`INSERT INTO dvs_staging (${STAGING_COLUMNS}) SELECT * FROM unnest(${arrays})`, columns);
  }

  end(): Promise<void> {
    return this.flush();
  }

  async abort(): Promise<void> {
    this.columns = UNNEST_TYPES.map(() => []);
  }
}

export function stagingWriter(engine: Engine, client: pg.PoolClient): StagingWriter {
  return engine === 'postgres' ? new CopyStaging(client) : new UnnestStaging(client);
}

/** Groups of staged values that set the same data value, with their indexes and rows. */
export async function findDuplicates(client: pg.PoolClient): Promise<Array<{ indexes: number[]; rows: number[]; dataElementId: number; period: string; orgUnitId: number }>> {
  const key = 'data_element_id, period, org_unit_id, coc_id, aoc_id';
  // Files rarely repeat a value: a cheap existence test first, the groups only when there are some.
  const { rows: any } = await client.query(`SELECT 1 FROM dvs_staging GROUP BY ${key} HAVING count(*) > 1 LIMIT 1`);
  if (any.length === 0) return [];
  const { rows } = await client.query(`SELECT array_agg(idx ORDER BY idx) AS indexes, array_agg(row_number ORDER BY idx) AS rows,
      data_element_id AS "dataElementId", period, org_unit_id AS "orgUnitId"
    FROM dvs_staging GROUP BY ${key} HAVING count(*) > 1`);
  return rows;
}

/**
 * Whether a value the classification ignores (an insignificant zero, a deletion of nothing)
 * shares its key with another staged value: a repeat that a plain INSERT of the new values
 * cannot see, so the duplicate search must run (E8128). Costs a hash of the ignored values.
 */
export async function ignoredValueRepeated(client: pg.PoolClient): Promise<boolean> {
  const key = 'data_element_id, period_id, org_unit_id, coc_id, aoc_id';
  const { rows } = await client.query(`SELECT 1 FROM dvs_merge WHERE (${key}) IN (SELECT ${key} FROM dvs_merge WHERE action = 'ignore')
    GROUP BY ${key} HAVING count(*) > 1 LIMIT 1`);
  return rows.length > 0;
}

/** Takes refused values out of the staged ones (before the classification). */
export async function dropStaged(client: pg.PoolClient, indexes: number[]): Promise<void> {
  if (indexes.length > 0) await client.query('DELETE FROM dvs_staging WHERE idx = ANY($1::int[])', [indexes]);
}

/** Takes refused values out of the staged and the classified ones. */
export async function dropClassified(client: pg.PoolClient, indexes: number[]): Promise<void> {
  if (indexes.length === 0) return;
  await dropStaged(client, indexes);
  await client.query('DELETE FROM dvs_merge WHERE idx = ANY($1::int[])', [indexes]);
}

/** Registers periods on first use (period ids are what data_value references). */
export async function registerPeriods(client: Pick<pg.ClientBase, 'query'>, periods: Iterable<Period>): Promise<void> {
  const list = [...periods];
  if (list.length === 0) return;
  await client.query(
    `INSERT INTO period (iso, period_type, start_date, end_date)
     SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::date[]) ON CONFLICT (iso) DO NOTHING`,
    [list.map((p) => p.id), list.map((p) => p.type), list.map((p) => p.startDate), list.map((p) => p.endDate)],
  );
}

/**
 * Decides what each staged value does, as dhis2-core 2.42 DefaultDataValueSetService
 * .importDataValue does one value at a time: an insignificant zero with no stored value is
 * ignored; a stored value is updated (or deleted when the file marks it deleted or sends an
 * insignificant zero) under CREATE_AND_UPDATE and UPDATE, deleted under DELETE and left alone
 * under CREATE ('reject'); a new value is inserted under CREATE_AND_UPDATE and CREATE (a
 * deletion of a value that does not exist is ignored) and refused under UPDATE and DELETE.
 */
async function classify(client: pg.PoolClient, strategy: ImportStrategy): Promise<void> {
  // The strategy is one of four constants checked by the caller; CREATE TABLE AS takes no parameters.
  const s = `'${strategy}'`;
  const lookup = storedValueLookup(await lookupChoice(client));
  await client.query(`CREATE TEMP TABLE dvs_merge ON COMMIT DROP AS
    SELECT st.*, p.id AS period_id, d.value AS old_value, d.comment AS old_comment, d.followup AS old_followup, d.created AS old_created,
      d.stored_by AS old_stored_by, d.create_audited AS old_create_audited,
      CASE
        WHEN st.zero AND (d.value IS NULL OR ${s} = 'CREATE') THEN 'ignore'
        WHEN d.value IS NOT NULL THEN CASE
          WHEN ${s} IN ('CREATE_AND_UPDATE', 'UPDATE') THEN CASE WHEN st.deleted OR st.zero THEN 'delete' ELSE 'update' END
          WHEN ${s} = 'DELETE' THEN 'delete'
          ELSE 'reject' END
        WHEN ${s} IN ('CREATE_AND_UPDATE', 'CREATE') THEN CASE WHEN st.deleted OR st.value IS NULL THEN 'ignore' ELSE 'insert' END
        ELSE 'reject'
      END AS action
    FROM dvs_staging st
    JOIN period p ON p.iso = st.period
    ${lookup}`);
}

type Lookup = 'none' | 'byKey' | 'hash';

/**
 * How the staged values find the stored ones (what an import mostly brings decides it):
 * - 'none': no stored value has an org unit and period of the file — a new month, the
 *   commonest import —, so nothing is looked up. Found by probing the primary key once per
 *   (period, org unit) of the file (1,400 probes for a national month), where a probe per
 *   value cost 0.45 s for 333,000 values in the 20-million-value national table;
 * - 'byKey': a file much smaller than the stored values looks each value up by the primary key
 *   (≈ 1.7 µs a value). The planner, without statistics on the new staging table, hashed the
 *   whole of data_value instead: 2.9 s to classify 84,000 values against 5 million stored
 *   ones, 0.24 s by key (analytics bench, scale 0.25);
 * - 'hash': a large file hashes data_value (≈ 0.6 µs a stored value).
 * Stored rows are estimated from the table's size (≈ 100 bytes a row), which is current where
 * pg_class's counts wait for ANALYZE.
 */
async function lookupChoice(client: pg.PoolClient): Promise<Lookup> {
  const { rows } = await client.query<{ staged: number; stored: number; shared: boolean }>(
    `SELECT (SELECT count(*) FROM dvs_staging)::int AS staged, (pg_relation_size('data_value') / 100)::float8 AS stored,
       EXISTS (SELECT 1 FROM (SELECT DISTINCT period, org_unit_id FROM dvs_staging) k JOIN period p ON p.iso = k.period
         WHERE EXISTS (SELECT 1 FROM data_value d WHERE d.period_id = p.id AND d.org_unit_id = k.org_unit_id)) AS shared`,
  );
  const { staged, stored, shared } = rows[0]!;
  if (!shared) return 'none';
  return staged * 4 < stored ? 'byKey' : 'hash';
}

const STORED_KEY = `d.data_element_id = st.data_element_id AND d.period_id = p.id AND d.org_unit_id = st.org_unit_id
  AND d.category_option_combo_id = st.coc_id AND d.attribute_option_combo_id = st.aoc_id`;

/** The join that brings each staged value's stored value (alias d), if any. */
function storedValueLookup(lookup: Lookup): string {
  switch (lookup) {
    case 'none':
      return 'LEFT JOIN data_value d ON false';
    case 'byKey':
      // LIMIT 1 (the key is unique) keeps the subquery a per-value index probe: a plain join
      // could be planned as a hash of data_value.
      return `LEFT JOIN LATERAL (SELECT d.value, d.comment, d.followup, d.created, d.stored_by, d.create_audited FROM data_value d WHERE ${STORED_KEY} LIMIT 1) d ON true`;
    case 'hash':
      return `LEFT JOIN data_value d ON ${STORED_KEY}`;
  }
}

/** What the classified values do, counted, and the indexes of those refused by the strategy. */
export async function actionCounts(client: pg.PoolClient): Promise<MergeCounts> {
  const counts = await client.query<{ action: string; n: number }>('SELECT action, count(*)::int AS n FROM dvs_merge GROUP BY action');
  const byAction: Record<string, number> = Object.fromEntries(counts.rows.map((row) => [row.action, row.n]));
  if (!byAction.reject) return { counts: byAction, rejected: [] };
  const rejected = await client.query<{ idx: number }>("SELECT idx FROM dvs_merge WHERE action = 'reject' ORDER BY idx");
  return { counts: byAction, rejected: rejected.rows.map((row) => row.idx) };
}

const CHANGED = 'value IS DISTINCT FROM old_value OR comment IS DISTINCT FROM old_comment OR followup IS DISTINCT FROM old_followup';

const DATA_VALUE_KEY = 'data_element_id, period_id, org_unit_id, category_option_combo_id, attribute_option_combo_id';
/**
 * The classified values whose change the audit records: a deletion, or a new value for a stored
 * one (DHIS2 2.42 writes no audit for a comment or follow-up change, DHIS2-13705).
 */
const AUDITED_CHANGE = "(action = 'delete' OR (action = 'update' AND value IS DISTINCT FROM old_value))";

// create_audited: a new value's creation is not in the audit yet; once a change of the value is
// audited, its creation is too (migration 093).
const INSERT_DATA_VALUE = `INSERT INTO data_value (${DATA_VALUE_KEY}, value, numeric_value, stored_by, created, last_updated, comment, followup, source, create_audited)
  SELECT data_element_id, period_id, org_unit_id, coc_id, aoc_id, value, numeric_value, stored_by,
    coalesce(created, old_created, now()), coalesce(last_updated, now()), comment, followup, $1::text,
    coalesce(old_create_audited, false) OR ${AUDITED_CHANGE} FROM dvs_merge`;
const UPSERT = `ON CONFLICT (${DATA_VALUE_KEY}) DO UPDATE SET
  value = excluded.value, numeric_value = excluded.numeric_value, stored_by = excluded.stored_by, created = excluded.created,
  last_updated = excluded.last_updated, comment = excluded.comment, followup = excluded.followup, source = excluded.source,
  create_audited = excluded.create_audited`;

export interface MergeCounts {
  counts: Record<string, number>;
  rejected: number[];
}

/** Classifies the staged values against the stored ones (merge table dvs_merge) and counts them. */
export async function classifyStaged(client: pg.PoolClient, strategy: ImportStrategy): Promise<MergeCounts> {
  await classify(client, strategy);
  return actionCounts(client);
}

export interface MergeWrite {
  modifiedBy: string;
  source: string | null;
}

/**
 * Writes the classified values with a plain INSERT for the new ones, or nothing: true when
 * written. `ON CONFLICT` costs a speculative insertion per row, about a quarter of the write
 * (measured by the server's CPU time on 1,000,000 new values, see README "Throughput"). A plain
 * INSERT fails on the primary key when a key is met twice — repeated in the file, or stored by
 * another transaction since the classification —, and then everything it did is rolled back
 * to a savepoint.
 *
 * The common case of a bulk load, every classified value new, is written this way before any
 * search for duplicate keys (a GROUP BY over every staged value, about 0.9 s per million); when
 * it returns false, the caller takes the careful way (findDuplicates, then writeClassified).
 */
export async function writePlain(client: pg.PoolClient, counts: Record<string, number>, write: MergeWrite): Promise<boolean> {
  await client.query('SAVEPOINT dvs_write');
  try {
    await writeMerge(client, counts, write, 'plain');
    await client.query('RELEASE SAVEPOINT dvs_write');
    return true;
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
    await client.query('ROLLBACK TO SAVEPOINT dvs_write');
    return false;
  }
}

/**
 * Writes the classified values (without duplicate keys), and returns the counts written: the
 * plain way, or, when another transaction stored one of the keys since the classification,
 * the slow, race-proof way — classified anew against what is now committed and written with
 * INSERT … ON CONFLICT DO UPDATE.
 */
export async function writeClassified(client: pg.PoolClient, strategy: ImportStrategy, merge: MergeCounts, write: MergeWrite): Promise<MergeCounts> {
  if (await writePlain(client, merge.counts, write)) return merge;
  await client.query('DROP TABLE dvs_merge');
  const again = await classifyStaged(client, strategy);
  await writeMerge(client, again.counts, write, 'upsert');
  return again;
}

/**
 * Writes the classified values: audit rows, the deletions, then the new and changed values.
 * A changed value and a deletion are audited (previous value, new value, importing user, now),
 * preceded, the first time a stored value changes, by its creation (its value, storedBy and
 * created as stored): a new value is its own record of creation until then (migration 093; DHIS2
 * writes no audit for a new value and starts a value's trail with its creation). Unchanged
 * values (same value, comment and follow-up) count as updated but are not rewritten, as in
 * DHIS2 2.42 ("avoid performing unnecessary updates"). A
 * statement with nothing to do is not sent (each is a scan of the whole merge table).
 */
async function writeMerge(
  client: pg.PoolClient,
  counts: Record<string, number>,
  { modifiedBy, source }: MergeWrite,
  newValues: 'plain' | 'upsert',
): Promise<void> {
  const [inserts, updates, deletes] = [counts.insert ?? 0, counts.update ?? 0, counts.delete ?? 0];
  if (inserts + updates + deletes === 0) return;
  // Every staged value's references were checked against the metadata loaded in this
  // transaction (checkDataValue), and its period registered: migration 031 lets the
  // statement-level reference check of data_value skip these statements.
  await client.query("SET LOCAL denw.data_value_references = 'checked'");
  if (updates + deletes > 0) {
    await client.query(
      `INSERT INTO data_value_audit (${DATA_VALUE_KEY}, audit_type, previous_value, value, modified_by, created)
       SELECT data_element_id, period_id, org_unit_id, coc_id, aoc_id, 'CREATE', NULL, old_value, old_stored_by, old_created
       FROM dvs_merge WHERE ${AUDITED_CHANGE} AND NOT old_create_audited
       UNION ALL
       SELECT data_element_id, period_id, org_unit_id, coc_id, aoc_id, CASE action WHEN 'delete' THEN 'DELETE' ELSE 'UPDATE' END,
         old_value, CASE WHEN action = 'delete' THEN NULL ELSE value END, $1, now()
       FROM dvs_merge WHERE ${AUDITED_CHANGE}`,
      [modifiedBy],
    );
  }
  if (deletes > 0) {
    await client.query(`DELETE FROM data_value d USING dvs_merge m
      WHERE m.action = 'delete' AND d.data_element_id = m.data_element_id AND d.period_id = m.period_id AND d.org_unit_id = m.org_unit_id
        AND d.category_option_combo_id = m.coc_id AND d.attribute_option_combo_id = m.aoc_id`);
  }
  if (newValues === 'upsert') {
    await client.query(`${INSERT_DATA_VALUE} WHERE action = 'insert' OR (action = 'update' AND (${CHANGED})) ${UPSERT}`, [source]);
  } else {
    if (inserts > 0) await client.query(`${INSERT_DATA_VALUE} WHERE action = 'insert'`, [source]);
    if (updates > 0) await client.query(`${INSERT_DATA_VALUE} WHERE action = 'update' AND (${CHANGED}) ${UPSERT}`, [source]);
  }
  await client.query("SET LOCAL denw.data_value_references = ''");
}
