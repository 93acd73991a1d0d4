// The org units an analytics `ou` dimension stands for, as DHIS2 reads it (docs.dhis2.org,
// Web API → Analytics → "Dimensions and items"):
// - an org unit by code or UID;
// - USER_ORGUNIT, USER_ORGUNIT_CHILDREN, USER_ORGUNIT_GRANDCHILDREN: the roots of the user's
//   scope, their children, their grandchildren;
// - LEVEL-n (a level number, or the code or UID of an org unit level) and OU_GROUP-x (a group by
//   code or UID): the units of that level, or the members of that group, inside the other
//   items of the dimension, which then only bound the selection (`ou:ML01;LEVEL-3` is the
//   cercles of Kayes, not Kayes itself); with no other item, inside the user's scope.
import type { OrgUnitItem } from '../../core/analytics/request.ts';
import { DenwError } from '../../core/errors.ts';
import type { Queryable } from './snapshot.ts';
import type { Named } from './dataItemCatalog.ts';

export interface OrgUnitInfo extends Named {
  level: number;
  /** DHIS2 UID path, root first. */
  path: string;
  /** Internal ids root first: ancestorIds[n - 1] is the ancestor at level n. */
  ancestorIds: number[];
}

const columns = `id, uid, code, name, name_en AS "nameEn", short_name AS "shortName", level, path, ancestor_ids AS "ancestorIds"`;
const order = `ORDER BY level, code NULLS LAST, name`;

export async function loadOrgUnitsByPath(db: Queryable, paths: readonly string[]): Promise<OrgUnitInfo[]> {
  if (paths.length === 0) return [];
  const { rows } = await db.query<OrgUnitInfo>(`SELECT ${columns} FROM org_unit WHERE path = ANY($1) ${order}`, [paths]);
  return rows;
}

/** Units `depth` levels below any of `roots` (depth 0: the roots themselves). */
async function descendants(db: Queryable, roots: readonly OrgUnitInfo[], depth: number): Promise<OrgUnitInfo[]> {
  if (depth === 0 || roots.length === 0) return [...roots];
  const { rows } = await db.query<OrgUnitInfo>(
    `SELECT ${columns} FROM org_unit u
     WHERE EXISTS (SELECT 1 FROM unnest($1::int[], $2::int[]) r(id, level)
                   WHERE u.level = r.level + $3 AND u.ancestor_ids[r.level] = r.id) ${order}`,
    [roots.map((r) => r.id), roots.map((r) => r.level), depth],
  );
  return rows;
}

async function levelNumber(db: Queryable, level: string, parameter: string): Promise<number> {
  if (/^[1-9][0-9]{0,2}$/.test(level)) return Number(level);
  const { rows } = await db.query<{ level: number }>('SELECT level FROM org_unit_level WHERE code = $1 OR uid = $1', [level]);
  if (!rows[0]) throw new DenwError('ANALYTICS_ORG_UNIT_LEVEL_NOT_FOUND', { item: `LEVEL-${level}` }, parameter);
  return rows[0].level;
}

export async function selectOrgUnits(
  db: Queryable,
  items: readonly OrgUnitItem[],
  userRoots: readonly OrgUnitInfo[],
  parameter: string,
): Promise<OrgUnitInfo[]> {
  const ids = items.flatMap((item) => (item.kind === 'orgUnit' ? [item.id] : []));
  const named = ids.length
    ? (await db.query<OrgUnitInfo>(`SELECT ${columns} FROM org_unit WHERE code = ANY($1) OR uid = ANY($1) ${order}`, [ids])).rows
    : [];
  for (const id of ids) {
    if (!named.some((unit) => unit.code === id || unit.uid === id)) throw new DenwError('ANALYTICS_ORG_UNIT_NOT_FOUND', { item: id }, parameter);
  }
  const chosen: OrgUnitInfo[] = [];
  for (const item of items) {
    if (item.kind === 'orgUnit') chosen.push(...named.filter((unit) => unit.code === item.id || unit.uid === item.id));
    if (item.kind === 'user') chosen.push(...(await descendants(db, userRoots, item.depth)));
  }

  const levels = items.flatMap((item) => (item.kind === 'level' ? [item.level] : []));
  const groups = items.flatMap((item) => (item.kind === 'group' ? [item.group] : []));
  if (levels.length === 0 && groups.length === 0) return unique(chosen);

  const boundaries = chosen.length > 0 ? chosen : [...userRoots];
  const selected: OrgUnitInfo[] = [];
  for (const level of levels) {
    const number = await levelNumber(db, level, parameter);
    const byDepth = new Map<number, OrgUnitInfo[]>();
    for (const b of boundaries.filter((unit) => unit.level <= number)) byDepth.set(number - b.level, [...(byDepth.get(number - b.level) ?? []), b]);
    for (const [depth, roots] of byDepth) selected.push(...(await descendants(db, roots, depth)));
  }
  for (const group of groups) {
    const { rows } = await db.query<OrgUnitInfo & { found: boolean }>(
      `SELECT g.id IS NOT NULL AS found, u.* FROM (SELECT id FROM org_unit_group WHERE code = $1 OR uid = $1) g
       LEFT JOIN LATERAL (
         SELECT ${columns} FROM org_unit_group_member m JOIN org_unit ou ON ou.id = m.org_unit_id
         WHERE m.org_unit_group_id = g.id
           AND EXISTS (SELECT 1 FROM unnest($2::int[], $3::int[]) b(id, level) WHERE ou.ancestor_ids[b.level] = b.id)
       ) u ON true`,
      [group, boundaries.map((b) => b.id), boundaries.map((b) => b.level)],
    );
    if (rows.length === 0) throw new DenwError('ANALYTICS_ORG_UNIT_GROUP_NOT_FOUND', { item: `OU_GROUP-${group}` }, parameter);
    selected.push(...rows.filter((row) => row.id !== null).map(({ found: _found, ...unit }) => unit));
  }
  return unique(selected).sort((a, b) => a.level - b.level || (a.code ?? '\uffff').localeCompare(b.code ?? '\uffff') || a.name.localeCompare(b.name));
}

/** The units and every unit below them. */
export async function withDescendants(db: Queryable, roots: readonly OrgUnitInfo[]): Promise<OrgUnitInfo[]> {
  if (roots.length === 0) return [];
  const { rows } = await db.query<OrgUnitInfo>(
    `SELECT ${columns} FROM org_unit u
     WHERE EXISTS (SELECT 1 FROM unnest($1::int[], $2::int[]) r(id, level) WHERE u.ancestor_ids[r.level] = r.id) ${order}`,
    [roots.map((r) => r.id), roots.map((r) => r.level)],
  );
  return rows;
}

function unique(units: readonly OrgUnitInfo[]): OrgUnitInfo[] {
  const byId = new Map<number, OrgUnitInfo>();
  for (const unit of units) if (!byId.has(unit.id)) byId.set(unit.id, unit);
  return [...byId.values()];
}
