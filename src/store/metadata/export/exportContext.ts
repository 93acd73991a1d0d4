// What every collection's export reads with: the pool, and id → UID (or code) maps of the
// tables that objects refer to, loaded once per export.
import type pg from 'pg';
import type { Translation } from '../../../core/metadata/schemas.ts';

export interface ExportContext {
  rows<T>(sql: string): Promise<T[]>;
  /** {"id": UID} of the object with this id in `table`. */
  ref(table: string, id: number): Promise<{ id: string }>;
  /** {"code": …} of a results-framework object (they have codes, not UIDs). */
  codeRef(table: string, id: number): Promise<{ code: string }>;
}

export function exportContext(pool: pg.Pool): ExportContext {
  const maps = new Map<string, Promise<Map<number, string>>>();
  const load = (table: string, column: 'uid' | 'code') => {
    const key = `${table}.${column}`;
    if (!maps.has(key)) {
      maps.set(
        key,
        pool.query<{ id: number; value: string }>(`SELECT id, ${column} AS value FROM ${table}`).then((result) => new Map(result.rows.map((row) => [row.id, row.value]))),
      );
    }
    return maps.get(key)!;
  };
  const lookup = async (table: string, column: 'uid' | 'code', id: number) => {
    const value = (await load(table, column)).get(id);
    if (value === undefined) throw new Error(`${table} ${id} has no ${column}`);
    return value;
  };
  return {
    rows: async <T>(sql: string) => (await pool.query(sql)).rows as T[],
    ref: async (table, id) => ({ id: await lookup(table, 'uid', id) }),
    codeRef: async (table, id) => ({ code: await lookup(table, 'code', id) }),
  };
}

/** Rows shared by identified tables. */
export interface IdentifiedRow {
  id: number;
  uid: string;
  code: string | null;
  name: string;
  name_en: string | null;
  translations: Translation[];
}

/** id, code, name and translations; a stored English name becomes a NAME translation when none is stored. */
export function identified(row: IdentifiedRow): Record<string, unknown> {
  const translations = row.translations.length || !row.name_en ? row.translations : [{ property: 'NAME', locale: 'en', value: row.name_en }];
  return { id: row.uid, ...(row.code ? { code: row.code } : {}), name: row.name, translations };
}

/** Drops null and undefined fields, as DHIS2 leaves empty fields out of its exports. */
export function compact(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null && value !== undefined));
}

export function attributeValues(attributes: Record<string, string>): { attribute: { id: string }; value: string }[] {
  return Object.keys(attributes)
    .sort()
    .map((uid) => ({ attribute: { id: uid }, value: attributes[uid]! }));
}

/** Groups link rows by owner, keeping their order. */
export function byOwner<T extends { owner: number }>(rows: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const row of rows) {
    const group = groups.get(row.owner);
    if (group) group.push(row);
    else groups.set(row.owner, [row]);
  }
  return groups;
}
