// Reading metadata collections for the browser: DHIS2's /api/{collection}?paging=false, each
// object with its name in the interface language (displayName) when the server gives it.
import { api } from '../../app/api.ts';
import { searchable } from '../../components/orgUnits.ts';

export const browsedCollections = ['dataElements', 'indicators', 'dataSets', 'categoryCombos', 'organisationUnits'] as const;
export type BrowsedCollection = (typeof browsedCollections)[number];

export interface Ref {
  id: string;
  code?: string | null;
  name?: string;
  displayName?: string;
}

export interface MetadataObject extends Ref {
  [field: string]: unknown;
}

export const displayName = (object: Ref | undefined | null) => (object ? (object.displayName ?? object.name ?? object.code ?? object.id) : '');

export async function listCollection(collection: BrowsedCollection): Promise<MetadataObject[]> {
  const body = await api<Record<string, MetadataObject[]>>(`/api/${collection}?paging=false`);
  return (body[collection] ?? []).sort((a, b) => displayName(a).localeCompare(displayName(b)));
}

/**
 * Objects whose name, code or any of `extra` texts contain every word of the query (accents and case
 * ignored), or whose id is the whole query. The id, an 11-character random UID, is matched only whole:
 * searched as text, "Penta 3" found every object whose UID happened to hold a "3".
 */
export function searchObjects<T extends MetadataObject>(objects: readonly T[], query: string, extra: (object: T) => string[] = () => []): T[] {
  const words = searchable(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...objects];
  const wholeQuery = query.trim();
  return objects.filter((object) => {
    if (object.id === wholeQuery) return true;
    const text = searchable([displayName(object), object.code ?? '', ...extra(object)].join(' '));
    return words.every((word) => text.includes(word));
  });
}
