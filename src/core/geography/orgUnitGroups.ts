// Organisation-unit groups and group sets shaped as in a DHIS2 metadata export
// (`organisationUnitGroups`, `organisationUnitGroupSets`), referenced by code. A group is usable
// in analytics as `OU_GROUP-<code>`; a group set with includeSubhierarchyInAnalytics counts the
// data of every unit below a member (facilities below a cercle), as DHIS2 does.
import { DenwError } from '../errors.ts';
import { HIERARCHY_FILE } from './maliOrgUnits.ts';
import type { OrganisationUnit, Ref, Translation } from './orgUnitTree.ts';
import { throwIfAny, type HierarchyRow, type Numbered } from './referenceRows.ts';

export interface OrganisationUnitGroup {
  code: string;
  name: string;
  shortName: string;
  description: string;
  translations: Translation[];
  organisationUnits: Ref[];
}

export interface OrganisationUnitGroupSet {
  code: string;
  name: string;
  shortName: string;
  description: string;
  compulsory: boolean;
  dataDimension: boolean;
  includeSubhierarchyInAnalytics: boolean;
  translations: Translation[];
  organisationUnitGroups: Ref[];
}

export const COD2021_PREFIX = 'COD2021_';

/**
 * One group per region of the OCHA COD-AB 2021 layout (10 regions: Ménaka ML10 separated from
 * Gao ML07), holding the cercles of the default tree that lie in it (mli_admin_hierarchy.csv
 * `parent_code_cod2021`). Selecting `OU_GROUP-COD2021_ML10` gives Ménaka as a region, and
 * `OU_GROUP-COD2021_ML07` Gao without Ménaka, on data entered in the 8+1 tree.
 */
export function codAb2021Groups(hierarchy: readonly Numbered<HierarchyRow>[], units: readonly OrganisationUnit[]): OrganisationUnitGroup[] {
  const inTree = new Set(units.map((unit) => unit.code));
  const regions = hierarchy.filter((row) => row.level === 1 && row.in_layout_cod2021);
  const regionCodes = new Set(regions.map((row) => row.code));
  const problems: DenwError[] = [];
  const cercles = hierarchy.flatMap((row) => {
    if (row.level !== 2 || !inTree.has(row.code)) return [];
    if (row.parent_code_cod2021 === null || !regionCodes.has(row.parent_code_cod2021)) {
      problems.push(
        new DenwError('REFERENCE_UNKNOWN_PARENT', { file: HIERARCHY_FILE, row: row.row, code: row.code, parent: row.parent_code_cod2021 ?? '' }, 'parent_code_cod2021'),
      );
      return [];
    }
    return [{ code: row.code, region: row.parent_code_cod2021 }];
  });
  throwIfAny(problems);

  return regions.map((region) => ({
    code: `${COD2021_PREFIX}${region.code}`,
    name: `${region.name} (COD-AB 2021)`,
    shortName: `${region.name} (COD-AB 2021)`,
    description: `Cercles de la région ${region.code} ${region.name} dans le découpage OCHA COD-AB 2021 à 10 régions (Ménaka séparée de Gao) ; source : ${HIERARCHY_FILE}, colonne parent_code_cod2021.`,
    translations: [
      {
        property: 'DESCRIPTION',
        locale: 'en',
        value: `Cercles of region ${region.code} ${region.name} in the 10-region OCHA COD-AB 2021 layout (Ménaka separated from Gao); source: ${HIERARCHY_FILE}, column parent_code_cod2021.`,
      },
    ],
    organisationUnits: cercles.filter((c) => c.region === region.code).map((c) => ({ code: c.code })),
  }));
}
