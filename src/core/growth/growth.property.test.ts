// Property tests: whatever the input, the engine answers, with no exception, no NaN and no
// infinity — an unreadable or impossible value only empties the z-scores it feeds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDate, readMeasure, readNonNegative, readOedema, readSex, GrowthIssueLog } from './fields.ts';
import { whoTables } from './testTables.ts';
import { anthroZscores, type AnthroMeasurement } from './who2006.ts';
import { anthroplusZscores, type AnthroplusMeasurement } from './who2007.ts';
import { createZscoreCsvStream, zscoreCsv } from './zscoreCsv.ts';

const anyNumber = fc.oneof(
  fc.constant(null),
  fc.double(), // includes NaN, ±Infinity, −0 and huge values
  fc.double({ min: 0, max: 2000, noNaN: true }),
  fc.integer({ min: -10, max: 2000 }),
);
const anySex = fc.constantFrom(1, 2, null, 0, 3) as fc.Arbitrary<1 | 2 | null>;
const anyMeasure = fc.constantFrom('l', 'h', null, 'x') as fc.Arbitrary<'l' | 'h' | null>;

const anthroMeasurement: fc.Arbitrary<AnthroMeasurement> = fc.record({
  sex: anySex, ageDays: anyNumber, ageMonths: anyNumber, weightKg: anyNumber, lenheiCm: anyNumber,
  measure: anyMeasure, oedema: fc.boolean(), headcCm: anyNumber, muacCm: anyNumber, tricepsMm: anyNumber, subscapMm: anyNumber,
});
const anthroplusMeasurement: fc.Arbitrary<AnthroplusMeasurement> = fc.record({
  sex: anySex, ageMonths: anyNumber, weightKg: anyNumber, heightCm: anyNumber, oedema: fc.boolean(),
});

/** Every value is null, a finite number, or (flags) 0/1 exactly when its z-score is present. */
function expectWellFormed(result: object): void {
  const values = result as Record<string, unknown>;
  for (const [column, value] of Object.entries(values)) {
    if (typeof value === 'number') expect(Number.isFinite(value), `${column} = ${value}`).toBe(true);
    if (/^f/.test(column)) {
      expect([0, 1, null]).toContain(value);
      expect(value === null).toBe(values[`z${column.slice(1)}`] === null);
    }
  }
}

describe('properties of the z-score engine', () => {
  it('anthroZscores never throws and never returns NaN or infinity', () => {
    fc.assert(fc.property(anthroMeasurement, (child) => expectWellFormed(anthroZscores(child, whoTables))), { numRuns: 5000 });
  });
  it('anthroplusZscores never throws and never returns NaN or infinity', () => {
    fc.assert(fc.property(anthroplusMeasurement, (child) => expectWellFormed(anthroplusZscores(child, whoTables))), { numRuns: 5000 });
  });
  it('cell readers never throw, whatever the JSON value, and report what they cannot read', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const log = new GrowthIssueLog();
        const number = readNonNegative(value, 1, 'weight_kg', log);
        expect(number === null || (Number.isFinite(number) && number >= 0)).toBe(true);
        readSex(value, 1, 'sex', log);
        readMeasure(value, 1, 'measure', log);
        readOedema(value, 1, 'oedema', log);
        const day = readDate(value, 1, 'dob', log);
        expect(day === null || Number.isInteger(day)).toBe(true);
        expect(log.issues.every((issue) => issue.row === 1 && typeof issue.value === 'string')).toBe(true);
      }),
    );
  });
});

describe('properties of the CSV path', () => {
  const header = 'sex,age_days,weight_kg,lenhei_cm,measure,oedema,headc_cm,muac_cm,triceps_mm,subscap_mm';
  const token = fc.oneof(
    fc.constantFrom('', '1', '2', 'm', 'F', 'l', 'H', 'y', 'n', '0', '-1', 'NaN', 'Infinity', '0x1F', '1e308', '12,5', ' 7 '),
    fc.double({ min: 0, max: 2000, noNaN: true }).map(String),
    fc.string({ maxLength: 6 }).filter((text) => !/[,;\t"\r\n]/.test(text)),
  );
  const records = fc.array(fc.array(token, { minLength: 10, maxLength: 10 }), { maxLength: 30 });

  it('writes one line per record with 18 cells appended, never NaN or Infinity', () => {
    fc.assert(
      fc.property(records, (rows) => {
        const { csv, recordCount } = zscoreCsv(`${header}\n${rows.map((row) => row.join(',')).join('\n')}\n`, 2006, whoTables);
        const lines = csv.trimEnd().split('\n');
        const nonBlank = rows.filter((row) => row.join(',') !== '');
        expect(recordCount).toBe(nonBlank.length);
        expect(lines).toHaveLength(nonBlank.length + 1);
        for (const line of lines) expect(line.split(',')).toHaveLength(28);
        for (const line of lines.slice(1)) expect(line.split(',').slice(10).join(',')).not.toMatch(/NaN|Infinity/);
      }),
    );
  });
  it('gives the same output however the input is cut into chunks, quotes and CRLF included', () => {
    const text = `${header}\r\n"1",400,"9,5",75,l,n,,,,\r\n2,"1,00",8,70,"h",,"4""5",,,\r\n`;
    const whole = zscoreCsv(text, 2006, whoTables).csv;
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 12 }), (cuts) => {
        const stream = createZscoreCsvStream(2006, whoTables);
        const points = [0, ...cuts.sort((a, b) => a - b), text.length];
        let output = '';
        for (let i = 1; i < points.length; i++) output += stream.write(text.slice(points[i - 1], points[i]));
        expect(output + stream.end()).toBe(whole);
      }),
    );
  });
});
