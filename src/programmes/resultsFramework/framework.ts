// Builders for the results framework: result indicators with their baseline, and series of
// observed values (surveys, estimates, reports), each value carrying its source and method.
import type { Bilingual, Direction, Observation, ResultIndicator, ResultUnit, Sex, Target } from '../../core/programmePackage.ts';
import { ref, translated } from '../builders.ts';

/** Country-level values are held by the root of Mali's org-unit tree. */
export const NATIONAL = 'ML';

export interface Baseline {
  value: number;
  year: number;
  source: string;
}

export interface IndicatorEntry {
  code: string;
  name: Bilingual;
  unit: ResultUnit;
  direction: Direction;
  baseline?: Baseline;
  /** The routine Denw indicator that tracks it, or the data element when no indicator is needed. */
  indicator?: string;
  dataElement?: string;
  /** Shown on the public page: true unless said otherwise (false when every value is from a secondary source). */
  public?: boolean;
  /** The finest org-unit level shown publicly: regions unless said otherwise. */
  publicMaxLevel?: number;
}

/** The indicators of one result, in the order given. */
export function resultIndicators(result: string, entries: readonly IndicatorEntry[]): ResultIndicator[] {
  return entries.map((entry, index) => ({
    code: entry.code,
    name: entry.name.fr,
    translations: translated({ NAME: entry.name.en }),
    result: ref(result),
    ...(entry.indicator ? { indicator: ref(entry.indicator) } : {}),
    ...(entry.dataElement ? { dataElement: ref(entry.dataElement) } : {}),
    unit: entry.unit,
    direction: entry.direction,
    ...(entry.baseline ? { baselineValue: entry.baseline.value, baselineYear: entry.baseline.year, baselineSource: entry.baseline.source } : {}),
    public: entry.public ?? true,
    publicMaxLevel: entry.publicMaxLevel ?? 2,
    sortOrder: index + 1,
  }));
}

export interface SeriesOptions {
  orgUnit?: string;
  sex?: Sex;
  /** Revision year of an estimate revised back in time (WUENIC). */
  revision?: number;
}

/** Observed values of one indicator from one source, as [year, value] pairs. */
export function observed(resultIndicator: string, source: string, method: string, points: readonly (readonly [number, number])[], options: SeriesOptions = {}): Observation[] {
  return points.map(([year, value]) => ({
    resultIndicator: ref(resultIndicator),
    orgUnit: ref(options.orgUnit ?? NATIONAL),
    year,
    sex: options.sex ?? 'T',
    value,
    source,
    method,
    ...(options.revision ? { revision: options.revision } : {}),
  }));
}

/** Values of one indicator in one year from one source, by region: [org-unit code, value] pairs. */
export function byRegion(resultIndicator: string, year: number, source: string, method: string, values: readonly (readonly [string, number])[]): Observation[] {
  return values.flatMap(([orgUnit, value]) => observed(resultIndicator, source, method, [[year, value]], { orgUnit }));
}

/** A value and its sex split from the same source, as the survey tables give them. */
export function withSexes(resultIndicator: string, source: string, method: string, year: number, total: number, male: number, female: number): Observation[] {
  return [
    ...observed(resultIndicator, source, method, [[year, total]]),
    ...observed(resultIndicator, source, method, [[year, male]], { sex: 'M' }),
    ...observed(resultIndicator, source, method, [[year, female]], { sex: 'F' }),
  ];
}

export const nationalTarget = (resultIndicator: string, year: number, value: number, source: string): Target => ({
  resultIndicator: ref(resultIndicator),
  orgUnit: ref(NATIONAL),
  year,
  value,
  source,
});
