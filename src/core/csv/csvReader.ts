// RFC 4180 CSV reading (https://www.rfc-editor.org/rfc/rfc4180), streaming: text arrives in
// chunks of any size and complete records come out with their row number (1 = the first
// record, header included) and the physical line they start on (they differ when a quoted
// field holds line breaks).
//
// Accepted: fields separated by `,` (or `;`, or tab), records ended by CRLF or LF, fields in
// double quotes containing separators, line breaks and doubled quotes (`""`), a UTF-8 byte
// order mark at the start (dropped), a last record without a line break. Lenient where RFC
// 4180 is silent: a quote inside an unquoted field is kept as text, a lone CR is text, and
// empty lines are skipped (unless `skipEmptyLines: false`). Errors, as DenwError naming the
// row and line: CSV_UNTERMINATED_QUOTE (a quoted field never closed), CSV_TEXT_AFTER_QUOTE
// (`"ab"c`), CSV_NOT_UTF8 (bytes that are not UTF-8, when given bytes).
//
// Speed: lines without quotes are cut with indexOf and String.split; only quoted records go
// through the character-by-character state machine. The state survives between chunks, so
// no text is scanned twice, however a record is split across chunks.
import { DenwError } from '../errors.ts';

export interface CsvOptions {
  /** Field separator, one character other than a quote or line break; `,` by default. */
  separator?: string;
  /** Skip lines with no characters at all; true by default. */
  skipEmptyLines?: boolean;
}

export interface CsvRecord {
  fields: string[];
  /** 1-based record number, counting the header. */
  row: number;
  /** 1-based physical line on which the record starts. */
  line: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  AfterQuote,
}

/**
 * Finds the next occurrence of a character without scanning any text twice: remembers the
 * last position found, or how far the text is known to have none.
 */
class CharFinder {
  private next = -1;
  private scannedTo = 0;
  constructor(private readonly char: string) {}

  /** Position of the next occurrence at or after `from`, or -1. */
  at(text: string, from: number): number {
    if (this.next >= from) return this.next;
    const found = text.indexOf(this.char, Math.max(from, this.scannedTo));
    if (found === -1) this.scannedTo = text.length;
    this.next = found;
    return found;
  }

  /** The text lost its first `count` characters. */
  shift(count: number): void {
    this.next = this.next >= count ? this.next - count : -1;
    this.scannedTo = Math.max(0, this.scannedTo - count);
  }
}

/** Incremental CSV reader: push() text chunks, then end(). */
export class CsvReader {
  private readonly separator: string;
  private readonly separatorCode: number;
  private readonly skipEmptyLines: boolean;
  private buffer = '';
  private pos = 0;
  private state = State.FieldStart;
  private fields: string[] = [];
  private fieldStart = 0;
  private quoted = '';
  private started = false;
  private row = 0;
  private line = 1;
  private recordLine = 1;
  private readonly quotes = new CharFinder('"');
  private readonly newlines = new CharFinder('\n');

  constructor(options: CsvOptions = {}) {
    const separator = options.separator ?? ',';
    if (separator.length !== 1 || separator === '"' || separator === '\n' || separator === '\r') {
      throw new DenwError('CSV_SEPARATOR_INVALID', { separator });
    }
    this.separator = separator;
    this.separatorCode = separator.charCodeAt(0);
    this.skipEmptyLines = options.skipEmptyLines ?? true;
  }

  /** Adds a chunk of text and returns the records it completes. */
  push(chunk: string): CsvRecord[] {
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.buffer += chunk;
    const records: CsvRecord[] = [];
    this.scan(records);
    this.compact();
    return records;
  }

  /** Signals the end of the text and returns the last record, if it had no line break. */
  end(): CsvRecord[] {
    if (this.state === State.Quoted) {
      throw new DenwError('CSV_UNTERMINATED_QUOTE', { row: this.row + 1, line: this.recordLine });
    }
    const pending = this.state !== State.FieldStart || this.fields.length > 0 || this.pos < this.buffer.length;
    return pending ? this.push('\n') : [];
  }

  private emit(records: CsvRecord[], fields: string[], emptyLine: boolean): void {
    if (emptyLine && this.skipEmptyLines) return;
    records.push({ fields, row: ++this.row, line: this.recordLine });
  }

  private scan(records: CsvRecord[]): void {
    const text = this.buffer;
    const length = text.length;
    const sep = this.separatorCode;
    let pos = this.pos;
    for (;;) {
      if (this.state === State.FieldStart && this.fields.length === 0) {
        // Fast path: whole lines without a quote.
        let nl = this.newlines.at(text, pos);
        while (nl !== -1) {
          const q = this.quotes.at(text, pos);
          if (q !== -1 && q < nl) break;
          const end = nl > pos && text.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
          this.recordLine = this.line;
          this.emit(records, end === pos ? [''] : text.slice(pos, end).split(this.separator), end === pos);
          this.line++;
          pos = nl + 1;
          nl = this.newlines.at(text, pos);
        }
        this.recordLine = this.line;
      }
      if (pos >= length) break;
      if (this.state === State.FieldStart) {
        if (text.charCodeAt(pos) === QUOTE) {
          this.state = State.Quoted;
          this.quoted = '';
          this.fieldStart = ++pos;
        } else {
          this.state = State.Unquoted;
          this.fieldStart = pos;
        }
      }
      if (this.state === State.Unquoted) {
        let c = 0;
        while (pos < length && (c = text.charCodeAt(pos)) !== sep && c !== LF) pos++;
        if (pos >= length) break;
        const end = c === LF && pos > this.fieldStart && text.charCodeAt(pos - 1) === CR ? pos - 1 : pos;
        this.fields.push(text.slice(this.fieldStart, end));
        pos = this.endField(records, c === LF, pos, false);
      } else if (this.state === State.Quoted) {
        const q = this.quotes.at(text, pos);
        const stop = q === -1 ? length : q;
        for (let nl = this.newlines.at(text, pos); nl !== -1 && nl < stop; nl = this.newlines.at(text, nl + 1)) this.line++;
        if (q === -1) {
          this.quoted += text.slice(this.fieldStart, length);
          this.fieldStart = pos = length;
          break;
        }
        this.quoted += text.slice(this.fieldStart, q);
        pos = q + 1;
        this.state = State.AfterQuote;
      } else {
        const c = text.charCodeAt(pos);
        if (c === QUOTE) {
          this.quoted += '"';
          this.fieldStart = ++pos;
          this.state = State.Quoted;
          continue;
        }
        const crlf = c === CR && pos + 1 < length && text.charCodeAt(pos + 1) === LF;
        if (c === CR && pos + 1 >= length) break;
        if (c !== sep && c !== LF && !crlf) {
          throw new DenwError('CSV_TEXT_AFTER_QUOTE', { row: this.row + 1, line: this.line });
        }
        this.fields.push(this.quoted);
        pos = this.endField(records, c !== sep, crlf ? pos + 1 : pos, true);
      }
    }
    this.pos = pos;
  }

  /** After a field ending at `pos` (a separator or LF): next field, or the end of the record. */
  private endField(records: CsvRecord[], endOfRecord: boolean, pos: number, quoted: boolean): number {
    this.state = State.FieldStart;
    if (endOfRecord) {
      const fields = this.fields;
      this.fields = [];
      this.emit(records, fields, !quoted && fields.length === 1 && fields[0] === '');
      this.line++;
      this.recordLine = this.line;
    }
    return pos + 1;
  }

  /** Drops consumed text: only the current field's unread part is still needed. */
  private compact(): void {
    const inField = this.state === State.Unquoted || this.state === State.Quoted;
    const keepFrom = inField ? Math.min(this.fieldStart, this.pos) : this.pos;
    if (keepFrom === 0) return;
    this.buffer = this.buffer.slice(keepFrom);
    this.pos -= keepFrom;
    this.fieldStart -= keepFrom;
    this.quotes.shift(keepFrom);
    this.newlines.shift(keepFrom);
  }
}

/** Reads a whole text at once. */
export function parseCsv(text: string, options?: CsvOptions): CsvRecord[] {
  const reader = new CsvReader(options);
  const records = reader.push(text);
  for (const record of reader.end()) records.push(record);
  return records;
}

/**
 * Reads a stream of text or UTF-8 byte chunks (an HTTP request body, a file stream) record by
 * record. Bytes are decoded as UTF-8, strictly: CSV_NOT_UTF8 names the line where decoding
 * failed (a file saved as Latin-1 must be converted first).
 */
export async function* readCsv(
  source: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options?: CsvOptions,
): AsyncGenerator<CsvRecord> {
  const reader = new CsvReader(options);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (chunk: Uint8Array | undefined, line: number) => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new DenwError('CSV_NOT_UTF8', { line });
    }
  };
  let lastLine = 1;
  for await (const chunk of source) {
    const text = typeof chunk === 'string' ? chunk : decode(chunk, lastLine);
    for (const record of reader.push(text)) {
      lastLine = record.line;
      yield record;
    }
  }
  yield* reader.push(decode(undefined, lastLine));
  yield* reader.end();
}
