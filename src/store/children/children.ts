// The child registry (table child, migration 040): register a child at a health area, find it
// again by name, mother's name, village or birth date, read it. Shared by the vaccination
// registry (issue 4) and growth monitoring (issue 5). Scope: every read takes the caller's
// scope paths (src/server/access) and returns nothing outside them.
import type pg from 'pg';
import { DenwError } from '../../core/errors.ts';
import { generateUid } from '../../core/metadata/uid.ts';

type Client = Pick<pg.ClientBase, 'query'>;

export interface Child {
  uid: string;
  orgUnit: { code: string | null; name: string };
  givenName: string;
  familyName: string;
  sex: 'F' | 'M';
  birthDate: string;
  motherName: string | null;
  village: string | null;
  created: string;
}

/** A child as the store holds it: what the API shows, plus the keys the store and access rules need. */
export interface StoredChild extends Child {
  id: number;
  orgUnitId: number;
  orgUnitPath: string;
  /** Code of the cercle (level 3) above the health area: the health district of the schedule engine. */
  districtCode: string | null;
}

export interface NewChild {
  orgUnitId: number;
  givenName: string;
  familyName: string;
  sex: 'F' | 'M';
  birthDate: string;
  motherName?: string | null | undefined;
  village?: string | null | undefined;
  /** Kept when the child comes from another system (FHIR Patient.id); generated otherwise. */
  uid?: string | undefined;
  createdBy: string | null;
  source?: string | null | undefined;
}

export const childColumns = `c.id, c.uid, c.org_unit_id, c.given_name, c.family_name, c.sex, c.birth_date, c.mother_name, c.village, c.created,
  ou.code AS org_unit_code, ou.name AS org_unit_name, ou.path AS org_unit_path,
  (SELECT d.code FROM org_unit d WHERE d.id = ANY (ou.ancestor_ids) AND d.level = 3) AS district_code`;
export const childFrom = 'child c JOIN org_unit ou ON ou.id = c.org_unit_id';

export interface ChildRow {
  id: number;
  uid: string;
  org_unit_id: number;
  given_name: string;
  family_name: string;
  sex: 'F' | 'M';
  birth_date: string;
  mother_name: string | null;
  village: string | null;
  created: Date;
  org_unit_code: string | null;
  org_unit_name: string;
  org_unit_path: string;
  district_code: string | null;
}

export function storedChild(row: ChildRow): StoredChild {
  return {
    id: row.id,
    uid: row.uid,
    orgUnit: { code: row.org_unit_code, name: row.org_unit_name },
    givenName: row.given_name,
    familyName: row.family_name,
    sex: row.sex,
    birthDate: row.birth_date,
    motherName: row.mother_name,
    village: row.village,
    created: row.created.toISOString(),
    orgUnitId: row.org_unit_id,
    orgUnitPath: row.org_unit_path,
    districtCode: row.district_code,
  };
}

/** The API's view of a child: the store's keys removed. */
export function publicChild({ id: _id, orgUnitId: _orgUnitId, orgUnitPath: _path, districtCode: _district, ...child }: StoredChild): Child {
  return child;
}

/** Registers a child; CHILD_EXISTS when the given UID is taken. */
export async function registerChild(client: Client, child: NewChild): Promise<StoredChild> {
  const uid = child.uid ?? generateUid();
  const inserted = await client.query<{ id: number }>(
    `INSERT INTO child (uid, org_unit_id, given_name, family_name, sex, birth_date, mother_name, village, created_by, source)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (uid) DO NOTHING RETURNING id`,
    [uid, child.orgUnitId, child.givenName, child.familyName, child.sex, child.birthDate, child.motherName ?? null, child.village ?? null, child.createdBy, child.source ?? null],
  );
  if (inserted.rowCount === 0) throw new DenwError('CHILD_EXISTS', { uid }, 'uid');
  return (await getChild(client, uid))!;
}

/** A child by UID, whatever the scope (the caller checks it on `orgUnitPath`). */
export async function getChild(client: Client, uid: string): Promise<StoredChild | undefined> {
  const { rows } = await client.query<ChildRow>(`SELECT ${childColumns} FROM ${childFrom} WHERE c.uid = $1`, [uid]);
  return rows[0] && storedChild(rows[0]);
}

export interface ChildSearch {
  /** Paths of the org units the caller may read (the children of their subtrees). */
  scopePaths: readonly string[];
  /** Only the children registered at this org unit or below it (its path). */
  orgUnitPath?: string | undefined;
  /** Words that must each appear in the given, family or mother's name or the village, without accents or case. */
  q?: string | undefined;
  birthDate?: string | undefined;
  limit?: number | undefined;
}

const likePrefix = (path: string) => `${path.replace(/[\\%_]/g, (character) => `\\${character}`)}/%`;

/** Children matching every criterion, by family and given name; at most `limit` (200). */
export async function findChildren(client: Client, search: ChildSearch): Promise<StoredChild[]> {
  if (search.scopePaths.length === 0) return [];
  const parameters: unknown[] = [];
  const parameter = (value: unknown) => {
    parameters.push(value);
    return `$${parameters.length}`;
  };
  const underPath = (path: string) => `(ou.path = ${parameter(path)} OR ou.path LIKE ${parameter(likePrefix(path))})`;
  const conditions = [`(${search.scopePaths.map(underPath).join(' OR ')})`];
  if (search.orgUnitPath !== undefined) conditions.push(underPath(search.orgUnitPath));
  if (search.birthDate !== undefined) conditions.push(`c.birth_date = ${parameter(search.birthDate)}::date`);
  // Each word of the query is a substring of one of the four fields ("fatou traore kati").
  for (const word of (search.q ?? '').split(/\s+/).filter(Boolean)) {
    const pattern = parameter(`%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`);
    conditions.push(
      `(fold_text(c.given_name) LIKE fold_text(${pattern}) OR fold_text(c.family_name) LIKE fold_text(${pattern})
        OR fold_text(coalesce(c.mother_name, '')) LIKE fold_text(${pattern}) OR fold_text(coalesce(c.village, '')) LIKE fold_text(${pattern}))`,
    );
  }
  const { rows } = await client.query<ChildRow>(
    `SELECT ${childColumns} FROM ${childFrom} WHERE ${conditions.join(' AND ')}
     ORDER BY fold_text(c.family_name), fold_text(c.given_name), c.birth_date, c.id LIMIT ${parameter(search.limit ?? 200)}`,
    parameters,
  );
  return rows.map(storedChild);
}
