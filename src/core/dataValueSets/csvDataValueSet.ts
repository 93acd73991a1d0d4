// DHIS2 data value CSV: eleven columns, `dataelement, period, orgunit, categoryoptioncombo,
// attributeoptioncombo, value, storedby, lastupdated, comment, followup, deleted`
// (dxf2/datavalueset/CsvDataValueSetWriter.java, HEADER_ROW).
//
// Reading: when the first record is a header, columns are matched by name, in any order and
// case, as DHIS2 2.43 does (the names of its DataEntryValue.Input record, plus the aliases of
// the DHIS2 documentation's examples and DHIS2's own XML attribute `timestamp`); without a
// header they are taken by position, as DHIS2 2.42 did (CsvDataValueSetReader; 2.43 refuses
// such files). A header naming a column Denw does not know is refused, so that a misspelt
// column (`dataelelement` in DHIS2 2.42's own test file) is reported instead of ignored.
import { DenwError } from '../errors.ts';
import { CsvReader, type CsvRecord } from '../csv/csvReader.ts';
import { formatCsvRecord } from '../csv/csvWriter.ts';
import { isTrue, trimToUndefined, type DataValueInput } from './dataValueSet.ts';

export const csvColumns = [
  'dataelement',
  'period',
  'orgunit',
  'categoryoptioncombo',
  'attributeoptioncombo',
  'value',
  'storedby',
  'lastupdated',
  'comment',
  'followup',
  'deleted',
] as const;
type Column = (typeof csvColumns)[number] | 'created';

/** Header names as written in files, lower-cased with separators removed, → column. */
const columnNames: Record<string, Column> = {
  ...Object.fromEntries(csvColumns.map((column) => [column, column])),
  de: 'dataelement',
  pe: 'period',
  ou: 'orgunit',
  catoptcombo: 'categoryoptioncombo',
  coc: 'categoryoptioncombo',
  attroptcombo: 'attributeoptioncombo',
  aoc: 'attributeoptioncombo',
  lastupd: 'lastupdated',
  timestamp: 'lastupdated',
  flwup: 'followup',
  created: 'created',
};
const requiredColumns: Column[] = ['dataelement', 'period', 'orgunit'];

const normalizeName = (name: string) => name.toLowerCase().replace(/[^a-z]/g, '');

/** Whether a record is a header: most of its non-empty fields are column names. */
function isHeader(fields: string[]): boolean {
  const named = fields.filter((field) => field.trim() !== '');
  const known = named.filter((field) => normalizeName(field) in columnNames).length;
  return known > 0 && known * 2 >= named.length;
}

/** Reads DHIS2 data value CSV incrementally: push() text chunks, then end(). */
export class DataValueCsvReader {
  private readonly csv = new CsvReader();
  private columns: Array<Column | undefined> | undefined;
  private positions!: Positions;
  private count = 0;

  push(chunk: string): DataValueInput[] {
    return this.toInputs(this.csv.push(chunk));
  }

  end(): DataValueInput[] {
    return this.toInputs(this.csv.end());
  }

  /** True once the first record has been read and found to be a header. */
  get hasHeader(): boolean {
    return this.columns !== undefined && this.columns !== positional;
  }

  private toInputs(records: CsvRecord[]): DataValueInput[] {
    const inputs: DataValueInput[] = [];
    for (const record of records) {
      if (this.columns === undefined) {
        this.columns = isHeader(record.fields) ? headerColumns(record.fields) : positional;
        this.positions = positionsOf(this.columns);
        if (this.columns !== positional) continue;
      }
      inputs.push(this.toInput(record));
    }
    return inputs;
  }

  private toInput(record: CsvRecord): DataValueInput {
    const fields = record.fields;
    const at = this.positions;
    return {
      index: this.count++,
      row: record.row,
      dataElement: trimToUndefined(fields[at.dataelement]),
      period: trimToUndefined(fields[at.period]),
      orgUnit: trimToUndefined(fields[at.orgunit]),
      categoryOptionCombo: trimToUndefined(fields[at.categoryoptioncombo]),
      attributeOptionCombo: trimToUndefined(fields[at.attributeoptioncombo]),
      value: fields[at.value],
      storedBy: trimToUndefined(fields[at.storedby]),
      created: trimToUndefined(fields[at.created]),
      lastUpdated: trimToUndefined(fields[at.lastupdated]),
      comment: fields[at.comment],
      followup: isTrue(fields[at.followup]),
      deleted: isTrue(fields[at.deleted]),
    };
  }
}

/** Where each column is in a record (-1: absent). */
type Positions = Record<Column, number>;

function positionsOf(columns: Array<Column | undefined>): Positions {
  const positions = Object.fromEntries([...csvColumns, 'created'].map((column) => [column, -1])) as Positions;
  columns.forEach((column, i) => {
    if (column) positions[column] = i;
  });
  return positions;
}

const positional: Array<Column | undefined> = [...csvColumns];

function headerColumns(fields: string[]): Array<Column | undefined> {
  const columns = fields.map((field) => {
    if (field.trim() === '') return undefined;
    const column = columnNames[normalizeName(field)];
    if (!column) throw new DenwError('CSV_DATA_VALUE_COLUMN_UNKNOWN', { column: field, expected: csvColumns.join(', ') }, field);
    return column;
  });
  for (const column of requiredColumns) {
    if (!columns.includes(column)) throw new DenwError('CSV_DATA_VALUE_COLUMN_MISSING', { column }, column);
  }
  return columns;
}

/** Reads a whole CSV text at once. */
export function readDataValueCsv(text: string): DataValueInput[] {
  const reader = new DataValueCsvReader();
  const inputs = reader.push(text);
  for (const input of reader.end()) inputs.push(input);
  return inputs;
}

/** A data value as written to a file: identifiers already in the export's id scheme. */
export interface ExportedDataValue {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo: string;
  attributeOptionCombo: string;
  value: string;
  storedBy: string | null;
  created: string;
  lastUpdated: string;
  comment: string | null;
  followup: boolean;
}

/** The header record, with its CRLF line ending. */
export const csvHeaderLine = `${formatCsvRecord(csvColumns)}\r\n`;

/** One data value as a CSV record with its CRLF line ending (DHIS2 writes deleted = false). */
export function csvLine(value: ExportedDataValue): string {
  return `${formatCsvRecord([
    value.dataElement,
    value.period,
    value.orgUnit,
    value.categoryOptionCombo,
    value.attributeOptionCombo,
    value.value,
    value.storedBy,
    value.lastUpdated,
    value.comment,
    value.followup,
    false,
  ])}\r\n`;
}
