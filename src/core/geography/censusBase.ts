// Cercle populations at the two censuses Denw builds on, RGPH 2009 and RGPH5 2022, in the 2017
// cercle frame of the default tree. Regions and the country are sums of their cercles, so every
// level agrees with the levels below it. Method and caveats: data/mali/README.md,
// "Population in Denw".
import { DenwError } from '../errors.ts';
import { apportion } from './apportion.ts';
import { leafCodes, type OrganisationUnit } from './orgUnitTree.ts';
import { throwIfAny, type CrosswalkRecord, type Numbered, type PopulationRecord } from './referenceRows.ts';

export const POPULATION_FILE = 'mli_population.csv';
export const CROSSWALK_FILE = 'mli_regions_2023_crosswalk.csv';
const METHOD = 'data/mali/README.md, "Population in Denw"';

/** A population figure and where it comes from. */
export interface Sourced {
  value: number;
  source: string;
}

/** The one record of `measure` for `unitCode` in census `census`, or an error naming it. */
export function censusRecord(
  records: readonly PopulationRecord[],
  census: string,
  measure: string,
  unitCode: string | null,
  layout: string,
): PopulationRecord {
  const found = records.find((r) => r.census === census && r.measure === measure && r.unit_code === unitCode && r.layout === layout);
  if (!found) throw new DenwError('REFERENCE_CENSUS_MISSING', { file: POPULATION_FILE, census, measure, code: unitCode ?? layout }, 'value');
  return found;
}

/**
 * RGPH 2009 by cercle. INSTAT's definitive results are public by region only; by cercle only
 * the provisional results are (README, "Cercle populations"). Each region's definitive total is
 * therefore shared among its cercles in proportion to their provisional figures (the README's
 * own advice: "use them as cercle shares of the regional total"); the shift is under 1 % in
 * every region (README sum-check table) and Bamako ML0901, alone in its region, keeps its
 * definitive 1 810 366.
 */
export function cercles2009(units: readonly OrganisationUnit[], records: readonly PopulationRecord[]): Map<string, Sourced> {
  const result = new Map<string, Sourced>();
  const problems: DenwError[] = [];
  for (const region of units.filter((unit) => unit.level === 2)) {
    const cercles = units.filter((unit) => unit.parent?.code === region.code);
    try {
      const total = censusRecord(records, 'RGPH 2009', 'population_total', region.code, '8plus1');
      const provisional = cercles.map((c) => censusRecord(records, 'RGPH 2009 (provisional)', 'population_total_provisional', c.code, 'cercles2017'));
      const parts = apportion(total.value, provisional.map((p) => p.value));
      cercles.forEach((cercle, i) =>
        result.set(cercle.code, {
          value: parts[i] ?? 0,
          source: `RGPH 2009 (INSTAT): definitive total of region ${region.code} (${total.value}) shared among its cercles in proportion to the provisional cercle results (${provisional[i]?.source}); ${METHOD}`,
        }),
      );
    } catch (error) {
      if (!(error instanceof DenwError)) throw error;
      problems.push(error);
    }
  }
  throwIfAny(problems);
  return result;
}

/** A group of 2023 regions and the 2017 cercles they cover, closed under shared cercles. */
interface Block {
  regions: RegionTotal[];
  cercles: string[];
}

/**
 * RGPH5 2022 by 2017 cercle. RGPH5 results are public by 2023 region only (19 regions + Bamako).
 * The crosswalk names the 2017 cercles each 2023 region was carved from; where a cercle was
 * split ("(part)": Kati between Bamako, Koulikoro and Bougouni; Goundam and Tombouctou between
 * Tombouctou and Taoudénit) the regions sharing it are pooled into one block. Each block's
 * census total is then shared among its cercles in proportion to their 2009 population.
 * The totals of Dioïla and Douentza were not found; their sum is the national total minus the
 * 18 published regions (846 155 in the README) and it is split between them in proportion to
 * their ordinary-household population (INSTAT RGPH5 Tableau 6.13), the only 2022 figure
 * published for each. Where the file publishes a cercle's own 2022 total (Ménaka, Nara) the
 * estimate must equal it.
 */
export function cercles2022(
  units: readonly OrganisationUnit[],
  records: readonly PopulationRecord[],
  crosswalk: readonly Numbered<CrosswalkRecord>[],
  base2009: ReadonlyMap<string, Sourced>,
): Map<string, Sourced> {
  const national = censusRecord(records, 'RGPH5 2022', 'population_total', 'ML', 'national');
  const cercleCodes = new Set(leafCodes(units));
  const problems: DenwError[] = [];
  for (const region of crosswalk) {
    for (const { code } of region.old_cercle_codes_2017) {
      if (!cercleCodes.has(code)) problems.push(new DenwError('REFERENCE_CROSSWALK_UNKNOWN_CERCLE', { file: CROSSWALK_FILE, row: region.row, code }, 'old_cercle_codes_2017'));
    }
  }
  const covered = new Set(crosswalk.flatMap((region) => region.old_cercle_codes_2017.map((c) => c.code)));
  for (const code of cercleCodes) {
    if (!covered.has(code)) problems.push(new DenwError('REFERENCE_CROSSWALK_CERCLE_NOT_COVERED', { file: CROSSWALK_FILE, code }, 'old_cercle_codes_2017'));
  }
  throwIfAny(problems);

  const totals = regionTotals2022(crosswalk, national.value);
  const result = new Map<string, Sourced>();
  for (const block of blocks(crosswalk, totals)) {
    const blockTotal = block.regions.reduce((sum, r) => sum + r.total, 0);
    const parts = apportion(blockTotal, block.cercles.map((code) => base2009.get(code)?.value ?? 0));
    const names = block.regions.map((r) => r.name).join(' + ');
    const derived = block.regions.filter((r) => r.derived).map((r) => r.name);
    const derivation = derived.length
      ? ` (${derived.join(', ')}: unpublished, national total minus the published regions, shared by ordinary-household population, RGPH5 Tableau 6.13)`
      : '';
    block.cercles.forEach((code, i) => {
      const value = parts[i] ?? 0;
      const published = records.find((r) => r.census === 'RGPH5 2022' && r.layout === 'cercles2017' && r.unit_code === code);
      if (published && published.value !== value) {
        throw new DenwError('REFERENCE_ESTIMATE_DISAGREES', { file: POPULATION_FILE, code, published: published.value, estimate: value }, 'value');
      }
      const estimate =
        block.cercles.length === 1
          ? `the 2017 cercle ${code} is the 2023 region ${names} (${blockTotal}, ${CROSSWALK_FILE})${derivation}`
          : `total of the 2023 region${block.regions.length > 1 ? 's' : ''} ${names} (${blockTotal}, ${CROSSWALK_FILE})${derivation} shared among the 2017 cercles ${block.cercles.join(', ')} in proportion to RGPH 2009`;
      const source = published ? `RGPH5 2022 (INSTAT): ${published.source}` : `Denw estimate from RGPH5 2022 (INSTAT): ${estimate}; ${METHOD}`;
      result.set(code, { value, source });
    });
  }
  return result;
}

/** A 2023 region's RGPH5 total; `derived` when it was not published (see cercles2022). */
interface RegionTotal {
  name: string;
  total: number;
  derived: boolean;
}

/** Each 2023 region's RGPH5 total; the unpublished ones share the national remainder. */
function regionTotals2022(crosswalk: readonly CrosswalkRecord[], national: number): Map<string, RegionTotal> {
  const totals = new Map<string, RegionTotal>();
  const unknown = crosswalk.filter((r) => r.pop_rgph5_2022_total === null);
  for (const r of crosswalk) {
    if (r.pop_rgph5_2022_total !== null) totals.set(r.region_2023, { name: r.region_2023, total: r.pop_rgph5_2022_total, derived: false });
  }
  const known = [...totals.values()].reduce((sum, r) => sum + r.total, 0);
  if (unknown.length > 0) {
    if (known >= national) throw new DenwError('REFERENCE_CROSSWALK_TOTAL_EXCEEDS_NATIONAL', { file: CROSSWALK_FILE, known, national }, 'pop_rgph5_2022_total');
    const parts = apportion(national - known, unknown.map((r) => r.pop_rgph5_2022_ordinary_households_T6_13));
    unknown.forEach((r, i) => totals.set(r.region_2023, { name: r.region_2023, total: parts[i] ?? 0, derived: true }));
  }
  return totals;
}

/** Pools 2023 regions that share a 2017 cercle (union-find over cercle codes). */
function blocks(crosswalk: readonly CrosswalkRecord[], totals: ReadonlyMap<string, RegionTotal>): Block[] {
  const root = new Map<string, string>();
  const find = (code: string): string => {
    let top = code;
    while (root.get(top) !== top) top = root.get(top) ?? top;
    return top;
  };
  for (const region of crosswalk) {
    const [first, ...rest] = region.old_cercle_codes_2017.map((c) => c.code);
    if (first === undefined) continue;
    if (!root.has(first)) root.set(first, first);
    for (const code of rest) {
      if (!root.has(code)) root.set(code, code);
      root.set(find(code), find(first));
    }
  }
  const byRoot = new Map<string, Block>();
  for (const region of crosswalk) {
    const key = find(region.old_cercle_codes_2017[0]?.code ?? '');
    const block = byRoot.get(key) ?? { regions: [], cercles: [] };
    block.regions.push(totals.get(region.region_2023) ?? { name: region.region_2023, total: 0, derived: true });
    for (const { code } of region.old_cercle_codes_2017) if (!block.cercles.includes(code)) block.cercles.push(code);
    byRoot.set(key, block);
  }
  return [...byRoot.values()].map((block) => ({ ...block, cercles: block.cercles.sort() }));
}
