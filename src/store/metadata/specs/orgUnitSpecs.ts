// Import of attributes, org-unit levels, org units, org-unit groups and group sets.
import { importError } from '../../../core/metadata/importErrors.ts';
import { placeUnits, type Placement } from '../../../core/metadata/hierarchy.ts';
import { isDocObject, type DocObject, type Target } from '../bundle.ts';
import { attributeValuesJson, english, identifiedColumns, identifiedRow, shortNamedRow } from '../fields.ts';
import { replaceLinks, upsertRows } from '../writeRows.ts';
import { attributeUses, listUses, refUse, type CollectionSpec, type ParsedObject, type WriteContext } from './spec.ts';

const shortNamedColumns = { ...identifiedColumns, short_name: 'text', description: 'text' } as const;

export const attributeSpec: CollectionSpec<'attributes'> = {
  collection: 'attributes',
  table: 'attribute',
  refs: () => [],
  async write(objects, { client }) {
    const rows = objects.map((object) => ({
      ...shortNamedRow(object, object.value),
      value_type: object.value.valueType,
      object_types: object.value.objectTypes,
      is_unique: object.value.unique,
      mandatory: object.value.mandatory,
    }));
    const columns = { ...shortNamedColumns, value_type: 'text', object_types: 'text[]', is_unique: 'bool', mandatory: 'bool' } as const;
    await upsertRows(client, 'attribute', columns, rows, ['id']);
  },
};

/** Levels are matched by their number (a level is its number), the row keyed by it. */
export const organisationUnitLevelSpec: CollectionSpec<'organisationUnitLevels'> = {
  collection: 'organisationUnitLevels',
  refs: () => [],
  async write(objects, { client }) {
    const rows = objects.map((object) => ({
      level: object.value.level,
      uid: object.uid,
      code: object.value.code ?? null,
      name: object.value.name,
      name_en: english(object.value.translations),
      translations: object.value.translations,
    }));
    const columns = { level: 'int', uid: 'text', code: 'text', name: 'text', name_en: 'text', translations: 'jsonb' } as const;
    await upsertRows(client, 'org_unit_level', columns, rows, ['level']);
  },
};

/**
 * The deepest level a unit may sit at. A path of 12 characters a level must fit a btree index
 * entry (PostgreSQL: about 2,700 bytes, a third of a page), so ~225 levels made the write fail
 * with a 500; a country's tree has under ten.
 */
const MAX_ORG_UNIT_LEVEL = 100;

type Unit = DocObject<'organisationUnits'>;
/** A unit of the document, or a stored unit (by id) that the document does not change. */
type Node = Unit | number;

/**
 * Org units: level, path (UIDs root first) and ancestor ids come from the parent chain, which
 * may run through units of the document listed later and through stored units. A unit moved
 * to a new parent takes its stored descendants along (their paths are recomputed).
 */
export function organisationUnitSpec(): CollectionSpec<'organisationUnits'> {
  let placement: Placement<Node> | undefined;

  const nodeOf = (target: Target, docByStoredId: Map<number, Unit>): Node =>
    isDocObject(target) ? (target as Unit) : (docByStoredId.get(target.id) ?? target.id);

  return {
    collection: 'organisationUnits',
    table: 'org_unit',
    refs: (object) => [...refUse('parent', 'organisationUnits', object.value.parent), ...attributeUses(object.value.attributeValues)],
    plan(bundle) {
      const units = bundle.list('organisationUnits').filter((unit) => unit.value && !unit.alias);
      const docByStoredId = new Map(units.filter((unit) => unit.stored).map((unit) => [unit.stored!.id, unit]));
      placement = placeUnits<Node>(units, (node) => {
        if (typeof node === 'number') {
          const parent = bundle.preheat.orgUnitParent.get(node);
          return parent === null || parent === undefined ? null : (docByStoredId.get(parent) ?? parent);
        }
        const parentRef = node.value!.parent;
        const target = parentRef ? bundle.resolvedTarget(parentRef) : undefined;
        return target ? nodeOf(target, docByStoredId) : null;
      });
      for (const unit of units) {
        if (placement.inCycle.has(unit)) {
          unit.errors.push(importError('ORG_UNIT_PARENT_CYCLE', { object: bundle.describe(unit) }, 'parent', unit.value!.parent));
        }
        const level = placement.ancestry.get(unit)?.length ?? 0;
        if (level > MAX_ORG_UNIT_LEVEL) {
          unit.errors.push(importError('ORG_UNIT_TOO_DEEP', { object: bundle.describe(unit), level, max: MAX_ORG_UNIT_LEVEL }, 'parent', unit.value!.parent));
        }
        const { openingDate, closedDate } = unit.value!;
        if (openingDate && closedDate && closedDate < openingDate) {
          unit.errors.push(importError('E4013', { closedDate, openingDate }, 'closedDate', closedDate));
        }
      }
    },
    async write(objects, { client, bundle }) {
      const idOf = (node: Node) => (typeof node === 'number' ? node : node.id!);
      const uidOf = (node: Node) => (typeof node === 'number' ? bundle.preheat.orgUnitUid.get(node)! : node.uid!);
      const writing = new Set<Node>(objects);
      const ordered = placement!.order.filter((node): node is ParsedObject<'organisationUnits'> => writing.has(node));
      const rows = ordered.map((unit) => {
        const ancestry = placement!.ancestry.get(unit)!;
        const value = unit.value;
        return {
          ...shortNamedRow(unit, value),
          parent_id: ancestry.length > 1 ? idOf(ancestry[ancestry.length - 2]!) : null,
          level: ancestry.length,
          path: `/${ancestry.map(uidOf).join('/')}`,
          ancestor_ids: ancestry.map(idOf),
          opening_date: value.openingDate ?? null,
          closed_date: value.closedDate ?? null,
          geometry: value.geometry ?? null,
          boundary_version: value.boundaryVersion ?? null,
          attributes: attributeValuesJson(bundle, value.attributeValues),
          source: value.source ?? null,
        };
      });
      const columns = {
        ...shortNamedColumns,
        parent_id: 'int',
        level: 'int',
        path: 'text',
        ancestor_ids: 'int[]',
        opening_date: 'date',
        closed_date: 'date',
        geometry: 'jsonb',
        boundary_version: 'text',
        attributes: 'jsonb',
        source: 'text',
      } as const;
      await upsertRows(client, 'org_unit', columns, rows, ['id']);
      const moved = ordered.filter((unit, i) => unit.stored && bundle.preheat.orgUnitParent.get(unit.id!) !== rows[i]!.parent_id);
      if (moved.length > 0) await recomputeDescendants(client, moved.map((unit) => unit.id!));
    },
  };
}

/** Level, path and ancestor ids of every unit below the given (already updated) units. */
async function recomputeDescendants(client: WriteContext['client'], rootIds: number[]): Promise<void> {
  await client.query(
    `WITH RECURSIVE tree AS (
       SELECT id, level, path, ancestor_ids FROM org_unit WHERE id = ANY($1::int[])
       UNION ALL
       SELECT c.id, t.level + 1, t.path || '/' || c.uid, t.ancestor_ids || c.id
       FROM org_unit c JOIN tree t ON c.parent_id = t.id
     )
     UPDATE org_unit o SET level = t.level, path = t.path, ancestor_ids = t.ancestor_ids
     FROM tree t WHERE o.id = t.id AND NOT (o.id = ANY($1::int[]))`,
    [rootIds],
  );
}

export const organisationUnitGroupSpec: CollectionSpec<'organisationUnitGroups'> = {
  collection: 'organisationUnitGroups',
  table: 'org_unit_group',
  refs: (object) => listUses('organisationUnits', 'organisationUnits', object.value.organisationUnits),
  async write(objects, { client, bundle }) {
    await upsertRows(client, 'org_unit_group', shortNamedColumns, objects.map((object) => shortNamedRow(object, object.value)), ['id']);
    const members = objects.flatMap((object) =>
      object.value.organisationUnits.map((unit) => ({ org_unit_group_id: object.id, org_unit_id: bundle.idOf(unit) })),
    );
    const columns = { org_unit_group_id: 'int', org_unit_id: 'int' } as const;
    await replaceLinks(client, 'org_unit_group_member', 'org_unit_group_id', objects.map((object) => object.id!), columns, members);
  },
};

export const organisationUnitGroupSetSpec: CollectionSpec<'organisationUnitGroupSets'> = {
  collection: 'organisationUnitGroupSets',
  table: 'org_unit_group_set',
  refs: (object) => listUses('organisationUnitGroups', 'organisationUnitGroups', object.value.organisationUnitGroups),
  async write(objects, { client, bundle }) {
    const rows = objects.map((object) => ({
      ...shortNamedRow(object, object.value),
      compulsory: object.value.compulsory,
      data_dimension: object.value.dataDimension,
      include_subhierarchy_in_analytics: object.value.includeSubhierarchyInAnalytics,
    }));
    const columns = { ...shortNamedColumns, compulsory: 'bool', data_dimension: 'bool', include_subhierarchy_in_analytics: 'bool' } as const;
    await upsertRows(client, 'org_unit_group_set', columns, rows, ['id']);
    const members = objects.flatMap((object) =>
      object.value.organisationUnitGroups.map((group) => ({ org_unit_group_set_id: object.id, org_unit_group_id: bundle.idOf(group) })),
    );
    const linkColumns = { org_unit_group_set_id: 'int', org_unit_group_id: 'int' } as const;
    await replaceLinks(client, 'org_unit_group_set_member', 'org_unit_group_set_id', objects.map((object) => object.id!), linkColumns, members);
  },
};
