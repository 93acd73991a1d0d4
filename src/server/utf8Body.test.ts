// A text body that is not UTF-8 — a CSV saved by Excel in Windows-1252, where "é" is the single
// byte 0xE9 — is refused with 400 BODY_NOT_UTF8 and nothing is written, instead of being stored
// with "\uFFFD" in place of the letter; UTF-8 (with or without a byte-order mark) passes.
import { describe, expect, it } from 'vitest';
import { isTextBody } from './utf8Body.ts';
import { describeEachEngineApp } from './testing/testApp.ts';

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const csvHeader = 'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment\r\n';

describe('isTextBody', () => {
  it('names the text types the import routes read, with or without parameters, and not binary ones', () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'text/csv', 'application/csv', 'application/xml', 'text/xml', 'application/adx+xml', 'application/xml+adx', 'application/fhir+json', 'text/plain']) {
      expect(isTextBody(type), type).toBe(true);
    }
    for (const type of [undefined, '', 'application/octet-stream', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'image/png']) {
      expect(isTextBody(type), String(type)).toBe(false);
    }
  });
});

describeEachEngineApp('bodies that are not UTF-8', (api) => {
  const postCsv = (payload: Buffer, language = 'fr') =>
    api().inject({ method: 'POST', url: '/api/dataValueSets', payload, headers: { 'content-type': 'application/csv', 'accept-language': language }, as: 'admin' });
  const storedComments = async () =>
    (await api().inject({ method: 'GET', url: '/api/dataValueSets?dataSet=EPI_MONTHLY&period=202401&orgUnit=FAC_KAYES_1', headers: { accept: 'application/json' }, as: 'admin' })).json()
      .dataValues?.map((value: { comment?: string }) => value.comment) ?? [];

  it('refuses a Windows-1252 CSV with 400, the field and the line, in French and English, and writes nothing', async () => {
    const body = latin1(`${csvHeader}STAFF,202401,FAC_KAYES_1,,,2,admin,,Agent arrivé en janvier\r\n`);
    const fr = await postCsv(body);
    expect(fr.statusCode).toBe(400);
    expect(fr.json()).toMatchObject({
      errorCode: 'BODY_NOT_UTF8',
      field: 'body',
      message: "Le corps de la requête n'est pas encodé en UTF-8 (vers la ligne 2) : enregistrez le fichier en UTF-8 (« CSV UTF-8 » dans Excel)",
    });
    const en = await postCsv(body, 'en');
    expect(en.json().message).toBe('The request body is not UTF-8 encoded (near line 2): save the file as UTF-8 ("CSV UTF-8" in Excel)');
    expect(await storedComments()).toEqual([]);
  });

  it('imports the same CSV saved as UTF-8 with a byte-order mark, the letter intact', async () => {
    const body = Buffer.from(`\uFEFF${csvHeader}STAFF,202401,FAC_KAYES_1,,,2,admin,,Agent arrivé en janvier\r\n`, 'utf8');
    const response = await postCsv(body);
    expect(response.statusCode).toBe(200);
    expect(await storedComments()).toEqual(['Agent arrivé en janvier']);
  });

  it('refuses Windows-1252 JSON metadata the same way (RFC 8259 §8.1: JSON is UTF-8)', async () => {
    const response = await api().inject({
      method: 'POST',
      url: '/api/metadata?dryRun=true',
      payload: latin1('{"organisationUnits": [{"code": "SEG_TEST", "name": "Ségou test"}]}'),
      headers: { 'content-type': 'application/json' },
      as: 'admin',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errorCode: 'BODY_NOT_UTF8', field: 'body' });
  });
});
