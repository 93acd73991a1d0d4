// Z-scores for tables of records whose columns follow WHO anthro's conventions: the column
// names, how each cell is read, and the computed columns appended. Shared by the CSV path
// (zscoreCsv.ts: the `denw growth zscores` command) and by JSON callers (the HTTP route).
import { DenwError } from '../errors.ts';
import { ageInDays, GrowthIssueLog, readDate, readMeasure, readNonNegative, readOedema, readSex } from './fields.ts';
import type { WhoGrowthTables } from './tables.ts';
import { anthroZscores, daysPerMonth, emptyAnthroZscores, type AnthroMeasurement, type AnthroZscores } from './who2006.ts';
import { anthroplusZscores, emptyAnthroplusZscores, type AnthroplusMeasurement, type AnthroplusZscores } from './who2007.ts';

/** 2006: WHO Child Growth Standards (0–5 years, anthro); 2007: WHO Growth Reference (5–19 years, anthroplus). */
export type GrowthReference = 2006 | 2007;

/**
 * Input columns. The age is `age_days` (2006) or `age_months`, or else the dates `dob` and
 * `date_of_visit`. Column names match case-insensitively; any other column is passed through.
 */
export const growthInputColumns = {
  2006: ['sex', 'age_days', 'age_months', 'dob', 'date_of_visit', 'weight_kg', 'lenhei_cm', 'measure', 'oedema', 'headc_cm', 'muac_cm', 'triceps_mm', 'subscap_mm'],
  2007: ['sex', 'age_months', 'dob', 'date_of_visit', 'weight_kg', 'height_cm', 'oedema'],
} as const;

/** Appended columns, named as anthro_zscores and anthroplus_zscores name them. */
export const growthOutputColumns = {
  2006: ['clenhei', 'cbmi', 'zlen', 'flen', 'zwei', 'fwei', 'zwfl', 'fwfl', 'zbmi', 'fbmi', 'zhc', 'fhc', 'zac', 'fac', 'zts', 'fts', 'zss', 'fss'],
  2007: ['cbmi', 'zhfa', 'fhfa', 'zwfa', 'fwfa', 'zbfa', 'fbfa'],
} as const;

type InputColumn = (typeof growthInputColumns)[GrowthReference][number];
type OutputColumn = (typeof growthOutputColumns)[GrowthReference][number];
export type GrowthOutputValues = Record<OutputColumn, number | null>;

const measurementColumns = { 2006: ['weight_kg', 'lenhei_cm', 'headc_cm', 'muac_cm', 'triceps_mm', 'subscap_mm'], 2007: ['weight_kg', 'height_cm'] };

/**
 * A computation bound to one input header: where each input column is, and one reusable
 * measurement and result object, so that computing a record allocates nothing.
 */
export class GrowthRecordComputer {
  /** Position of each input column in a record, −1 when the header lacks it. */
  readonly at: Record<InputColumn, number>;
  private readonly child2006: AnthroMeasurement = {
    sex: null, ageDays: null, ageMonths: null, weightKg: null, lenheiCm: null, measure: null,
    oedema: false, headcCm: null, muacCm: null, tricepsMm: null, subscapMm: null,
  };
  private readonly child2007: AnthroplusMeasurement = { sex: null, ageMonths: null, weightKg: null, heightCm: null, oedema: false };
  readonly result2006: AnthroZscores = emptyAnthroZscores();
  readonly result2007: AnthroplusZscores = emptyAnthroplusZscores();

  /**
   * Checks the header: `sex`, a way to know the age (required for 2007 only: the 2006
   * weight-for-length/height needs none), both dates when one is given, and at least one
   * measurement. Throws GROWTH_MISSING_COLUMN naming the column.
   */
  constructor(
    header: readonly string[],
    readonly reference: GrowthReference,
    readonly tables: WhoGrowthTables,
    readonly log: GrowthIssueLog = new GrowthIssueLog(),
  ) {
    const names = header.map((name) => name.trim().toLowerCase());
    this.at = Object.fromEntries(growthInputColumns[reference].map((column) => [column, names.indexOf(column)])) as Record<InputColumn, number>;
    const missing = (column: string, expected: string) => new DenwError('GROWTH_MISSING_COLUMN', { column, expected }, column);
    const has = (column: InputColumn) => this.at[column] >= 0;
    if (!has('sex')) throw missing('sex', '1/2/m/f');
    if (has('dob') !== has('date_of_visit')) throw missing(has('dob') ? 'date_of_visit' : 'dob', 'date');
    const hasAge = has('age_months') || has('dob') || (reference === 2006 && has('age_days'));
    if (reference === 2007 && !hasAge) throw missing('age_months', 'age_months | dob + date_of_visit');
    const measurements = measurementColumns[reference] as InputColumn[];
    if (!measurements.some(has)) throw missing(measurements.join(' | '), 'number');
  }

  /** Reads one record (cells in header order) and computes its z-scores into result2006/2007. */
  compute(cells: ArrayLike<unknown>, row: number): void {
    const { log } = this;
    const sex = readSex(this.cell(cells, 'sex'), row, 'sex', log);
    let ageDays = this.reference === 2006 ? this.number(cells, 'age_days', row) : null;
    const ageMonths = ageDays === null ? this.number(cells, 'age_months', row) : null;
    if (ageDays === null && ageMonths === null && this.at.dob >= 0) {
      const dob = readDate(this.cell(cells, 'dob'), row, 'dob', log);
      const visit = readDate(this.cell(cells, 'date_of_visit'), row, 'date_of_visit', log);
      ageDays = ageInDays(dob, visit, row, 'date_of_visit', log);
    }
    const oedema = readOedema(this.cell(cells, 'oedema'), row, 'oedema', log);
    if (this.reference === 2006) {
      const child = this.child2006;
      child.sex = sex;
      child.ageDays = ageDays;
      child.ageMonths = ageMonths;
      child.weightKg = this.number(cells, 'weight_kg', row);
      child.lenheiCm = this.number(cells, 'lenhei_cm', row);
      child.measure = readMeasure(this.cell(cells, 'measure'), row, 'measure', log);
      child.oedema = oedema;
      child.headcCm = this.number(cells, 'headc_cm', row);
      child.muacCm = this.number(cells, 'muac_cm', row);
      child.tricepsMm = this.number(cells, 'triceps_mm', row);
      child.subscapMm = this.number(cells, 'subscap_mm', row);
      anthroZscores(child, this.tables, this.result2006);
    } else {
      const child = this.child2007;
      child.sex = sex;
      // From dates, months are days / 30.4375, anthro's ANTHRO_DAYS_OF_MONTH.
      child.ageMonths = ageMonths ?? (ageDays === null ? null : ageDays / daysPerMonth);
      child.weightKg = this.number(cells, 'weight_kg', row);
      child.heightCm = this.number(cells, 'height_cm', row);
      child.oedema = oedema;
      anthroplusZscores(child, this.tables, this.result2007);
    }
  }

  private cell(cells: ArrayLike<unknown>, column: InputColumn): unknown {
    const index = this.at[column];
    return index < 0 ? undefined : cells[index];
  }

  private number(cells: ArrayLike<unknown>, column: InputColumn, row: number): number | null {
    return readNonNegative(this.cell(cells, column), row, column, this.log);
  }

  /** The last computed record's output values, by output column. */
  get values(): GrowthOutputValues {
    return (this.reference === 2006 ? this.result2006 : this.result2007) as unknown as GrowthOutputValues;
  }
}

export interface GrowthRowsResult {
  rows: Record<string, unknown>[];
  /** The first issues (up to the log's limit) and how many there were. */
  issues: GrowthIssueLog['issues'];
  issueCount: number;
}

/**
 * Z-scores for records given as objects (a JSON array): each output row is the input row
 * with the output columns set (numbers, or null where WHO's software gives NA).
 * Columns are found by exact name in the union of the rows' keys.
 */
export function zscoreRows(rows: readonly Record<string, unknown>[], reference: GrowthReference, tables: WhoGrowthTables): GrowthRowsResult {
  const header = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const computer = new GrowthRecordComputer(header, reference, tables);
  const outputColumns = growthOutputColumns[reference];
  const output = rows.map((row, index) => {
    computer.compute(header.map((column) => row[column]), index + 1);
    const values = computer.values;
    const result: Record<string, unknown> = { ...row };
    for (const column of outputColumns) result[column] = values[column];
    return result;
  });
  return { rows: output, issues: computer.log.issues, issueCount: computer.log.count };
}
