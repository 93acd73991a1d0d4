// The metadata an import checks data values against, loaded once per import by the store and
// indexed here by every identifier scheme a file may use, so that a row is resolved with a few
// map look-ups and no query.
import type { IdScheme, IdSchemes } from './dataValueSet.ts';

interface Identified {
  id: number;
  uid: string;
  code: string | null;
  name: string;
}

export interface DataElementMeta extends Identified {
  valueType: string;
  aggregationType: string;
  zeroIsSignificant: boolean;
  categoryComboId: number;
}

export interface OrgUnitMeta extends Identified {
  /** UID path, root first (`/uidML/uidML01/…`), as user scopes are stated. */
  path: string;
  openingDate: string | null;
  closedDate: string | null;
}

export interface CategoryOptionMeta extends Identified {
  startDate: string | null;
  endDate: string | null;
}

export interface CategoryMeta extends Identified {
  optionIds: number[];
}

export interface CategoryOptionComboMeta extends Identified {
  categoryComboId: number;
  optionIds: number[];
}

export interface CategoryComboMeta extends Identified {
  /** Category ids in the combo's order. */
  categoryIds: number[];
}

export interface DataSetMeta extends Identified {
  periodType: string;
  /** The attribute category combo. */
  categoryComboId: number;
  openFuturePeriods: number;
  /** Days after a period's end that data may still be entered; 0: never expires (expiryDays.ts). */
  expiryDays: number;
  /** Data element id → the disaggregation the data set overrides it with, or null. */
  elements: Map<number, number | null>;
  orgUnitIds: Set<number>;
}

export interface ImportMetadata {
  dataElements: DataElementMeta[];
  orgUnits: OrgUnitMeta[];
  categoryOptions: CategoryOptionMeta[];
  categories: CategoryMeta[];
  categoryCombos: CategoryComboMeta[];
  categoryOptionCombos: CategoryOptionComboMeta[];
  dataSets: DataSetMeta[];
  defaultCategoryOptionComboId: number;
}

/** Look-ups by one scheme: identifier as written in a file → object. */
export type Lookup<T> = Map<string, T>;

function lookup<T extends Identified>(objects: T[], scheme: IdScheme): Lookup<T> {
  const map = new Map<string, T>();
  const ambiguous = new Set<string>();
  for (const object of objects) {
    const key = scheme === 'uid' ? object.uid : scheme === 'code' ? object.code : object.name;
    if (key === null) continue;
    if (map.has(key)) ambiguous.add(key);
    map.set(key, object);
  }
  // A name (or a combo code, unique only within its combo) shared by two objects identifies
  // neither: the row is reported as not found rather than written to a guessed object.
  for (const key of ambiguous) map.delete(key);
  // Exports write an object that has no code (or name) by its UID (exportIdentifier): an
  // identifier that names nothing by the scheme is tried as a UID, so such files re-import.
  if (scheme !== 'uid') for (const object of objects) if (!map.has(object.uid)) map.set(object.uid, object);
  return map;
}

/** An object's identifier in an export: by the scheme, or its UID when it has no code (name). */
export function exportIdentifier(object: Identified, scheme: IdScheme): string {
  return (scheme === 'code' ? object.code : scheme === 'name' ? object.name : null) ?? object.uid;
}

const byId = <T extends { id: number }>(objects: T[]) => new Map(objects.map((object) => [object.id, object]));

/** ImportMetadata indexed for one import's identifier schemes. */
export interface MetadataIndex {
  dataElement: Lookup<DataElementMeta>;
  orgUnit: Lookup<OrgUnitMeta>;
  categoryOptionCombo: Lookup<CategoryOptionComboMeta>;
  /** Category combos, by the category option combo scheme (DHIS2 `cc` of /api/dataValues). */
  categoryCombo: Lookup<CategoryComboMeta>;
  dataSet: Lookup<DataSetMeta>;
  category: Lookup<CategoryMeta>;
  categoryOption: Lookup<CategoryOptionMeta>;
  dataElementById: Map<number, DataElementMeta>;
  orgUnitById: Map<number, OrgUnitMeta>;
  dataSetById: Map<number, DataSetMeta>;
  categoryById: Map<number, CategoryMeta>;
  categoryOptionById: Map<number, CategoryOptionMeta>;
  categoryComboById: Map<number, CategoryComboMeta>;
  optionComboById: Map<number, CategoryOptionComboMeta>;
  /** Option combos of a category combo, keyed by their sorted option ids (`3,7`). */
  optionComboByOptions: Map<number, Map<string, CategoryOptionComboMeta>>;
  /** Data sets containing each data element. */
  dataSetsByDataElement: Map<number, DataSetMeta[]>;
  defaultCategoryOptionComboId: number;
}

export const optionsKey = (optionIds: number[]) => [...optionIds].sort((a, b) => a - b).join(',');

export function indexMetadata(metadata: ImportMetadata, schemes: IdSchemes): MetadataIndex {
  const optionComboByOptions = new Map<number, Map<string, CategoryOptionComboMeta>>();
  for (const combo of metadata.categoryOptionCombos) {
    let forCombo = optionComboByOptions.get(combo.categoryComboId);
    if (!forCombo) optionComboByOptions.set(combo.categoryComboId, (forCombo = new Map()));
    forCombo.set(optionsKey(combo.optionIds), combo);
  }
  const dataSetsByDataElement = new Map<number, DataSetMeta[]>();
  for (const dataSet of metadata.dataSets) {
    for (const elementId of dataSet.elements.keys()) {
      const list = dataSetsByDataElement.get(elementId);
      if (list) list.push(dataSet);
      else dataSetsByDataElement.set(elementId, [dataSet]);
    }
  }
  return {
    dataElement: lookup(metadata.dataElements, schemes.dataElement),
    orgUnit: lookup(metadata.orgUnits, schemes.orgUnit),
    categoryOptionCombo: lookup(metadata.categoryOptionCombos, schemes.categoryOptionCombo),
    categoryCombo: lookup(metadata.categoryCombos, schemes.categoryOptionCombo),
    dataSet: lookup(metadata.dataSets, schemes.dataSet),
    category: lookup(metadata.categories, schemes.category),
    categoryOption: lookup(metadata.categoryOptions, schemes.categoryOption),
    dataElementById: byId(metadata.dataElements),
    orgUnitById: byId(metadata.orgUnits),
    dataSetById: byId(metadata.dataSets),
    categoryById: byId(metadata.categories),
    categoryOptionById: byId(metadata.categoryOptions),
    categoryComboById: byId(metadata.categoryCombos),
    optionComboById: byId(metadata.categoryOptionCombos),
    optionComboByOptions,
    dataSetsByDataElement,
    defaultCategoryOptionComboId: metadata.defaultCategoryOptionComboId,
  };
}
