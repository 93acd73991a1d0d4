// Reading an anthropometric survey table (CSV text, or the cells of a workbook sheet) into one
// record per child: WHO anthro's input columns (src/core/growth: sex, age_days or age_months
// or dob + date_of_visit, weight_kg, lenhei_cm, measure, oedema, muac_cm …) with their
// z-scores and WHO flags computed by the growth engine, plus the survey design columns named
// by the analyst (cluster, stratum, sampling weight) and grouping columns.
//
// A survey estimate must not rest on guessed values: every unreadable cell is an error
// naming its row and column (SURVEY_* codes, messages in i18n/), and the analysis is not
// done until the file is corrected. Empty cells are missing values, handled as anthro
// handles them (see prevalence.ts).
import { parseCsv } from '../csv/csvReader.ts';
import { DenwError } from '../errors.ts';
import { ageInDays, type GrowthIssue, GrowthIssueLog, readDate, readNonNegative, readOedema, readSex } from '../growth/fields.ts';
import { daysPerMonth, type Flag, GrowthRecordComputer, type WhoGrowthTables } from '../growth/index.ts';
import { detectSeparator } from '../growth/zscoreCsv.ts';

/** The design and grouping columns, by their names in the file (matched case-insensitively). */
export interface SurveyColumns {
  cluster?: string | undefined;
  strata?: string | undefined;
  weight?: string | undefined;
  by?: readonly string[] | undefined;
}

export interface SurveyChild {
  /** Row in the file (CSV: the header is row 1; workbook: the sheet's row number). */
  row: number;
  sex: 1 | 2 | null;
  /** Exact age in days (from age_days, age_months × 30.4375, or the two dates). */
  ageDays: number | null;
  oedema: boolean;
  weightKg: number | null;
  lenheiCm: number | null;
  muacCm: number | null;
  zlen: number | null; flen: Flag;
  zwei: number | null; fwei: Flag;
  zwfl: number | null; fwfl: Flag;
  zbmi: number | null; fbmi: Flag;
  /** '' when the survey has no strata column; null when this child's cell is empty. */
  stratum: string | null;
  /** '' when the survey has no cluster column; null when this child's cell is empty. */
  cluster: string | null;
  /** Sampling weight; 1 without a weight column; null when the cell is empty. */
  weight: number | null;
  /** Values of the `by` columns, in their order ('' when empty). */
  groups: string[];
}

/** A survey file with unreadable cells: each names its row, column and value. */
export class SurveyInputError extends DenwError {
  constructor(readonly issues: readonly GrowthIssue[], readonly issueCount: number) {
    super('SURVEY_INVALID_INPUT', { count: issueCount });
  }
}

/** The code of a survey cell issue: GROWTH_INVALID_SEX → SURVEY_INVALID_SEX. */
export const surveyIssueCode = (issue: GrowthIssue) => issue.code.replace(/^GROWTH_/, 'SURVEY_');

export interface SurveyTableRow {
  cells: readonly unknown[];
  row: number;
}

/** Reads the children of a table given as a header and rows of cells. */
export function readSurveyTable(header: readonly string[], rows: Iterable<SurveyTableRow>, columns: SurveyColumns, tables: WhoGrowthTables): SurveyChild[] {
  const names = header.map((name) => String(name ?? '').trim().toLowerCase());
  const position = (column: string) => {
    const at = names.indexOf(column.trim().toLowerCase());
    if (at < 0) throw new DenwError('SURVEY_MISSING_COLUMN', { column }, column);
    return at;
  };
  const clusterAt = columns.cluster ? position(columns.cluster) : -1;
  const strataAt = columns.strata ? position(columns.strata) : -1;
  const weightAt = columns.weight ? position(columns.weight) : -1;
  const byAt = (columns.by ?? []).map(position);
  const log = new GrowthIssueLog(100);
  const computer = new GrowthRecordComputer(names, 2006, tables, log);
  // The age, sex and measurements are read a second time for the groups and the plausibility
  // check; their issues are already reported by the computer.
  const ageLog = new GrowthIssueLog(0);
  const at = (column: string) => names.indexOf(column);
  const [ageDaysAt, ageMonthsAt, dobAt, visitAt] = ['age_days', 'age_months', 'dob', 'date_of_visit'].map(at) as [number, number, number, number];
  const text = (cell: unknown) => (cell === undefined || cell === null ? '' : String(cell).trim());
  const children: SurveyChild[] = [];
  for (const { cells, row } of rows) {
    computer.compute(cells, row);
    const z = computer.result2006;
    const cell = (index: number) => (index < 0 ? undefined : cells[index]);
    let ageDays = readNonNegative(cell(ageDaysAt), row, 'age_days', ageLog);
    if (ageDays === null) {
      const months = readNonNegative(cell(ageMonthsAt), row, 'age_months', ageLog);
      if (months !== null) ageDays = months * daysPerMonth;
      else if (dobAt >= 0 && visitAt >= 0) ageDays = ageInDays(readDate(cell(dobAt), row, 'dob', ageLog), readDate(cell(visitAt), row, 'date_of_visit', ageLog), row, 'date_of_visit', ageLog);
    }
    const weightText = weightAt < 0 ? '1' : text(cells[weightAt]);
    const weight = weightText === '' ? null : readNonNegative(weightText, row, header[weightAt] ?? 'weight', log);
    children.push({
      row,
      sex: readSex(cell(at('sex')), row, 'sex', ageLog),
      ageDays,
      oedema: readOedema(cell(at('oedema')), row, 'oedema', ageLog),
      weightKg: readNonNegative(cell(at('weight_kg')), row, 'weight_kg', ageLog),
      lenheiCm: readNonNegative(cell(at('lenhei_cm')), row, 'lenhei_cm', ageLog),
      muacCm: readNonNegative(cell(at('muac_cm')), row, 'muac_cm', ageLog),
      zlen: z.zlen, flen: z.flen, zwei: z.zwei, fwei: z.fwei, zwfl: z.zwfl, fwfl: z.fwfl, zbmi: z.zbmi, fbmi: z.fbmi,
      stratum: strataAt < 0 ? '' : text(cells[strataAt]) || null,
      cluster: clusterAt < 0 ? '' : text(cells[clusterAt]) || null,
      weight,
      groups: byAt.map((index) => text(cells[index])),
    });
  }
  if (log.count > 0) throw new SurveyInputError(log.issues, log.count);
  if (children.length === 0) throw new DenwError('SURVEY_EMPTY_FILE');
  return children;
}

/** Reads the children of a CSV text (separator `,`, `;` or tab, taken from the header line). */
export function readSurveyCsv(csv: string, columns: SurveyColumns, tables: WhoGrowthTables): SurveyChild[] {
  const newline = csv.indexOf('\n');
  const records = parseCsv(csv, { separator: detectSeparator(newline < 0 ? csv : csv.slice(0, newline)) });
  const [header, ...rows] = records;
  if (!header) throw new DenwError('SURVEY_EMPTY_FILE');
  return readSurveyTable(header.fields, rows.map((record) => ({ cells: record.fields, row: record.row })), columns, tables);
}
