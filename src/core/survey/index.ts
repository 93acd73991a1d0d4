// Analysis of child anthropometry surveys (SMART, DHS/MICS style): read the file
// (records.ts, workbook.ts), compute z-scores with the growth engine, SMART flags and the
// plausibility check (plausibility.ts), prevalences with design-based intervals as WHO's
// anthro_prevalence (prevalence.ts on design.ts), and their public-health classes
// (thresholds.ts), SMART's GAM with SMART flags and anthro's z-score means (prevalence.ts).
// reference/ holds the R scripts that check design.ts against R's survey.
export { type MeanEstimate, SurveyDesign, type ProportionEstimate, type SurveyDesignInput } from './design.ts';
export { plausibilityReport, smartFlags, type PlausibilityLine, type PlausibilityReport, type PlausibilityClass } from './plausibility.ts';
export { ageGroups, indicators, surveyPrevalence, type PrevalenceResult, type PrevalenceRow, type ZscoreSummaryRow } from './prevalence.ts';
export { readSurveyCsv, readSurveyTable, SurveyInputError, surveyIssueCode, type SurveyChild, type SurveyColumns } from './records.ts';
export { classifyPrevalence, ipcAcuteMalnutritionPhases, whoUnicef2018Thresholds, type PrevalenceClassification } from './thresholds.ts';
export { isXlsx, readSurveyWorkbook } from './workbook.ts';
