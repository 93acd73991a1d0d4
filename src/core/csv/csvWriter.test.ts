import { describe, expect, it } from 'vitest';
import { formatCsvRecord, toCsv } from './csvWriter.ts';

describe('CSV writing (RFC 4180 section 2, rules 5 to 7)', () => {
  it('quotes only fields holding the separator, a quote or a line break, doubling quotes', () => {
    expect(formatCsvRecord(['ML01', 'Kayes, région', 'dit "K"', 'a\nb', 'c\rd', ' e '])).toBe('ML01,"Kayes, région","dit ""K""","a\nb","c\rd", e ');
  });
  it('with a semicolon separator, commas need no quotes', () => {
    expect(formatCsvRecord(['12,5', '87;2'], ';')).toBe('12,5;"87;2"');
  });
  it('writes null and undefined as empty fields, numbers and booleans as text', () => {
    expect(formatCsvRecord([null, undefined, 0, 12.5, false])).toBe(',,0,12.5,false');
  });
  it('writes a record of one empty field as "" so it is not an empty line', () => {
    expect(toCsv([['a'], [''], [null]])).toBe('a\r\n""\r\n""\r\n');
  });
  it('ends every record, CRLF by default, LF on request', () => {
    expect(toCsv([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n');
    expect(toCsv([['a']], { lineEnding: '\n' })).toBe('a\n');
  });
});
