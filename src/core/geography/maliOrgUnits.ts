// Mali's default org-unit tree from data/mali: country ML (level 1) → 9 regions of the
// "8 régions + District de Bamako" layout (level 2) → 50 cercles of the 2017 DNCT/DNP lines
// (level 3; 49 cercles + District de Bamako ML0901). Health areas (facilities) go at level 4.
//
// Why this layout is the default: it is the frame of DHS (EDSM-VI 2018), MICS and RGPH 2009,
// and the only one whose every unit has a polygon and a census population; the cercle lines
// nest in it exactly (regions are dissolved from cercles). The former Ménaka cercle keeps its
// COD-AB 2021 code ML1001 under Gao ML07, as in mli_admin_hierarchy.csv `parent_code`. The
// COD-AB 2021 10-region layout (Ménaka ML10 separate) is offered as org-unit groups
// (orgUnitGroups.ts); the 2023 frame (19 regions + Bamako) has no polygons and no codes.
// Source of every choice: data/mali/README.md ("Which administrative reform…", "Code scheme").
import { DenwError } from '../errors.ts';
import { buildOrgUnitTree, type OrganisationUnit, type OrgUnitSource } from './orgUnitTree.ts';
import { throwIfAny, type BoundaryFeature, type Geometry, type HierarchyRow, type Numbered } from './referenceRows.ts';

export const HIERARCHY_FILE = 'mli_admin_hierarchy.csv';
export const REGIONS_FILE = 'mli_adm1_regions_8plus1.geojson';
export const CERCLES_FILE = 'mli_adm2_cercles.geojson';

/**
 * Boundary version of each level, beside each code (DESIGN.md: Mali reorganised its regions in
 * 2016 and 2023 and reused codes). The names are the `layout` values of mli_population.csv, so
 * that a population row joins the unit of the same boundary set.
 */
export const BOUNDARY_VERSION_BY_LEVEL: Readonly<Record<number, string>> = {
  1: 'national',
  2: '8plus1',
  3: 'cercles2017',
};

/** Codes of the DHIS2 attributes carried by each unit (defined in src/programmes/mali). */
export const NAME_ASCII = 'NAME_ASCII';
export const ISO3166_2 = 'ISO3166_2';

export interface MaliBoundaries {
  hierarchy: readonly Numbered<HierarchyRow>[];
  regions: readonly Numbered<BoundaryFeature>[];
  cercles: readonly Numbered<BoundaryFeature>[];
}

/**
 * The 60 units of the default tree, with geometry for every region and cercle (there is no
 * country polygon in data/mali; maps draw the regions). Checks that each boundary file agrees
 * with the hierarchy: same codes, same names, and the cercle's region is its parent; and that
 * the file's own level column agrees with the depth of the tree.
 */
export function maliOrgUnits(boundaries: MaliBoundaries, openingDate: string): OrganisationUnit[] {
  const inTree = boundaries.hierarchy.filter((row) => row.in_layout_8plus1);
  const hierarchyByCode = new Map(inTree.map((row) => [row.code, row]));
  const units = buildOrgUnitTree(
    HIERARCHY_FILE,
    inTree.map(
      (row): OrgUnitSource => ({
        row: row.row,
        code: row.code,
        name: row.name,
        parentCode: row.parent_code,
        boundaryVersion: BOUNDARY_VERSION_BY_LEVEL[row.level + 1] ?? '',
        attributeValues: [
          { attribute: { code: NAME_ASCII }, value: row.name_ascii },
          ...(row.iso3166_2 ? [{ attribute: { code: ISO3166_2 }, value: row.iso3166_2 }] : []),
        ],
      }),
    ),
    openingDate,
  );
  throwIfAny(
    units.flatMap((unit) => {
      const row = hierarchyByCode.get(unit.code);
      return row && row.level + 1 !== unit.level
        ? [new DenwError('REFERENCE_LEVEL_MISMATCH', { file: HIERARCHY_FILE, row: row.row, code: unit.code, level: row.level }, 'level')]
        : [];
    }),
  );

  const geometryByCode = new Map<string, Geometry>();
  const problems: DenwError[] = [];
  const checkFeatures = (file: string, features: readonly Numbered<BoundaryFeature>[], level: number) => {
    for (const { row: record, properties, geometry } of features) {
      const { code, name, adm1_code } = properties;
      const row = hierarchyByCode.get(code);
      const mismatch = (field: string, value: string) =>
        problems.push(new DenwError('REFERENCE_BOUNDARY_MISMATCH', { file, row: record, field, code, value }, field));
      if (!row || row.level !== level) mismatch('code', code);
      else if (row.name !== name) mismatch('name', name);
      else if (adm1_code !== undefined && adm1_code !== row.parent_code) mismatch('adm1_code', adm1_code);
      else geometryByCode.set(code, geometry);
    }
  };
  checkFeatures(REGIONS_FILE, boundaries.regions, 1);
  checkFeatures(CERCLES_FILE, boundaries.cercles, 2);
  for (const unit of units) {
    if (unit.level > 1 && !geometryByCode.has(unit.code)) {
      problems.push(new DenwError('REFERENCE_MISSING_GEOMETRY', { file: unit.level === 2 ? REGIONS_FILE : CERCLES_FILE, code: unit.code }, 'geometry'));
    }
  }
  throwIfAny(problems);
  return units.map((unit) => {
    const geometry = geometryByCode.get(unit.code);
    return geometry ? { ...unit, geometry } : unit;
  });
}
