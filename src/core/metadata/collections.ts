// The collections of a metadata document Denw reads and writes, in the order they are
// imported (every collection after the ones it refers to), with the DHIS2 class each one's
// import report names (dhis2-core: the `klass` of a TypeReport), and the value lists DHIS2
// accepts for the enumerated fields. docs/metadata-format.md describes every field.

export const DHIS2_COLLECTIONS = [
  'attributes',
  'organisationUnitLevels',
  'organisationUnits',
  'organisationUnitGroups',
  'organisationUnitGroupSets',
  'categoryOptions',
  'categories',
  'categoryCombos',
  'categoryOptionCombos',
  'dataElements',
  'dataSets',
  'sections',
  'indicatorTypes',
  'indicators',
  'constants',
  'validationRules',
] as const;

/** Denw's own collections (no DHIS2 equivalent): population and the results framework. */
export const DENW_COLLECTIONS = ['population', 'goals', 'results', 'resultIndicators', 'targets', 'observations'] as const;

export const COLLECTIONS = [...DHIS2_COLLECTIONS, ...DENW_COLLECTIONS] as const;
export type Collection = (typeof COLLECTIONS)[number];

export function isCollection(name: string): name is Collection {
  return (COLLECTIONS as readonly string[]).includes(name);
}

/**
 * How an object of the collection is identified: by DHIS2 UID (and optionally code), by code
 * only (results framework), or by the natural key of its fields (population, targets,
 * observations).
 */
export type Identity = 'uid' | 'code' | 'key';

export const collectionInfo: Record<Collection, { klass: string; identity: Identity }> = {
  attributes: { klass: 'org.hisp.dhis.attribute.Attribute', identity: 'uid' },
  organisationUnitLevels: { klass: 'org.hisp.dhis.organisationunit.OrganisationUnitLevel', identity: 'uid' },
  organisationUnits: { klass: 'org.hisp.dhis.organisationunit.OrganisationUnit', identity: 'uid' },
  organisationUnitGroups: { klass: 'org.hisp.dhis.organisationunit.OrganisationUnitGroup', identity: 'uid' },
  organisationUnitGroupSets: { klass: 'org.hisp.dhis.organisationunit.OrganisationUnitGroupSet', identity: 'uid' },
  categoryOptions: { klass: 'org.hisp.dhis.category.CategoryOption', identity: 'uid' },
  categories: { klass: 'org.hisp.dhis.category.Category', identity: 'uid' },
  categoryCombos: { klass: 'org.hisp.dhis.category.CategoryCombo', identity: 'uid' },
  categoryOptionCombos: { klass: 'org.hisp.dhis.category.CategoryOptionCombo', identity: 'uid' },
  dataElements: { klass: 'org.hisp.dhis.dataelement.DataElement', identity: 'uid' },
  dataSets: { klass: 'org.hisp.dhis.dataset.DataSet', identity: 'uid' },
  sections: { klass: 'org.hisp.dhis.dataset.Section', identity: 'uid' },
  indicatorTypes: { klass: 'org.hisp.dhis.indicator.IndicatorType', identity: 'uid' },
  indicators: { klass: 'org.hisp.dhis.indicator.Indicator', identity: 'uid' },
  constants: { klass: 'org.hisp.dhis.constant.Constant', identity: 'uid' },
  validationRules: { klass: 'org.hisp.dhis.validation.ValidationRule', identity: 'uid' },
  population: { klass: 'denw.Population', identity: 'key' },
  goals: { klass: 'denw.Goal', identity: 'code' },
  results: { klass: 'denw.Result', identity: 'code' },
  resultIndicators: { klass: 'denw.ResultIndicator', identity: 'code' },
  targets: { klass: 'denw.Target', identity: 'key' },
  observations: { klass: 'denw.Observation', identity: 'key' },
};

/** The short class name DHIS2 puts in its messages ('DataElement'). */
export function shortKlass(collection: Collection): string {
  return collectionInfo[collection].klass.split('.').pop()!;
}

/** dhis2-core ValueType. */
export const VALUE_TYPES = [
  'TEXT',
  'LONG_TEXT',
  'MULTI_TEXT',
  'LETTER',
  'PHONE_NUMBER',
  'EMAIL',
  'BOOLEAN',
  'TRUE_ONLY',
  'DATE',
  'DATETIME',
  'TIME',
  'NUMBER',
  'UNIT_INTERVAL',
  'PERCENTAGE',
  'INTEGER',
  'INTEGER_POSITIVE',
  'INTEGER_NEGATIVE',
  'INTEGER_ZERO_OR_POSITIVE',
  'TRACKER_ASSOCIATE',
  'USERNAME',
  'COORDINATE',
  'ORGANISATION_UNIT',
  'REFERENCE',
  'AGE',
  'URL',
  'FILE_RESOURCE',
  'IMAGE',
  'GEOJSON',
] as const;

/** dhis2-core analytics/AggregationType (the 2.36 list and the org-unit variants added since). */
export const AGGREGATION_TYPES = [
  'SUM',
  'AVERAGE',
  'AVERAGE_SUM_ORG_UNIT',
  'LAST',
  'LAST_AVERAGE_ORG_UNIT',
  'LAST_LAST_ORG_UNIT',
  'LAST_IN_PERIOD',
  'LAST_IN_PERIOD_AVERAGE_ORG_UNIT',
  'FIRST',
  'FIRST_AVERAGE_ORG_UNIT',
  'FIRST_FIRST_ORG_UNIT',
  'COUNT',
  'STDDEV',
  'VARIANCE',
  'MIN',
  'MAX',
  'MIN_SUM_ORG_UNIT',
  'MAX_SUM_ORG_UNIT',
  'NONE',
  'CUSTOM',
  'DEFAULT',
] as const;

/** dhis2-core expression/Operator, as validation rules write it. */
export const VALIDATION_OPERATORS = [
  'equal_to',
  'not_equal_to',
  'greater_than',
  'greater_than_or_equal_to',
  'less_than',
  'less_than_or_equal_to',
  'compulsory_pair',
  'exclusive_pair',
] as const;

const OPERATOR_SYMBOLS: Record<string, string> = { equal_to: '=', not_equal_to: '≠', greater_than: '>', greater_than_or_equal_to: '≥', less_than: '<', less_than_or_equal_to: '≤' };

/** How a comparison operator reads in a message or a table; undefined for the pair operators, which are named in words. */
export const operatorSymbol = (operator: string): string | undefined => OPERATOR_SYMBOLS[operator];

/** dhis2-core expression/MissingValueStrategy. */
export const MISSING_VALUE_STRATEGIES = ['SKIP_IF_ANY_VALUE_MISSING', 'SKIP_IF_ALL_VALUES_MISSING', 'NEVER_SKIP'] as const;

/**
 * DHIS2 names the system's default category objects 'default' and treats any object of that
 * name as the default (dhis2-core CategoryService: DEFAULT_NAME); Denw holds them with DHIS2's
 * own UIDs (migration 001).
 */
export const DEFAULT_NAME = 'default';
export const DEFAULT_UIDS = {
  categoryOptions: 'xYerKDKCefk',
  categories: 'GLevLNI9wkl',
  categoryCombos: 'bjDvmb4bfuf',
  categoryOptionCombos: 'HllvX50cXC0',
} as const satisfies Partial<Record<Collection, string>>;
