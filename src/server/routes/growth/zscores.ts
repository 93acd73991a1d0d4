// POST /api/growth/zscores: the computation of `denw growth zscores` over HTTP. The core does
// all the work — zscoreRows for JSON out, zscoreCsv (the CLI's own function) for CSV out —
// and this file only moves the records between the two shapes:
//   JSON in, JSON out: zscoreRows          CSV in, CSV out: zscoreCsv
//   CSV in, JSON out:  CSV records → zscoreRows     JSON in, CSV out: JSON as CSV → zscoreCsv
// Cells that cannot be read do not refuse the request: as on the command line, every record
// comes back (with those z-scores empty) and each problem is reported by row and field, with
// its message in the request's language. Rows are numbered as the input numbers them: a JSON
// array from 1, a CSV file from 2 (its header is row 1), whatever the output format.
import { parseCsv } from '../../../core/csv/csvReader.ts';
import { type CsvValue, toCsv } from '../../../core/csv/csvWriter.ts';
import { DenwError } from '../../../core/errors.ts';
import { detectSeparator, type GrowthIssue, type GrowthReference, type WhoGrowthTables, zscoreCsv, zscoreRows } from '../../../core/growth/index.ts';
import { type Language, translate } from '../../../core/i18n.ts';
import { ValidationError } from '../../route.ts';

/** Records per request: 100,000 (about 10 MB of CSV, one second of work); larger files go through `denw growth zscores`. */
export const zscoreRecordLimit = 100_000;

export type ZscoreInput = { format: 'json'; rows: Record<string, unknown>[] } | { format: 'csv'; text: string };

export interface ZscoreIssue extends GrowthIssue {
  message: string;
}

export interface ZscoreResult {
  /** JSON out: the records with the computed columns; CSV out: the text. */
  rows?: Record<string, unknown>[];
  csv?: string;
  issues: ZscoreIssue[];
  issueCount: number;
}

/** Checks the request body: a JSON array of objects, or CSV text, within the record limit. */
export function zscoreInput(body: unknown): ZscoreInput {
  if (typeof body === 'string') {
    let lines = 0;
    for (let at = body.indexOf('\n'); at >= 0 && lines <= zscoreRecordLimit + 1; at = body.indexOf('\n', at + 1)) lines += 1;
    if (lines > zscoreRecordLimit + 1) throw new DenwError('GROWTH_TOO_MANY_RECORDS', { limit: zscoreRecordLimit }, 'body');
    return { format: 'csv', text: body };
  }
  if (!Array.isArray(body)) throw new ValidationError([{ field: 'body', code: 'INVALID_TYPE', params: { expected: 'array' } }]);
  if (body.length > zscoreRecordLimit) throw new ValidationError([{ field: 'body', code: 'TOO_MANY', params: { maximum: zscoreRecordLimit } }]);
  const notRecords = body.flatMap((row, index) =>
    row !== null && typeof row === 'object' && !Array.isArray(row) ? [] : [{ field: `body.${index}`, code: 'INVALID_TYPE', params: { expected: 'object' } }],
  );
  if (notRecords.length > 0) throw new ValidationError(notRecords.slice(0, 100));
  return { format: 'json', rows: body as Record<string, unknown>[] };
}

export function computeZscores(
  input: ZscoreInput,
  output: 'json' | 'csv',
  reference: GrowthReference,
  tables: WhoGrowthTables,
  language: Language,
): ZscoreResult {
  const translated = (issues: readonly GrowthIssue[], rowOffset: number): ZscoreIssue[] =>
    issues.map((issue) => {
      const row = issue.row + rowOffset;
      return { ...issue, row, message: translate(`error.${issue.code}`, language, { ...issue, row }) };
    });
  if (input.format === 'json' && input.rows.length === 0) return output === 'csv' ? { csv: '', issues: [], issueCount: 0 } : { rows: [], issues: [], issueCount: 0 };
  if (output === 'csv') {
    const text = input.format === 'csv' ? input.text : jsonAsCsv(input.rows);
    const result = zscoreCsv(text, reference, tables);
    // JSON as CSV gains a header row: its record n is CSV row n + 1.
    return { csv: result.csv, issues: translated(result.issues, input.format === 'csv' ? 0 : -1), issueCount: result.issueCount };
  }
  const rows = input.format === 'json' ? input.rows : csvAsRecords(input.text);
  const result = zscoreRows(rows, reference, tables);
  return { rows: result.rows, issues: translated(result.issues, input.format === 'json' ? 0 : 1), issueCount: result.issueCount };
}

/** CSV records as objects keyed by the header (cells as text; the separator as the header line uses it). */
function csvAsRecords(text: string): Record<string, string>[] {
  const newline = text.indexOf('\n');
  const [header, ...records] = parseCsv(text, { separator: detectSeparator(newline < 0 ? text : text.slice(0, newline)) });
  if (!header) throw new DenwError('GROWTH_MISSING_COLUMN', { column: 'sex', expected: '1/2/m/f' }, 'sex');
  return records.map(({ fields }) => Object.fromEntries(header.fields.map((column, i) => [column, fields[i] ?? ''])));
}

/**
 * JSON records as CSV text: the header is every key in order of appearance; a number,
 * boolean or text is written as text, null and absent as empty. An object or array is no
 * cell: it is written as `[object]`/`[array]`, which the reader then reports, as zscoreRows does.
 */
function jsonAsCsv(rows: readonly Record<string, unknown>[]): string {
  const header = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: unknown): CsvValue =>
    value === null || value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? value
      : Array.isArray(value) ? '[array]' : '[object]';
  return toCsv([header, ...rows.map((row) => header.map((column) => cell(row[column])))], { lineEnding: '\n' });
}
