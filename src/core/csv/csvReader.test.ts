import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DenwError } from '../errors.ts';
import { CsvReader, type CsvRecord, parseCsv, readCsv } from './csvReader.ts';

const fieldsOf = (text: string, options?: Parameters<typeof parseCsv>[1]) => parseCsv(text, options).map((r) => r.fields);

function errorOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof DenwError) return { code: error.code, params: error.params };
    throw error;
  }
  return undefined;
}

describe('RFC 4180 section 2, rule by rule', () => {
  it('1. records are separated by CRLF', () => {
    expect(fieldsOf('aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n')).toEqual([['aaa', 'bbb', 'ccc'], ['zzz', 'yyy', 'xxx']]);
  });
  it('2. the last record may have no line break', () => {
    expect(fieldsOf('aaa,bbb,ccc\r\nzzz,yyy,xxx')).toEqual([['aaa', 'bbb', 'ccc'], ['zzz', 'yyy', 'xxx']]);
  });
  it('3. a header line has the same format as records', () => {
    expect(fieldsOf('field_name,field_name,field_name\r\naaa,bbb,ccc\r\n')[0]).toEqual(['field_name', 'field_name', 'field_name']);
  });
  it('4. spaces are part of a field', () => {
    expect(fieldsOf(' a , b ,c ')).toEqual([[' a ', ' b ', 'c ']]);
  });
  it('5. fields may be enclosed in double quotes', () => {
    expect(fieldsOf('"aaa","bbb","ccc"\r\nzzz,yyy,xxx')).toEqual([['aaa', 'bbb', 'ccc'], ['zzz', 'yyy', 'xxx']]);
  });
  it('6. quoted fields may hold line breaks, quotes and commas', () => {
    expect(fieldsOf('"aaa","b\r\nbb","ccc"\r\nzzz,yyy,xxx')).toEqual([['aaa', 'b\r\nbb', 'ccc'], ['zzz', 'yyy', 'xxx']]);
    expect(fieldsOf('"a,b",c')).toEqual([['a,b', 'c']]);
  });
  it('7. a double quote inside a quoted field is doubled', () => {
    expect(fieldsOf('"aaa","b""bb","ccc"')).toEqual([['aaa', 'b"bb', 'ccc']]);
    expect(fieldsOf('""""')).toEqual([['"']]);
  });
});

describe('beyond the RFC', () => {
  it('LF line endings, and a UTF-8 byte order mark', () => {
    expect(fieldsOf('\uFEFFcode,nom\nML01,Kayes\n')).toEqual([['code', 'nom'], ['ML01', 'Kayes']]);
  });
  it('empty fields, quoted or not', () => {
    expect(fieldsOf('a,,""\n,\n')).toEqual([['a', '', ''], ['', '']]);
  });
  it('empty lines are skipped unless asked otherwise, and a quoted empty field is not an empty line', () => {
    expect(fieldsOf('a\n\n\r\nb\n')).toEqual([['a'], ['b']]);
    expect(fieldsOf('a\n\nb', { skipEmptyLines: false })).toEqual([['a'], [''], ['b']]);
    expect(fieldsOf('a\n""\nb')).toEqual([['a'], [''], ['b']]);
  });
  it('semicolon separator (French spreadsheets), where commas are text', () => {
    expect(fieldsOf('poids;taille\n12,5;"87;2"\n', { separator: ';' })).toEqual([['poids', 'taille'], ['12,5', '87;2']]);
  });
  it('a quote inside an unquoted field is text; a lone CR is text', () => {
    expect(fieldsOf('5" screen,x\ra')).toEqual([['5" screen', 'x\ra']]);
  });
  it('accented text passes unchanged', () => {
    expect(fieldsOf('Ségou,Tombouctou,Kidal\n')).toEqual([['Ségou', 'Tombouctou', 'Kidal']]);
  });
});

describe('row and line numbers', () => {
  it('count records from 1 with the header, lines as in the file', () => {
    const records = parseCsv('h1,h2\n"multi\nline",x\n\nlast,y\n');
    expect(records.map((r) => [r.row, r.line])).toEqual([[1, 1], [2, 2], [3, 5]]);
  });
  it('an unterminated quote names the row and line where the record starts', () => {
    expect(errorOf(() => parseCsv('a,b\nc,d\n"open,e\nf\n'))).toEqual({ code: 'CSV_UNTERMINATED_QUOTE', params: { row: 3, line: 3 } });
  });
  it('text after a closing quote names its row and line', () => {
    expect(errorOf(() => parseCsv('a,b\n"x\ny"z,w\n'))).toEqual({ code: 'CSV_TEXT_AFTER_QUOTE', params: { row: 2, line: 3 } });
  });
  it('a separator that cannot work is refused', () => {
    expect(errorOf(() => new CsvReader({ separator: '"' }))).toEqual({ code: 'CSV_SEPARATOR_INVALID', params: { separator: '"' } });
  });
});

describe('streaming', () => {
  const text = 'a,"b\r\n""c""",d\r\n"e",f\r\n\r\ng,"",h\r\n"i"';
  const expected = parseCsv(text);

  it('gives the same records whatever the chunk boundaries', () => {
    for (let size = 1; size <= text.length; size++) {
      const reader = new CsvReader();
      const records: CsvRecord[] = [];
      for (let at = 0; at < text.length; at += size) records.push(...reader.push(text.slice(at, at + size)));
      records.push(...reader.end());
      expect(records, `chunks of ${size}`).toEqual(expected);
    }
  });

  it('reads UTF-8 bytes split inside a character', async () => {
    const bytes = new TextEncoder().encode('région,Mopti\nSégou,1\n');
    const chunks = [bytes.slice(0, 2), bytes.slice(2, 16), bytes.slice(16)];
    const records: string[][] = [];
    for await (const record of readCsv(chunks)) records.push(record.fields);
    expect(records).toEqual([['région', 'Mopti'], ['Ségou', '1']]);
  });

  it('refuses bytes that are not UTF-8, naming the line', async () => {
    const latin1 = Uint8Array.from([...new TextEncoder().encode('a\nb\n'), 0x53, 0xe9, 0x67, 0x0a]); // "Ség" in Latin-1
    const read = async () => {
      for await (const _ of readCsv([latin1])) void _;
    };
    await expect(read()).rejects.toMatchObject({ code: 'CSV_NOT_UTF8' });
  });
});

describe("DHIS2's dataValueSet CSV test files", () => {
  const dir = new URL('../dataValueSets/dhis2-samples/v2.43/dxf2/datavalueset/', import.meta.url);
  it('dataValueSetB.csv: a quoted header and 12 quoted records of 10 columns', () => {
    const records = parseCsv(readFileSync(new URL('dataValueSetB.csv', dir), 'utf8'));
    expect(records[0]!.fields).toEqual(['dataelement', 'period', 'orgunit', 'categoryoptioncombo', 'attributeoptioncombo', 'value', 'storedby', 'timestamp', 'comment', 'followup']);
    expect(records).toHaveLength(13);
    expect(records[1]!.fields).toEqual(['f7n9E0hX8qk', '201201', 'DiszpKrYNg8', '', '', '10001', 'john', '2012-01-01', 'comment', 'false']);
    expect(records.every((r) => r.fields.length === 10)).toBe(true);
  });
  it('dataValueSetWithDataSetHeader.csv: 11 header columns, 10 in the records, no final line break', () => {
    const records = parseCsv(readFileSync(new URL('dataValueSetWithDataSetHeader.csv', dir), 'utf8'));
    expect(records.map((r) => r.fields.length)).toEqual([11, 10, 10, 10]);
    expect(records.at(-1)!.fields[5]).toBe('10003');
  });
});
