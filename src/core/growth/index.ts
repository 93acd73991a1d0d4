// WHO growth z-scores: the 2006 Child Growth Standards (anthro) and the 2007 Growth
// Reference (anthroplus), for one child, for records (JSON) and for CSV text.
//
// Use: parse the tables once (`parseWhoGrowthTables`, given the text of the files in
// data/who-growth/; on Node, `whoGrowthTables` in src/store/growth/whoGrowthTables.ts reads them),
// then
//   - one child:        anthroZscores(measurement, tables) / anthroplusZscores(…)
//   - JSON records:     zscoreRows(rows, 2006 | 2007, tables) → { rows, issues, issueCount }
//   - CSV text:         zscoreCsv(text, 2006 | 2007, tables) → { csv, issues, issueCount, recordCount }
//   - CSV by chunks:    createZscoreCsvStream(2006 | 2007, tables) → write(chunk) … end()
// Unreadable cells never stop a file: they are issues (row, field, code, value) whose messages
// are `error.<code>` in i18n/; missing columns and broken CSV throw a DenwError.
export { type GrowthIssue, type GrowthIssueCode, GrowthIssueLog } from './fields.ts';
export { lmsZscore, lmsZscoreRestricted, roundR2 } from './lms.ts';
export { type LmsTable, parseWhoGrowthTables, type Sex, whoGrowthTableFiles, type WhoGrowthTableName, type WhoGrowthTables } from './tables.ts';
export { anthroZscores, type AnthroMeasurement, type AnthroZscores, daysPerMonth, emptyAnthroZscores, type Flag, type Measure } from './who2006.ts';
export { anthroplusZscores, type AnthroplusMeasurement, type AnthroplusZscores, emptyAnthroplusZscores, reference2007AgeLimits } from './who2007.ts';
export { createZscoreCsvStream, detectSeparator, zscoreCsv, type ZscoreCsvOptions, type ZscoreCsvStream } from './zscoreCsv.ts';
export { GrowthRecordComputer, growthInputColumns, growthOutputColumns, type GrowthReference, zscoreRows } from './zscoreRecords.ts';
export { type ChildMeasurementScores, type ChildVisitMeasurement, daysBetween, scoreChildMeasurement } from './childMeasurement.ts';
export { classify, classifyGrowth, type GrowthClassification, type GrowthClassificationInput, type GrowthClassificationThresholds } from './classification.ts';
export { type GrowthChartIndicator, growthChartIndicators, type GrowthCurvePoint, type GrowthCurves, growthCurves } from './curves.ts';
