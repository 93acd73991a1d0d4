import { describe, expect, it } from 'vitest';
import { DenwError } from '../errors.ts';
import { oracleHeader, oracleRecords } from './testOracle.ts';
import { sampleOracleCsv, whoTables } from './testTables.ts';
import { createZscoreCsvStream, zscoreCsv } from './zscoreCsv.ts';
import { growthOutputColumns } from './zscoreRecords.ts';

const parse = (csv: string) => {
  const [header = '', ...lines] = csv.trimEnd().split('\n');
  const columns = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i]!, cell])));
};
const codeOf = (run: () => unknown): [string, string | undefined] => {
  try {
    run();
  } catch (error) {
    if (error instanceof DenwError) return [error.code, error.field];
    throw error;
  }
  return ['no error', undefined];
};

describe('zscoreCsv on sample-oracle.csv, the output of anthro_zscores', () => {
  const { csv, issueCount, recordCount } = zscoreCsv(sampleOracleCsv, 2006, whoTables);
  const output = parse(csv);

  it('writes every record, its input columns first and the computed columns replacing the oracle\'s', () => {
    expect(recordCount).toBe(200);
    expect(issueCount).toBe(0);
    const kept = oracleHeader.filter((column) => !(growthOutputColumns[2006] as readonly string[]).includes(column));
    expect(csv.slice(0, csv.indexOf('\n')).split(',')).toEqual([...kept, ...growthOutputColumns[2006]]);
  });

  it('writes every computed cell exactly as R\'s write.csv wrote anthro\'s (200 records x 18 columns)', () => {
    let compared = 0;
    output.forEach((row, i) => {
      for (const column of growthOutputColumns[2006]) {
        expect({ id: row.id, column, cell: row[column] }).toEqual({ id: row.id, column, cell: oracleRecords[i]!.cells[column] });
        compared += 1;
      }
    });
    expect(compared).toBe(3600);
  });

  it('gives the same output whatever the size of the chunks it is fed', () => {
    for (const size of [1, 7, 100, 4096]) {
      const stream = createZscoreCsvStream(2006, whoTables);
      let text = '';
      for (let i = 0; i < sampleOracleCsv.length; i += size) text += stream.write(sampleOracleCsv.slice(i, i + size));
      expect(text + stream.end()).toBe(csv);
    }
  });
});

describe('zscoreCsv input forms', () => {
  const typical = 'sex,age_days,weight_kg,lenhei_cm,measure,oedema\n1,400,9.5,75,l,n\n';
  const expectedTail = ',75,16.8888888888889,-0.86,0,-0.38,0,0,0,0.17,0,,,,,,,,';

  it('reads the age from dob and date_of_visit (ISO or DD/MM/YYYY) as the day difference', () => {
    const byDates = zscoreCsv('sex,dob,date_of_visit,weight_kg,lenhei_cm,measure\n1,2023-01-01,2024-02-05,9.5,75,l\n1,01/01/2023,05/02/2024,9.5,75,l\n', 2006, whoTables);
    const [first, second] = parse(byDates.csv);
    const byAge = parse(zscoreCsv('sex,age_days,weight_kg,lenhei_cm,measure\n1,400,9.5,75,l\n', 2006, whoTables).csv)[0]!;
    for (const column of growthOutputColumns[2006]) expect([first![column], second![column]]).toEqual([byAge[column], byAge[column]]);
  });
  it('reads semicolons, CRLF, a byte-order mark and decimal commas, and keeps the delimiter', () => {
    const { csv } = zscoreCsv('\uFEFFsex;age_days;weight_kg;lenhei_cm;measure;oedema\r\n1;400;9,5;75;l;n\r\n', 2006, whoTables);
    expect(csv).toBe(`sex;age_days;weight_kg;lenhei_cm;measure;oedema;${growthOutputColumns[2006].join(';')}\n1;400;9,5;75;l;n${expectedTail.replaceAll(',', ';')}\n`);
  });
  it('passes quoted fields through, with their commas, quotes and line breaks', () => {
    const { csv } = zscoreCsv('name,sex,age_days,weight_kg,lenhei_cm,measure,oedema\n"Traoré, ""Awa""\nKayes",1,400,9.5,75,l,n\n', 2006, whoTables);
    expect(csv.split('\n').slice(1, 3).join('\n')).toBe(`"Traoré, ""Awa""\nKayes",1,400,9.5,75,l,n${expectedTail}`);
  });
  it('matches column names whatever their case, and passes unknown columns through', () => {
    const { csv } = zscoreCsv('Sex,AGE_DAYS,Weight_kg,lenhei_cm,measure,oedema,village\n1,400,9.5,75,l,n,Ségou\n', 2006, whoTables);
    expect(csv.split('\n')[1]).toBe(`1,400,9.5,75,l,n,Ségou${expectedTail}`);
  });
  it('computes the 2007 reference from age_months, or from dates as days / 30.4375', () => {
    const { csv } = zscoreCsv('sex,age_months,weight_kg,height_cm,oedema\n2,60.32,18.7,113.8,n\n', 2007, whoTables);
    // cbmi = 18.7 / 1.138² = 18.7 / 1.295044
    expect(csv).toBe('sex,age_months,weight_kg,height_cm,oedema,cbmi,zhfa,fhfa,zwfa,fwfa,zbfa,fbfa\n2,60.32,18.7,113.8,n,14.4396638260939,0.96,0,0.21,0,-0.58,0\n');
    // 3652 days = 119.98 months: under 121, so weight-for-age is computed.
    const byDates = parse(zscoreCsv('sex,dob,date_of_visit,weight_kg,height_cm\n1,2010-01-01,2020-01-01,30,140\n', 2007, whoTables).csv)[0]!;
    const byMonths = parse(zscoreCsv(`sex,age_months,weight_kg,height_cm\n1,${3652 / 30.4375},30,140\n`, 2007, whoTables).csv)[0]!;
    for (const column of growthOutputColumns[2007]) expect(byDates[column]).toBe(byMonths[column]);
    expect(byDates.zwfa).not.toBe('');
  });
});

describe('zscoreCsv errors and issues', () => {
  it('refuses a header without sex, a measurement, or one of the two dates, naming the column', () => {
    expect(codeOf(() => zscoreCsv('age_days,weight_kg\n10,4\n', 2006, whoTables))).toEqual(['GROWTH_MISSING_COLUMN', 'sex']);
    expect(codeOf(() => zscoreCsv('sex,age_days\n1,10\n', 2006, whoTables))[0]).toBe('GROWTH_MISSING_COLUMN');
    expect(codeOf(() => zscoreCsv('sex,dob,weight_kg\n1,2020-01-01,4\n', 2006, whoTables))).toEqual(['GROWTH_MISSING_COLUMN', 'date_of_visit']);
    expect(codeOf(() => zscoreCsv('sex,weight_kg,height_cm\n1,30,140\n', 2007, whoTables))).toEqual(['GROWTH_MISSING_COLUMN', 'age_months']);
    expect(codeOf(() => zscoreCsv('', 2006, whoTables))).toEqual(['GROWTH_MISSING_COLUMN', 'sex']);
  });
  it('refuses a quote that is never closed (the CSV module\'s error, naming the row)', () => {
    expect(codeOf(() => zscoreCsv('sex,age_days,weight_kg\n1,10,4\n"1,10,4\n', 2006, whoTables))[0]).toBe('CSV_UNTERMINATED_QUOTE');
  });
  it('reports each unreadable cell by row (the header is row 1) and column, leaves its z-scores empty, and goes on', () => {
    const text = 'sex,age_days,weight_kg,lenhei_cm,measure,oedema,dob,date_of_visit\n' +
      'x,400,9.5,75,l,n,,\n1,-4,abc,75,s,peut-être,,\n1,,9.5,75,l,n,2024-02-30,2024-03-01\n1,,9.5,75,l,n,2024-03-02,2024-03-01\n';
    const { csv, issues, issueCount } = zscoreCsv(text, 2006, whoTables);
    expect(issues).toEqual([
      { row: 2, field: 'sex', code: 'GROWTH_INVALID_SEX', value: 'x' },
      { row: 3, field: 'age_days', code: 'GROWTH_INVALID_NUMBER', value: '-4' },
      { row: 3, field: 'oedema', code: 'GROWTH_INVALID_OEDEMA', value: 'peut-être' },
      { row: 3, field: 'weight_kg', code: 'GROWTH_INVALID_NUMBER', value: 'abc' },
      { row: 3, field: 'measure', code: 'GROWTH_INVALID_MEASURE', value: 's' },
      { row: 4, field: 'dob', code: 'GROWTH_INVALID_DATE', value: '2024-02-30' },
      { row: 5, field: 'date_of_visit', code: 'GROWTH_VISIT_BEFORE_BIRTH', value: '-1' },
    ]);
    expect(issueCount).toBe(7);
    const rows = parse(csv);
    expect(rows).toHaveLength(4);
    expect(rows[0]!.zlen).toBe('');
    expect(rows[1]!.zwfl).toBe(''); // oedema unreadable: weight-based scores withheld
  });
});
