// What the results pages show, as the API sends it: the goals, their results (Key Results
// for Children and other outcomes) and each indicator's baseline, target, latest value,
// series, trajectory, status and values by place.
import type { Language } from '../i18n.ts';
import { assessProgress, trajectory, type Direction, type Milestone, type ProgressStatus } from './progress.ts';

export interface SourcedValue extends Milestone {
  source: string;
  /** How the value was obtained (household survey, WUENIC estimate, routine data …): values of one method form one series. */
  method?: string;
}

export interface PlaceValue {
  orgUnit: string;
  name: string;
  year: number;
  value: number;
  source: string;
}

export interface ResultIndicatorView {
  code: string;
  name: string;
  /** The routine indicator or data element (analytics `dx` item) that tracks it, if any. */
  dx?: string;
  unit: string;
  direction: Direction;
  baseline?: SourcedValue;
  target?: SourcedValue;
  latest?: SourcedValue;
  status: ProgressStatus;
  ratio?: number;
  expected?: number;
  series: SourcedValue[];
  trajectory: Milestone[];
  places: PlaceValue[];
  /** Girls and boys (women and men) in the latest year measured for both, nationally. */
  bySex?: { year: number; F: SourcedValue; M: SourcedValue };
}

export interface ResultView {
  code: string;
  kind: 'KRC' | 'OUTCOME' | 'OUTPUT';
  name: string;
  indicators: ResultIndicatorView[];
}

export interface GoalView {
  code: string;
  name: string;
  description: string | null;
  results: ResultView[];
}

export interface IndicatorFacts {
  code: string;
  name: string;
  dx?: string | undefined;
  unit: string;
  direction: Direction;
  baseline?: SourcedValue;
  /** Targets by year for the national level; the latest year is the end target. */
  targets: SourcedValue[];
  /** National values by year from every source (surveys, estimates, routine data). */
  national: SourcedValue[];
  places: PlaceValue[];
  /** National values by sex (any year). */
  nationalBySex?: Array<SourcedValue & { sex: 'F' | 'M' }>;
}

/**
 * Chooses the latest national value (the most recent year; among sources of the same year
 * the order given, surveys before routine data) and assesses progress against the final target.
 */
export function indicatorView(facts: IndicatorFacts): ResultIndicatorView {
  const series = [...facts.national].sort((a, b) => a.year - b.year);
  const latest = series.reduce<SourcedValue | undefined>((best, value) => (!best || value.year > best.year ? value : best), undefined);
  const target = facts.targets.reduce<SourcedValue | undefined>((best, value) => (!best || value.year > best.year ? value : best), undefined);
  const progress = assessProgress({ direction: facts.direction, baseline: facts.baseline, target, latest });
  return {
    code: facts.code,
    name: facts.name,
    ...(facts.dx ? { dx: facts.dx } : {}),
    unit: facts.unit,
    direction: facts.direction,
    ...(facts.baseline ? { baseline: facts.baseline } : {}),
    ...(target ? { target } : {}),
    ...(latest ? { latest } : {}),
    status: progress.status,
    ...(progress.ratio !== undefined ? { ratio: progress.ratio } : {}),
    ...(progress.expected !== undefined ? { expected: progress.expected } : {}),
    series,
    trajectory: facts.baseline && target ? trajectory(facts.baseline, target) : [],
    places: facts.places,
    ...latestBySex(facts.nationalBySex ?? []),
  };
}

function latestBySex(values: Array<SourcedValue & { sex: 'F' | 'M' }>): { bySex?: NonNullable<ResultIndicatorView['bySex']> } {
  const years = [...new Set(values.map((v) => v.year))].sort((a, b) => b - a);
  for (const year of years) {
    const F = values.find((v) => v.year === year && v.sex === 'F');
    const M = values.find((v) => v.year === year && v.sex === 'M');
    if (F && M) return { bySex: { year, F: { year, value: F.value, source: F.source }, M: { year, value: M.value, source: M.source } } };
  }
  return {};
}

/** The name in the requested language, falling back to French. */
export function localName(row: { name: string; name_en: string | null }, language: Language): string {
  return language === 'en' && row.name_en ? row.name_en : row.name;
}
