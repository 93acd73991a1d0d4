// The 2006 engine against WHO's own output and WHO's own tests.
// - Oracle: data/who-growth/sample-oracle.csv, computed by anthro::anthro_zscores.
// - Ported: tests of github.com/WorldHealthOrganization/anthro (tests/testthat/, files named
//   in each block), whose expected values come from WHO's earlier igrowup implementation.
// - Rules: the algorithm notes of data/who-growth/README.md, each checked on a case built
//   from the published method (WHO 2006, ch. 7) rather than from this code's output.
import { describe, expect, it } from 'vitest';
import { oracleRecords as testOracleRecords, oracleScoreColumns as testOracleScoreColumns } from './testOracle.ts';
import { whoTables } from './testTables.ts';
import { anthroZscores, type AnthroMeasurement } from './who2006.ts';

const child = (fields: Partial<AnthroMeasurement>): AnthroMeasurement => ({
  sex: 1, ageDays: null, weightKg: null, lenheiCm: null, measure: null, oedema: false,
  headcCm: null, muacCm: null, tricepsMm: null, subscapMm: null, ...fields,
});
const zscores = (fields: Partial<AnthroMeasurement>) => anthroZscores(child(fields), whoTables);
const expected = (cell: string | undefined) => (cell === undefined || cell === '' ? null : Number(cell));

describe('agreement with anthro_zscores on every record of sample-oracle.csv', () => {
  it('has the 200 records', () => expect(testOracleRecords).toHaveLength(200));

  it.each(testOracleRecords)('record $id ($case): every z-score and flag equals WHO\'s', ({ input, cells }) => {
    const result = anthroZscores(input, whoTables);
    for (const column of testOracleScoreColumns) {
      expect({ column, value: result[column] }).toEqual({ column, value: expected(cells[column]) });
    }
    expect(result.c9mo_flag).toBe(Number(cells.c9mo_flag));
    expect(result.cmeasure).toBe(cells.cmeasure === '' ? null : cells.cmeasure);
    for (const column of ['clenhei', 'cbmi'] as const) {
      const reference = expected(cells[column]);
      if (reference === null) expect(result[column]).toBeNull();
      else expect(Math.abs(result[column]! - reference)).toBeLessThanOrEqual(1e-12 * reference);
    }
  });
});

describe('ported from anthro tests/testthat/test-zscores.R', () => {
  it('length for age uses adjusted lenhei', () => {
    const result = zscores({ sex: 1, ageDays: 987, lenheiCm: 72.86, measure: 'l' });
    expect([result.zlen, result.flen]).toEqual([-6.09, 1]);
  });
  it('transforms age in months to age in days', () => {
    expect(zscores({ ageMonths: 30, weightKg: 20 })).toEqual(zscores({ ageDays: 30 * 30.4375, weightKg: 20 }));
  });
  it('adds bmi and the adjusted lenhei to the output', () => {
    expect(zscores({ ageDays: 30, weightKg: 20, lenheiCm: 100 }).cbmi).toBe(20);
    const clenhei = ([[730, 'h'], [800, 'h'], [730, 'l'], [800, 'l']] as const).map(
      ([ageDays, measure]) => zscores({ ageDays, lenheiCm: 100, measure }).clenhei,
    );
    expect(clenhei).toEqual([100 + 0.7, 100, 100, 100 - 0.7]);
  });
  it('does not compute anything if sex is NA', () => {
    expect(zscores({ sex: null, lenheiCm: 50, ageDays: 50 }).zlen).toBeNull();
  });
  it('age related indicators are not calculated if age is NA', () => {
    expect(zscores({ ageDays: null, lenheiCm: 72.86 }).zlen).toBeNull();
  });
  it('young children with measured standing will be adjusted (only from 9 months)', () => {
    const [eight, nine] = [8, 9].map((ageMonths) => zscores({ ageMonths, lenheiCm: 60, measure: 'h' }));
    expect([eight!.c9mo_flag, nine!.c9mo_flag]).toEqual([1, 0]);
    expect([eight!.clenhei, nine!.clenhei]).toEqual([60, 60.7]);
    expect([eight!.cmeasure, nine!.cmeasure]).toEqual([null, 'h']);
    expect(eight!.zlen).toBeCloseTo(-4.81, 2);
    expect(nine!.zlen).toBeCloseTo(-5.02, 2);
  });
  it('z-scores are only computed for children younger than 60 months', () => {
    const [under, sixty, over] = [59.9, 60, 60.1].map((ageMonths) =>
      zscores({ ageMonths, lenheiCm: 80, weightKg: 20, muacCm: 5, tricepsMm: 3, subscapMm: 5, headcCm: 5, measure: 'h' }),
    );
    const scores = (result: typeof under) => testOracleScoreColumns.map((column) => result![column]);
    expect(scores(under).some((value) => value !== null)).toBe(true);
    expect(scores(sixty).every((value) => value === null)).toBe(true);
    expect(scores(over).every((value) => value === null)).toBe(true);
  });
  it('height measurements are used for age 24 months, with or without measure "h"', () => {
    for (const measure of ['h', null] as const) {
      const result = zscores({ sex: 2, ageMonths: 24, lenheiCm: 77.5, weightKg: 8.8, measure });
      expect([result.clenhei, result.zlen]).toEqual([77.5, -2.55]);
    }
  });
});

describe('ported from anthro tests/testthat/test-zscore-*.R and test-utils.R', () => {
  it('weight-for-age of a girl of 1522 days and 17 kg is 0.24 (test-zscore-weight-for-age.R)', () => {
    expect([zscores({ sex: 2, ageDays: 1522, weightKg: 17 }).zwei, zscores({ sex: 2, ageDays: 1522, weightKg: 17 }).fwei]).toEqual([0.24, 0]);
  });
  it('weight-for-age is flagged above 5 (girl, 1 day, 10.37 kg)', () => {
    expect(zscores({ sex: 2, ageDays: 1, weightKg: 10.37 }).fwei).toBe(1);
  });
  it('BMI-for-age is flagged above 5 (girl, 1 day, BMI 25) (test-zscore-bmi-for-age.R)', () => {
    expect(zscores({ sex: 2, ageDays: 1, weightKg: 6.25, lenheiCm: 50, measure: 'l' }).fbmi).toBe(1);
  });
  it('length-for-age is the plain LMS z with the row of day 44 (test-zscore-length-for-age.R)', () => {
    const result = zscores({ sex: 1, ageDays: 44, lenheiCm: 50, measure: 'l' });
    expect(result.zlen).toBe(Math.round(((50 / 56.4833 - 1) / 0.03492) * 100) / 100);
    expect(result.flen).toBe(0);
  });
  it('no z-score where the table has no row (day 1857) or for a measurement <= 0', () => {
    expect(zscores({ ageDays: 1857, lenheiCm: 60 }).zlen).toBeNull();
    expect(zscores({ ageDays: 10, lenheiCm: 0 }).zlen).toBeNull();
    expect(zscores({ ageDays: 10, weightKg: -1 }).zwei).toBeNull();
  });
  it('adjusting lenhei uses the rounded age in days: 730.5 days is 731 (test-utils.R)', () => {
    expect(zscores({ ageDays: 730.5, lenheiCm: 77.5, measure: 'h' }).clenhei).toBe(77.5);
    expect(zscores({ ageDays: 730.49, lenheiCm: 77.5, measure: 'h' }).clenhei).toBe(77.5 + 0.7);
  });
});

describe('rules of data/who-growth/README.md', () => {
  const row = (table: keyof typeof whoTables, sex: 1 | 2, key: number) => {
    const t = whoTables[table];
    const i = (sex - 1) * t.stride + key - t.firstKey;
    return { l: t.l[i]!, m: t.m[i]!, s: t.s[i]! };
  };
  // SD(k) = M (1 + L S k)^(1/L), WHO 2006 ch. 7.
  const centile = ({ l, m, s }: { l: number; m: number; s: number }, k: number) => m * (1 + l * s * k) ** (1 / l);

  it('restricts weight-for-age beyond ±3 SD in units of the 2-to-3 SD distance', () => {
    const lms = row('wfa', 1, 0);
    const above = centile(lms, 3) + 0.5 * (centile(lms, 3) - centile(lms, 2));
    const below = centile(lms, -3) - 0.25 * (centile(lms, -2) - centile(lms, -3));
    expect(zscores({ ageDays: 0, weightKg: above }).zwei).toBe(3.5);
    expect(zscores({ ageDays: 0, weightKg: below }).zwei).toBe(-3.25);
  });
  it('does not restrict length/height-for-age (L = 1): M (1 + 3.5 S) is exactly 3.5', () => {
    const lms = row('lhfa', 2, 400);
    expect(zscores({ sex: 2, ageDays: 400, lenheiCm: lms.m * (1 + 3.5 * lms.s), measure: 'l' }).zlen).toBe(3.5);
  });
  it('flags from the rounded value: weight-for-age 5.00 is not flagged, -6.00 neither', () => {
    const lms = row('wfa', 2, 500);
    const at = (z: number) => (z > 0 ? centile(lms, 3) + (z - 3) * (centile(lms, 3) - centile(lms, 2)) : centile(lms, -3) + (z + 3) * (centile(lms, -2) - centile(lms, -3)));
    expect([zscores({ sex: 2, ageDays: 500, weightKg: at(5.001) }).zwei, zscores({ sex: 2, ageDays: 500, weightKg: at(5.001) }).fwei]).toEqual([5, 0]);
    expect(zscores({ sex: 2, ageDays: 500, weightKg: at(5.02) }).fwei).toBe(1);
    expect(zscores({ sex: 2, ageDays: 500, weightKg: at(-6.001) }).fwei).toBe(0);
  });
  it('interpolates L, M and S between 0.1 cm rows: the mid-row median gives z = 0', () => {
    const median = (row('wfl', 1, 807).m + row('wfl', 1, 808).m) / 2;
    expect(zscores({ ageDays: 400, lenheiCm: 80.75, measure: 'l', weightKg: median }).zwfl).toBe(0);
    expect(zscores({ ageDays: 400, lenheiCm: 80.7, measure: 'l', weightKg: median }).zwfl).not.toBe(0);
  });
  it('chooses the weight-for-length/height table by age, not by the position measured', () => {
    // With no age the table follows `measure`, which gives the two candidates at 80.7 cm.
    const lengthTable = zscores({ lenheiCm: 80.7, measure: 'l', weightKg: 10 }).zwfl;
    const heightTable = zscores({ lenheiCm: 80.7, measure: 'h', weightKg: 10 }).zwfl;
    expect(lengthTable).not.toBe(heightTable);
    // Standing at 700 days: 80 + 0.7 cm, read in the length table.
    expect(zscores({ ageDays: 700, lenheiCm: 80, measure: 'h', weightKg: 10 }).zwfl).toBe(lengthTable);
    // Lying at 731 days: 81.4 − 0.7 cm, read in the height table.
    expect(zscores({ ageDays: 731, lenheiCm: 81.4, measure: 'l', weightKg: 10 }).zwfl).toBe(heightTable);
  });
  it('checks the weight-for-length range (45-110 cm) and weight-for-height range (65-120 cm) on clenhei', () => {
    expect(zscores({ ageDays: 100, lenheiCm: 44.9, measure: 'l', weightKg: 3 }).zwfl).toBeNull();
    expect(zscores({ ageDays: 100, lenheiCm: 45, measure: 'l', weightKg: 3 }).zwfl).not.toBeNull();
    expect(zscores({ ageDays: 800, lenheiCm: 64.9, measure: 'h', weightKg: 7 }).zwfl).toBeNull();
    expect(zscores({ ageDays: 800, lenheiCm: 120.7, measure: 'l', weightKg: 22 }).zwfl).not.toBeNull(); // 120.0 after −0.7
  });
  it('with no age, computes only weight-for-length/height, by measure, else length under 87 cm', () => {
    const noAge = (lenheiCm: number, measure: 'l' | 'h' | null) => zscores({ lenheiCm, measure, weightKg: 11, headcCm: 45 });
    expect(noAge(86.9, null).zwfl).toBe(noAge(86.9, 'l').zwfl);
    expect(noAge(87, null).zwfl).toBe(noAge(87, 'h').zwfl);
    expect(noAge(86.9, 'h').zwfl).not.toBe(noAge(86.9, 'l').zwfl);
    expect(noAge(86.9, null).zhc).toBeNull();
  });
  it('with weight 0: no weight-for-age, but a very negative, flagged weight-for-length', () => {
    const result = zscores({ ageDays: 400, lenheiCm: 75, measure: 'l', weightKg: 0 });
    expect(result.zwei).toBeNull();
    expect(result.zwfl).toBeLessThan(-5);
    expect(result.fwfl).toBe(1);
  });
  it('with oedema: no weight-for-age, weight-for-length/height or BMI-for-age; the rest is computed', () => {
    const result = zscores({ ageDays: 400, lenheiCm: 75, measure: 'l', weightKg: 9, headcCm: 46, muacCm: 14, oedema: true });
    expect([result.zwei, result.fwei, result.zwfl, result.fwfl, result.zbmi, result.fbmi]).toEqual([null, null, null, null, null, null]);
    expect([result.zlen, result.zhc, result.zac, result.cbmi]).not.toContain(null);
  });
  it('computes arm circumference and skinfolds from 91 days (3 months) only', () => {
    const at = (ageDays: number) => zscores({ ageDays, muacCm: 12, tricepsMm: 8, subscapMm: 7 });
    expect([at(90).zac, at(90).zts, at(90).zss]).toEqual([null, null, null]);
    expect([at(91).zac, at(91).zts, at(91).zss]).not.toContain(null);
  });
  it('uses the unrounded age for the 60-month limit: 1826.2 days is scored, 1826.25 is not', () => {
    expect(zscores({ ageDays: 1826.2, weightKg: 18 }).zwei).not.toBeNull();
    expect(zscores({ ageDays: 1826.25, weightKg: 18 }).zwei).toBeNull();
  });
  it('treats a negative age as missing, as anthro treats it when joining the tables', () => {
    const result = zscores({ ageDays: -3, lenheiCm: 60, measure: 'l', weightKg: 6 });
    expect(result.zlen).toBeNull();
    expect(result.zwfl).toBe(zscores({ ageDays: null, lenheiCm: 60, measure: 'l', weightKg: 6 }).zwfl);
  });
});
