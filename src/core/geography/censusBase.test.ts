// The census-base method on a tree small enough to work by hand: country X, region R1 with
// cercles A and B, region R2 with cercles C and D.
import { describe, expect, it } from 'vitest';
import { cercles2009, cercles2022 } from './censusBase.ts';
import { buildOrgUnitTree, type OrgUnitSource } from './orgUnitTree.ts';
import { ReferenceDataError, type CrosswalkRecord, type Numbered, type PopulationRecord } from './referenceRows.ts';

const unit = (code: string, parentCode: string | null): OrgUnitSource => ({ row: 1, code, name: code, parentCode, boundaryVersion: 't', attributeValues: [] });
const units = buildOrgUnitTree('t.csv', [unit('X', null), unit('R1', 'X'), unit('R2', 'X'), unit('A', 'R1'), unit('B', 'R1'), unit('C', 'R2'), unit('D', 'R2')], '1900-01-01');

const record = (census: string, layout: string, unit_code: string, measure: string, value: number): PopulationRecord => ({
  census,
  reference_date: census.includes('2022') ? '2022' : '2009-04-01',
  layout,
  unit_code,
  unit_name: unit_code,
  measure,
  value,
  unit: 'persons',
  source: `source of ${unit_code}`,
});
const records = [
  record('RGPH 2009', '8plus1', 'R1', 'population_total', 1000),
  record('RGPH 2009', '8plus1', 'R2', 'population_total', 500),
  record('RGPH 2009 (provisional)', 'cercles2017', 'A', 'population_total_provisional', 590),
  record('RGPH 2009 (provisional)', 'cercles2017', 'B', 'population_total_provisional', 400),
  record('RGPH 2009 (provisional)', 'cercles2017', 'C', 'population_total_provisional', 200),
  record('RGPH 2009 (provisional)', 'cercles2017', 'D', 'population_total_provisional', 310),
  record('RGPH5 2022', 'national', 'ML', 'population_total', 2000),
];

const region = (row: number, name: string, cercles: string, total: number | null, households: number): Numbered<CrosswalkRecord> => ({
  row,
  region_2023: name,
  old_cercle_codes_2017: cercles.split(';').map((c) => ({ code: c.slice(0, 1), part: c.includes('(part)') })),
  pop_rgph5_2022_total: total,
  pop_source: 'test',
  pop_rgph5_2022_ordinary_households_T6_13: households,
});
// P and Q share cercle B, so they are pooled; R and S have no published total.
const crosswalk = [region(2, 'P', 'A;B(part)', 700, 690), region(3, 'Q', 'B(part)', 300, 290), region(4, 'R', 'C', null, 300), region(5, 'S', 'D', null, 100)];

describe('cercles2009', () => {
  it("shares each region's definitive total in proportion to the provisional cercle results", () => {
    const base = cercles2009(units, records);
    // R1: 1000 × 590/990 = 595.96 → 596, 1000 × 400/990 = 404.04 → 404.
    // R2: 500 × 200/510 = 196.08 → 196, 500 × 310/510 = 303.92 → 304 (largest remainder).
    expect(Object.fromEntries([...base].map(([code, s]) => [code, s.value]))).toEqual({ A: 596, B: 404, C: 196, D: 304 });
  });

  it('names the missing census value', () => {
    expect(() => cercles2009(units, records.filter((r) => r.unit_code !== 'C'))).toThrow(ReferenceDataError);
  });
});

describe('cercles2022', () => {
  const base2009 = cercles2009(units, records);

  it('pools the 2023 regions that share a cercle and splits the pool by 2009 population', () => {
    const base = cercles2022(units, records, crosswalk, base2009);
    // Pool P + Q = 1000 over A (596) and B (404) in 2009: 596 and 404.
    expect(base.get('A')?.value).toBe(596);
    expect(base.get('B')?.value).toBe(404);
    expect(base.get('A')?.source).toContain('P + Q');
  });

  it('gives the unpublished regions the national remainder in proportion to ordinary households', () => {
    const base = cercles2022(units, records, crosswalk, base2009);
    // 2000 − (700 + 300) = 1000, split 300 : 100 → 750 and 250.
    expect(base.get('C')?.value).toBe(750);
    expect(base.get('D')?.value).toBe(250);
    expect(base.get('C')?.source).toContain('unpublished');
  });

  it('rejects a crosswalk that names a cercle outside the tree, or leaves one out', () => {
    const unknown = [...crosswalk.slice(0, 3), region(5, 'S', 'E', null, 100)];
    try {
      cercles2022(units, records, unknown, base2009);
      expect.unreachable();
    } catch (error) {
      expect((error as ReferenceDataError).problems.map((p) => [p.code, p.params.code])).toEqual([
        ['REFERENCE_CROSSWALK_UNKNOWN_CERCLE', 'E'],
        ['REFERENCE_CROSSWALK_CERCLE_NOT_COVERED', 'D'],
      ]);
    }
  });

  it('refuses published regions that add up to more than the national total', () => {
    const tooBig = [region(2, 'P', 'A;B(part)', 1900, 690), region(3, 'Q', 'B(part)', 300, 290), ...crosswalk.slice(2)];
    expect(() => cercles2022(units, records, tooBig, base2009)).toThrow(/REFERENCE_CROSSWALK_TOTAL_EXCEEDS_NATIONAL/);
  });
});
