import { describe, expect, it } from 'vitest';
import { detectFormat, importQuery } from './importFormats.ts';

describe('import file formats', () => {
  it('knows JSON, CSV and ADX by their extension, whatever the case', () => {
    expect(detectFormat('valeurs.JSON', '')).toBe('json');
    expect(detectFormat('dataValueSet.csv', '')).toBe('csv');
    expect(detectFormat('rapport.adx', '')).toBe('adx');
    expect(detectFormat('rapport.adx.xml', '')).toBe('adx');
  });

  it('tells ADX from DHIS2 XML by the ADX namespace', () => {
    expect(detectFormat('export.xml', '<adx xmlns="urn:ihe:qrph:adx:2015" exported="2015-02-08">')).toBe('adx');
    expect(detectFormat('export.xml', '<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0">')).toBe('xml');
  });

  it('does not guess other files', () => {
    expect(detectFormat('notes.txt', '{}')).toBeUndefined();
  });

  it('names the options as DHIS2 does in the query string', () => {
    const query = importQuery({ format: 'csv', dryRun: true, importStrategy: 'CREATE', atomicMode: 'NONE', idScheme: 'uid' }, true);
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({ dryRun: 'true', importStrategy: 'CREATE', atomicMode: 'NONE', idScheme: 'uid', async: 'true' });
  });
});
