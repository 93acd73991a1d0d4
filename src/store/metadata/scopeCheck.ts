// Metadata that belongs to a place, written only by someone whose scope holds that place
// (server/access/policy.ts canWriteOrgUnitMetadata): an org unit (where it is and where it
// goes), the population, targets and observations of an org unit, and which org units a data
// set is assigned to or an org-unit group holds. A data manager of Kayes may rename a cercle
// of Kayes, assign a Kayes facility to a data set, or set Kayes's population; it may not close
// a cercle of Koulikoro, nor drop Koulikoro's facilities from a national data set by sending
// the set with its own region's facilities only (the assignment is replaced as a whole).
//
// Each refusal is an error of the object (METADATA_OUT_OF_SCOPE, naming the first unit outside
// the scope), so that the import report says which object and which unit, and atomicMode=ALL
// writes nothing. Collections that belong to no place (data elements, indicators, rules …) are
// not restricted here: the role's metadata:write covers them.
import type pg from 'pg';
import { importError } from '../../core/metadata/importErrors.ts';
import type { Ref } from '../../core/metadata/schemas.ts';
import { isDocObject, type Bundle, type DocObject, type Target } from './bundle.ts';

/** Whether the importing user may write metadata of the org unit with this path. */
export type CanWriteOrgUnit = (orgUnitPath: string) => boolean;

type Unit = DocObject<'organisationUnits'>;

export async function checkOrgUnitScope(bundle: Bundle, client: pg.PoolClient, canWrite: CanWriteOrgUnit): Promise<void> {
  const paths = new OrgUnitPaths(bundle);
  const deleting = bundle.options.importStrategy === 'DELETE';
  const refuse = (object: DocObject, unit: Target | number, property: string): void => {
    object.errors.push(importError('METADATA_OUT_OF_SCOPE', { object: bundle.describe(object), orgUnit: paths.label(unit) }, property));
  };
  const outside = (unit: Target | number): boolean => {
    const path = paths.of(unit);
    // No path: a unit in a parent cycle, already refused by the org-unit plan.
    return path !== undefined && !canWrite(path);
  };

  for (const unit of bundle.list('organisationUnits')) {
    if (!unit.value || unit.alias) continue;
    // Where the unit is now (update, delete) and where the document puts it (create, update).
    const places: Array<Target | number> = [...(unit.stored ? [unit.stored.id] : []), ...(deleting ? [] : [unit])];
    const place = places.find(outside);
    if (place !== undefined) refuse(unit, place, deleting || place === unit.stored?.id ? 'id' : 'parent');
  }

  for (const collection of ['population', 'targets', 'observations'] as const) {
    for (const object of bundle.list(collection)) {
      const target = object.value ? bundle.resolvedTarget(object.value.orgUnit) : undefined;
      if (target && outside(target)) refuse(object, target, 'orgUnit');
    }
  }

  // Assignments and memberships are replaced as a whole: every unit added or dropped must be
  // inside the scope, so units outside it stay exactly as they were.
  const links = [
    { collection: 'dataSets', table: 'data_set_org_unit', owner: 'data_set_id' },
    { collection: 'organisationUnitGroups', table: 'org_unit_group_member', owner: 'org_unit_group_id' },
  ] as const;
  for (const { collection, table, owner } of links) {
    const objects = bundle.list(collection).filter((object) => object.value && !object.alias);
    const storedIds = objects.flatMap((object) => (object.stored ? [object.stored.id] : []));
    const stored = new Map<number, Set<number>>();
    if (storedIds.length > 0) {
      const { rows } = await client.query<{ owner: number; unit: number }>(`SELECT ${owner} AS owner, org_unit_id AS unit FROM ${table} WHERE ${owner} = ANY($1::int[])`, [
        storedIds,
      ]);
      for (const row of rows) stored.set(row.owner, (stored.get(row.owner) ?? new Set()).add(row.unit));
    }
    for (const object of objects) {
      const before = new Set<Target | number>(stored.get(object.stored?.id ?? -1) ?? []);
      const after = new Set<Target | number>(deleting ? [] : object.value!.organisationUnits.map((ref: Ref) => paths.key(bundle.resolvedTarget(ref))).filter((unit) => unit !== undefined));
      const changed = [...[...after].filter((unit) => !before.has(unit)), ...[...before].filter((unit) => !after.has(unit))];
      const place = changed.find(outside);
      if (place !== undefined) refuse(object, place, 'organisationUnits');
    }
  }
}

/**
 * Paths of org units as they are stored and as the document leaves them: a stored unit that
 * the document does not move keeps its stored path; a unit of the document hangs under its
 * parent's new path. Units are keyed by stored id, or by their document object when new.
 */
class OrgUnitPaths {
  private readonly stored = new Map<number, string>();
  private readonly docByStoredId = new Map<number, Unit>();
  private readonly computing = new Set<Unit>();

  constructor(private readonly bundle: Bundle) {
    for (const unit of bundle.list('organisationUnits')) if (unit.stored && unit.value && !unit.alias) this.docByStoredId.set(unit.stored.id, unit);
  }

  /** A stored unit by its id, a new one by its document object. */
  key(target: Target | undefined): Target | number | undefined {
    if (target === undefined) return undefined;
    if (isDocObject(target)) return target.stored?.id ?? target;
    return target.id;
  }

  /** The path a unit of the document gets, or a stored unit has (new, when the document moves it). */
  of(unit: Target | number): string | undefined {
    if (typeof unit === 'number') return this.storedPath(unit);
    if (!isDocObject(unit)) return this.of(this.docByStoredId.get(unit.id) ?? unit.id);
    return this.newPath(unit as Unit);
  }

  /** Where the unit is stored now, whatever the document does with it. */
  storedPath(id: number): string | undefined {
    const known = this.stored.get(id);
    if (known !== undefined) return known;
    const uid = this.bundle.preheat.orgUnitUid.get(id);
    if (uid === undefined) return undefined;
    const parent = this.bundle.preheat.orgUnitParent.get(id);
    const above = parent === null || parent === undefined ? '' : this.storedPath(parent);
    if (above === undefined) return undefined;
    const path = `${above}/${uid}`;
    this.stored.set(id, path);
    return path;
  }

  private newPath(unit: Unit): string | undefined {
    if (!unit.value || !unit.uid || this.computing.has(unit)) return undefined;
    const parent = unit.value.parent ? this.bundle.resolvedTarget(unit.value.parent) : undefined;
    if (unit.value.parent && !parent) return undefined;
    this.computing.add(unit);
    const above = parent ? this.of(parent) : '';
    this.computing.delete(unit);
    return above === undefined ? undefined : `${above}/${unit.uid}`;
  }

  /** How the refusal names the unit: its code, else its UID. */
  label(unit: Target | number): string {
    if (typeof unit !== 'number') return unit.code ?? unit.uid ?? '';
    const row = this.bundle.preheat.rows.organisationUnits.find((stored) => stored.id === unit);
    return row?.code ?? row?.uid ?? String(unit);
  }
}
