// A minimal streaming CSV reader (RFC 4180: quoted fields, doubled quotes, CRLF or LF) for
// the z-score files, fed in chunks so that a million-row file never sits whole in memory.
// Temporary: src/core/csv/ (being written at the same time) is the project's CSV module; the
// z-score path should move to it once it offers chunked reading.
import { DenwError } from '../errors.ts';

/** Receives each record's fields and, for a record without quotes, its raw line (for reuse). */
export type CsvRecordSink = (fields: string[], rawLine: string | null) => void;

export class CsvRecordReader {
  private buffer = '';
  private records = 0;
  /** `,` `;` or tab, taken from the header line (the most frequent of the three outside quotes). */
  delimiter = '';

  constructor(private readonly sink: CsvRecordSink) {}

  push(chunk: string): void {
    let text = this.buffer + chunk;
    if (this.records === 0 && this.delimiter === '' && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    let start = 0;
    let nextQuote = -2;
    for (;;) {
      const newline = text.indexOf('\n', start);
      if (newline < 0) break;
      if (this.delimiter === '') this.delimiter = detectDelimiter(text.slice(start, newline));
      if (nextQuote !== -1 && nextQuote < start) nextQuote = text.indexOf('"', start);
      if (nextQuote === -1 || nextQuote > newline) {
        const end = newline > start && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
        this.emitLine(text.slice(start, end));
        start = newline + 1;
      } else {
        const end = this.parseQuoted(text, start, false);
        if (end < 0) break;
        start = end;
      }
    }
    this.buffer = text.slice(start);
  }

  /** Reads what remains after the last line break; an unclosed quote is an error naming the record. */
  end(): void {
    const text = this.buffer;
    this.buffer = '';
    if (text === '' || text === '\r') return;
    if (this.delimiter === '') this.delimiter = detectDelimiter(text);
    if (text.includes('"')) this.parseQuoted(text, 0, true);
    else this.emitLine(text.endsWith('\r') ? text.slice(0, -1) : text);
  }

  private emitLine(line: string): void {
    if (line === '') return; // a blank line is not a record
    this.records += 1;
    this.sink(line.split(this.delimiter), line);
  }

  /**
   * Parses one record that contains quotes, from `start`. Returns the index after its line
   * break, or −1 when the chunk ends inside it (unless `final`, where that is an error).
   */
  private parseQuoted(text: string, start: number, final: boolean): number {
    const fields: string[] = [];
    const delimiter = this.delimiter.charCodeAt(0);
    let field = '';
    let i = start;
    let quoted = false;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (quoted) {
        if (c === 34 && text.charCodeAt(i + 1) === 34) {
          field += '"';
          i += 2;
          continue;
        }
        if (c === 34) quoted = false;
        else field += text[i];
      } else if (c === 34) {
        quoted = true;
      } else if (c === delimiter) {
        fields.push(field);
        field = '';
      } else if (c === 10) {
        fields.push(field.endsWith('\r') ? field.slice(0, -1) : field);
        this.records += 1;
        this.sink(fields, null);
        return i + 1;
      } else {
        field += text[i];
      }
      i += 1;
    }
    if (!final) return -1;
    if (quoted) throw new DenwError('GROWTH_CSV_UNCLOSED_QUOTE', { row: this.records }, 'csv');
    fields.push(field.endsWith('\r') ? field.slice(0, -1) : field);
    this.records += 1;
    this.sink(fields, null);
    return i;
  }
}

function detectDelimiter(headerLine: string): string {
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((delimiter) => [delimiter, unquoted.split(delimiter).length] as const);
  return counts.reduce((best, candidate) => (candidate[1] > best[1] ? candidate : best))[0];
}

/** One field for output: quoted when it holds the delimiter, a quote or a line break. */
export function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
