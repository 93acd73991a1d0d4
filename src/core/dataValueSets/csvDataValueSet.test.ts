import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DenwError } from '../errors.ts';
import { csvHeaderLine, csvLine, DataValueCsvReader, readDataValueCsv } from './csvDataValueSet.ts';

const samples = new URL('./dhis2-samples', import.meta.url).pathname;

describe('reading DHIS2 data value CSV', () => {
  it('matches columns by header name, in any order and case, with DHIS2 aliases', () => {
    const [row] = readDataValueCsv('Period,OrgUnit,DataElement,Value,CatOptCombo,Comment,FollowUp\r\n202401,FAC_1,PENTA1,12,F,"a, b",TRUE\r\n');
    expect(row).toMatchObject({ index: 0, row: 2, dataElement: 'PENTA1', period: '202401', orgUnit: 'FAC_1', categoryOptionCombo: 'F', value: '12', comment: 'a, b', followup: true });
    expect(row!.attributeOptionCombo).toBeUndefined();
  });

  it('takes the eleven columns by position when there is no header (DHIS2 2.42 dataValueSetBNoHeader.csv)', () => {
    const rows = readDataValueCsv(readFileSync(`${samples}/v2.43/dxf2/datavalueset/dataValueSetBNoHeader.csv`, 'utf8'));
    expect(rows).toHaveLength(12);
    expect(rows[0]).toMatchObject({ index: 0, row: 1, dataElement: 'f7n9E0hX8qk', period: '201201', orgUnit: 'DiszpKrYNg8', value: '10001', storedBy: 'john', lastUpdated: '2012-01-01', comment: 'comment', followup: false, deleted: false });
    expect(rows[0]!.categoryOptionCombo).toBeUndefined();
    expect(rows[11]).toMatchObject({ index: 11, row: 12, dataElement: 'eY5ehpbEsB7', value: '10012' });
  });

  it('reads the DHIS2 2.43 header, whose lastupdated column is named timestamp (dataValueSetB.csv)', () => {
    const rows = readDataValueCsv(readFileSync(`${samples}/v2.43/dxf2/datavalueset/dataValueSetB.csv`, 'utf8'));
    expect(rows).toHaveLength(12);
    expect(rows[0]).toMatchObject({ row: 2, dataElement: 'f7n9E0hX8qk', lastUpdated: '2012-01-01' });
  });

  it('accepts a header longer than its rows (dataValueSetWithDataSetHeader.csv has a deleted column rows omit)', () => {
    const rows = readDataValueCsv(readFileSync(`${samples}/v2.43/dxf2/datavalueset/dataValueSetWithDataSetHeader.csv`, 'utf8'));
    expect(rows.map((r) => [r.value, r.deleted])).toEqual([['10001', false], ['10002', false], ['10003', false]]);
  });

  it('refuses a header naming an unknown column, naming it (DHIS2 2.42 dataValueSetB.csv spells "dataelelement")', () => {
    const text = readFileSync(`${samples}/v2.42/dxf2/datavalueset/dataValueSetB.csv`, 'utf8');
    expect(() => readDataValueCsv(text)).toThrow(expect.objectContaining({ code: 'CSV_DATA_VALUE_COLUMN_UNKNOWN', params: expect.objectContaining({ column: 'dataelelement' }) }));
  });

  it('refuses a header without data element, period or org unit', () => {
    expect(() => readDataValueCsv('dataelement,period,value\nA,202401,1\n')).toThrow(expect.objectContaining({ code: 'CSV_DATA_VALUE_COLUMN_MISSING', field: 'orgunit' }));
  });

  it('numbers rows as the file does: header first, quoted line breaks kept inside one row', () => {
    const rows = readDataValueCsv('dataelement,period,orgunit,value,comment\nA,202401,X,1,"two\nlines"\nB,202401,X,2,\n');
    expect(rows.map((r) => [r.index, r.row, r.comment])).toEqual([[0, 2, 'two\nlines'], [1, 3, '']]);
  });

  it('gives the same rows whatever the chunking', () => {
    const text = readFileSync(`${samples}/v2.43/dxf2/datavalueset/dataValueSetBooleanTest.csv`, 'utf8');
    const reader = new DataValueCsvReader();
    const rows = [...text].flatMap((char) => reader.push(char)).concat(reader.end());
    expect(rows).toEqual(readDataValueCsv(text));
    expect(reader.hasHeader).toBe(true);
  });

  it('reports a broken quote with its row, as the CSV reader does', () => {
    expect(() => readDataValueCsv('A,202401,X,,,"1\n')).toThrow(DenwError);
  });
});

describe('writing DHIS2 data value CSV', () => {
  it('writes DHIS2 HEADER_ROW and quotes only what must be quoted', () => {
    expect(csvHeaderLine).toBe('dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted\r\n');
    const line = csvLine({
      dataElement: 'PENTA1', period: '202401', orgUnit: 'FAC_1', categoryOptionCombo: 'F', attributeOptionCombo: 'default', value: '12',
      storedBy: 'kayes', created: '2024-02-01T00:00:00.000Z', lastUpdated: '2024-02-02T00:00:00.000Z', comment: 'dit "bien"', followup: true,
    });
    expect(line).toBe('PENTA1,202401,FAC_1,F,default,12,kayes,2024-02-02T00:00:00.000Z,"dit ""bien""",true,false\r\n');
    expect(readDataValueCsv(csvHeaderLine + line)[0]).toMatchObject({ comment: 'dit "bien"', followup: true, lastUpdated: '2024-02-02T00:00:00.000Z' });
  });
});
