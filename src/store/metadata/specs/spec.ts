// How the import handles one collection: the references its objects make, the checks that
// need the whole document, and how its objects are written.
import type pg from 'pg';
import type { Collection } from '../../../core/metadata/collections.ts';
import type { MetadataObject, Ref } from '../../../core/metadata/schemas.ts';
import type { Bundle, DocObject, RefUse } from '../bundle.ts';

export type ParsedObject<C extends Collection> = DocObject<C> & { value: MetadataObject<C> };

export interface WriteContext {
  client: pg.PoolClient;
  bundle: Bundle;
}

export interface CollectionSpec<C extends Collection> {
  collection: C;
  /** The table of an identified collection: new ids come from its sequence, deletes go by id. */
  table?: string;
  refs(object: ParsedObject<C>): RefUse[];
  /** Checks that need every object and reference of the document, run before anything is written. */
  plan?(bundle: Bundle): void;
  /** Writes the objects to create or update (ids already allocated). */
  write(objects: ParsedObject<C>[], context: WriteContext): Promise<void>;
  /** Deletes objects that have no table id (population, targets, observations). */
  remove?(objects: ParsedObject<C>[], context: WriteContext): Promise<void>;
}

/** A single optional reference. */
export function refUse(property: string, collection: Collection, ref: Ref | undefined): RefUse[] {
  return ref ? [{ property, collection, ref }] : [];
}

/** A list of references that must not repeat. */
export function listUses(property: string, collection: Collection, refs: readonly Ref[]): RefUse[] {
  return refs.map((ref) => ({ property, collection, ref, list: property }));
}

export function attributeUses(values: readonly { attribute: Ref }[]): RefUse[] {
  return values.map(({ attribute }) => ({ property: 'attributeValues', collection: 'attributes', ref: attribute, list: 'attributeValues' }));
}
