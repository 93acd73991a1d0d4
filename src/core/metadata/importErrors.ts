// The problems an object of a metadata document can have, as DHIS2 reports them: an error code
// (DHIS2's E-codes, dhis2-core feedback/ErrorCode.java, where one fits), the property at fault
// and the offending value. Messages are looked up in i18n/{fr,en}.json under `metadata.<code>`.
import type { z } from 'zod';
import { jsonPreview, reportable } from '../jsonPreview.ts';
import type { Collection } from './collections.ts';
import { collectionSchemas, withLegacyGeometry, type MetadataObject } from './schemas.ts';

export interface ImportError {
  code: string;
  params: Record<string, string | number>;
  /** The field at fault, as a dotted path ('leftSide.expression', 'dataSetElements.0.dataElement'). */
  property?: string;
  value?: unknown;
}

export function importError(code: string, params: ImportError['params'], property?: string, value?: unknown): ImportError {
  return { code, params, ...(property === undefined ? {} : { property }), ...(value === undefined ? {} : { value }) };
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function show(value: unknown): string {
  if (typeof value !== 'string') return jsonPreview(value, 80);
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}

/**
 * A schema problem as DHIS2 reports it: a missing or empty required field is E4000, a string
 * over its maximum length E4001, a malformed UID E4014, any other wrong value E4027.
 */
function fromIssue(issue: z.core.$ZodIssue, raw: unknown): ImportError {
  const property = issue.path.map(String).join('.');
  // The value goes back in the report: a document's 200,000 nested brackets must not (JSON.stringify would overflow).
  const value = reportable(valueAt(raw, issue.path), 1_000);
  if (value === undefined || value === null || (value === '' && issue.code === 'too_small')) return importError('E4000', { property }, property);
  if (issue.code === 'too_big' && typeof value === 'string') {
    return importError('E4001', { property, maximum: String(issue.maximum), length: value.length }, property, value);
  }
  if (issue.message === 'E4014') return importError('E4014', { value: show(value), property }, property, value);
  return importError('E4027', { value: show(value), property }, property, value);
}

/** Checks one object of a collection against its schema. */
export function parseMetadataObject<C extends Collection>(
  collection: C,
  raw: Record<string, unknown>,
): { value: MetadataObject<C>; errors: [] } | { value: undefined; errors: ImportError[] } {
  const input = collection === 'organisationUnits' ? withLegacyGeometry(raw) : raw;
  const result = collectionSchemas[collection].safeParse(input);
  if (result.success) return { value: result.data as MetadataObject<C>, errors: [] };
  return { value: undefined, errors: result.error.issues.map((issue) => fromIssue(issue, input)) };
}
