// The reference output of WHO's own code for the 200 records of data/who-growth/sample-oracle.csv
// (anthro::anthro_zscores, anthro 1.1.0.9000, R 4.2.2; see that folder's README), read into
// the engine's input type with the expected cells kept as text. Used by the tests only.
import { sampleOracleCsv } from './testTables.ts';
import type { AnthroMeasurement } from './who2006.ts';

export interface OracleRecord {
  id: string;
  case: string;
  input: AnthroMeasurement;
  /** Every column of the file, as written by R's write.csv (empty = NA). */
  cells: Record<string, string>;
}

const [headerLine = '', ...lines] = sampleOracleCsv.trimEnd().split('\n');
export const oracleHeader = headerLine.split(',');

const number = (cell: string | undefined) => (cell === undefined || cell === '' ? null : Number(cell));

export const oracleRecords: OracleRecord[] = lines.map((line) => {
  const fields = line.split(',');
  const cells = Object.fromEntries(oracleHeader.map((column, i) => [column, fields[i] ?? '']));
  const measure = cells.measure!.toLowerCase();
  return {
    id: cells.id!,
    case: cells.case!,
    cells,
    input: {
      sex: cells.sex === '1' ? 1 : cells.sex === '2' ? 2 : null,
      ageDays: number(cells.age_days),
      weightKg: number(cells.weight_kg),
      lenheiCm: number(cells.lenhei_cm),
      measure: measure === 'l' || measure === 'h' ? measure : null,
      oedema: cells.oedema === 'y',
      headcCm: number(cells.headc_cm),
      muacCm: number(cells.muac_cm),
      tricepsMm: number(cells.triceps_mm),
      subscapMm: number(cells.subscap_mm),
    },
  };
});

/** The z-score and flag columns of anthro_zscores. */
export const oracleScoreColumns = ['zlen', 'flen', 'zwei', 'fwei', 'zwfl', 'fwfl', 'zbmi', 'fbmi', 'zhc', 'fhc', 'zac', 'fac', 'zts', 'fts', 'zss', 'fss'] as const;
