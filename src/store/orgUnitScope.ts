// A user's org-unit scope in SQL: which units are the roots of its subtrees, and a filter
// that keeps only rows whose org unit lies inside them (see src/server/access/README.md).
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Role } from '../server/access/abilities.ts';
import type { Schema } from './schema.ts';

/** An org unit as the scope shows it to people: identified by UID, code and path. */
export interface ScopeUnit {
  id: string;
  code: string | null;
  name: string;
  nameEn: string | null;
  level: number;
  path: string;
}

type Db = Kysely<Schema>;

const scopeColumns = [
  'org_unit.uid as id',
  'org_unit.code',
  'org_unit.name',
  'org_unit.name_en as nameEn',
  'org_unit.level',
  'org_unit.path',
] as const;

/**
 * The roots of a user's scope, by code. A superuser's scope is every root of the org-unit
 * tree (the whole country), whatever was assigned to it, so that an administrator created
 * before the geography was loaded sees the country once it is.
 */
export async function scopeUnitsOf(db: Db, userId: number, role: Role): Promise<ScopeUnit[]> {
  const query =
    role === 'superuser'
      ? db.selectFrom('org_unit').select(scopeColumns).where('org_unit.parent_id', 'is', null)
      : db
          .selectFrom('app_user_org_unit')
          .innerJoin('org_unit', 'org_unit.id', 'app_user_org_unit.org_unit_id')
          .select(scopeColumns)
          .where('app_user_org_unit.user_id', '=', userId);
  return query.orderBy('org_unit.path').execute();
}

/**
 * Finds org units named by code or UID. Returns them with the references that match none,
 * so that the caller can report each unknown one by its position.
 */
export async function findOrgUnits(db: Db, references: readonly string[]): Promise<{ ids: Map<string, number>; unknown: string[] }> {
  if (references.length === 0) return { ids: new Map(), unknown: [] };
  const rows = await db
    .selectFrom('org_unit')
    .select(['id', 'uid', 'code'])
    .where((eb) => eb.or([eb('code', 'in', references), eb('uid', 'in', references)]))
    .execute();
  const ids = new Map<string, number>();
  for (const row of rows) {
    ids.set(row.uid, row.id);
    if (row.code) ids.set(row.code, row.id);
  }
  return { ids, unknown: references.filter((reference) => !ids.has(reference)) };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * A WHERE condition keeping the rows whose org-unit path (the `pathColumn`, e.g.
 * 'org_unit.path') is one of `scopePaths` or lies below one of them. No paths: no rows.
 * Each root gives `path = root OR path LIKE 'root/%'`, which the org_unit_path index
 * (text_pattern_ops) answers as a range scan.
 *
 *   db.selectFrom('org_unit').selectAll().where(pathInScope('org_unit.path', readScope(user)))
 */
export function pathInScope(pathColumn: string, scopePaths: readonly string[]): RawBuilder<SqlBool> {
  if (scopePaths.length === 0) return sql<SqlBool>`false`;
  const column = sql.ref(pathColumn);
  const roots = scopePaths.map((root) => sql`(${column} = ${root} OR ${column} LIKE ${`${escapeLike(root)}/%`})`);
  return sql<SqlBool>`(${sql.join(roots, sql` OR `)})`;
}
