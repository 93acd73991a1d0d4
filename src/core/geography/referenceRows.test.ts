import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv/csvReader.ts';
import { crosswalkRow, hierarchyRow, parseBoundaries, parseCsvRecords, ReferenceDataError } from './referenceRows.ts';

const HEADER = 'level,code,name,parent_code,name_ascii,iso3166_2,in_layout_8plus1,in_layout_cod2021,parent_code_cod2021';

function problemsOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof ReferenceDataError) return error.problems.map((p) => ({ code: p.code, ...p.params, field: p.field }));
    throw error;
  }
  throw new Error('expected a ReferenceDataError');
}

describe('parseCsvRecords', () => {
  it('reads rows by header name, keeping accents and the record number', () => {
    const rows = parseCsvRecords('h.csv', parseCsv(`${HEADER}\n1,ML04,Ségou,ML,Segou,ML-4,true,true,ML\n`), hierarchyRow);
    expect(rows).toEqual([
      {
        row: 2,
        level: 1,
        code: 'ML04',
        name: 'Ségou',
        parent_code: 'ML',
        name_ascii: 'Segou',
        iso3166_2: 'ML-4',
        in_layout_8plus1: true,
        in_layout_cod2021: true,
        parent_code_cod2021: 'ML',
      },
    ]);
  });

  it('reports every bad value with its file, record (header = 1) and field', () => {
    const text = `${HEADER}\n1,ML04,Ségou,ML,Segou,ML-4,true,true,ML\n4,ML4,,ML,Segou,,yes,true,ML\n`;
    expect(problemsOf(() => parseCsvRecords('h.csv', parseCsv(text), hierarchyRow))).toEqual([
      { code: 'REFERENCE_VALUE_INVALID', file: 'h.csv', row: 3, field: 'level', value: '4' },
      { code: 'REFERENCE_VALUE_INVALID', file: 'h.csv', row: 3, field: 'code', value: 'ML4' },
      { code: 'REFERENCE_VALUE_MISSING', file: 'h.csv', row: 3, field: 'name', value: '' },
      { code: 'REFERENCE_VALUE_INVALID', file: 'h.csv', row: 3, field: 'in_layout_8plus1', value: 'yes' },
    ]);
  });

  it('reports a missing column once, not on every row', () => {
    const text = 'level,code,name\n1,ML04,Ségou\n1,ML05,Mopti\n';
    const problems = problemsOf(() => parseCsvRecords('h.csv', parseCsv(text), hierarchyRow));
    expect(problems.map((p) => p.field)).toEqual(['parent_code', 'name_ascii', 'iso3166_2', 'in_layout_8plus1', 'in_layout_cod2021', 'parent_code_cod2021']);
    expect(problems.every((p) => p.code === 'REFERENCE_COLUMN_MISSING')).toBe(true);
  });

  it('reads the crosswalk list of 2017 cercles, marking the ones only partly in the region', () => {
    const text =
      'region_2023,old_cercle_codes_2017,pop_rgph5_2022_total,pop_source,pop_rgph5_2022_ordinary_households_T6_13\n' +
      'Bougouni,ML0301;ML0303;ML0306;ML0204(part: Ouélessébougou area),1570979,maliweb,1567533\n' +
      'Dioïla,ML0202,,not found,674419\n';
    const [bougouni, dioila] = parseCsvRecords('x.csv', parseCsv(text), crosswalkRow);
    expect(bougouni?.old_cercle_codes_2017).toEqual([
      { code: 'ML0301', part: false },
      { code: 'ML0303', part: false },
      { code: 'ML0306', part: false },
      { code: 'ML0204', part: true },
    ]);
    expect(dioila?.pop_rgph5_2022_total).toBeNull();
  });
});

describe('parseBoundaries', () => {
  const square = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 0],
  ];
  const feature = (coordinates: number[][][]) => ({
    type: 'Feature',
    properties: { code: 'ML0101', name: 'Bafoulabé' },
    geometry: { type: 'Polygon', coordinates },
  });

  it('accepts closed rings', () => {
    expect(parseBoundaries('c.geojson', { type: 'FeatureCollection', features: [feature([square])] })[0]?.row).toBe(1);
  });

  it('names the feature and the field of a ring that does not close', () => {
    const open = [...square.slice(0, 3), [0.5, 0.5]];
    expect(problemsOf(() => parseBoundaries('c.geojson', { type: 'FeatureCollection', features: [feature([square]), feature([open])] }))).toMatchObject([
      { code: 'REFERENCE_VALUE_INVALID', file: 'c.geojson', row: 2, field: 'geometry.coordinates.0' },
    ]);
  });

  it('rejects a document that is not a FeatureCollection', () => {
    expect(problemsOf(() => parseBoundaries('c.geojson', { type: 'Feature' }))).toMatchObject([{ code: 'REFERENCE_NOT_FEATURE_COLLECTION', file: 'c.geojson' }]);
  });
});
