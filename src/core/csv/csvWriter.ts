// RFC 4180 CSV writing: a field is quoted only when it must be, i.e. when it contains the
// separator, a double quote (doubled inside the quotes) or a line break. A record made of a
// single empty field is written `""` so that it does not read back as an empty line.
// null and undefined are written as empty fields; numbers and booleans with String().
export type CsvValue = string | number | boolean | null | undefined;

export interface CsvWriteOptions {
  /** `,` by default. */
  separator?: string;
  /** CRLF by default, as RFC 4180 prescribes. */
  lineEnding?: '\r\n' | '\n';
}

function formatField(value: CsvValue, separator: string): string {
  const text = value === null || value === undefined ? '' : String(value);
  const mustQuote = text.includes(separator) || text.includes('"') || text.includes('\n') || text.includes('\r');
  return mustQuote ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, without its line ending. */
export function formatCsvRecord(fields: readonly CsvValue[], separator = ','): string {
  if (fields.length === 1 && formatField(fields[0], separator) === '') return '""';
  return fields.map((field) => formatField(field, separator)).join(separator);
}

/** Records joined by the line ending, the last one ended too. */
export function toCsv(records: Iterable<readonly CsvValue[]>, options: CsvWriteOptions = {}): string {
  const { separator = ',', lineEnding = '\r\n' } = options;
  let text = '';
  for (const record of records) text += formatCsvRecord(record, separator) + lineEnding;
  return text;
}
