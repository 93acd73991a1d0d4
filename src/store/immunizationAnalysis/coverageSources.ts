// Coverage of one antigen by year from three sources side by side, for the national officer
// (issue 4): administrative coverage (reported by the government, and computed by Denw from
// routine data), the WHO/UNICEF estimate (WUENIC) with its revision year, and household
// surveys (DHS, MICS). The gap between administrative and estimated coverage is what tells
// whether the denominators are wrong (mali-facts.md §0.2: 2022 DTP1 107 % reported, 78 % WUENIC).
import type { Language } from '../../core/i18n.ts';
import { localName } from '../../core/results/resultsView.ts';
import type { Database } from '../database.ts';
import type { RoutineValues } from '../results/resultsFramework.ts';

/** How the results framework names its methods (src/programmes/resultsFramework/survive.ts). */
export interface CoverageMethods {
  estimate: string;
  administrative: string;
}

export interface CoverageYear {
  year: number;
  /** Government-reported administrative coverage (doses ÷ target population). */
  reported: { value: number; source: string } | null;
  /** Administrative coverage computed by Denw from the routine data in the store. */
  routine: { value: number; source: string } | null;
  /** The latest WUENIC revision's estimate, and every revision held for the year. */
  wuenic: { value: number; revision: number | null; source: string } | null;
  wuenicRevisions: { revision: number | null; value: number; source: string }[];
  surveys: { value: number; source: string; method: string | null }[];
  /** Percentage points: administrative (routine, else reported) minus WUENIC, and minus the survey mean. */
  gaps: { administrativeMinusWuenic: number | null; administrativeMinusSurvey: number | null; wuenicMinusSurvey: number | null };
}

export interface CoverageSources {
  indicator: { code: string; name: string; dx: string | null };
  years: CoverageYear[];
}

export async function readCoverageSources(
  database: Database,
  query: { rfIndicator: string; language: Language; methods: CoverageMethods; routineValues: RoutineValues },
): Promise<CoverageSources | null> {
  const { db } = database;
  const indicator = await db
    .selectFrom('rf_indicator')
    .leftJoin('indicator', 'indicator.id', 'rf_indicator.indicator_id')
    .select(['rf_indicator.id', 'rf_indicator.code', 'rf_indicator.name', 'rf_indicator.name_en', 'indicator.code as dx'])
    .where('rf_indicator.code', '=', query.rfIndicator)
    .executeTakeFirst();
  if (!indicator) return null;
  const observations = await db
    .selectFrom('rf_observation')
    .innerJoin('org_unit', 'org_unit.id', 'rf_observation.org_unit_id')
    .select(['rf_observation.year', 'rf_observation.value', 'rf_observation.source', 'rf_observation.method', 'rf_observation.revision'])
    .where('rf_observation.rf_indicator_id', '=', indicator.id)
    .where('rf_observation.sex', '=', 'T')
    .where('org_unit.level', '=', 1)
    .execute();
  const routine = (await query.routineValues([indicator.code])).get(indicator.code)?.national ?? [];

  const years = [...new Set([...observations.map((o) => o.year), ...routine.map((r) => r.year)])].sort((a, b) => a - b);
  const difference = (a: number | null | undefined, b: number | null | undefined) => (a === null || a === undefined || b === null || b === undefined ? null : a - b);
  return {
    indicator: { code: indicator.code, name: localName(indicator, query.language), dx: indicator.dx },
    years: years.map((year): CoverageYear => {
      const own = observations.filter((o) => o.year === year);
      // An estimate is a value with a revision year or WUENIC's method; the rest are reports or surveys.
      const estimates = own
        .filter((o) => o.revision !== null || o.method === query.methods.estimate)
        .sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0))
        .map((o) => ({ revision: o.revision, value: o.value, source: o.source }));
      const reportedRow = own.find((o) => o.method === query.methods.administrative);
      const surveys = own.filter((o) => !estimates.some((e) => e.source === o.source) && o !== reportedRow).map((o) => ({ value: o.value, source: o.source, method: o.method }));
      const routineValue = routine.find((r) => r.year === year);
      const reported = reportedRow ? { value: reportedRow.value, source: reportedRow.source } : null;
      const administrative = routineValue?.value ?? reported?.value ?? null;
      const wuenic = estimates[0] ?? null;
      const surveyMean = surveys.length ? surveys.reduce((total, s) => total + s.value, 0) / surveys.length : null;
      return {
        year,
        reported,
        routine: routineValue ? { value: routineValue.value, source: routineValue.source } : null,
        wuenic,
        wuenicRevisions: estimates,
        surveys,
        gaps: {
          administrativeMinusWuenic: difference(administrative, wuenic?.value),
          administrativeMinusSurvey: difference(administrative, surveyMean),
          wuenicMinusSurvey: difference(wuenic?.value, surveyMean),
        },
      };
    }),
  };
}
