// The reference files as Denw reads them, validated at the edge with one zod schema per file.
// Every bad value of a file is reported (not only the first), each naming the file, the record
// (a CSV record number counting the header as 1, as src/core/csv numbers them, or a GeoJSON
// feature number) and the field.
// Column meanings: data/mali/README.md ("Files").
import { z } from 'zod';
import type { CsvRecord } from '../csv/csvReader.ts';
import { DenwError } from '../errors.ts';

/** Several problems found in one reference file; `problems` lists each with its row and field. */
export class ReferenceDataError extends DenwError {
  constructor(readonly problems: readonly DenwError[]) {
    const first = problems[0] ?? new DenwError('REFERENCE_VALUE_INVALID');
    super(first.code, { ...first.params, problems: problems.length }, first.field);
    this.name = 'ReferenceDataError';
  }
}

/** Throws the collected problems, if any. */
export function throwIfAny(problems: readonly DenwError[]): void {
  if (problems.length > 0) throw new ReferenceDataError(problems);
}

/** A validated row with its record number (CSV: 1 = the header line; GeoJSON: 1 = the first feature). */
export type Numbered<T> = T & { row: number };

/** Validates each item with `schema`; throws a ReferenceDataError naming every bad row and field. */
function validate<T>(file: string, items: readonly { row: number; value: unknown }[], schema: z.ZodType<T>): Numbered<T>[] {
  const parsed: Numbered<T>[] = [];
  const problems: DenwError[] = [];
  for (const { row, value: item } of items) {
    const result = schema.safeParse(item);
    if (result.success) {
      parsed.push({ ...result.data, row });
      continue;
    }
    for (const issue of result.error.issues) {
      const field = issue.path.map(String).join('.');
      const value = valueAt(item, issue.path);
      const missing = value === undefined || value === '';
      problems.push(
        new DenwError(missing ? 'REFERENCE_VALUE_MISSING' : 'REFERENCE_VALUE_INVALID', { file, row, field, value: missing ? '' : shorten(value) }, field),
      );
    }
  }
  throwIfAny(problems);
  return parsed;
}

/**
 * The records of a CSV file (the first one is the header) as validated rows, fields matched
 * by header name. A column the schema needs and the header lacks is reported once.
 */
export function parseCsvRecords<Shape extends z.ZodRawShape>(
  file: string,
  records: readonly CsvRecord[],
  schema: z.ZodObject<Shape>,
): Numbered<z.infer<z.ZodObject<Shape>>>[] {
  const [header, ...rows] = records;
  const columns = header?.fields.map((name) => name.trim()) ?? [];
  const missing = Object.keys(schema.shape).filter((name) => !columns.includes(name));
  throwIfAny(missing.map((field) => new DenwError('REFERENCE_COLUMN_MISSING', { file, field }, field)));
  const items = rows.map((record) => ({
    row: record.row,
    value: Object.fromEntries(columns.map((name, i) => [name, record.fields[i] ?? ''])),
  }));
  return validate(file, items, schema);
}

function valueAt(item: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = item;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function shorten(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const text = z.string().trim().min(1);
const optionalText = z.string().trim().transform((s) => (s === '' ? null : s));
const number = z.string().trim().regex(/^-?\d+(\.\d+)?$/).transform(Number);
const optionalNumber = z
  .string()
  .trim()
  .regex(/^(-?\d+(\.\d+)?)?$/)
  .transform((s) => (s === '' ? null : Number(s)));
const flag = z.enum(['true', 'false']).transform((s) => s === 'true');
/** OCHA COD-AB P-code: ML, ML + 2 digits (region), ML + 4 digits (cercle). */
export const pCode = z.string().trim().regex(/^ML(\d{2}){0,2}$/);

/** mli_admin_hierarchy.csv: the 2017 frame, levels 0 (country) to 2 (cercle). */
export const hierarchyRow = z.object({
  level: z.enum(['0', '1', '2']).transform(Number),
  code: pCode,
  // DHIS2 limits shortName to 50 characters; Denw uses the name as short name.
  name: text.max(50),
  parent_code: z.union([pCode, z.literal('')]).transform((s) => (s === '' ? null : s)),
  name_ascii: text,
  iso3166_2: optionalText,
  in_layout_8plus1: flag,
  in_layout_cod2021: flag,
  parent_code_cod2021: z.union([pCode, z.literal('')]).transform((s) => (s === '' ? null : s)),
});
export type HierarchyRow = z.infer<typeof hierarchyRow>;

/** mli_population.csv: one census, estimate or rate per row, each with its source. */
export const populationRow = z.object({
  census: text,
  reference_date: z.string().trim(),
  layout: text,
  unit_code: z.union([pCode, z.literal('')]).transform((s) => (s === '' ? null : s)),
  unit_name: text,
  measure: text,
  value: number,
  unit: text,
  source: text,
});
export type PopulationRecord = z.infer<typeof populationRow>;

/** One 2017 cercle named in the crosswalk; `part` when only part of it went to the region. */
const cercleList = z
  .string()
  .trim()
  .transform((s) => s.split(';').map((item) => item.trim()))
  .pipe(z.array(z.string().regex(/^ML\d{4}(\(part[^)]*\))?$/)).min(1))
  .transform((items) => items.map((item) => ({ code: item.slice(0, 6), part: item.length > 6 })));

/** mli_regions_2023_crosswalk.csv: each 2023 region, the 2017 cercles it was carved from, RGPH5 2022. */
export const crosswalkRow = z.object({
  region_2023: text,
  old_cercle_codes_2017: cercleList,
  pop_rgph5_2022_total: optionalNumber,
  pop_source: text,
  pop_rgph5_2022_ordinary_households_T6_13: number,
});
export type CrosswalkRecord = z.infer<typeof crosswalkRow>;

// GeoJSON (RFC 7946): a position is [longitude, latitude]; a linear ring has at least four
// positions and ends where it starts.
const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ring = z
  .array(position)
  .min(4)
  .refine((r) => r[0]?.[0] === r.at(-1)?.[0] && r[0]?.[1] === r.at(-1)?.[1], 'ring not closed');
const polygon = z.array(ring).min(1);
export const geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: polygon }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(polygon).min(1) }),
]);
export type Geometry = z.infer<typeof geometry>;

/** A feature of mli_adm1_regions_8plus1.geojson or mli_adm2_cercles.geojson. */
export const boundaryFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ code: pCode, name: text, adm1_code: pCode.optional() }),
  geometry,
});
export type BoundaryFeature = z.infer<typeof boundaryFeature>;

/** The features of a GeoJSON FeatureCollection, each validated as a boundary feature. */
export function parseBoundaries(file: string, collection: unknown): Numbered<BoundaryFeature>[] {
  const shape = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) }).safeParse(collection);
  if (!shape.success) throw new ReferenceDataError([new DenwError('REFERENCE_NOT_FEATURE_COLLECTION', { file }, 'type')]);
  return validate(file, shape.data.features.map((value, index) => ({ row: index + 1, value })), boundaryFeature);
}
