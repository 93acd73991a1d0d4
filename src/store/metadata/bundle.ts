// The objects of one metadata document, matched with what the store holds and with each other
// (DHIS2's object bundle): which object each one is (existing or new, with its UID), what its
// references point to, and what is wrong with it. Nothing here writes.
import { collectionInfo, DEFAULT_NAME, DEFAULT_UIDS, shortKlass, type Collection } from '../../core/metadata/collections.ts';
import { importError, type ImportError } from '../../core/metadata/importErrors.ts';
import type { Action, AtomicMode, Identifier, ImportStrategy } from '../../core/metadata/importReport.ts';
import type { MetadataObject, Ref } from '../../core/metadata/schemas.ts';
import { generateUid } from '../../core/metadata/uid.ts';
import { isIdentified, type Preheat, type StoredRow } from './preheat.ts';

export interface DocObject<C extends Collection = Collection> {
  collection: C;
  /** Position in its collection (inline sections follow the `sections` collection). */
  index: number;
  raw: Record<string, unknown>;
  /** The object as its schema reads it; undefined when the schema refused it. */
  value: MetadataObject<C> | undefined;
  uid?: string | undefined;
  code?: string | undefined;
  name?: string | undefined;
  stored?: StoredRow | undefined;
  /** Database id (or level number): the stored one, or one allocated just before writing. */
  id?: number;
  action: Action;
  errors: ImportError[];
  /** A DHIS2 default category object: it stands for Denw's own default and is not written. */
  alias?: StoredRow;
  /** The data set a section was written inside. */
  owner?: DocObject<'dataSets'>;
  /** What each reference of the object points to, for the atomicMode=NONE cascade. */
  targets: { property: string; target: Target }[];
}

export type Target = DocObject | StoredRow;
export const isDocObject = (target: Target): target is DocObject => 'collection' in target;

/** A reference an object makes; references of one `list` must not repeat (DHIS2 E5007). */
export interface RefUse {
  property: string;
  collection: Collection;
  ref: Ref;
  list?: string;
}

export interface BundleOptions {
  importStrategy: ImportStrategy;
  atomicMode: AtomicMode;
  identifier: Identifier;
}

interface Index {
  byUid: Map<string, Target>;
  byCode: Map<string, Target>;
}

export class Bundle {
  readonly objects = new Map<Collection, DocObject[]>();
  private readonly index = new Map<Collection, Index>();
  private readonly resolved = new WeakMap<Ref, Target>();

  constructor(
    readonly preheat: Preheat,
    readonly options: BundleOptions,
  ) {
    for (const [collection, rows] of Object.entries(preheat.rows) as [Collection, StoredRow[]][]) {
      const index: Index = { byUid: new Map(), byCode: new Map() };
      for (const row of rows) {
        if (row.uid) index.byUid.set(row.uid, row);
        if (row.code) index.byCode.set(row.code, row);
      }
      this.index.set(collection, index);
    }
  }

  list<C extends Collection>(collection: C): DocObject<C>[] {
    return (this.objects.get(collection) ?? []) as DocObject<C>[];
  }

  add(object: DocObject): void {
    const list = this.objects.get(object.collection) ?? [];
    list.push(object);
    this.objects.set(object.collection, list);
  }

  /** Decides which stored object each object of `collection` is, or that it is new. */
  identify(collection: Collection): void {
    const { identifier, importStrategy } = this.options;
    if (!isIdentified(collection)) {
      // Objects known by their key are found at write time (specs/keyedRows.ts).
      for (const object of this.list(collection)) object.action = importStrategy === 'DELETE' ? 'delete' : 'create';
      return;
    }
    const index = this.index.get(collection)!;
    const storedUid = new Map([...index.byUid].filter(([, target]) => !isDocObject(target)) as [string, StoredRow][]);
    const storedCode = new Map([...index.byCode].filter(([, target]) => !isDocObject(target)) as [string, StoredRow][]);
    const byLevel = new Map(this.preheat.rows.organisationUnitLevels.map((row) => [row.id, row]));
    const seenUid = new Set<string>();
    const seenCode = new Set<string>();
    const byUidOnly = collectionInfo[collection].identity === 'uid';
    for (const object of this.list(collection)) {
      const value = object.value as { id?: string; code?: string; name?: string; level?: number } | undefined;
      const idIn = byUidOnly ? (value?.id ?? stringField(object.raw, 'id')) : undefined;
      const codeIn = value?.code ?? stringField(object.raw, 'code');
      object.code = codeIn;
      object.name = value?.name ?? stringField(object.raw, 'name');
      const defaultUid = (DEFAULT_UIDS as Partial<Record<Collection, string>>)[collection];
      if (defaultUid && object.name === DEFAULT_NAME) {
        object.alias = storedUid.get(defaultUid)!;
        object.uid = object.alias.uid!;
        if (idIn) index.byUid.set(idIn, object.alias);
        continue;
      }
      if (!value) {
        object.uid = idIn;
        this.register(index, object, idIn, codeIn);
        continue;
      }
      let match: StoredRow | undefined;
      if (collection === 'organisationUnitLevels') match = byLevel.get(value.level!);
      else if (byUidOnly && identifier !== 'CODE' && idIn) match = storedUid.get(idIn);
      if (!match && codeIn && (!byUidOnly || identifier === 'CODE' || (identifier === 'AUTO' && !idIn))) match = storedCode.get(codeIn);
      object.stored = match;
      object.uid = byUidOnly ? (match?.uid ?? idIn ?? generateUid()) : undefined;
      const describe = this.describe(object);
      if (object.uid && seenUid.has(object.uid)) object.errors.push(importError('E5004', { id: object.uid, type: shortKlass(collection) }, 'id', object.uid));
      if (codeIn && seenCode.has(codeIn)) object.errors.push(importError('E5005', { property: 'code', objects: describe }, 'code', codeIn));
      if (object.uid) seenUid.add(object.uid);
      if (codeIn) seenCode.add(codeIn);
      const identifierText = idIn ?? codeIn ?? `#${object.index}`;
      if (importStrategy === 'CREATE' && match) object.errors.push(importError('E5000', { identifier: identifierText, object: describe }));
      if ((importStrategy === 'UPDATE' || importStrategy === 'DELETE') && !match) {
        object.errors.push(importError('E5001', { identifier: identifierText, object: describe }));
      }
      object.action = importStrategy === 'DELETE' ? 'delete' : match ? 'update' : 'create';
      const codeOwner = codeIn ? storedCode.get(codeIn) : undefined;
      if (codeOwner && codeOwner !== match) object.errors.push(this.conflict(object, 'code', codeIn!, codeOwner));
      const uidOwner = idIn ? storedUid.get(idIn) : undefined;
      if (uidOwner && uidOwner !== match) object.errors.push(this.conflict(object, 'id', idIn!, uidOwner));
      this.register(index, object, object.uid, codeIn);
    }
  }

  /** Makes the object findable by its UID and code; the first of two objects with the same one wins. */
  private register(index: Index, object: DocObject, uid: string | undefined, code: string | undefined): void {
    const free = (current: Target | undefined) => !current || !isDocObject(current);
    if (uid && free(index.byUid.get(uid))) index.byUid.set(uid, object);
    if (code && free(index.byCode.get(code))) index.byCode.set(code, object);
  }

  private conflict(object: DocObject, property: string, value: string, other: StoredRow): ImportError {
    const otherText = `${other.uid ?? other.code} (${shortKlass(object.collection)})`;
    return importError('E5003', { property, value, object: this.describe(object), other: otherText }, property, value);
  }

  /** How messages name an object: as the document does (its id, else its code), else by its place. */
  describe(object: DocObject): string {
    const given = stringField(object.raw, 'id') ?? object.code ?? `#${object.index}`;
    return `${given} (${shortKlass(object.collection)})`;
  }

  /** The object a reference points to: by id, else by code (identifier=AUTO), in the document first. */
  lookup(collection: Collection, ref: Ref): Target | undefined {
    const index = this.index.get(collection);
    if (!index) return undefined;
    // Results-framework objects have codes only, whatever the identifier.
    const identifier = collectionInfo[collection].identity === 'uid' ? this.options.identifier : 'CODE';
    if (ref.id && identifier !== 'CODE') return index.byUid.get(ref.id);
    if (ref.code && identifier !== 'UID') return index.byCode.get(ref.code);
    return undefined;
  }

  /** Resolves the references of `object`; a reference to nothing is DHIS2 error E5002. */
  resolve(object: DocObject, uses: readonly RefUse[]): void {
    const seen = new Map<string, Set<Target>>();
    for (const use of uses) {
      const target = this.lookup(use.collection, use.ref);
      const shown = `${use.ref.id ?? use.ref.code ?? '{}'} (${shortKlass(use.collection)})`;
      if (!target) {
        object.errors.push(importError('E5002', { reference: shown, object: this.describe(object), property: use.property }, use.property, use.ref));
        continue;
      }
      this.resolved.set(use.ref, target);
      object.targets.push({ property: use.property, target });
      if (use.list) {
        const listTargets = seen.get(use.list) ?? new Set<Target>();
        if (listTargets.has(target)) {
          object.errors.push(importError('E5007', { reference: shown, object: this.describe(object), property: use.list }, use.list, use.ref));
        }
        listTargets.add(target);
        seen.set(use.list, listTargets);
      }
    }
  }

  /** What a reference points to, if it was resolved. */
  resolvedTarget(ref: Ref): Target | undefined {
    return this.resolved.get(ref);
  }

  target(ref: Ref): Target {
    const target = this.resolved.get(ref);
    if (!target) throw new Error(`unresolved reference ${JSON.stringify(ref)}`);
    return target;
  }

  /** The database id of what a resolved reference points to. */
  idOf(ref: Ref): number {
    return targetId(this.target(ref));
  }

  /**
   * With atomicMode=NONE, an object that refers to an object of the document that will not be
   * imported cannot be imported either (its reference would point to nothing). Repeats until
   * no more objects fall.
   */
  cascade(): void {
    let changed = true;
    while (changed) {
      changed = false;
      for (const objects of this.objects.values()) {
        for (const object of objects) {
          if (object.errors.length > 0 || object.alias) continue;
          const fallen = object.targets.find(({ target }) => isDocObject(target) && target.errors.length > 0);
          if (!fallen) continue;
          const target = fallen.target as DocObject;
          object.errors.push(
            importError('E5002', { reference: this.describe(target), object: this.describe(object), property: fallen.property }, fallen.property),
          );
          changed = true;
        }
      }
    }
  }

  hasErrors(): boolean {
    return [...this.objects.values()].some((objects) => objects.some((object) => object.errors.length > 0));
  }

  /** The objects to write: all, or with atomicMode=NONE those without errors. */
  valid<C extends Collection>(collection: C): DocObject<C>[] {
    return this.list(collection).filter((object) => object.errors.length === 0 && !object.alias && object.value);
  }
}

export function targetId(target: Target): number {
  if (!isDocObject(target)) return target.id;
  const id = target.alias?.id ?? target.id;
  if (id === undefined) throw new Error(`no id allocated for ${target.collection} #${target.index}`);
  return id;
}

function stringField(raw: Record<string, unknown>, field: string): string | undefined {
  const value = raw[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
