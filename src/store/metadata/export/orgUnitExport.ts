// Export of attributes, org-unit levels, org units, groups and group sets.
import { attributeValues, byOwner, compact, identified, type ExportContext, type IdentifiedRow } from './exportContext.ts';

type Named = IdentifiedRow & { short_name: string | null; description: string | null };

export async function exportAttributes(context: ExportContext) {
  const rows = await context.rows<Named & { value_type: string; object_types: string[]; is_unique: boolean; mandatory: boolean }>(
    'SELECT * FROM attribute ORDER BY uid COLLATE "C"',
  );
  return rows.map((row) =>
    compact({
      ...identified(row),
      shortName: row.short_name,
      description: row.description,
      valueType: row.value_type,
      unique: row.is_unique,
      mandatory: row.mandatory,
      ...Object.fromEntries(row.object_types.map((flag) => [flag, true])),
    }),
  );
}

export async function exportOrganisationUnitLevels(context: ExportContext) {
  const rows = await context.rows<Omit<IdentifiedRow, 'id'> & { level: number }>('SELECT * FROM org_unit_level ORDER BY level');
  return rows.map((row) => ({ ...identified({ ...row, id: row.level }), level: row.level }));
}

export async function exportOrganisationUnits(context: ExportContext) {
  const rows = await context.rows<
    Named & {
      parent_id: number | null;
      level: number;
      path: string;
      opening_date: string | null;
      closed_date: string | null;
      geometry: unknown;
      boundary_version: string | null;
      attributes: Record<string, string>;
      source: string | null;
    }
  >('SELECT * FROM org_unit ORDER BY uid COLLATE "C"');
  return Promise.all(
    rows.map(async (row) =>
      compact({
        ...identified(row),
        shortName: row.short_name,
        description: row.description,
        parent: row.parent_id === null ? null : await context.ref('org_unit', row.parent_id),
        level: row.level,
        path: row.path,
        openingDate: row.opening_date,
        closedDate: row.closed_date,
        geometry: row.geometry,
        attributeValues: attributeValues(row.attributes),
        boundaryVersion: row.boundary_version,
        source: row.source,
      }),
    ),
  );
}

/** Members by owner, as references sorted by UID. */
async function members(context: ExportContext, sql: string, table: string): Promise<Map<number, { id: string }[]>> {
  const links = byOwner(await context.rows<{ owner: number; member: number }>(sql));
  const refs = new Map<number, { id: string }[]>();
  for (const [owner, rows] of links) {
    const list = await Promise.all(rows.map((row) => context.ref(table, row.member)));
    refs.set(owner, list.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
  }
  return refs;
}

export async function exportOrganisationUnitGroups(context: ExportContext) {
  const rows = await context.rows<Named>('SELECT * FROM org_unit_group ORDER BY uid COLLATE "C"');
  const units = await members(context, 'SELECT org_unit_group_id AS owner, org_unit_id AS member FROM org_unit_group_member', 'org_unit');
  return rows.map((row) =>
    compact({ ...identified(row), shortName: row.short_name, description: row.description, organisationUnits: units.get(row.id) ?? [] }),
  );
}

export async function exportOrganisationUnitGroupSets(context: ExportContext) {
  const rows = await context.rows<Named & { compulsory: boolean; data_dimension: boolean; include_subhierarchy_in_analytics: boolean }>(
    'SELECT * FROM org_unit_group_set ORDER BY uid COLLATE "C"',
  );
  const groups = await members(
    context,
    'SELECT org_unit_group_set_id AS owner, org_unit_group_id AS member FROM org_unit_group_set_member',
    'org_unit_group',
  );
  return rows.map((row) =>
    compact({
      ...identified(row),
      shortName: row.short_name,
      description: row.description,
      compulsory: row.compulsory,
      dataDimension: row.data_dimension,
      includeSubhierarchyInAnalytics: row.include_subhierarchy_in_analytics,
      organisationUnitGroups: groups.get(row.id) ?? [],
    }),
  );
}
