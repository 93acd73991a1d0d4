// The WHO LMS tables, read from the CSV files shipped in data/who-growth/ (see its README
// for their source: the tab-separated tables of WHO's `anthro` and `anthroplus` R packages)
// into typed arrays indexed by sex and key, so that a z-score costs one array read.
//
// Pure: the caller reads the files and passes their text in (the CLI and the server from
// disk, the browser from a fetch), so nothing here touches the file system.
import { DenwError } from '../errors.ts';

export type Sex = 1 | 2;

/**
 * One LMS table for both sexes, keyed by consecutive integers: age in days (2006), age in
 * months (2007) or length/height in millimetres (weight-for-length/height, whose rows are
 * 0.1 cm apart). Row (sex, key) is at index (sex − 1)·stride + key − firstKey.
 */
export interface LmsTable {
  readonly name: WhoGrowthTableName;
  readonly firstKey: number;
  readonly lastKey: number;
  readonly stride: number;
  readonly l: Float64Array;
  readonly m: Float64Array;
  readonly s: Float64Array;
}

/**
 * The twelve tables by WHO's own indicator abbreviations, with their file in data/who-growth/
 * and the scale that turns the key column into an integer (10 for lengths in cm).
 */
export const whoGrowthTableFiles = {
  wfa: { file: 'who2006_weight_for_age.csv', keyColumn: 'age_days', keyScale: 1 },
  lhfa: { file: 'who2006_length_height_for_age.csv', keyColumn: 'age_days', keyScale: 1 },
  wfl: { file: 'who2006_weight_for_length.csv', keyColumn: 'length_cm', keyScale: 10 },
  wfh: { file: 'who2006_weight_for_height.csv', keyColumn: 'height_cm', keyScale: 10 },
  bfa: { file: 'who2006_bmi_for_age.csv', keyColumn: 'age_days', keyScale: 1 },
  hcfa: { file: 'who2006_head_circumference_for_age.csv', keyColumn: 'age_days', keyScale: 1 },
  acfa: { file: 'who2006_arm_circumference_for_age.csv', keyColumn: 'age_days', keyScale: 1 },
  tsfa: { file: 'who2006_triceps_skinfold_for_age.csv', keyColumn: 'age_days', keyScale: 1 },
  ssfa: { file: 'who2006_subscapular_skinfold_for_age.csv', keyColumn: 'age_days', keyScale: 1 },
  hfa2007: { file: 'who2007_height_for_age.csv', keyColumn: 'age_months', keyScale: 1 },
  wfa2007: { file: 'who2007_weight_for_age.csv', keyColumn: 'age_months', keyScale: 1 },
  bfa2007: { file: 'who2007_bmi_for_age.csv', keyColumn: 'age_months', keyScale: 1 },
} as const;

export type WhoGrowthTableName = keyof typeof whoGrowthTableFiles;
export type WhoGrowthTables = { readonly [name in WhoGrowthTableName]: LmsTable };

/** Parses the text of every table file (keyed by table name) into lookup-ready tables. */
export function parseWhoGrowthTables(texts: Readonly<Record<WhoGrowthTableName, string>>): WhoGrowthTables {
  const tables = {} as Record<WhoGrowthTableName, LmsTable>;
  for (const name of Object.keys(whoGrowthTableFiles) as WhoGrowthTableName[]) {
    tables[name] = parseLmsTable(name, texts[name]);
  }
  return tables;
}

/**
 * Parses one table: header `sex,<key>,l,m,s[,loh|lorh]`, rows sorted by sex then key, keys
 * consecutive (after scaling) and identical for both sexes, L finite, M and S positive.
 * A table that breaks any of these is refused whole (error GROWTH_TABLE_INVALID, naming
 * the table and line), because a silent gap would give wrong z-scores, not empty ones.
 */
export function parseLmsTable(name: WhoGrowthTableName, text: string | undefined): LmsTable {
  const { file, keyColumn, keyScale } = whoGrowthTableFiles[name];
  const invalid = (line: number, reason: string) => new DenwError('GROWTH_TABLE_INVALID', { table: file, line, reason });
  if (text === undefined) throw invalid(0, 'missing');
  const lines = text.split('\n').filter((line, index) => index === 0 || line.trim() !== '');
  const header = (lines[0] ?? '').trim().split(',');
  if (header[0] !== 'sex' || header[1] !== keyColumn || header[2] !== 'l' || header[3] !== 'm' || header[4] !== 's') {
    throw invalid(1, `header ${header.join(',')}`);
  }
  const rows = lines.slice(1).map((line, index) => {
    const [sex, key, l, m, s] = line.trim().split(',').map(Number);
    const row = { sex, key: Math.round((key ?? NaN) * keyScale), l, m, s, line: index + 2 };
    const valid = (sex === 1 || sex === 2) && Number.isFinite(row.key) && Number.isFinite(l) && m! > 0 && s! > 0;
    if (!valid) throw invalid(row.line, line);
    return row as { sex: Sex; key: number; l: number; m: number; s: number; line: number };
  });
  const firstKey = rows[0]?.key ?? NaN;
  const stride = rows.length / 2;
  if (!Number.isInteger(stride) || stride < 2) throw invalid(rows.length + 1, 'not two sexes of equal length');
  const l = new Float64Array(2 * stride);
  const m = new Float64Array(2 * stride);
  const s = new Float64Array(2 * stride);
  rows.forEach((row, index) => {
    const sex = index < stride ? 1 : 2;
    const key = firstKey + (index % stride);
    if (row.sex !== sex || row.key !== key) throw invalid(row.line, `expected sex ${sex}, ${keyColumn} ${key / keyScale}`);
    l[index] = row.l;
    m[index] = row.m;
    s[index] = row.s;
  });
  return { name, firstKey, lastKey: firstKey + stride - 1, stride, l, m, s };
}
