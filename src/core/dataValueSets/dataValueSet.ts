// A DHIS2 data value set as the readers deliver it, whatever the format (JSON, CSV, DXF2 XML,
// ADX): header-level defaults and one input row per data value, with identifiers still as
// written in the file. Field names are DHIS2's (dxf2/datavalue/DataValue.java and
// dxf2/datavalueset/DataValueSet.java).

/** How identifiers in a file are matched: by UID, code or name (DHIS2 IdScheme). */
export type IdScheme = 'uid' | 'code' | 'name';
export const idSchemes: readonly IdScheme[] = ['uid', 'code', 'name'];

/** DHIS2 ImportStrategy values accepted for data values. */
export const importStrategies = ['CREATE_AND_UPDATE', 'CREATE', 'UPDATE', 'DELETE'] as const;
export type ImportStrategy = (typeof importStrategies)[number];

/** DHIS2's former ImportStrategy names, still accepted by its API (dhis2-core ImportStrategy: deprecated). */
const formerImportStrategies: Readonly<Record<string, ImportStrategy>> = { NEW_AND_UPDATES: 'CREATE_AND_UPDATE', NEW: 'CREATE', UPDATES: 'UPDATE', DELETES: 'DELETE' };

/** The strategy a name stands for, in any case and by its former DHIS2 name too; undefined for another text. */
export function parseImportStrategy(name: string): ImportStrategy | undefined {
  const upper = name.trim().toUpperCase();
  return (importStrategies as readonly string[]).includes(upper) ? (upper as ImportStrategy) : formerImportStrategies[upper];
}

/** The identifier schemes of an import, per kind of object (DHIS2 IdSchemes). */
export interface IdSchemes {
  dataElement: IdScheme;
  orgUnit: IdScheme;
  categoryOptionCombo: IdScheme;
  dataSet: IdScheme;
  /** ADX: category attributes and their option values. */
  category: IdScheme;
  categoryOption: IdScheme;
}

/** Schemes as a request or a file states them; unset ones fall back on `idScheme`, then code. */
export interface IdSchemeChoice {
  idScheme?: IdScheme;
  dataElementIdScheme?: IdScheme;
  orgUnitIdScheme?: IdScheme;
  categoryOptionComboIdScheme?: IdScheme;
  dataSetIdScheme?: IdScheme;
  categoryIdScheme?: IdScheme;
  categoryOptionIdScheme?: IdScheme;
}

/**
 * The effective schemes. As in DHIS2 (DefaultDataValueSetService.createIdScheme), schemes
 * stated in the file win over those of the request, and a specific scheme over the general
 * one. Denw's default is code, not DHIS2's UID: Denw identifies metadata by code.
 */
export function resolveIdSchemes(request: IdSchemeChoice, file: IdSchemeChoice = {}): IdSchemes {
  const general = file.idScheme ?? request.idScheme ?? 'code';
  const pick = (key: Exclude<keyof IdSchemeChoice, 'idScheme'>) => file[key] ?? request[key] ?? file.idScheme ?? request.idScheme ?? general;
  return {
    dataElement: pick('dataElementIdScheme'),
    orgUnit: pick('orgUnitIdScheme'),
    categoryOptionCombo: pick('categoryOptionComboIdScheme'),
    dataSet: pick('dataSetIdScheme'),
    category: pick('categoryIdScheme'),
    categoryOption: pick('categoryOptionIdScheme'),
  };
}

/** Parses an id scheme name as DHIS2 writes it (`UID`, `code`, `Name` …). */
export function parseIdScheme(text: string | undefined): IdScheme | undefined {
  const lower = text?.trim().toLowerCase();
  return lower && (idSchemes as readonly string[]).includes(lower) ? (lower as IdScheme) : undefined;
}

/** Header-level fields of a data value set (or of an ADX group). */
export interface DataValueSetHeader extends IdSchemeChoice {
  dataSet?: string;
  completeDate?: string;
  period?: string;
  orgUnit?: string;
  attributeOptionCombo?: string;
  dryRun?: boolean;
  importStrategy?: ImportStrategy;
}

/** One data value as read from a file: identifiers as written, no check done yet. */
export interface DataValueInput {
  /** 0-based position among the file's data values (DHIS2 rejectedIndexes). */
  index: number;
  /** 1-based position the user sees: the CSV record (header included) or the nth value. */
  row: number;
  dataSet?: string;
  dataElement?: string;
  period?: string;
  orgUnit?: string;
  categoryOptionCombo?: string;
  attributeOptionCombo?: string;
  /** ADX: category identifier → option identifier, standing for categoryOptionCombo. */
  categoryOptions?: Record<string, string>;
  /** ADX: the group's attribute categories, standing for attributeOptionCombo. */
  attributeOptions?: Record<string, string>;
  value?: string;
  /** ADX only: the `annotation` element (null when absent), the value of non-numeric data elements. */
  annotation?: string | null;
  storedBy?: string;
  created?: string;
  lastUpdated?: string;
  comment?: string;
  followup?: boolean;
  deleted?: boolean;
}

/**
 * Gives a data value the fields it shares with its header; the header wins, as in DHIS2. The
 * input is completed in place (readers create one object per value; copying a million of them
 * would only feed the garbage collector).
 */
export function withHeader(input: DataValueInput, header: DataValueSetHeader): DataValueInput {
  if (header.dataSet !== undefined) input.dataSet = header.dataSet;
  if (header.period !== undefined) input.period = header.period;
  if (header.orgUnit !== undefined) input.orgUnit = header.orgUnit;
  if (header.attributeOptionCombo !== undefined) input.attributeOptionCombo = header.attributeOptionCombo;
  return input;
}

/** Text that DHIS2 reads as true (Boolean.parseBoolean: `true` in any case). */
export const isTrue = (text: string | boolean | undefined | null): boolean =>
  text === true || (typeof text === 'string' && text.trim().toLowerCase() === 'true');

/** A trimmed, non-empty string or undefined (DHIS2 trimToNull). */
export function trimToUndefined(text: unknown): string | undefined {
  if (typeof text === 'number' || typeof text === 'boolean') return String(text);
  if (typeof text !== 'string') return undefined;
  const trimmed = text.trim();
  return trimmed === '' ? undefined : trimmed;
}
