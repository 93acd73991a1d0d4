// Reading import bodies: XML that the server must refuse before parsing it, with a reason the user can act on.
import { describe, expect, it } from 'vitest';
import { DenwError } from '../../core/errors.ts';
import { dataValueSource } from './dataValueSource.ts';

const refusal = (body: string) => {
  try {
    dataValueSource('adx', body);
  } catch (error) {
    return error instanceof DenwError ? [error.code, error.params, error.field] : error;
  }
  return 'accepted';
};

describe('XML bodies', () => {
  it('refuses an external entity (XXE) without reading what it names, with its line', () => {
    const body = `<?xml version="1.0"?>\n<!DOCTYPE adx [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n<adx xmlns="urn:ihe:qrph:adx:2015"><group orgUnit="A" period="2024-01-01/P1M" dataSet="D"><dataValue dataElement="X" value="&e;"/></group></adx>`;
    expect(refusal(body)).toEqual(['XML_EXTERNAL_ENTITY', { line: 2 }, 'body']);
    expect(refusal(body.replace('SYSTEM "file:///etc/passwd"', 'PUBLIC "-//x" "http://example.org/x.dtd"'))).toEqual(['XML_EXTERNAL_ENTITY', { line: 2 }, 'body']);
  });

  it('refuses a document nested deeper than any data value set, instead of parsing it', () => {
    const body = `<adx xmlns="urn:ihe:qrph:adx:2015">${'<group>'.repeat(5000)}${'</group>'.repeat(5000)}</adx>`;
    expect(refusal(body)).toEqual(['XML_TOO_DEEP', { max: 100 }, 'body']);
  });
});

describe('CSV bytes (the CLI reads files as byte chunks)', () => {
  const read = async (chunks: Uint8Array[]) => {
    const rows: number[] = [];
    try {
      for await (const batch of dataValueSource('csv', chunks).batches) rows.push(...batch.map((input) => input.row));
    } catch (error) {
      return error instanceof DenwError ? [error.code, error.params, rows] : error;
    }
    return rows;
  };
  const header = 'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment\n';

  it('refuses Windows-1252 bytes naming the row after the last one read whole, not line 0', async () => {
    // "arrivé" saved by Excel in Windows-1252: é is the single byte 0xE9, no UTF-8 sequence.
    const good = Buffer.from(`${header}STAFF,202401,FAC_KAYES_1,,,2,,,ok\n`, 'utf8');
    const bad = Buffer.from('STAFF,202402,FAC_KAYES_1,,,2,,,arrivé\n', 'latin1');
    expect(await read([good, bad])).toEqual(['CSV_NOT_UTF8', { line: 3 }, [2]]);
    expect(await read([Buffer.concat([Buffer.from(header), bad])])).toEqual(['CSV_NOT_UTF8', { line: 1 }, []]);
  });
});
