// Properties of CSV reading and writing over generated input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DenwError } from '../errors.ts';
import { CsvReader, parseCsv } from './csvReader.ts';
import { formatCsvRecord, toCsv } from './csvWriter.ts';

// Fields drawn from text rich in the characters that matter: separators, quotes, CR, LF.
const field = fc.string({ unit: fc.constantFrom('a', 'é', ' ', ',', ';', '"', '\r', '\n', '1', '\uFEFF') });
const records = fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { maxLength: 8 });
const separator = fc.constantFrom(',', ';', '\t');

/** Splits a text at the given cut points and reads it chunk by chunk. */
function readInChunks(text: string, cuts: number[], options: { separator: string }) {
  const reader = new CsvReader(options);
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const out = [];
  let from = 0;
  for (const to of [...points, text.length]) {
    out.push(...reader.push(text.slice(from, to)));
    from = to;
  }
  out.push(...reader.end());
  return out;
}

describe('CSV properties', () => {
  it('write then read gives back the same fields, with any separator, line ending and chunking', () => {
    fc.assert(
      fc.property(records, separator, fc.constantFrom('\r\n', '\n') as fc.Arbitrary<'\r\n' | '\n'>, fc.array(fc.nat()), (rows, sep, lineEnding, cuts) => {
        const text = toCsv(rows, { separator: sep, lineEnding });
        // A leading byte order mark is dropped on reading, so the writer's input must not start with one.
        fc.pre(!text.startsWith('\uFEFF'));
        expect(readInChunks(text, cuts, { separator: sep }).map((r) => r.fields)).toEqual(rows);
      }),
      { numRuns: 3000 },
    );
  });

  it('rows are numbered 1, 2, 3 … whatever the fields hold', () => {
    fc.assert(
      fc.property(records, (rows) => {
        fc.pre(!toCsv(rows).startsWith('\uFEFF'));
        expect(parseCsv(toCsv(rows)).map((r) => r.row)).toEqual(rows.map((_, i) => i + 1));
      }),
    );
  });

  it('fields are quoted only when they must be', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zA-Z0-9 éà._-]+$/), { minLength: 2, maxLength: 5 }), (plain) => {
        expect(formatCsvRecord(plain)).toBe(plain.join(','));
      }),
    );
  });

  it('reading arbitrary text returns records or throws a DenwError, in any chunking', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ') });
    fc.assert(
      fc.property(text, fc.array(fc.nat()), (input, cuts) => {
        try {
          readInChunks(input, cuts, { separator: ',' });
        } catch (error) {
          expect(error).toBeInstanceOf(DenwError);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('chunking never changes the result of reading arbitrary text', () => {
    const text = fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n') });
    const outcome = (fn: () => unknown) => {
      try {
        return fn();
      } catch (error) {
        return error instanceof DenwError ? error.code : error;
      }
    };
    fc.assert(
      fc.property(text, fc.array(fc.nat()), (input, cuts) => {
        expect(outcome(() => readInChunks(input, cuts, { separator: ',' }))).toEqual(outcome(() => parseCsv(input)));
      }),
      { numRuns: 3000 },
    );
  });
});
