// Mali's reference metadata as one document shaped like a DHIS2 metadata export, plus Denw's
// own `population` collection. Pure: the files come in already read (loadMali.ts reads them).
import type { CsvRecord } from '../../core/csv/csvReader.ts';
import { cercles2009, cercles2022, CROSSWALK_FILE, POPULATION_FILE } from '../../core/geography/censusBase.ts';
import { CERCLES_FILE, HIERARCHY_FILE, maliOrgUnits, REGIONS_FILE } from '../../core/geography/maliOrgUnits.ts';
import { codAb2021Groups, type OrganisationUnitGroup, type OrganisationUnitGroupSet } from '../../core/geography/orgUnitGroups.ts';
import type { OrganisationUnit } from '../../core/geography/orgUnitTree.ts';
import { populationRows, type PopulationRow } from '../../core/geography/populationSeries.ts';
import { crosswalkRow, hierarchyRow, parseBoundaries, parseCsvRecords, populationRow } from '../../core/geography/referenceRows.ts';
import {
  attributes,
  LAST_POPULATION_YEAR,
  OPENING_DATE_UNKNOWN,
  organisationUnitGroups,
  organisationUnitGroupSets,
  organisationUnitLevels,
  type Attribute,
  type OrganisationUnitLevel,
} from './orgUnitMetadata.ts';

/** The data/mali files Denw reads: CSV files as records (header first), GeoJSON as parsed JSON. */
export interface MaliFiles {
  /** mli_admin_hierarchy.csv */
  hierarchy: readonly CsvRecord[];
  /** mli_population.csv */
  population: readonly CsvRecord[];
  /** mli_regions_2023_crosswalk.csv */
  crosswalk: readonly CsvRecord[];
  /** mli_adm1_regions_8plus1.geojson */
  regions: unknown;
  /** mli_adm2_cercles.geojson */
  cercles: unknown;
}

export interface MaliMetadata {
  attributes: Attribute[];
  organisationUnitLevels: OrganisationUnitLevel[];
  organisationUnits: OrganisationUnit[];
  organisationUnitGroups: OrganisationUnitGroup[];
  organisationUnitGroupSets: OrganisationUnitGroupSet[];
  population: PopulationRow[];
}

export const MALI_FILE_NAMES: Record<keyof MaliFiles, string> = {
  hierarchy: HIERARCHY_FILE,
  population: POPULATION_FILE,
  crosswalk: CROSSWALK_FILE,
  regions: REGIONS_FILE,
  cercles: CERCLES_FILE,
};

/**
 * Mali's org-unit tree (country → 9 regions → 50 cercles, the 8+1 layout), its levels, the
 * attributes its units carry, its org-unit groups and group sets, and the population table
 * 2009–LAST_POPULATION_YEAR. Throws a DenwError naming the file, record and field of the first
 * problems found in the files.
 */
export function maliMetadata(files: MaliFiles, lastYear = LAST_POPULATION_YEAR): MaliMetadata {
  const hierarchy = parseCsvRecords(HIERARCHY_FILE, files.hierarchy, hierarchyRow);
  const records = parseCsvRecords(POPULATION_FILE, files.population, populationRow);
  const crosswalk = parseCsvRecords(CROSSWALK_FILE, files.crosswalk, crosswalkRow);
  const regions = parseBoundaries(REGIONS_FILE, files.regions);
  const cercles = parseBoundaries(CERCLES_FILE, files.cercles);

  const units = maliOrgUnits({ hierarchy, regions, cercles }, OPENING_DATE_UNKNOWN);
  const cod2021 = codAb2021Groups(hierarchy, units);
  const base2009 = cercles2009(units, records);
  const base2022 = cercles2022(units, records, crosswalk, base2009);
  return {
    attributes,
    organisationUnitLevels,
    organisationUnits: units,
    organisationUnitGroups: [...cod2021, ...organisationUnitGroups],
    organisationUnitGroupSets: organisationUnitGroupSets(cod2021.map((group) => group.code)),
    population: populationRows({ units, records, base2009, base2022, lastYear }),
  };
}
