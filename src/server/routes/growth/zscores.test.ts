// POST /api/growth/zscores against WHO's own output: the 200 records of
// data/who-growth/sample-oracle.csv with anthro::anthro_zscores' columns (see that folder's
// README), and anthroplus' test case for the 2007 reference (tests/testthat/test-zscores.R,
// "computes correct value for age ~ 60 months"), in every input × output combination.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../core/csv/csvReader.ts';
import { describeEachEngineApp } from '../../testing/testApp.ts';

const oracleText = readFileSync(new URL('../../../../data/who-growth/sample-oracle.csv', import.meta.url), 'utf8');
const [oracleHeader, ...oracleLines] = parseCsv(oracleText);
const oracle = oracleLines.map(({ fields }) => Object.fromEntries(oracleHeader!.fields.map((column, i) => [column, fields[i]!])));
const inputColumns = ['id', 'sex', 'age_days', 'weight_kg', 'lenhei_cm', 'measure', 'oedema', 'headc_cm', 'muac_cm', 'triceps_mm', 'subscap_mm'];
const scoreColumns = ['zlen', 'flen', 'zwei', 'fwei', 'zwfl', 'fwfl', 'zbmi', 'fbmi', 'zhc', 'fhc', 'zac', 'fac', 'zts', 'fts', 'zss', 'fss'];
/** The oracle's inputs as JSON: numbers as numbers, empty cells left out. */
const oracleJson = oracle.map((row) =>
  Object.fromEntries(inputColumns.filter((column) => row[column] !== '').map((column) => [column, /^[\d.]+$/.test(row[column]!) ? Number(row[column]) : row[column]])),
);
const oracleCsv = `${inputColumns.join(',')}\n${oracle.map((row) => inputColumns.map((column) => row[column]).join(',')).join('\n')}\n`;
const csvRows = (text: string) => {
  const [header, ...records] = parseCsv(text);
  return records.map(({ fields }) => Object.fromEntries(header!.fields.map((column, i) => [column, fields[i]!])));
};
const expectOracleJson = (rows: Record<string, unknown>[]) => {
  expect(rows).toHaveLength(200);
  rows.forEach((row, i) => {
    expect(row.id).toBe(oracleJson[i]!.id);
    for (const column of scoreColumns) expect([i, column, row[column]]).toEqual([i, column, oracle[i]![column] === '' ? null : Number(oracle[i]![column])]);
  });
};
const expectOracleCsv = (text: string) => {
  const rows = csvRows(text);
  expect(rows).toHaveLength(200);
  rows.forEach((row, i) => {
    for (const column of [...scoreColumns, 'clenhei', 'cbmi']) expect([i, column, row[column]]).toEqual([i, column, oracle[i]![column]]);
  });
};

describeEachEngineApp('POST /api/growth/zscores', (api) => {
  const post = (options: { url?: string; payload: unknown; type?: string; accept?: string; language?: string }) =>
    api().inject({
      method: 'POST',
      url: options.url ?? '/api/growth/zscores',
      as: 'kayes',
      headers: {
        'content-type': options.type ?? 'application/json',
        ...(options.accept ? { accept: options.accept } : {}),
        'accept-language': options.language ?? 'fr',
      },
      payload: typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload),
    });

  describe('agrees with WHO anthro on the 200 oracle records', () => {
    it('JSON in, JSON out', async () => {
      const response = await post({ payload: oracleJson });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ reference: 2006, issues: [], issueCount: 0 });
      expectOracleJson(response.json().rows);
    });
    it('CSV in, CSV out (?format=csv), every input column passed through', async () => {
      const response = await post({ url: '/api/growth/zscores?format=csv', payload: oracleCsv, type: 'text/csv' });
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/csv');
      expect(response.headers['x-denw-issue-count']).toBe('0');
      expectOracleCsv(response.body);
      expect(csvRows(response.body)[1]).toMatchObject({ id: '2', measure: 'l', headc_cm: '42.2' });
    });
    it('CSV in, JSON out; JSON in, CSV out (Accept: text/csv)', async () => {
      const json = await post({ payload: oracleCsv, type: 'text/csv' });
      expect(json.statusCode).toBe(200);
      const rows = json.json().rows as Record<string, unknown>[];
      expect(rows[0]).toMatchObject({ id: '1', lenhei_cm: '47.1', zlen: -1.56 });
      rows.forEach((row) => (row.id = Number(row.id)));
      expectOracleJson(rows);
      const csv = await post({ payload: oracleJson, accept: 'text/csv' });
      expect(csv.statusCode).toBe(200);
      expectOracleCsv(csv.body);
    });
  });

  it('?reference=2007 appends anthroplus columns (anthroplus test: girl of 60.911701 months, 113.6 cm, 20.5 kg)', async () => {
    const response = await post({ url: '/api/growth/zscores?reference=2007', payload: [{ sex: 2, age_months: 60.911701, height_cm: 113.6, weight_kg: 20.5 }] });
    expect(response.json().rows[0]).toMatchObject({ zhfa: 0.85, fhfa: 0, zwfa: 0.79, fwfa: 0, zbfa: 0.42, fbfa: 0 });
    const csv = await post({ url: '/api/growth/zscores?reference=2007&format=csv', payload: 'sex;age_months;height_cm;weight_kg\nf;60,911701;113,6;20,5\n', type: 'text/csv' });
    expect(csv.body.split('\n')[1]).toMatch(/;0\.85;0;0\.79;0;0\.42;0$/);
  });

  it('takes the age from dob and date_of_visit as the days between them (2023-03-01 to 2024-02-29: 365 days)', async () => {
    const byDates = await post({ payload: [{ sex: 1, dob: '2023-03-01', date_of_visit: '2024-02-29', weight_kg: 9.5, lenhei_cm: 75, measure: 'l' }] });
    const byDays = await post({ payload: [{ sex: 1, age_days: 365, weight_kg: 9.5, lenhei_cm: 75, measure: 'l' }] });
    const pick = (row: Record<string, unknown>) => ({ zlen: row.zlen, zwei: row.zwei, zwfl: row.zwfl });
    expect(pick(byDates.json().rows[0])).toEqual(pick(byDays.json().rows[0]));
    expect(byDates.json().rows[0].zlen).not.toBeNull();
  });

  describe('problems by row and field, in French or English', () => {
    it('an unreadable cell is reported with its JSON position (from 1) and leaves that value out', async () => {
      const payload = [{ sex: 1, age_days: 400, weight_kg: 9 }, { sex: 'x', age_days: 400, weight_kg: 'abc' }];
      const french = (await post({ payload })).json();
      expect(french.rows).toHaveLength(2);
      expect(french.issueCount).toBe(2);
      expect(french.issues[0]).toMatchObject({ row: 2, field: 'sex', code: 'GROWTH_INVALID_SEX', value: 'x' });
      expect(french.issues[1].message).toBe("Ligne 2, colonne « weight_kg » : « abc » n'est pas un nombre positif ou nul ; valeur ignorée");
      const english = (await post({ payload, language: 'en' })).json();
      expect(english.issues[1].message).toContain('Row 2, column "weight_kg": "abc" is not a non-negative number');
    });
    it('CSV rows are numbered as in the file (header = row 1), whatever the output format', async () => {
      const text = 'sex,age_days,weight_kg\n1,400,9\n1,400,abc\n';
      expect((await post({ payload: text, type: 'text/csv' })).json().issues[0]).toMatchObject({ row: 3, field: 'weight_kg' });
      const csv = await post({ payload: text, type: 'text/csv', accept: 'text/csv' });
      expect(csv.headers['x-denw-issue-count']).toBe('1');
      const fromJson = await post({ payload: [{ sex: 1, weight_kg: 'abc', age_days: 1 }], accept: 'text/csv' });
      expect(fromJson.headers['x-denw-issue-count']).toBe('1');
    });
    it('a missing column is a 400 naming it', async () => {
      const response = await post({ payload: [{ age_days: 400, weight_kg: 9 }], language: 'en' });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ errorCode: 'GROWTH_MISSING_COLUMN', field: 'sex', message: 'Column "sex" is missing from the header (expected: 1/2/m/f)' });
    });
    it('a body that is not an array of records is a 400 by field; an unknown reference a 400', async () => {
      const notArray = await post({ payload: { sex: 1 } });
      expect(notArray.statusCode).toBe(400);
      expect(notArray.json().errors[0]).toMatchObject({ field: 'body', code: 'INVALID_TYPE' });
      const notRecord = await post({ payload: [{ sex: 1, weight_kg: 3 }, 5] });
      expect(notRecord.json().errors).toEqual([expect.objectContaining({ field: 'body.1', code: 'INVALID_TYPE' })]);
      const reference = await post({ url: '/api/growth/zscores?reference=1977', payload: [] });
      expect([reference.statusCode, reference.json().errors[0].field]).toEqual([400, 'query.reference']);
    });
    it('more than 100,000 records is refused before any work', async () => {
      const text = `sex,weight_kg\n${'1,9\n'.repeat(100_001)}`;
      const response = await post({ payload: text, type: 'text/csv', language: 'en' });
      expect([response.statusCode, response.json().errorCode]).toEqual([400, 'GROWTH_TOO_MANY_RECORDS']);
      expect(response.json().message).toContain('at most 100000 per request');
    });
    it('never answers 5xx, whatever the records or text: every refusal is a WebMessage, every problem has row, field and message', async () => {
      const column = fc.constantFrom('sex', 'age_days', 'age_months', 'dob', 'date_of_visit', 'weight_kg', 'lenhei_cm', 'measure', 'oedema', 'muac_cm', 'height_cm', 'x', '__proto__');
      const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.double(), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('f', 'M', 'l', 'H', 'y', '2024-02-30', '01/01/2024', '-1', '1e400', '0x10', '12,5'), fc.array(fc.integer(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));
      const body = fc.oneof(
        fc.array(fc.dictionary(column, cell, { maxKeys: 8 }), { maxLength: 5 }).map((rows) => ({ payload: JSON.stringify(rows), type: 'application/json' })),
        fc.string({ maxLength: 200 }).map((text) => ({ payload: `sex,weight_kg,age_days\n${text}`, type: 'text/csv' })),
        fc.string({ maxLength: 100 }).map((text) => ({ payload: text, type: 'text/plain' })),
        fc.jsonValue({ maxDepth: 2 }).map((value) => ({ payload: JSON.stringify(value), type: 'application/json' })),
      );
      await fc.assert(
        fc.asyncProperty(body, fc.constantFrom('', '?format=csv', '?reference=2007', '?reference=2007&format=csv'), async ({ payload, type }, query) => {
          const response = await post({ url: `/api/growth/zscores${query}`, payload, type });
          expect(response.statusCode).toBeLessThan(500);
          if (response.statusCode >= 400) expect(response.json()).toMatchObject({ errorCode: expect.any(String), message: expect.any(String) });
          else if (!query.includes('csv')) for (const issue of response.json().issues) expect(issue).toMatchObject({ row: expect.any(Number), field: expect.any(String), message: expect.any(String) });
        }),
        { numRuns: 150 },
      );
    });
    it('needs a signed-in user', async () => {
      const response = await api().inject({ method: 'POST', url: '/api/growth/zscores', payload: [] });
      expect(response.statusCode).toBe(401);
    });
  });
});
