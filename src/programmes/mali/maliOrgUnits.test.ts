// Mali's org-unit tree, groups and levels as built from the shipped files in data/mali.
// Expected values are read from data/mali/README.md and mli_admin_hierarchy.csv.
import { describe, expect, it } from 'vitest';
import { DenwError } from '../../core/errors.ts';
import { loadMaliFiles } from './loadMali.ts';
import { maliMetadata, type MaliFiles } from './maliMetadata.ts';

const files = loadMaliFiles();
const metadata = maliMetadata(files);
const units = metadata.organisationUnits;
const byCode = new Map(units.map((u) => [u.code, u]));

describe('the default tree (8 régions + District de Bamako, 2017 cercles)', () => {
  it('has 1 country, 9 regions and 50 cercles (49 + District de Bamako) on DHIS2 levels 1–3', () => {
    expect(units.filter((u) => u.level === 1).map((u) => u.code)).toEqual(['ML']);
    expect(units.filter((u) => u.level === 2).map((u) => u.code)).toEqual(['ML01', 'ML02', 'ML03', 'ML04', 'ML05', 'ML06', 'ML07', 'ML08', 'ML09']);
    expect(units.filter((u) => u.level === 3)).toHaveLength(50);
    expect(units).toHaveLength(60);
  });

  it('counts the cercles of each region as the README sum-check table does', () => {
    const cercles = (region: string) => units.filter((u) => u.parent?.code === region).length;
    expect(['ML01', 'ML02', 'ML03', 'ML04', 'ML05', 'ML06', 'ML07', 'ML08', 'ML09'].map(cercles)).toEqual([7, 7, 7, 7, 8, 5, 4, 4, 1]);
  });

  it('puts every region under ML and every cercle under the region of its P-code, except Ménaka', () => {
    for (const unit of units.filter((u) => u.level === 2)) expect(unit.parent).toEqual({ code: 'ML' });
    for (const unit of units.filter((u) => u.level === 3 && u.code !== 'ML1001')) expect(unit.parent).toEqual({ code: unit.code.slice(0, 4) });
    // Ménaka keeps its COD-AB 2021 code ML1001 but is a cercle of Gao in the 8+1 layout.
    expect(byCode.get('ML1001')?.parent).toEqual({ code: 'ML07' });
    expect(byCode.get('ML1001')?.path).toBe('/ML/ML07/ML1001');
    expect(byCode.has('ML10')).toBe(false);
  });

  it("property: every unit's path is its ancestors' codes, root first, then its own", () => {
    for (const unit of units) {
      const chain: string[] = [];
      for (let u = byCode.get(unit.code); u; u = u.parent ? byCode.get(u.parent.code) : undefined) chain.unshift(u.code);
      expect(unit.path).toBe(`/${chain.join('/')}`);
      expect(unit.level).toBe(chain.length);
    }
  });

  it('keeps the French accents in names', () => {
    expect(byCode.get('ML04')?.name).toBe('Ségou');
    expect(byCode.get('ML1001')?.name).toBe('Ménaka');
    expect(byCode.get('ML0601')?.name).toBe('Diré');
    expect(byCode.get('ML0801')?.name).toBe('Abeïbara');
    expect(byCode.get('ML0104')?.name).toBe('Kéniéba');
    expect(byCode.get('ML09')?.name).toBe('District de Bamako');
  });

  it('gives every region and cercle its polygon, and the country none (no national polygon is shipped)', () => {
    for (const unit of units.filter((u) => u.level > 1)) expect(['Polygon', 'MultiPolygon'], unit.code).toContain(unit.geometry?.type);
    expect(byCode.get('ML')?.geometry).toBeUndefined();
    // First vertex of Bafoulabé in mli_adm2_cercles.geojson.
    expect(byCode.get('ML0101')?.geometry?.coordinates[0]?.[0]).toEqual([-10.19521, 14.60613]);
  });

  it('records the boundary version beside each code', () => {
    expect(byCode.get('ML')?.boundaryVersion).toBe('national');
    expect(byCode.get('ML07')?.boundaryVersion).toBe('8plus1');
    expect(byCode.get('ML1001')?.boundaryVersion).toBe('cercles2017');
  });

  it('carries the ASCII name on every unit and the ISO 3166-2 code on the country and regions', () => {
    expect(byCode.get('ML04')?.attributeValues).toEqual([
      { attribute: { code: 'NAME_ASCII' }, value: 'Segou' },
      { attribute: { code: 'ISO3166_2' }, value: 'ML-4' },
    ]);
    expect(byCode.get('ML09')?.attributeValues).toContainEqual({ attribute: { code: 'ISO3166_2' }, value: 'ML-BKO' });
    expect(byCode.get('ML0106')?.attributeValues).toEqual([{ attribute: { code: 'NAME_ASCII' }, value: 'Nioro' }]);
    const attributeCodes = new Set(metadata.attributes.map((a) => a.code));
    for (const unit of units) for (const value of unit.attributeValues) expect(attributeCodes).toContain(value.attribute.code);
  });

  it('uses the name as DHIS2 short name (at most 50 characters)', () => {
    for (const unit of units) expect(unit.shortName).toBe(unit.name);
  });
});

describe('levels and groups', () => {
  it('names the four levels in French with English translations', () => {
    expect(metadata.organisationUnitLevels.map((l) => [l.level, l.name, l.translations[0]?.value])).toEqual([
      [1, 'Pays', 'Country'],
      [2, 'Région', 'Region'],
      [3, 'Cercle', 'Cercle'],
      [4, 'Aire de santé', 'Health area'],
    ]);
  });

  const group = (code: string) => metadata.organisationUnitGroups.find((g) => g.code === code);
  const members = (code: string) => group(code)?.organisationUnits.map((m) => m.code);

  it('has the 10 regions of the COD-AB 2021 layout as groups of cercles: Ménaka apart from Gao', () => {
    const cod = metadata.organisationUnitGroups.filter((g) => g.code.startsWith('COD2021_'));
    expect(cod.map((g) => g.code)).toEqual(['ML01', 'ML02', 'ML03', 'ML04', 'ML05', 'ML06', 'ML07', 'ML08', 'ML09', 'ML10'].map((c) => `COD2021_${c}`));
    expect(members('COD2021_ML10')).toEqual(['ML1001']);
    expect(members('COD2021_ML07')).toEqual(['ML0701', 'ML0702', 'ML0703']);
    expect(group('COD2021_ML10')?.name).toBe('Ménaka (COD-AB 2021)');
    // Each of the 50 cercles is in exactly one COD-AB 2021 region.
    const all = cod.flatMap((g) => g.organisationUnits.map((m) => m.code)).sort();
    expect(all).toEqual(units.filter((u) => u.level === 3).map((u) => u.code).sort());
  });

  it('has the regions with schools closed by insecurity at the end of 2019 (Ménaka inside Gao)', () => {
    expect(members('INSECURITY_AFFECTED')).toEqual(['ML05', 'ML06', 'ML07', 'ML08']);
    expect(group('INSECURITY_AFFECTED')?.description).toContain('bamada.net');
  });

  it('refers only to units and groups that exist, and every short name fits DHIS2 (50 characters)', () => {
    const groupCodes = new Set(metadata.organisationUnitGroups.map((g) => g.code));
    for (const g of metadata.organisationUnitGroups) {
      expect(g.shortName.length).toBeLessThanOrEqual(50);
      for (const m of g.organisationUnits) expect(byCode.has(m.code), `${g.code} → ${m.code}`).toBe(true);
    }
    for (const set of metadata.organisationUnitGroupSets) for (const g of set.organisationUnitGroups) expect(groupCodes).toContain(g.code);
    expect(metadata.organisationUnitGroupSets.find((s) => s.code === 'COD2021_REGIONS')?.organisationUnitGroups).toHaveLength(10);
  });
});

describe('bad files', () => {
  const failure = (changed: Partial<MaliFiles>) => {
    try {
      maliMetadata({ ...files, ...changed });
    } catch (error) {
      if (error instanceof DenwError) return { ...error.params, error: error.code, field: error.field };
    }
    throw new Error('expected a DenwError');
  };
  const withHierarchyRow = (code: string, change: (fields: string[]) => string[]) =>
    files.hierarchy.map((record) => (record.fields[1] === code ? { ...record, fields: change([...record.fields]) } : record));

  it('a cercle whose parent is not a unit is named with its record and field', () => {
    const hierarchy = withHierarchyRow('ML0406', (f) => f.map((v, i) => (i === 3 ? 'ML11' : v)));
    expect(failure({ hierarchy })).toMatchObject({ error: 'REFERENCE_UNKNOWN_PARENT', file: 'mli_admin_hierarchy.csv', row: 39, field: 'parent_code', parent: 'ML11' });
  });

  it('a cercle without a polygon is named', () => {
    const cercles = structuredClone(files.cercles) as { features: { properties: { code: string } }[] };
    cercles.features = cercles.features.filter((f) => f.properties.code !== 'ML0601');
    expect(failure({ cercles })).toMatchObject({ error: 'REFERENCE_MISSING_GEOMETRY', file: 'mli_adm2_cercles.geojson', code: 'ML0601' });
  });

  it('a polygon whose name disagrees with the hierarchy is named with its feature number', () => {
    const regions = structuredClone(files.regions) as { features: { properties: { name: string } }[] };
    const first = regions.features[0];
    if (first) first.properties.name = 'Kayes region';
    expect(failure({ regions })).toMatchObject({ error: 'REFERENCE_BOUNDARY_MISMATCH', file: 'mli_adm1_regions_8plus1.geojson', row: 1, field: 'name' });
  });
});
