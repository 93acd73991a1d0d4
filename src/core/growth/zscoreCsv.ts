// The CSV form of the z-score computation, shared by `denw growth zscores` and the HTTP
// route: every input record is written back with WHO anthro's computed columns appended (an
// input column with the same name as a computed one is replaced). Streaming: text goes in by
// chunks and comes out by chunks, so the input size is not limited by memory. Reading and
// quoting are the project's CSV module's (src/core/csv); the separator, when not given, is
// the one the header line uses (`,`, `;` as French spreadsheets write, or tab).
import { CsvReader, type CsvRecord } from '../csv/csvReader.ts';
import { formatCsvRecord } from '../csv/csvWriter.ts';
import { DenwError } from '../errors.ts';
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

export interface ZscoreCsvOptions {
  /** Field separator of the input (and output); taken from the header line when absent. */
  separator?: string;
  log?: GrowthIssueLog;
}

export function createZscoreCsvStream(reference: GrowthReference, tables: WhoGrowthTables, options: ZscoreCsvOptions = {}): ZscoreCsvStream {
  const log = options.log ?? new GrowthIssueLog();
  const outputColumns = growthOutputColumns[reference];
  let reader: CsvReader | null = null;
  let separator = options.separator ?? '';
  let pending = ''; // text before the end of the header line, while the separator is unknown
  let computer: GrowthRecordComputer | null = null;
  let passThrough: number[] = [];
  let passesAll = true;
  let recordCount = 0;
  let lines: string[] = [];

  const take = (records: CsvRecord[]) => {
    for (const { fields, row } of records) {
      if (computer === null) {
        computer = new GrowthRecordComputer(fields, reference, tables, log);
        const replaced = new Set<string>(outputColumns);
        passThrough = fields.flatMap((name, index) => (replaced.has(name.trim().toLowerCase()) ? [] : [index]));
        passesAll = passThrough.length === fields.length;
        lines.push(formatCsvRecord([...passThrough.map((index) => fields[index]!), ...outputColumns], separator));
        continue;
      }
      recordCount += 1;
      computer.compute(fields, row);
      // A record longer or shorter than the header is cut or padded to it, so that the
      // computed columns stay under their names.
      const aligned = passesAll && fields.length === passThrough.length;
      const input = passThroughLine(aligned ? fields : passThrough.map((index) => fields[index] ?? ''), separator);
      lines.push(input + (reference === 2006 ? anthroCells(computer.result2006, separator) : anthroplusCells(computer.result2007, separator)));
    }
    if (lines.length === 0) return '';
    const text = `${lines.join('\n')}\n`;
    lines = [];
    return text;
  };

  const open = (text: string, final: boolean): CsvReader | null => {
    if (separator === '') {
      const newline = text.indexOf('\n');
      if (newline < 0 && !final) return null;
      separator = detectSeparator(newline < 0 ? text : text.slice(0, newline));
    }
    return new CsvReader({ separator });
  };

  return {
    write(chunk) {
      if (reader === null) {
        pending += chunk;
        reader = open(pending, false);
        if (reader === null) return '';
        chunk = pending;
        pending = '';
      }
      return take(reader.push(chunk));
    },
    end() {
      reader ??= open(pending, true)!;
      const text = take(pending === '' ? [] : reader.push(pending)) + take(reader.end());
      pending = '';
      if (computer === null) throw new DenwError('GROWTH_MISSING_COLUMN', { column: 'sex', expected: '1/2/m/f' }, 'sex');
      return text;
    },
    log,
    get recordCount() {
      return recordCount;
    },
  };
}

/**
 * The input fields written back: joined as they are when none needs quotes (the usual
 * case, and 5 times faster), else quoted by the CSV module's writer.
 */
function passThroughLine(fields: string[], separator: string): string {
  const line = fields.join(separator);
  let separators = 0;
  for (let at = line.indexOf(separator); at >= 0; at = line.indexOf(separator, at + 1)) separators += 1;
  return separators === fields.length - 1 && !/["\r\n]/.test(line) ? line : formatCsvRecord(fields, separator);
}

/** The most frequent of `,` `;` and tab outside quotes in the header line; `,` on a tie. */
export function detectSeparator(headerLine: string): string {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  let best = ',';
  let bestCount = unquoted.split(',').length;
  for (const candidate of [';', '\t']) {
    const count = unquoted.split(candidate).length;
    if (count > bestCount) [best, bestCount] = [candidate, count];
  }
  return best;
}

/** The whole computation on a CSV text held in memory (an HTTP request body, a test). */
export function zscoreCsv(text: string, reference: GrowthReference, tables: WhoGrowthTables, options: ZscoreCsvOptions = {}) {
  const stream = createZscoreCsvStream(reference, tables, options);
  const csv = stream.write(text) + stream.end();
  return { csv, issues: stream.log.issues, issueCount: stream.log.count, recordCount: stream.recordCount };
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
