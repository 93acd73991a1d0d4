// Objects identified by the natural key of their fields (population: org unit × year × age
// group × sex; targets; observations): whether each one is new is asked of the table at write
// time, in one query, and the import strategy is applied then.
import type { Collection } from '../../../core/metadata/collections.ts';
import { importError } from '../../../core/metadata/importErrors.ts';
import type { Bundle } from '../bundle.ts';
import { upsertRows, type PgType, type Row } from '../writeRows.ts';
import type { ParsedObject, WriteContext } from './spec.ts';

export interface KeyedTable {
  table: string;
  key: Record<string, PgType>;
  values: Record<string, PgType>;
}

function recordType(columns: Record<string, PgType>): string {
  return Object.entries(columns)
    .map(([name, type]) => `${name} ${type === 'float8' ? 'double precision' : type}`)
    .join(', ');
}

/** Indexes (into `rows`) of the rows whose key is already in the table. */
async function storedKeys(context: WriteContext, spec: KeyedTable, rows: readonly Row[]): Promise<Set<number>> {
  const keys = Object.keys(spec.key);
  const result = await context.client.query<{ i: number }>(
    `SELECT t.i FROM jsonb_to_recordset($1::jsonb) AS t(i int, ${recordType(spec.key)})
     JOIN ${spec.table} x ON ${keys.map((key) => `x.${key} = t.${key}`).join(' AND ')}`,
    [JSON.stringify(rows.map((row, i) => ({ ...row, i })))],
  );
  return new Set(result.rows.map((row) => row.i));
}

/** Creates or updates the objects, as the import strategy allows (E5000, E5001 otherwise). */
export async function writeKeyed<C extends Collection>(
  objects: ParsedObject<C>[],
  context: WriteContext,
  spec: KeyedTable,
  toRow: (object: ParsedObject<C>) => Row,
): Promise<void> {
  const rows = objects.map(toRow);
  const stored = await storedKeys(context, spec, rows);
  const strategy = context.bundle.options.importStrategy;
  const writable = rows.filter((_, i) => {
    const object = objects[i]!;
    object.action = stored.has(i) ? 'update' : 'create';
    const identifier = Object.keys(spec.key).map((key) => rows[i]![key]).join('/');
    if (strategy === 'CREATE' && stored.has(i)) object.errors.push(importError('E5000', { identifier, object: context.bundle.describe(object) }));
    if (strategy === 'UPDATE' && !stored.has(i)) object.errors.push(importError('E5001', { identifier, object: context.bundle.describe(object) }));
    return object.errors.length === 0;
  });
  await upsertRows(context.client, spec.table, { ...spec.key, ...spec.values }, writable, Object.keys(spec.key));
}

/** Deletes the objects by key; one that is not stored is E5001. */
export async function removeKeyed<C extends Collection>(
  objects: ParsedObject<C>[],
  context: WriteContext,
  spec: KeyedTable,
  toRow: (object: ParsedObject<C>) => Row,
): Promise<void> {
  const rows = objects.map(toRow);
  const keys = Object.keys(spec.key);
  const result = await context.client.query<{ i: number }>(
    `DELETE FROM ${spec.table} x USING jsonb_to_recordset($1::jsonb) AS t(i int, ${recordType(spec.key)})
     WHERE ${keys.map((key) => `x.${key} = t.${key}`).join(' AND ')} RETURNING t.i`,
    [JSON.stringify(rows.map((row, i) => ({ ...row, i })))],
  );
  const deleted = new Set(result.rows.map((row) => row.i));
  objects.forEach((object, i) => {
    if (deleted.has(i)) return;
    const identifier = keys.map((key) => rows[i]![key]).join('/');
    object.errors.push(importError('E5001', { identifier, object: context.bundle.describe(object) }));
  });
}

/** Two objects of the document with the same key: the later ones are E5005. */
export function checkDuplicateKeys<C extends Collection>(bundle: Bundle, collection: C, keyOf: (object: ParsedObject<C>) => string | undefined): void {
  const seen = new Set<string>();
  for (const object of bundle.list(collection)) {
    if (!object.value) continue;
    const key = keyOf(object as ParsedObject<C>);
    if (key === undefined) continue;
    if (seen.has(key)) object.errors.push(importError('E5005', { property: 'key', objects: `${bundle.describe(object)} ${key}` }));
    seen.add(key);
  }
}
