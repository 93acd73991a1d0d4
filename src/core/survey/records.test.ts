// Reading survey files: WHO anthro's columns, the design columns named by the analyst, and
// an error naming the row and column of every unreadable cell, in French and English.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DenwError } from '../errors.ts';
import { whoTables } from '../growth/testTables.ts';
import { translate } from '../i18n.ts';
import { readSurveyCsv, readSurveyTable, SurveyInputError, surveyIssueCode } from './records.ts';
import { isXlsx, readSurveyWorkbook } from './workbook.ts';

const columns = { cluster: 'grappe', strata: 'region', weight: 'poids', by: ['milieu'] };
const csv = [
  'sex;age_months;weight_kg;lenhei_cm;measure;oedema;muac_cm;grappe;region;poids;milieu',
  '1;24;11,2;85.3;h;n;14.1;7;Kayes;1.5;rural',
  'f;7;;66;l;y;;8;Kayes;;urbain',
  '2;70;12;95;h;n;13;;Mopti;2;rural',
].join('\n');

describe('a survey CSV', () => {
  const children = readSurveyCsv(csv, columns, whoTables);

  it('reads the anthro columns and computes the z-scores with the growth engine', () => {
    expect(children).toHaveLength(3);
    expect(children[0]).toMatchObject({ row: 2, sex: 1, weightKg: 11.2, lenheiCm: 85.3, muacCm: 14.1, oedema: false, stratum: 'Kayes', cluster: '7', weight: 1.5, groups: ['rural'] });
    expect(children[0]!.ageDays).toBeCloseTo(24 * 30.4375, 10);
    expect(children[0]!.zwfl).not.toBeNull();
    // Oedema: no weight-based z-score (the prevalence counts the child as −3.1).
    expect(children[1]).toMatchObject({ sex: 2, oedema: true, zwfl: null, zwei: null, weight: null });
  });

  it('keeps empty design cells as missing (the prevalence leaves those children out)', () => {
    expect(children[2]).toMatchObject({ cluster: null, stratum: 'Mopti', ageDays: 70 * 30.4375 });
  });
});

describe('unreadable cells', () => {
  const bad = [
    'sex,age_days,weight_kg,lenhei_cm,grappe,poids',
    '1,400,9.1,75,1,1',
    'x,400,9.1,75,1,1',
    '2,400,neuf,75,1,-2',
  ].join('\n');

  it('are all reported by row and column, and no analysis is done', () => {
    let error: unknown;
    try {
      readSurveyCsv(bad, { cluster: 'grappe', weight: 'poids' }, whoTables);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SurveyInputError);
    const issues = (error as SurveyInputError).issues;
    expect(issues.map((issue) => [issue.row, issue.field, surveyIssueCode(issue), issue.value])).toEqual([
      [3, 'sex', 'SURVEY_INVALID_SEX', 'x'],
      [4, 'weight_kg', 'SURVEY_INVALID_NUMBER', 'neuf'],
      [4, 'poids', 'SURVEY_INVALID_NUMBER', '-2'],
    ]);
  });

  it('have a message in French and in English naming the row, the column and the value', () => {
    const issue = { row: 4, field: 'poids', value: '-2' };
    expect(translate('error.SURVEY_INVALID_NUMBER', 'fr', issue)).toBe('Ligne 4, colonne « poids » : « -2 » n\'est pas un nombre positif ou nul');
    expect(translate('error.SURVEY_INVALID_NUMBER', 'en', issue)).toBe('Row 4, column "poids": "-2" is not a non-negative number');
    expect(translate('error.SURVEY_INVALID_INPUT', 'en', { count: 3 })).toBe('Survey: 3 unreadable cell(s); correct the file, no analysis was done');
  });

  it('a design column absent from the header is named', () => {
    expect(() => readSurveyCsv(bad, { strata: 'strate' }, whoTables)).toThrow(expect.objectContaining({ code: 'SURVEY_MISSING_COLUMN', params: { column: 'strate' } }));
    expect(() => readSurveyCsv('sex,age_days,weight_kg\n', {}, whoTables)).toThrow(expect.objectContaining({ code: 'SURVEY_EMPTY_FILE' }));
    expect(() => readSurveyCsv('age_days,weight_kg\n1,2', {}, whoTables)).toThrow(DenwError); // GROWTH_MISSING_COLUMN sex
  });
});

async function workbookBytes(rows: unknown[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('enquête');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('a survey workbook (XLSX)', () => {
  it('reads the first sheet: numbers, text and dates, rows numbered as in the sheet', async () => {
    const bytes = await workbookBytes([
      ['sex', 'dob', 'date_of_visit', 'weight_kg', 'lenhei_cm', 'grappe'],
      [1, new Date(Date.UTC(2024, 0, 15)), '2026-01-15', 11.2, 85.3, 7],
      [],
      ['f', '15/01/2025', new Date(Date.UTC(2026, 0, 15)), 9, 75, 8],
    ]);
    expect(isXlsx(bytes)).toBe(true);
    const { header, rows } = await readSurveyWorkbook(bytes);
    const children = readSurveyTable(header, rows, { cluster: 'grappe' }, whoTables);
    expect(children.map((c) => [c.row, c.sex, c.ageDays, c.weightKg, c.cluster])).toEqual([
      [2, 1, 731, 11.2, '7'],
      [4, 2, 365, 9, '8'],
    ]);
  });

  it('names the sheet row and column of an unreadable cell', async () => {
    const bytes = await workbookBytes([['sex', 'age_days', 'weight_kg'], [1, 400, 9], [1, 400, 'lourd']]);
    const { header, rows } = await readSurveyWorkbook(bytes);
    expect(() => readSurveyTable(header, rows, {}, whoTables)).toThrow(
      expect.objectContaining({ issues: [{ row: 3, field: 'weight_kg', code: 'GROWTH_INVALID_NUMBER', value: 'lourd' }] }),
    );
  });

  it('refuses bytes that are not a workbook', async () => {
    await expect(readSurveyWorkbook(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).rejects.toMatchObject({ code: 'SURVEY_XLSX_UNREADABLE' });
    expect(isXlsx(new TextEncoder().encode('sex,age_days'))).toBe(false);
  });
});
