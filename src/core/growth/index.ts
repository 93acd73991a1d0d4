// WHO growth z-scores: the 2006 Child Growth Standards (anthro) and the 2007 Growth
// Reference (anthroplus), for one child, for records (JSON) and for CSV text.
export { type GrowthIssue, type GrowthIssueCode, GrowthIssueLog } from './fields.ts';
export { lmsZscore, lmsZscoreRestricted, roundR2 } from './lms.ts';
export { type LmsTable, parseWhoGrowthTables, type Sex, whoGrowthTableFiles, type WhoGrowthTableName, type WhoGrowthTables } from './tables.ts';
export { anthroZscores, type AnthroMeasurement, type AnthroZscores, daysPerMonth, emptyAnthroZscores, type Flag, type Measure } from './who2006.ts';
export { anthroplusZscores, type AnthroplusMeasurement, type AnthroplusZscores, emptyAnthroplusZscores, reference2007AgeLimits } from './who2007.ts';
export { createZscoreCsvStream, zscoreCsv, type ZscoreCsvOptions, type ZscoreCsvStream } from './zscoreCsv.ts';
export { GrowthRecordComputer, growthInputColumns, growthOutputColumns, type GrowthReference, zscoreRows } from './zscoreRecords.ts';
