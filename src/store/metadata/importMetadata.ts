// Metadata import: a document shaped like a DHIS2 metadata export (plus Denw's population and
// results framework) into the store, in one transaction, all or nothing unless atomicMode=NONE,
// answered by a DHIS2-style import report. docs/metadata-format.md describes the format.
//
//   const report = await importMetadata(database, document, { importStrategy: 'CREATE_AND_UPDATE' });
//
// Steps, as DHIS2's importer takes them: read each object against its schema; match it with
// the stored object it is (by UID or code); resolve its references, in the document first;
// check what needs the whole document (the org-unit tree, the category option combos); then,
// without errors, write collection after collection in one transaction.
import type pg from 'pg';
import { DenwError } from '../../core/errors.ts';
import type { Language } from '../../core/i18n.ts';
import { COLLECTIONS, collectionInfo, isCollection, type Collection } from '../../core/metadata/collections.ts';
import { importError, parseMetadataObject } from '../../core/metadata/importErrors.ts';
import {
  buildImportReport,
  type AtomicMode,
  type Identifier,
  type ImportReport,
  type ImportReportMode,
  type ImportStrategy,
  type ObjectOutcome,
} from '../../core/metadata/importReport.ts';
import { inlineSectionSchema, type MetadataObject } from '../../core/metadata/schemas.ts';
import type { Database } from '../database.ts';
import { Bundle, type DocObject } from './bundle.ts';
import { loadPreheat } from './preheat.ts';
import { checkOrgUnitScope, type CanWriteOrgUnit } from './scopeCheck.ts';
import { collectionSpecs } from './specs/index.ts';
import type { CollectionSpec, ParsedObject, WriteContext } from './specs/spec.ts';
import { allocateIds } from './writeRows.ts';

export interface ImportOptions {
  importStrategy?: ImportStrategy;
  atomicMode?: AtomicMode;
  identifier?: Identifier;
  /** Check and report without writing (DHIS2 importMode=VALIDATE). */
  dryRun?: boolean;
  reportMode?: ImportReportMode;
  language?: Language;
  /**
   * Whether the importing user may write metadata of an org unit (policy.ts
   * canWriteOrgUnitMetadata); absent: anywhere (the CLI and the first start). See scopeCheck.ts.
   */
  canWriteOrgUnit?: CanWriteOrgUnit;
}

/** `document`: a metadata document (any object; each known collection must be a list). */
export async function importMetadata(database: Database, document: object, options: ImportOptions = {}): Promise<ImportReport> {
  const importStrategy = options.importStrategy ?? 'CREATE_AND_UPDATE';
  const atomicMode = options.atomicMode ?? 'ALL';
  const client = await database.pool.connect();
  try {
    await client.query('BEGIN');
    const bundle = new Bundle(await loadPreheat(client), { importStrategy, atomicMode, identifier: options.identifier ?? 'AUTO' });
    const specs = collectionSpecs();
    readDocument(bundle, document as Record<string, unknown>);
    check(bundle, specs);
    if (options.canWriteOrgUnit) {
      await checkOrgUnitScope(bundle, client, options.canWriteOrgUnit);
      if (atomicMode === 'NONE') bundle.cascade();
    }
    let written = false;
    let refused = false;
    if (atomicMode === 'NONE' || !bundle.hasErrors()) {
      refused = !(await write(bundle, specs, client));
      written = !refused && (atomicMode === 'NONE' || !bundle.hasErrors());
    }
    await client.query(written && !options.dryRun ? 'COMMIT' : 'ROLLBACK');
    const outcomes = [...bundle.objects.values()].flat().filter((object) => !object.alias).map(outcome);
    return buildImportReport(outcomes, {
      // A write the database refused undid the whole transaction, whatever the atomic mode.
      atomicMode: refused ? 'ALL' : atomicMode,
      reportMode: options.reportMode ?? 'ERRORS',
      language: options.language ?? 'fr',
      unsupported: unsupportedCollections(document as Record<string, unknown>),
    });
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

function outcome(object: DocObject): ObjectOutcome {
  return { collection: object.collection, index: object.index, uid: object.uid, code: object.code, name: object.name, action: object.action, errors: object.errors };
}

/** Top-level lists of the document that Denw does not import (users, legendSets …), with their sizes. */
function unsupportedCollections(document: Record<string, unknown>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(document)
      .filter(([name, value]) => !isCollection(name) && Array.isArray(value))
      .map(([name, value]) => [name, (value as unknown[]).length]),
  );
}

/** Reads every object against its schema; sections written inside data sets join `sections`. */
function readDocument(bundle: Bundle, document: Record<string, unknown>): void {
  for (const collection of COLLECTIONS) {
    const list = document[collection];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) throw new DenwError('METADATA_COLLECTION_NOT_A_LIST', { collection }, collection);
    list.forEach((raw, index) => {
      const object = record(raw);
      const { value, errors } = parseMetadataObject(collection, object);
      bundle.add({ collection, index, raw: object, value, errors: [...errors], action: 'create', targets: [] });
    });
  }
  let index = bundle.list('sections').length;
  for (const dataSet of bundle.list('dataSets')) {
    for (const raw of dataSet.value?.sections ?? []) {
      if (!('name' in raw)) continue;
      const parsed = inlineSectionSchema.parse(raw);
      const value = { ...parsed, dataSet: { id: undefined, code: undefined } } as MetadataObject<'sections'>;
      // The section falls with its data set under atomicMode=NONE (the cascade follows `targets`).
      const targets = [{ property: 'dataSet', target: dataSet }];
      bundle.add({ collection: 'sections', index: index++, raw: raw as Record<string, unknown>, value, errors: [], action: 'create', targets, owner: dataSet });
    }
  }
}

function record(raw: unknown): Record<string, unknown> {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}

type Specs = ReturnType<typeof collectionSpecs>;

/** Identity, references and whole-document checks, collecting every error. */
function check(bundle: Bundle, specs: Specs): void {
  const deleting = bundle.options.importStrategy === 'DELETE';
  for (const collection of COLLECTIONS) bundle.identify(collection);
  for (const collection of COLLECTIONS) {
    // Deleting needs only to know which objects are meant, except for objects known by the
    // key their references make (population, targets, observations).
    if (deleting && collectionInfo[collection].identity !== 'key') continue;
    const spec = specs[collection] as CollectionSpec<Collection>;
    for (const object of bundle.list(collection)) {
      if (object.value && !object.alias) bundle.resolve(object, spec.refs(object as ParsedObject<Collection>));
    }
  }
  if (deleting) return;
  if (bundle.options.atomicMode === 'NONE') bundle.cascade();
  for (const collection of COLLECTIONS) specs[collection].plan?.(bundle);
  if (bundle.options.atomicMode === 'NONE') bundle.cascade();
}

/**
 * Writes collection after collection. Returns false when the database refused a write (an
 * integrity rule the checks did not foresee, such as two stored objects swapping codes): the
 * refusal is reported on the collection's first object and the transaction is abandoned.
 */
async function write(bundle: Bundle, specs: Specs, client: pg.PoolClient): Promise<boolean> {
  const context: WriteContext = { client, bundle };
  if (bundle.options.importStrategy === 'DELETE') {
    await remove(bundle, specs, context);
    return true;
  }
  for (const collection of COLLECTIONS) {
    const spec = specs[collection] as CollectionSpec<Collection>;
    const objects = bundle.valid(collection) as ParsedObject<Collection>[];
    try {
      await assignIds(objects, spec, client);
      await spec.write(objects, context);
    } catch (error) {
      const { code, detail } = error as { code?: string; detail?: string };
      // Reported on the collection's first object, or on the document's first when the refused
      // rows were the import's own (generated option combos).
      const blame = objects[0] ?? [...bundle.objects.values()].flat()[0];
      if (!code?.startsWith('23') || !blame) throw error;
      blame.errors.push(importError('METADATA_WRITE_REFUSED', { collection, detail: detail ?? String(error) }));
      return false;
    }
  }
  return true;
}

/** Stored objects keep their id; new ones take the next ids of their table's sequence. */
async function assignIds(objects: ParsedObject<Collection>[], spec: CollectionSpec<Collection>, client: pg.PoolClient): Promise<void> {
  const created = objects.filter((object) => !object.stored);
  for (const object of objects) if (object.stored) object.id = object.stored.id;
  if (spec.collection === 'organisationUnitLevels') {
    for (const object of created) object.id = (object as ParsedObject<'organisationUnitLevels'>).value.level;
    return;
  }
  if (!spec.table) return;
  const ids = await allocateIds(client, spec.table, created.length);
  created.forEach((object, i) => (object.id = ids[i]!));
}

/**
 * importStrategy=DELETE: the document's objects are deleted, dependants before what they
 * depend on, each on its own so that one still in use (DHIS2 E4030) is named.
 */
async function remove(bundle: Bundle, specs: Specs, context: WriteContext): Promise<void> {
  for (const collection of [...COLLECTIONS].reverse()) {
    const spec = specs[collection] as CollectionSpec<Collection>;
    const objects = bundle.valid(collection) as ParsedObject<Collection>[];
    if (spec.remove) {
      await spec.remove(objects, context);
      continue;
    }
    const key = collection === 'organisationUnitLevels' ? 'level' : 'id';
    for (const object of deepestFirst(bundle, objects)) {
      await context.client.query('SAVEPOINT delete_object');
      try {
        await context.client.query(`DELETE FROM ${spec.table ?? 'org_unit_level'} WHERE ${key} = $1`, [object.stored!.id]);
        await context.client.query('RELEASE SAVEPOINT delete_object');
      } catch (error) {
        const { code, table } = error as { code?: string; table?: string };
        if (code !== '23503') throw error;
        await context.client.query('ROLLBACK TO SAVEPOINT delete_object');
        object.errors.push(importError('E4030', { object: bundle.describe(object), table: table ?? '' }));
      }
    }
  }
}

/** Org units below before those above them (a unit with children cannot go first). */
function deepestFirst(bundle: Bundle, objects: ParsedObject<Collection>[]): ParsedObject<Collection>[] {
  if (objects[0]?.collection !== 'organisationUnits') return objects;
  const depth = (id: number): number => {
    const parent = bundle.preheat.orgUnitParent.get(id);
    return parent === null || parent === undefined ? 1 : 1 + depth(parent);
  };
  return [...objects].sort((a, b) => depth(b.stored!.id) - depth(a.stored!.id));
}
