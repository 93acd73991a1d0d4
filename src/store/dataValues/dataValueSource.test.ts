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
