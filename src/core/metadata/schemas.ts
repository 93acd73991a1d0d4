// One zod schema per collection of a metadata document, with DHIS2's field names (dhis2-core
// schema classes; docs/metadata-format.md). Unknown fields are dropped — sharing, created,
// lastUpdated, user, legendSets … — so what a schema keeps is exactly what Denw stores and
// exports again. Absent optional fields take DHIS2's defaults; nulls count as absent.
import { z } from 'zod';
import { isValidCivilDate } from '../periods/calendar.ts';
import { PERIOD_TYPE_NAMES } from '../periods/periodTypes.ts';
import {
  AGGREGATION_TYPES,
  MISSING_VALUE_STRATEGIES,
  VALIDATION_OPERATORS,
  VALUE_TYPES,
  type Collection,
} from './collections.ts';
import { UID_PATTERN } from './uid.ts';

/** An optional field: null and absent are the same; the output has no nulls. */
const optional = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? undefined);
/** An optional field with DHIS2's default. */
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.output<T>) =>
  schema.nullish().transform((value): z.output<T> => value ?? fallback);

// A uid that is not 11 characters of [A-Za-z0-9] starting with a letter is DHIS2 error E4014.
const uid = z.string().regex(UID_PATTERN, 'E4014');
const text = z.string().min(1);
/**
 * DHIS2 caps codes at 50 characters (schema property `code`, E4001); Denw's unique indexes on
 * codes need a cap too (a PostgreSQL btree entry holds ~2,700 bytes: a longer code answered 500).
 */
const CODE_MAX = 50;
/**
 * Text that is part of a key — an observation's source, a generated option combo's code (its
 * options' codes joined, which Denw exports and must read back) — bounded for the same index.
 */
const KEY_TEXT_MAX = 500;
/** An empty code is no code (some DHIS2 exports write "code": ""). */
const codeUpTo = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : undefined));
const code = codeUpTo(CODE_MAX);
const integer = z.number().int();

/** A reference to another object: {"id": UID} or {"code": …} (both allowed; the id wins). */
export const refSchema = z.object({ id: optional(z.string()), code: optional(z.string()) });
export type Ref = z.output<typeof refSchema>;
const refs = withDefault(z.array(refSchema), []);

/** 'YYYY-MM-DD', or a DHIS2 timestamp ('2016-03-11T17:00:00.000+0000') of which the day is kept. */
const date = z
  .string()
  .refine((value) => {
    const match = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/.exec(value);
    return match !== null && isValidCivilDate(Number(match[1]), Number(match[2]), Number(match[3]));
  })
  .transform((value) => value.slice(0, 10));

export const translationSchema = z.object({ property: text, locale: text, value: z.string() });
export type Translation = z.output<typeof translationSchema>;
const translations = withDefault(z.array(translationSchema), []);

const attributeValues = withDefault(
  z.array(
    z.object({
      attribute: refSchema,
      value: z.union([z.string(), z.number(), z.boolean()]).transform(String),
    }),
  ),
  [],
);

/**
 * How deep each GeoJSON type nests its positions (RFC 7946 §3.1.2–3.1.7): a Point is one
 * position, a LineString a list of them, a Polygon a list of rings, a MultiPolygon a list of
 * polygons.
 */
const positionDepth: Record<string, number> = { Point: 0, MultiPoint: 1, LineString: 1, MultiLineString: 2, Polygon: 2, MultiPolygon: 3 };

/** Whether `value` is `depth` levels of lists around positions (two or more finite numbers, §3.1.1). */
function isPositions(value: unknown, depth: number): boolean {
  if (!Array.isArray(value)) return false;
  if (depth === 0) return value.length >= 2 && value.every((n) => typeof n === 'number' && Number.isFinite(n));
  return value.every((item) => isPositions(item, depth - 1));
}

/** A geometry whose coordinates are positions; a GeometryCollection holds no other (§3.1.8: SHOULD avoid nesting them). */
function isGeometry(value: unknown, inCollection = false): boolean {
  if (value === null || typeof value !== 'object') return false;
  const { type, coordinates, geometries } = value as Record<string, unknown>;
  if (type === 'GeometryCollection') return !inCollection && Array.isArray(geometries) && geometries.every((member) => isGeometry(member, true));
  return typeof type === 'string' && type in positionDepth && isPositions(coordinates, positionDepth[type]!);
}

type Geometry = { type: string; coordinates: unknown } | { type: 'GeometryCollection'; geometries: Geometry[] };

/** Type and coordinates only: other members (bbox, foreign members §6.1) are neither drawn nor stored. */
function geometryOf(value: Record<string, unknown>): Geometry {
  if (value.type === 'GeometryCollection') return { type: 'GeometryCollection', geometries: (value.geometries as Record<string, unknown>[]).map(geometryOf) };
  return { type: value.type as string, coordinates: value.coordinates };
}

/** A GeoJSON geometry (RFC 7946 §3.1) whose coordinates are positions: the maps draw it. */
const geometry = z
  .object({
    type: z.enum(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']),
  })
  .loose()
  .refine((value) => isGeometry(value))
  .transform(geometryOf);

const identified = { id: optional(uid), code, name: text, translations };
const shortNamed = { ...identified, shortName: optional(z.string().min(1).max(50)), description: optional(z.string()) };
const periodType = z.enum(PERIOD_TYPE_NAMES);
const dataDimensionType = withDefault(z.enum(['DISAGGREGATION', 'ATTRIBUTE']), 'DISAGGREGATION');

const attribute = z
  .object({
    ...shortNamed,
    valueType: withDefault(z.enum(VALUE_TYPES), 'TEXT'),
    unique: withDefault(z.boolean(), false),
    mandatory: withDefault(z.boolean(), false),
  })
  .loose()
  // The flags DHIS2 sets to true for the object types that carry the attribute
  // (organisationUnitAttribute, dataElementAttribute …) become one list.
  .transform((value) => {
    const objectTypes = Object.keys(value)
      .filter((key) => key.endsWith('Attribute') && value[key] === true)
      .sort();
    const { id, code, name, translations, shortName, description, valueType, unique, mandatory } = value;
    return { id, code, name, translations, shortName, description, valueType, unique, mandatory, objectTypes };
  });

const organisationUnitLevel = z.object({ ...identified, level: integer.min(1) });

/**
 * DHIS2 before 2.32 wrote a unit's shape as `featureType` (POINT, POLYGON, MULTI_POLYGON, or NONE)
 * and `coordinates`, the GeoJSON coordinates as a JSON text; 2.32 replaced the two with one
 * GeoJSON `geometry` of that type. An old export's shapes are read as that geometry rather than
 * dropped; text that is no JSON is left for the geometry check to report.
 */
const legacyGeometryTypes: Record<string, string> = { POINT: 'Point', POLYGON: 'Polygon', MULTI_POLYGON: 'MultiPolygon' };
export function withLegacyGeometry(raw: Record<string, unknown>): Record<string, unknown> {
  const { geometry, featureType, coordinates } = raw;
  const type = typeof featureType === 'string' ? legacyGeometryTypes[featureType] : undefined;
  if (geometry != null || type === undefined || typeof coordinates !== 'string') return raw;
  let parsed: unknown = coordinates;
  try {
    parsed = JSON.parse(coordinates);
  } catch {
    // Reported as the geometry's value.
  }
  return { ...raw, geometry: { type, coordinates: parsed } };
}

const organisationUnit = z.object({
  ...shortNamed,
  parent: optional(refSchema),
  openingDate: optional(date),
  closedDate: optional(date),
  geometry: optional(geometry),
  attributeValues,
  /** Denw: the boundary set the code and geometry belong to ('cercles2017'). */
  boundaryVersion: optional(text),
  /** Denw: 'demo' for the synthetic demonstration units. */
  source: optional(text),
});

const organisationUnitGroup = z.object({ ...shortNamed, organisationUnits: refs });
const organisationUnitGroupSet = z.object({
  ...shortNamed,
  compulsory: withDefault(z.boolean(), false),
  dataDimension: withDefault(z.boolean(), true),
  includeSubhierarchyInAnalytics: withDefault(z.boolean(), false),
  organisationUnitGroups: refs,
});

const categoryOption = z.object({ ...shortNamed, startDate: optional(date), endDate: optional(date) });
const category = z.object({ ...shortNamed, dataDimensionType, categoryOptions: refs });
const categoryCombo = z.object({ ...identified, dataDimensionType, categories: refs });
const categoryOptionCombo = z.object({
  ...identified,
  code: codeUpTo(KEY_TEXT_MAX),
  // Generated from the options' names when absent.
  name: optional(text),
  categoryCombo: refSchema,
  categoryOptions: refs,
});

const dataElement = z.object({
  ...shortNamed,
  formName: optional(z.string()),
  valueType: withDefault(z.enum(VALUE_TYPES), 'NUMBER'),
  aggregationType: withDefault(z.enum(AGGREGATION_TYPES), 'SUM'),
  domainType: withDefault(z.enum(['AGGREGATE', 'TRACKER']), 'AGGREGATE'),
  categoryCombo: optional(refSchema),
  zeroIsSignificant: withDefault(z.boolean(), false),
  attributeValues,
});

const sectionFields = {
  ...identified,
  description: optional(z.string()),
  sortOrder: withDefault(integer, 0),
  dataElements: refs,
};
const section = z.object({ ...sectionFields, dataSet: refSchema });
/** A section written inside its data set (as Denw's programme packages do): no dataSet field. */
const inlineSection = z.object(sectionFields);

const dataSet = z.object({
  ...shortNamed,
  periodType,
  categoryCombo: optional(refSchema),
  openFuturePeriods: withDefault(integer.min(0), 0),
  expiryDays: withDefault(z.number().min(0), 0),
  timelyDays: withDefault(z.number().min(0), 15),
  validCompleteOnly: withDefault(z.boolean(), false),
  dataSetElements: withDefault(z.array(z.object({ dataElement: refSchema, categoryCombo: optional(refSchema) })), []),
  organisationUnits: refs,
  // References to sections of the `sections` collection, or whole sections (with a name).
  sections: withDefault(z.array(z.union([inlineSection, refSchema])), []),
});

const indicatorType = z.object({ ...identified, factor: integer, number: withDefault(z.boolean(), false) });
const indicator = z.object({
  ...shortNamed,
  indicatorType: refSchema,
  numerator: text,
  numeratorDescription: optional(z.string()),
  denominator: text,
  denominatorDescription: optional(z.string()),
  decimals: optional(integer.min(0)),
  annualized: withDefault(z.boolean(), false),
  attributeValues,
});
const constant = z.object({ ...shortNamed, value: z.number() });

const validationSide = z.object({
  expression: text,
  description: optional(z.string()),
  missingValueStrategy: withDefault(z.enum(MISSING_VALUE_STRATEGIES), 'SKIP_IF_ALL_VALUES_MISSING'),
});
const validationRule = z.object({
  ...identified,
  description: optional(z.string()),
  instruction: optional(z.string()),
  importance: withDefault(z.enum(['HIGH', 'MEDIUM', 'LOW']), 'MEDIUM'),
  operator: z.enum(VALIDATION_OPERATORS),
  periodType: withDefault(periodType, 'Monthly'),
  leftSide: validationSide,
  rightSide: validationSide,
  organisationUnitLevels: withDefault(z.array(integer.min(1)), []),
});

// Denw's collections. Results-framework objects are identified by code; their references
// ({"code": …}) name goals, results and result indicators by code.
const year = integer.min(1900).max(2200);
const sex = z.enum(['F', 'M', 'T']);
const population = z.object({ orgUnit: refSchema, year, ageGroup: text.max(CODE_MAX), sex, value: z.number().min(0), source: text });
const codeNamed = { code: text.max(CODE_MAX), name: text, translations, sortOrder: withDefault(integer, 0) };
const goal = z.object({ ...codeNamed, description: optional(z.string()) });
const result = z.object({ ...codeNamed, goal: refSchema, kind: withDefault(z.enum(['KRC', 'OUTCOME', 'OUTPUT']), 'OUTCOME') });
const resultIndicator = z.object({
  ...codeNamed,
  result: refSchema,
  indicator: optional(refSchema),
  dataElement: optional(refSchema),
  unit: withDefault(text, 'percent'),
  direction: withDefault(z.enum(['increase', 'decrease']), 'increase'),
  baselineValue: optional(z.number()),
  baselineYear: optional(year),
  baselineSource: optional(z.string()),
  public: withDefault(z.boolean(), false),
  publicMaxLevel: withDefault(integer.min(1), 2),
});
const target = z.object({ resultIndicator: refSchema, orgUnit: refSchema, year, value: z.number(), source: text });
const observation = z.object({
  resultIndicator: refSchema,
  orgUnit: refSchema,
  year,
  sex: withDefault(sex, 'T'),
  value: z.number(),
  source: text.max(KEY_TEXT_MAX),
  method: optional(z.string()),
  revision: optional(year),
});

export const collectionSchemas = {
  attributes: attribute,
  organisationUnitLevels: organisationUnitLevel,
  organisationUnits: organisationUnit,
  organisationUnitGroups: organisationUnitGroup,
  organisationUnitGroupSets: organisationUnitGroupSet,
  categoryOptions: categoryOption,
  categories: category,
  categoryCombos: categoryCombo,
  categoryOptionCombos: categoryOptionCombo,
  dataElements: dataElement,
  dataSets: dataSet,
  sections: section,
  indicatorTypes: indicatorType,
  indicators: indicator,
  constants: constant,
  validationRules: validationRule,
  population,
  goals: goal,
  results: result,
  resultIndicators: resultIndicator,
  targets: target,
  observations: observation,
} satisfies Record<Collection, z.ZodType>;

export type MetadataObject<C extends Collection> = z.output<(typeof collectionSchemas)[C]>;
export type InlineSection = z.output<typeof inlineSection>;
export const inlineSectionSchema = inlineSection;

/**
 * A metadata document: each known collection an array of objects (each object is checked on
 * its own, so that one bad object gets its own error report). Other top-level fields — DHIS2's
 * `system`, `date`, collections Denw does not hold — are accepted and reported as unsupported.
 */
export const metadataDocumentSchema = z
  .object(Object.fromEntries(Object.keys(collectionSchemas).map((name) => [name, z.array(z.record(z.string(), z.unknown())).optional()])))
  .catchall(z.unknown());
export type MetadataDocumentInput = Partial<Record<Collection, Record<string, unknown>[]>> & Record<string, unknown>;
