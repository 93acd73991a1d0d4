// Reading one cell of a z-score input file (CSV text or JSON value) into the engine's types,
// with WHO anthro's codes, and an issue naming the record and field when a cell cannot be read.
// An unreadable cell never stops the file: it is treated as missing (so its z-scores are
// empty, as for any missing input) and reported.
import type { Sex } from './tables.ts';
import type { Measure } from './who2006.ts';

export type GrowthIssueCode =
  | 'GROWTH_INVALID_NUMBER'
  | 'GROWTH_INVALID_SEX'
  | 'GROWTH_INVALID_MEASURE'
  | 'GROWTH_INVALID_OEDEMA'
  | 'GROWTH_INVALID_DATE'
  | 'GROWTH_VISIT_BEFORE_BIRTH';

/** A cell that could not be read: where, which column, what value. */
export interface GrowthIssue {
  /** CSV: the row as src/core/csv numbers it (the header is row 1); JSON: position in the array (first = 1). */
  row: number;
  field: string;
  code: GrowthIssueCode;
  value: string;
}

/** Keeps the first `limit` issues and counts them all, so a file of garbage cannot exhaust memory. */
export class GrowthIssueLog {
  readonly issues: GrowthIssue[] = [];
  count = 0;
  constructor(readonly limit = 1000) {}
  report(row: number, field: string, code: GrowthIssueCode, value: unknown): void {
    this.count += 1;
    if (this.issues.length < this.limit) this.issues.push({ row, field, code, value: text(value) });
  }
}

type Cell = unknown;

const isBlank = (cell: Cell) => cell === undefined || cell === null || cell === '' || (typeof cell === 'string' && cell.trim() === '');

/**
 * The text of a cell. A JSON object or array is no cell value: it is described, never
 * converted with String(), which throws for `{"toString": 0}`.
 */
function text(cell: Cell): string {
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return Array.isArray(cell) ? '[array]' : cell === null || cell === undefined ? '' : '[object]';
}

/** Lower-cased, trimmed text of a cell, without allocating for the usual one-letter codes. */
const code = (cell: Cell) => (typeof cell === 'string' && cell.length === 1 ? cell.toLowerCase() : text(cell).trim().toLowerCase());

/**
 * A non-negative number. Accepts a decimal comma ("12,5"), as French spreadsheets write it.
 * Refuses hexadecimal, Infinity and negative values (no body measurement or age is negative).
 */
export function readNonNegative(cell: Cell, row: number, field: string, log: GrowthIssueLog): number | null {
  if (typeof cell === 'number') {
    if (cell >= 0 && cell < Infinity) return cell;
  } else if (!isBlank(cell)) {
    const written = typeof cell === 'string' ? cell : typeof cell === 'object' ? '' : text(cell);
    let value = Number(written); // ignores surrounding white space
    if (value !== value && written.includes(',')) value = Number(written.replace(',', '.'));
    if (value >= 0 && value < Infinity && written.trim() !== '' && !isRadixLiteral(written)) return value;
  } else {
    return null;
  }
  log.report(row, field, 'GROWTH_INVALID_NUMBER', cell);
  return null;
}

/** `Number` also reads 0x1F, 0b101 and 0o17, which are no measurement. */
function isRadixLiteral(written: string): boolean {
  const trimmed = written.trim();
  return trimmed.length > 2 && trimmed.charCodeAt(0) === 48 && /[xXbBoO]/.test(trimmed[1]!);
}

/** WHO anthro's sex codes (utils.R `standardize_sex_var`): 1 or m for boys, 2 or f for girls. */
export function readSex(cell: Cell, row: number, field: string, log: GrowthIssueLog): Sex | null {
  if (isBlank(cell)) return null;
  const written = code(cell);
  if (written === '1' || written === 'm' || Number(written) === 1) return 1;
  if (written === '2' || written === 'f' || Number(written) === 2) return 2;
  log.report(row, field, 'GROWTH_INVALID_SEX', cell);
  return null;
}

/** WHO anthro's `measure`: l or L recumbent length, h or H standing height, empty unknown. */
export function readMeasure(cell: Cell, row: number, field: string, log: GrowthIssueLog): Measure | null {
  if (isBlank(cell)) return null;
  const written = code(cell);
  if (written === 'l' || written === 'h') return written;
  log.report(row, field, 'GROWTH_INVALID_MEASURE', cell);
  return null;
}

/**
 * WHO anthro's `oedema` (utils.R `standardize_oedema_var`): y, Y or 1 is oedema; n, N, 2 or
 * empty is none. anthro refuses any other value; here it is reported, and the weight-based
 * z-scores are withheld as for oedema rather than computed on a guess of "no oedema".
 */
export function readOedema(cell: Cell, row: number, field: string, log: GrowthIssueLog): boolean {
  if (isBlank(cell)) return false;
  const written = code(cell);
  if (written === 'y' || written === '1') return true;
  if (written === 'n' || written === '2') return false;
  log.report(row, field, 'GROWTH_INVALID_OEDEMA', cell);
  return true;
}

/**
 * A calendar date as a day number (days since 1970-01-01), from ISO `YYYY-MM-DD` (a time
 * after it is ignored) or `DD/MM/YYYY` as written in Mali and in WHO's survey files.
 */
export function readDate(cell: Cell, row: number, field: string, log: GrowthIssueLog): number | null {
  if (isBlank(cell)) return null;
  const written = text(cell).trim();
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(written) ?? /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(written);
  if (match) {
    const iso = match[1]!.length === 4;
    const year = Number(iso ? match[1] : match[3]);
    const month = Number(match[2]);
    const day = Number(iso ? match[3] : match[1]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return dayNumber(year, month, day);
  }
  log.report(row, field, 'GROWTH_INVALID_DATE', cell);
  return null;
}

/** Age in days from two day numbers; a visit before the birth is reported and gives no age. */
export function ageInDays(dob: number | null, visit: number | null, row: number, field: string, log: GrowthIssueLog): number | null {
  if (dob === null || visit === null) return null;
  if (visit < dob) {
    log.report(row, field, 'GROWTH_VISIT_BEFORE_BIRTH', visit - dob);
    return null;
  }
  return visit - dob;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant, "days_from_civil"). */
function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
