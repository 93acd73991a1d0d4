// DHIS2 data value set JSON (dxf2/datavalueset/DataValueSet.java, JsonDataValueSetWriter.java):
//
//   { "dataSet": "…", "completeDate": "2024-02-03", "period": "202401", "orgUnit": "…",
//     "attributeOptionCombo": "…", "idScheme": "code", "dataValues": [ { "dataElement": "…",
//     "period": "…", "orgUnit": "…", "categoryOptionCombo": "…", "attributeOptionCombo": "…",
//     "value": "12", "storedBy": "…", "created": "…", "lastUpdated": "…", "comment": "…",
//     "followup": false, "deleted": false } ] }
import { DenwError } from '../errors.ts';
import { jsonPreview } from '../jsonPreview.ts';
import { conflict, type DataValueConflict } from './conflicts.ts';
import type { ExportedDataValue } from './csvDataValueSet.ts';
import { isTrue, parseIdScheme, parseImportStrategy, trimToUndefined, type DataValueInput, type DataValueSetHeader } from './dataValueSet.ts';

export interface ReadDataValueSet {
  header: DataValueSetHeader;
  inputs: DataValueInput[];
  /** Values that could not be read at all (not an object, a field that is not text). */
  conflicts: DataValueConflict[];
}

const textFields = ['dataElement', 'period', 'orgUnit', 'categoryOptionCombo', 'attributeOptionCombo', 'value', 'storedBy', 'created', 'lastUpdated', 'comment'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isScalar = (value: unknown) => value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value);

/** Header fields shared by the JSON and DXF2 XML forms (attributes of `dataValueSet` in XML). */
export function readHeader(fields: Record<string, unknown>): DataValueSetHeader {
  const strategy = trimToUndefined(fields.strategy ?? fields.importStrategy);
  return {
    dataSet: trimToUndefined(fields.dataSet),
    completeDate: trimToUndefined(fields.completeDate ?? fields.completedDate),
    period: trimToUndefined(fields.period),
    orgUnit: trimToUndefined(fields.orgUnit),
    attributeOptionCombo: trimToUndefined(fields.attributeOptionCombo),
    idScheme: parseIdScheme(trimToUndefined(fields.idScheme)),
    dataElementIdScheme: parseIdScheme(trimToUndefined(fields.dataElementIdScheme)),
    orgUnitIdScheme: parseIdScheme(trimToUndefined(fields.orgUnitIdScheme)),
    categoryOptionComboIdScheme: parseIdScheme(trimToUndefined(fields.categoryOptionComboIdScheme)),
    dataSetIdScheme: parseIdScheme(trimToUndefined(fields.dataSetIdScheme)),
    dryRun: fields.dryRun === undefined ? undefined : isTrue(fields.dryRun as string | boolean),
    importStrategy: strategy === undefined ? undefined : parseImportStrategy(strategy),
  };
}

/** One data value from its fields (JSON properties or DXF2 XML attributes). */
export function readValueFields(fields: Record<string, unknown>, index: number): DataValueInput {
  return {
    index,
    row: index + 1,
    dataElement: trimToUndefined(fields.dataElement),
    period: trimToUndefined(fields.period),
    orgUnit: trimToUndefined(fields.orgUnit),
    categoryOptionCombo: trimToUndefined(fields.categoryOptionCombo),
    attributeOptionCombo: trimToUndefined(fields.attributeOptionCombo),
    value: fields.value === null || fields.value === undefined ? undefined : String(fields.value),
    storedBy: trimToUndefined(fields.storedBy),
    created: trimToUndefined(fields.created),
    lastUpdated: trimToUndefined(fields.lastUpdated ?? fields.timestamp),
    comment: fields.comment === null || fields.comment === undefined ? undefined : String(fields.comment),
    followup: isTrue(fields.followup as string | boolean | undefined),
    deleted: isTrue(fields.deleted as string | boolean | undefined),
  };
}

/** The header fields readHeader reads: texts (or numbers, booleans) in DHIS2's DataValueSet. */
const headerFields = ['dataSet', 'completeDate', 'completedDate', 'period', 'orgUnit', 'attributeOptionCombo', 'idScheme', 'dataElementIdScheme',
  'orgUnitIdScheme', 'categoryOptionComboIdScheme', 'dataSetIdScheme', 'dryRun', 'strategy', 'importStrategy'];

/**
 * Reads a parsed JSON document; DATA_VALUE_SET_INVALID when it is not a data value set,
 * DATA_VALUE_SET_HEADER_INVALID when a header field is an object or a list (`"dataSet": {"id": …}`
 * would otherwise be read as no data set).
 */
export function readDataValueJson(document: unknown): ReadDataValueSet {
  if (!isRecord(document)) throw new DenwError('DATA_VALUE_SET_INVALID', {}, 'body');
  const badHeader = headerFields.find((name) => !isScalar(document[name]));
  if (badHeader) throw new DenwError('DATA_VALUE_SET_HEADER_INVALID', { field: badHeader, value: jsonPreview(document[badHeader], 200) }, badHeader);
  const values = document.dataValues ?? [];
  if (!Array.isArray(values)) throw new DenwError('DATA_VALUE_SET_INVALID', {}, 'dataValues');
  const inputs: DataValueInput[] = [];
  const conflicts: DataValueConflict[] = [];
  values.forEach((fields: unknown, index) => {
    const at = { index, row: index + 1 };
    if (!isRecord(fields)) return conflicts.push(conflict('ROW_INVALID', at, jsonPreview(fields, 1_000), { field: '' }));
    const bad = [...textFields, 'followup', 'deleted'].find((name) => !isScalar(fields[name]));
    if (bad) return conflicts.push(conflict('ROW_INVALID', at, jsonPreview(fields[bad], 1_000), { field: bad }));
    inputs.push(readValueFields(fields, index));
  });
  return { header: readHeader(document), inputs, conflicts };
}

/** The header fields DHIS2 writes when the export is one data set, period and org unit. */
export interface ExportHeader {
  dataSet?: string;
  completeDate?: string;
  period?: string;
  orgUnit?: string;
}

/** The opening of an export document, up to the first data value. */
export function jsonOpen(header: ExportHeader): string {
  const fields = Object.entries(header).filter(([, value]) => value !== undefined);
  return `{${fields.map(([key, value]) => `${JSON.stringify(key)}:${JSON.stringify(value)},`).join('')}"dataValues":[`;
}

/** One data value; `first` tells whether a separating comma is needed. */
export function jsonValue(value: ExportedDataValue, first: boolean): string {
  const { comment, storedBy, ...rest } = value;
  const fields = { ...rest, ...(storedBy !== null ? { storedBy } : {}), ...(comment !== null ? { comment } : {}) };
  return `${first ? '' : ','}${JSON.stringify(fields)}`;
}

export const jsonClose = ']}';
