// Denw's `population` collection for Mali: org unit × year × age group × sex → value, each row
// with its source. Everything is computed per cercle and summed up the tree, so that a region
// always equals the sum of its cercles and the country the sum of its regions.
//
//  - total, census years: RGPH 2009 and RGPH5 2022 by cercle (censusBase.ts);
//  - total, 2010–2021: geometric interpolation between a cercle's two census values;
//  - total, after 2022: the 2022 value × (1 + r)^(year − 2022), r = 3.3 % a year, the annual
//    growth rate published with the RGPH5 results (mli_population.csv, maliactu.net);
//  - under 5 (0–4 years): total × UN WPP 2024 share of ages 0–4 (2020: 18.12 %, 2025: 17.24 %),
//    interpolated linearly between the two, the 2025 share kept after 2025, none before 2020;
//  - live births: total × UN WPP 2024 crude birth rate (2009, 2018, 2022–2026), interpolated
//    linearly between published years, the 2026 rate kept after 2026. The README asks for
//    this: apply WPP's rate to the census-based population, not WPP's own birth counts.
// National rates are applied to every cercle: no sub-national rate was found. 0–11 months is
// left out: no infant mortality rate or surviving-infant convention was found (README,
// "Population: definitions and caveats"). Years count whole calendar years from the census.
import { DenwError } from '../errors.ts';
import { censusRecord, POPULATION_FILE, type Sourced } from './censusBase.ts';
import { leafCodes, sumUpTree, type OrganisationUnit, type Ref } from './orgUnitTree.ts';
import type { PopulationRecord } from './referenceRows.ts';

export type AgeGroup = 'total' | '0-4y' | 'births';
/** 'T' both sexes, 'F' female, 'M' male (the store's `population.sex`). */
export type Sex = 'T' | 'F' | 'M';

export interface PopulationRow {
  orgUnit: Ref;
  year: number;
  ageGroup: AgeGroup;
  sex: Sex;
  value: number;
  source: string;
}

const CENSUS_2009 = 2009;
const CENSUS_2022 = 2022;
const METHOD = 'data/mali/README.md, "Population in Denw"';

export interface PopulationInputs {
  units: readonly OrganisationUnit[];
  records: readonly PopulationRecord[];
  base2009: ReadonlyMap<string, Sourced>;
  base2022: ReadonlyMap<string, Sourced>;
  /** Last year projected (inclusive). */
  lastYear: number;
}

export function populationRows({ units, records, base2009, base2022, lastYear }: PopulationInputs): PopulationRow[] {
  const growth = censusRecord(records, 'RGPH5 2022', 'annual_growth_rate', 'ML', 'national');
  const under5 = ratePoints(records, 'share_under_5_years');
  const birthRate = ratePoints(records, 'crude_birth_rate');
  const cercles = leafCodes(units);
  const rows: PopulationRow[] = [];

  for (let year = CENSUS_2009; year <= lastYear; year += 1) {
    const totals = new Map<string, Sourced>();
    for (const code of cercles) totals.set(code, cercleTotal(code, year, base2009, base2022, growth));
    rows.push(...withSums(units, 'total', year, totals, census(records, year)));

    const share = rateFor(under5, year);
    if (share) rows.push(...withSums(units, '0-4y', year, scaled(totals, share.value / 100, `under-5 share ${share.value.toFixed(3)} % (${share.note})`)));
    const rate = rateFor(birthRate, year);
    if (rate) rows.push(...withSums(units, 'births', year, scaled(totals, rate.value / 1000, `crude birth rate ${rate.value.toFixed(3)} ‰ (${rate.note})`)));
  }
  const women = censusRecord(records, 'RGPH5 2022', 'women_total', 'ML', 'national');
  rows.push({ orgUnit: { code: 'ML' }, year: CENSUS_2022, ageGroup: 'total', sex: 'F', value: women.value, source: `RGPH5 2022 (INSTAT): ${women.source}` });
  return rows;
}

function cercleTotal(code: string, year: number, base2009: ReadonlyMap<string, Sourced>, base2022: ReadonlyMap<string, Sourced>, growth: PopulationRecord): Sourced {
  const at2009 = base2009.get(code) ?? { value: 0, source: '' };
  const at2022 = base2022.get(code) ?? { value: 0, source: '' };
  if (year === CENSUS_2009) return at2009;
  if (year === CENSUS_2022) return at2022;
  if (year < CENSUS_2022) {
    const fraction = (year - CENSUS_2009) / (CENSUS_2022 - CENSUS_2009);
    return {
      value: Math.round(at2009.value * (at2022.value / at2009.value) ** fraction),
      source: `Denw interpolation, geometric between the cercle's RGPH 2009 (${at2009.value}) and RGPH5 2022 (${at2022.value}) values; ${METHOD}`,
    };
  }
  const years = year - CENSUS_2022;
  return {
    value: Math.round(at2022.value * (1 + growth.value / 100) ** years),
    source: `Denw projection: RGPH5 2022 value ${at2022.value} × (1 + ${growth.value} %)^${years}, growth rate from RGPH5 (${growth.source}); ${METHOD}`,
  };
}

/** Census records that a sum of cercles must reproduce to carry the census's own source. */
function census(records: readonly PopulationRecord[], year: number): PopulationRecord[] {
  return records.filter(
    (r) =>
      r.reference_date.startsWith(String(year)) &&
      r.measure === 'population_total' &&
      ((r.census === 'RGPH 2009' && (r.layout === '8plus1' || r.layout === 'national')) || (r.census === 'RGPH5 2022' && r.layout === 'national')),
  );
}

/** The cercle rows and, for every region and the country, the sum of its cercles. */
function withSums(
  units: readonly OrganisationUnit[],
  ageGroup: AgeGroup,
  year: number,
  cercles: ReadonlyMap<string, Sourced>,
  censusRecords: readonly PopulationRecord[] = [],
): PopulationRow[] {
  const sums = sumUpTree(units, new Map([...cercles].map(([code, s]) => [code, s.value])));
  return units.flatMap((unit): PopulationRow[] => {
    const value = sums.get(unit.code);
    if (value === undefined) return [];
    const own = cercles.get(unit.code);
    const published = censusRecords.find((r) => r.unit_code === unit.code && r.value === value);
    const source = own
      ? own.source
      : published
        ? `${published.census} (INSTAT): ${published.source}`
        : `Denw: sum of the cercle values of ${unit.code} (${ageGroup}, ${year}); ${METHOD}`;
    return [{ orgUnit: { code: unit.code }, year, ageGroup, sex: 'T', value, source }];
  });
}

function scaled(totals: ReadonlyMap<string, Sourced>, factor: number, what: string): Map<string, Sourced> {
  return new Map(
    [...totals].map(([code, total]) => [code, { value: Math.round(total.value * factor), source: `Denw: total population ${total.value} × ${what}; ${METHOD}` }]),
  );
}

interface RatePoint {
  year: number;
  value: number;
  source: string;
}

/** The national UN WPP 2024 series of `measure`, by year. */
function ratePoints(records: readonly PopulationRecord[], measure: string): RatePoint[] {
  const points = records
    .filter((r) => r.census === 'UN WPP 2024' && r.measure === measure && r.layout === 'national')
    .map((r) => ({ year: Number(r.reference_date.slice(0, 4)), value: r.value, source: r.source }))
    .sort((a, b) => a.year - b.year);
  if (points.length === 0) throw new DenwError('REFERENCE_CENSUS_MISSING', { file: POPULATION_FILE, census: 'UN WPP 2024', measure, code: 'ML' }, 'value');
  return points;
}

/** Linear interpolation between published years; the last value kept after; nothing before. */
function rateFor(points: readonly RatePoint[], year: number): { value: number; note: string } | undefined {
  const after = points.findIndex((p) => p.year >= year);
  const next = points[after];
  const previous = points[after - 1];
  const last = points.at(-1);
  if (next?.year === year) return { value: next.value, note: `UN WPP 2024, ${year}: ${next.source}` };
  if (next && previous) {
    const value = previous.value + ((next.value - previous.value) * (year - previous.year)) / (next.year - previous.year);
    return { value, note: `UN WPP 2024, interpolated between ${previous.year} and ${next.year}: ${next.source}` };
  }
  if (after === -1 && last) return { value: last.value, note: `UN WPP 2024, ${last.year} value kept: ${last.source}` };
  return undefined;
}
