// The CSV form of the z-score computation, shared by `denw growth zscores` and the HTTP
// route: every input record is written back unchanged with WHO anthro's computed columns
// appended (an input column with the same name as a computed one is replaced). Streaming:
// text goes in by chunks and comes out by chunks, so the input size is not limited by memory.
import { DenwError } from '../errors.ts';
import { csvField, CsvRecordReader } from './csvRecords.ts';
import { GrowthIssueLog } from './fields.ts';
import type { WhoGrowthTables } from './tables.ts';
import { GrowthRecordComputer, growthOutputColumns, type GrowthOutputValues, type GrowthReference } from './zscoreRecords.ts';

export interface ZscoreCsvStream {
  /** Feeds a chunk of input text; returns the output text completed by it (maybe ''). */
  write(chunk: string): string;
  /** Ends the input; returns the rest of the output. */
  end(): string;
  readonly log: GrowthIssueLog;
  /** Data records read so far (the header not counted). */
  readonly recordCount: number;
}

export function createZscoreCsvStream(reference: GrowthReference, tables: WhoGrowthTables, log = new GrowthIssueLog()): ZscoreCsvStream {
  const outputColumns = growthOutputColumns[reference];
  const formatters = outputColumns.map(formatterFor);
  let computer: GrowthRecordComputer | null = null;
  let passThrough: number[] = [];
  let headerLength = 0;
  let reuseRawLine = true;
  let recordCount = 0;
  let lines: string[] = [];

  const reader = new CsvRecordReader((fields, rawLine) => {
    const delimiter = reader.delimiter;
    if (computer === null) {
      computer = new GrowthRecordComputer(fields, reference, tables, log);
      const replaced = new Set<string>(outputColumns);
      headerLength = fields.length;
      passThrough = fields.flatMap((name, index) => (replaced.has(name.trim().toLowerCase()) ? [] : [index]));
      reuseRawLine = passThrough.length === headerLength;
      const header = [...passThrough.map((index) => csvField(fields[index]!, delimiter)), ...outputColumns];
      lines.push(header.join(delimiter));
      return;
    }
    recordCount += 1;
    computer.compute(fields, recordCount);
    const values = computer.values;
    let line = reuseRawLine && rawLine !== null && fields.length === headerLength ? rawLine : joinFields(fields, passThrough, delimiter);
    for (let i = 0; i < outputColumns.length; i++) line += delimiter + formatters[i]!(values);
    lines.push(line);
  });

  const flush = () => {
    if (lines.length === 0) return '';
    const text = `${lines.join('\n')}\n`;
    lines = [];
    return text;
  };
  return {
    write(chunk) {
      reader.push(chunk);
      return flush();
    },
    end() {
      reader.end();
      if (computer === null) throw new DenwError('GROWTH_MISSING_COLUMN', { column: 'sex', expected: '1/2/m/f' }, 'sex');
      return flush();
    },
    log,
    get recordCount() {
      return recordCount;
    },
  };
}

/** The whole computation on a CSV text held in memory (an HTTP request body, a test). */
export function zscoreCsv(text: string, reference: GrowthReference, tables: WhoGrowthTables) {
  const stream = createZscoreCsvStream(reference, tables);
  const csv = stream.write(text) + stream.end();
  return { csv, issues: stream.log.issues, issueCount: stream.log.count, recordCount: stream.recordCount };
}

function joinFields(fields: readonly string[], indexes: readonly number[], delimiter: string): string {
  return indexes.map((index) => csvField(fields[index] ?? '', delimiter)).join(delimiter);
}

type Formatter = (values: GrowthOutputValues) => string;

/**
 * How each computed column is written, as R's write.csv writes anthro's data frame:
 * z-scores as rounded (−1.5, not −1.50), flags 0/1, clenhei and cbmi with 15 significant
 * digits (so 47.1 + 0.7 is 47.8, not 47.800000000000004); empty for NA.
 */
function formatterFor(column: keyof GrowthOutputValues): Formatter {
  if (column === 'clenhei' || column === 'cbmi') {
    return (values) => {
      const value = values[column];
      return value === null ? '' : String(Number(value.toPrecision(15)));
    };
  }
  return (values) => {
    const value = values[column];
    return value === null ? '' : String(value);
  };
}
