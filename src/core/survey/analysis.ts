// The whole analysis of an uploaded survey file, shared by `denw survey anthro` and
// POST /api/surveys/anthro: read CSV or XLSX, z-scores, plausibility report, prevalence
// table, classifications; and the CSV forms of its two tables.
import { toCsv } from '../csv/csvWriter.ts';
import { DenwError } from '../errors.ts';
import type { WhoGrowthTables } from '../growth/index.ts';
import { plausibilityReport, type PlausibilityReport } from './plausibility.ts';
import { type PrevalenceResult, type PrevalenceRow, surveyPrevalence, type ZscoreSummaryRow } from './prevalence.ts';
import { readSurveyCsv, readSurveyTable, type SurveyColumns } from './records.ts';
import { classifyPrevalence, type PrevalenceClassification } from './thresholds.ts';
import { isXlsx, readSurveyWorkbook } from './workbook.ts';

export interface SurveyAnalysis {
  plausibility: PlausibilityReport;
  prevalence: PrevalenceResult;
  /** Classes of the "All" prevalences that have a scale (WH_2, WH2, HA_2). */
  classification: Record<string, PrevalenceClassification>;
}

/** Analyses a survey file given as bytes (XLSX, recognised by its ZIP signature, or UTF-8 CSV). */
export async function analyseAnthroSurvey(bytes: Uint8Array, columns: SurveyColumns, tables: WhoGrowthTables): Promise<SurveyAnalysis> {
  let children;
  if (isXlsx(bytes)) {
    const { header, rows } = await readSurveyWorkbook(bytes);
    children = readSurveyTable(header, rows, columns, tables);
  } else {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new DenwError('CSV_NOT_UTF8', { line: 1 });
    }
    children = readSurveyCsv(text, columns, tables);
  }
  const clustered = columns.cluster !== undefined;
  const prevalence = surveyPrevalence(children, { clustered, strataLabel: columns.strata, byLabels: columns.by });
  const classification: Record<string, PrevalenceClassification> = {};
  for (const row of prevalence.rows) {
    if (row.group !== 'All') continue;
    const classes = classifyPrevalence(row.indicator, row.prevalence);
    if (classes.whoUnicef2018 !== null || classes.ipcPhase !== null) classification[row.indicator] = classes;
  }
  return { plausibility: plausibilityReport(children, clustered), prevalence, classification };
}

/** A number rounded to `decimals`, without trailing zeros; '' for null. */
const fixed = (x: number | null, decimals: number) => (x === null ? '' : String(Number(x.toFixed(decimals))));

/** The prevalence table as CSV: indicator, group, n, prevalence, se, ci_low, ci_high, deff (percent, 4 decimals). */
export function prevalenceCsv(rows: readonly PrevalenceRow[]): string {
  return toCsv([
    ['indicator', 'group', 'n', 'prevalence', 'se', 'ci_low', 'ci_high', 'deff'],
    ...rows.map((r) => [r.indicator, r.group, r.n, fixed(r.prevalence, 4), fixed(r.se, 4), fixed(r.ciLow, 4), fixed(r.ciHigh, 4), fixed(r.deff, 4)]),
  ], { lineEnding: '\n' });
}

/** anthro's z-score summary as CSV: indicator (HA, WA, WH, BMI), group, n, mean, se, ci_low, ci_high, sd (z-scores, 4 decimals). */
export function zscoreSummaryCsv(rows: readonly ZscoreSummaryRow[]): string {
  return toCsv([
    ['indicator', 'group', 'n', 'mean', 'se', 'ci_low', 'ci_high', 'sd'],
    ...rows.map((r) => [r.indicator, r.group, r.n, fixed(r.mean, 4), fixed(r.se, 4), fixed(r.ciLow, 4), fixed(r.ciHigh, 4), fixed(r.sd, 4)]),
  ], { lineEnding: '\n' });
}

/**
 * The plausibility report as CSV: criterion, value, p, n, class, points — one line per
 * SMART criterion, then the overall score, then the unscored lines (missing values and SMART
 * flags by index, in %).
 */
export function plausibilityCsv(report: PlausibilityReport): string {
  const lines: (string | number)[][] = [['criterion', 'value', 'p', 'n', 'class', 'points']];
  for (const line of report.lines) lines.push([line.criterion, fixed(line.value, 4), fixed(line.p, 4), line.n, line.class ?? '', line.points]);
  lines.push(['overall', report.score, '', report.children, report.class, report.score]);
  for (const [input, percent] of Object.entries(report.missing)) lines.push([`missing_${input}`, fixed(percent, 2), '', report.children, '', '']);
  for (const [index, flags] of Object.entries(report.smartFlags)) lines.push([`smart_flags_${index}`, fixed(flags.percent, 2), '', flags.n, '', '']);
  return toCsv(lines, { lineEnding: '\n' });
}
