// The CSV form of the z-score computation, shared by `denw growth zscores` and the HTTP
// route: every input record is written back unchanged with WHO anthro's computed columns
// appended (an input column with the same name as a computed one is replaced). Streaming:
// text goes in by chunks and comes out by chunks, so the input size is not limited by memory.
import { DenwError } from '../errors.ts';
import { csvField, CsvRecordReader } from './csvRecords.ts';
import { GrowthIssueLog } from './fields.ts';
import { formatSignificant15, formatZscore } from './format.ts';
import type { WhoGrowthTables } from './tables.ts';
import type { AnthroZscores, Flag } from './who2006.ts';
import type { AnthroplusZscores } from './who2007.ts';
import { GrowthRecordComputer, growthOutputColumns, type GrowthReference } from './zscoreRecords.ts';

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
      lines.push([...passThrough.map((index) => csvField(fields[index]!, delimiter)), ...outputColumns].join(delimiter));
      return;
    }
    recordCount += 1;
    computer.compute(fields, recordCount);
    const input = reuseRawLine && rawLine !== null && fields.length === headerLength ? rawLine : joinFields(fields, passThrough, delimiter);
    lines.push(input + (reference === 2006 ? anthroCells(computer.result2006, delimiter) : anthroplusCells(computer.result2007, delimiter)));
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

// How the computed columns are written, as R's write.csv writes anthro's data frame:
// z-scores as rounded (−1.5, not −1.50), flags 0/1, clenhei and cbmi with 15 significant
// digits (47.1 + 0.7 is 47.8, not 47.800000000000004), empty for NA. One expression per
// reference, in the order of growthOutputColumns: reading the properties by name keeps the
// million-row path fast (a loop over column names costs more than the z-scores themselves).

function anthroCells(r: AnthroZscores, d: string): string {
  return d + formatSignificant15(r.clenhei) + d + formatSignificant15(r.cbmi) +
    d + formatZscore(r.zlen) + d + flag(r.flen) + d + formatZscore(r.zwei) + d + flag(r.fwei) +
    d + formatZscore(r.zwfl) + d + flag(r.fwfl) + d + formatZscore(r.zbmi) + d + flag(r.fbmi) +
    d + formatZscore(r.zhc) + d + flag(r.fhc) + d + formatZscore(r.zac) + d + flag(r.fac) +
    d + formatZscore(r.zts) + d + flag(r.fts) + d + formatZscore(r.zss) + d + flag(r.fss);
}

function anthroplusCells(r: AnthroplusZscores, d: string): string {
  return d + formatSignificant15(r.cbmi) + d + formatZscore(r.zhfa) + d + flag(r.fhfa) +
    d + formatZscore(r.zwfa) + d + flag(r.fwfa) + d + formatZscore(r.zbfa) + d + flag(r.fbfa);
}

function flag(value: Flag): string {
  return value === null ? '' : value === 1 ? '1' : '0';
}
