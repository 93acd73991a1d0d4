// Checking one object of a metadata document against its schema, for shapes DHIS2 files really
// have that the schema alone does not read.
import { describe, expect, it } from 'vitest';
import { parseMetadataObject } from './importErrors.ts';

describe('org units of DHIS2 exports before 2.32 (featureType + coordinates text)', () => {
  const unit = (fields: Record<string, unknown>) => parseMetadataObject('organisationUnits', { name: 'Bo', ...fields });

  it('reads POINT, POLYGON and MULTI_POLYGON coordinates as the GeoJSON geometry of that type', () => {
    expect(unit({ featureType: 'POINT', coordinates: '[-11.3,8.2]' }).value?.geometry).toEqual({ type: 'Point', coordinates: [-11.3, 8.2] });
    const ring = [[-11.5, 8], [-11, 8], [-11, 8.5], [-11.5, 8]];
    expect(unit({ featureType: 'POLYGON', coordinates: JSON.stringify([ring]) }).value?.geometry).toEqual({ type: 'Polygon', coordinates: [ring] });
    expect(unit({ featureType: 'MULTI_POLYGON', coordinates: JSON.stringify([[ring]]) }).value?.geometry).toEqual({ type: 'MultiPolygon', coordinates: [[ring]] });
  });

  it('leaves NONE, a unit without coordinates, and a 2.32+ geometry as they are', () => {
    expect(unit({ featureType: 'NONE' }).value?.geometry).toBeUndefined();
    expect(unit({ featureType: 'POINT' }).value?.geometry).toBeUndefined();
    const point = { type: 'Point', coordinates: [1, 2] };
    expect(unit({ featureType: 'POINT', coordinates: '[9,9]', geometry: point }).value?.geometry).toEqual(point);
  });

  it('reports coordinates that are no JSON as a wrong geometry (E4027), not as a missing one', () => {
    expect(unit({ featureType: 'POINT', coordinates: '[-11.3,8.2' }).errors).toEqual([
      { code: 'E4027', params: { value: '{"type":"Point","coordinates":"[-11.3,8.2"}', property: 'geometry' }, property: 'geometry', value: { type: 'Point', coordinates: '[-11.3,8.2' } },
    ]);
  });
});

describe('org unit geometry (RFC 7946 §3.1)', () => {
  const geometryErrors = (geometry: unknown) => parseMetadataObject('organisationUnits', { name: 'Bo', geometry }).errors.map((e) => [e.code, e.property]);
  const ring = [[-11.5, 8], [-11, 8], [-11, 8.5], [-11.5, 8]];

  it('keeps every type whose coordinates are positions nested as the type says', () => {
    for (const geometry of [
      { type: 'Point', coordinates: [-11.3, 8.2] },
      { type: 'Point', coordinates: [-11.3, 8.2, 120] },
      { type: 'MultiPoint', coordinates: [[-11.3, 8.2]] },
      { type: 'LineString', coordinates: ring },
      { type: 'MultiLineString', coordinates: [ring] },
      { type: 'Polygon', coordinates: [ring] },
      { type: 'MultiPolygon', coordinates: [[ring], [ring]] },
      { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2] }, { type: 'Polygon', coordinates: [ring] }] },
    ]) {
      expect(geometryErrors(geometry), geometry.type).toEqual([]);
    }
  });

  it('refuses coordinates that are not positions, or nested at another depth, with E4027 on geometry', () => {
    for (const geometry of [
      { type: 'Polygon', coordinates: [['a']] },
      { type: 'Point', coordinates: [] },
      { type: 'Point', coordinates: [1] },
      { type: 'Point', coordinates: ['1', '2'] },
      { type: 'Polygon', coordinates: ring },
      { type: 'MultiPolygon', coordinates: [ring] },
      { type: 'Point', coordinates: [[1, 2]] },
      { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [] }] },
      { type: 'GeometryCollection', geometries: [{ type: 'GeometryCollection', geometries: [] }] },
    ]) {
      expect(geometryErrors(geometry), JSON.stringify(geometry)).toEqual([['E4027', 'geometry']]);
    }
  });
});

describe('org unit geometry from a hostile document', () => {
  it('keeps only type and coordinates, so a foreign member nested 200,000 deep is not stored (nor serialised)', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    const parsed = parseMetadataObject('organisationUnits', { name: 'Bo', geometry: { type: 'Point', coordinates: [1, 2], bbox: [1, 2, 1, 2], extra: deep } });
    expect(parsed.value?.geometry).toEqual({ type: 'Point', coordinates: [1, 2] });
    const collection = { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [1, 2], extra: deep }] };
    expect(parseMetadataObject('organisationUnits', { name: 'Bo', geometry: collection }).value?.geometry).toEqual({
      type: 'GeometryCollection',
      geometries: [{ type: 'Point', coordinates: [1, 2] }],
    });
  });

  it('reports 200,000 nested brackets in a field as E4027 with a cut preview, without overflowing the stack', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    const { errors } = parseMetadataObject('organisationUnits', { name: 'Bo', geometry: { type: 'Point', coordinates: deep } });
    expect(errors.map((e) => [e.code, e.property])).toEqual([['E4027', 'geometry']]);
    // 72 characters: under the 80 a message shows, nesting past 20 levels elided.
    expect(errors[0]!.params.value).toBe(`{"type":"Point","coordinates":${'['.repeat(19)}[…]${']'.repeat(19)}}`);
    expect(() => JSON.stringify(errors)).not.toThrow();
  });
});

describe('codes and key texts (DHIS2 caps codes at 50 characters; Denw indexes them)', () => {
  const errorsOf = (collection: Parameters<typeof parseMetadataObject>[0], raw: Record<string, unknown>) =>
    parseMetadataObject(collection, raw).errors.map((e) => [e.code, e.property, e.params.length]);

  it('accepts a 50-character code and refuses a 51-character one with E4001 on code', () => {
    expect(errorsOf('dataElements', { code: 'C'.repeat(50), name: 'Élément' })).toEqual([]);
    expect(errorsOf('dataElements', { code: 'C'.repeat(51), name: 'Élément' })).toEqual([['E4001', 'code', 51]]);
    expect(errorsOf('goals', { code: 'G'.repeat(51), name: 'But' })).toEqual([['E4001', 'code', 51]]);
    expect(errorsOf('population', { orgUnit: { code: 'ML' }, year: 2024, ageGroup: 'a'.repeat(51), sex: 'F', value: 1, source: 'RGPH' })).toEqual([
      ['E4001', 'ageGroup', 51],
    ]);
  });

  it("lets a generated option combo's code (its options' codes joined) and a source run to 500 characters", () => {
    const combo = { categoryCombo: { code: 'AGE_SEX' }, categoryOptions: [] };
    expect(errorsOf('categoryOptionCombos', { ...combo, code: 'C'.repeat(500) })).toEqual([]);
    expect(errorsOf('categoryOptionCombos', { ...combo, code: 'C'.repeat(501) })).toEqual([['E4001', 'code', 501]]);
    const observation = { resultIndicator: { code: 'RI' }, orgUnit: { code: 'ML' }, year: 2018, value: 1 };
    expect(errorsOf('observations', { ...observation, source: 's'.repeat(500) })).toEqual([]);
    expect(errorsOf('observations', { ...observation, source: 's'.repeat(501) })).toEqual([['E4001', 'source', 501]]);
  });
});
