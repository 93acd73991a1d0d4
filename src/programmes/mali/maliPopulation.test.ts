// Mali's population table against the published figures: the sum-check table and the census
// totals of data/mali/README.md, the RGPH5 2022 figures of the 2023 regions
// (mli_regions_2023_crosswalk.csv), and the rates of mli_population.csv. Expected numbers are
// the published ones, or sums of published ones written out here.
import { describe, expect, it } from 'vitest';
import { censusRecord } from '../../core/geography/censusBase.ts';
import { parseCsvRecords, populationRow } from '../../core/geography/referenceRows.ts';
import { loadMaliFiles } from './loadMali.ts';
import { maliMetadata } from './maliMetadata.ts';

const files = loadMaliFiles();
const { organisationUnits: units, population } = maliMetadata(files);
const records = parseCsvRecords('mli_population.csv', files.population, populationRow);
const value = (code: string, year: number, ageGroup = 'total', sex = 'T') =>
  population.find((r) => r.orgUnit.code === code && r.year === year && r.ageGroup === ageGroup && r.sex === sex)?.value;
const regions = units.filter((u) => u.level === 2).map((u) => u.code);
const cerclesOf = (region: string) => units.filter((u) => u.parent?.code === region).map((u) => u.code);

// README, "Cercle populations", sum-check table: Σ cercles 2009 (provisional) and region 2009 (definitive).
const sumCheck: Record<string, [provisional: number, definitive: number]> = {
  ML01: [1_996_812, 1_993_615],
  ML02: [2_418_305, 2_422_108],
  ML03: [2_625_919, 2_643_179],
  ML04: [2_336_255, 2_338_349],
  ML05: [2_037_330, 2_036_209],
  ML06: [681_691, 674_793],
  ML07: [544_120, 542_304],
  ML08: [67_638, 67_739],
  ML09: [1_809_106, 1_810_366],
};

describe('RGPH 2009', () => {
  it("the file's provisional cercle figures add up to the README's sum-check column", () => {
    for (const [region, [provisional]] of Object.entries(sumCheck)) {
      const sum = cerclesOf(region).reduce((s, c) => s + censusRecord(records, 'RGPH 2009 (provisional)', 'population_total_provisional', c, 'cercles2017').value, 0);
      expect(sum, region).toBe(provisional);
    }
  });

  it('each region is its definitive census total, and its cercles add up to it', () => {
    for (const [region, [, definitive]] of Object.entries(sumCheck)) {
      expect(value(region, 2009), region).toBe(definitive);
      expect(cerclesOf(region).reduce((s, c) => s + (value(c, 2009) ?? 0), 0), region).toBe(definitive);
    }
  });

  it('Mali is 14 528 662 and Bamako keeps its definitive 1 810 366', () => {
    expect(value('ML', 2009)).toBe(14_528_662);
    expect(value('ML0901', 2009)).toBe(1_810_366);
  });
});

describe('RGPH5 2022', () => {
  it('Mali is 22 395 489, with 11 138 934 women', () => {
    expect(value('ML', 2022)).toBe(22_395_489);
    expect(value('ML', 2022, 'total', 'F')).toBe(11_138_934);
  });

  it('the cercles published on their own keep their census value: Ménaka 318 876, Nara 307 777', () => {
    expect(value('ML1001', 2022)).toBe(318_876);
    expect(value('ML0207', 2022)).toBe(307_777);
  });

  it('an 8+1 region that is a union of whole 2023 regions is the sum of their published totals', () => {
    expect(value('ML01', 2022)).toBe(1_840_329 + 678_061 + 681_671); // Kayes + Nioro + Kita
    expect(value('ML04', 2022)).toBe(2_455_263 + 820_807); // Ségou + San
    expect(value('ML06', 2022)).toBe(974_278 + 100_358); // Tombouctou + Taoudénit
    expect(value('ML07', 2022)).toBe(727_517 + 318_876); // Gao + Ménaka
    expect(value('ML08', 2022)).toBe(83_192); // Kidal
  });

  it('Dioïla and Douentza share the 846 155 the README derives for them', () => {
    expect((value('ML0202', 2022) ?? 0) + (value('ML0504', 2022) ?? 0)).toBe(846_155);
  });
});

describe('every year and age group', () => {
  const keys = [...new Set(population.filter((r) => r.sex === 'T').map((r) => `${r.year}|${r.ageGroup}`))];

  it('a region is the sum of its cercles and Mali the sum of its regions', () => {
    for (const key of keys) {
      const [year, ageGroup] = key.split('|') as [string, string];
      const at = (code: string) => value(code, Number(year), ageGroup) ?? Number.NaN;
      for (const region of regions) expect(cerclesOf(region).reduce((s, c) => s + at(c), 0), `${region} ${key}`).toBe(at(region));
      expect(regions.reduce((s, r) => s + at(r), 0), key).toBe(at('ML'));
    }
  });

  it('every row is a whole number of persons with a source, for a unit of the tree', () => {
    const codes = new Set(units.map((u) => u.code));
    for (const row of population) {
      expect(Number.isInteger(row.value) && row.value >= 0).toBe(true);
      expect(row.source.length).toBeGreaterThan(20);
      expect(codes.has(row.orgUnit.code)).toBe(true);
    }
  });

  it('runs from 2009 to 2030 for the total and births, from 2020 for the under-fives, and has no 0–11 months', () => {
    const years = (ageGroup: string) => [...new Set(population.filter((r) => r.ageGroup === ageGroup).map((r) => r.year))];
    expect(years('total')).toEqual(Array.from({ length: 22 }, (_, i) => 2009 + i));
    expect(years('births')).toEqual(Array.from({ length: 22 }, (_, i) => 2009 + i));
    expect(years('0-4y')).toEqual(Array.from({ length: 11 }, (_, i) => 2020 + i));
    expect(new Set(population.map((r) => r.ageGroup))).toEqual(new Set(['total', '0-4y', 'births']));
  });
});

describe('projection and derived age groups', () => {
  // One person of rounding per cercle at most.
  const tolerance = 25;

  it('after 2022 the country grows by the RGPH5 rate of 3.3 % a year', () => {
    expect(Math.abs((value('ML', 2026) ?? 0) - 22_395_489 * 1.033 ** 4)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs((value('ML', 2030) ?? 0) - 22_395_489 * 1.033 ** 8)).toBeLessThanOrEqual(tolerance);
  });

  it('between the censuses each cercle follows a geometric path from its 2009 to its 2022 value', () => {
    const [at2009, at2022, at2015] = [value('ML1001', 2009) ?? 0, value('ML1001', 2022) ?? 0, value('ML1001', 2015)];
    expect(at2015).toBe(Math.round(at2009 * (at2022 / at2009) ** (6 / 13)));
  });

  it('live births are the population times the UN WPP 2024 crude birth rate (39.532 ‰ in 2024)', () => {
    const total = value('ML', 2024) ?? 0;
    expect(Math.abs((value('ML', 2024, 'births') ?? 0) - total * 0.039532)).toBeLessThanOrEqual(tolerance);
    // 2010 lies between the published 2009 (47.015) and 2018 (42.585) rates: 47.015 − 4.430 / 9.
    expect(Math.abs((value('ML', 2010, 'births') ?? 0) - (value('ML', 2010) ?? 0) * ((47.015 - 4.43 / 9) / 1000))).toBeLessThanOrEqual(tolerance);
  });

  it('under-fives are the population times the UN WPP 2024 share of ages 0–4 (17.24 % in 2025, kept after)', () => {
    expect(Math.abs((value('ML', 2025, '0-4y') ?? 0) - (value('ML', 2025) ?? 0) * 0.1724)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs((value('ML', 2028, '0-4y') ?? 0) - (value('ML', 2028) ?? 0) * 0.1724)).toBeLessThanOrEqual(tolerance);
    // 2022: 18.12 − (18.12 − 17.24) × 2/5 = 17.768 %.
    expect(Math.abs((value('ML', 2022, '0-4y') ?? 0) - 22_395_489 * 0.17768)).toBeLessThanOrEqual(tolerance);
  });
});
