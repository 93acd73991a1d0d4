// Reads the results framework — goals, results, indicators with baselines, targets and
// observed values — for the results pages.
import type { Language } from '../../core/i18n.ts';
import { indicatorView, localName, type GoalView, type PlaceValue, type SourcedValue } from '../../core/results/resultsView.ts';
import type { Database } from '../database.ts';

export interface ResultsQuery {
  language: Language;
  /** Only indicators marked public, and no place finer than each one allows. */
  publicOnly: boolean;
}

/** Values of the routine Denw indicators behind result indicators: national by year, and by place. */
export type RoutineValues = (rfIndicatorCodes: string[]) => Promise<Map<string, { national: SourcedValue[]; places: PlaceValue[] }>>;

export async function readResultsFramework(database: Database, query: ResultsQuery, routineValues?: RoutineValues): Promise<GoalView[]> {
  const { db } = database;
  const goals = await db.selectFrom('rf_goal').selectAll().orderBy('sort_order').orderBy('code').execute();
  const results = await db.selectFrom('rf_result').selectAll().orderBy('sort_order').orderBy('code').execute();
  let indicatorQuery = db
    .selectFrom('rf_indicator')
    .leftJoin('indicator', 'indicator.id', 'rf_indicator.indicator_id')
    .leftJoin('data_element', 'data_element.id', 'rf_indicator.data_element_id')
    .selectAll('rf_indicator')
    .select((eb) => eb.fn.coalesce('indicator.code', 'data_element.code').as('dx'))
    .orderBy('rf_indicator.sort_order')
    .orderBy('rf_indicator.code');
  if (query.publicOnly) indicatorQuery = indicatorQuery.where('rf_indicator.public', '=', true);
  const indicators = await indicatorQuery.execute();
  const ids = indicators.map((indicator) => indicator.id);
  const root = await db.selectFrom('org_unit').select(['id']).where('level', '=', 1).orderBy('id').executeTakeFirst();
  const targets = ids.length
    ? await db.selectFrom('rf_target').selectAll().where('rf_indicator_id', 'in', ids).where('org_unit_id', '=', root?.id ?? -1).execute()
    : [];
  const observations = ids.length
    ? await db
        .selectFrom('rf_observation')
        .innerJoin('org_unit', 'org_unit.id', 'rf_observation.org_unit_id')
        .select([
          'rf_observation.rf_indicator_id',
          'rf_observation.year',
          'rf_observation.value',
          'rf_observation.source',
          'rf_observation.method',
          'rf_observation.sex',
          'org_unit.code',
          'org_unit.name',
          'org_unit.name_en',
          'org_unit.level',
        ])
        .where('rf_observation.rf_indicator_id', 'in', ids)
        .execute()
    : [];
  const routine = routineValues ? await routineValues(indicators.map((indicator) => indicator.code)) : new Map();

  return goals.map((goal) => ({
    code: goal.code,
    name: localName(goal, query.language),
    description: query.language === 'en' && goal.description_en ? goal.description_en : goal.description,
    results: results
      .filter((result) => result.goal_id === goal.id)
      .map((result) => ({
        code: result.code,
        kind: result.kind,
        name: localName(result, query.language),
        indicators: indicators
          .filter((indicator) => indicator.result_id === result.id)
          .map((indicator) => {
            const all = observations.filter((o) => o.rf_indicator_id === indicator.id);
            const own = all.filter((o) => o.sex === 'T');
            const maxLevel = query.publicOnly ? indicator.public_max_level : Number.POSITIVE_INFINITY;
            const fromRoutine = routine.get(indicator.code);
            return indicatorView({
              code: indicator.code,
              name: localName(indicator, query.language),
              dx: indicator.dx ?? undefined,
              unit: indicator.unit,
              direction: indicator.direction,
              ...(indicator.baseline_value !== null && indicator.baseline_year !== null
                ? { baseline: { year: indicator.baseline_year, value: indicator.baseline_value, source: indicator.baseline_source ?? '' } }
                : {}),
              targets: targets
                .filter((target) => target.rf_indicator_id === indicator.id)
                .map((target) => ({ year: target.year, value: target.value, source: target.source })),
              national: [
                ...own.filter((o) => o.level === 1).map((o) => ({ year: o.year, value: o.value, source: o.source, ...(o.method ? { method: o.method } : {}) })),
                ...(fromRoutine?.national ?? []),
              ],
              nationalBySex: all
                .filter((o): o is typeof o & { sex: 'F' | 'M' } => o.level === 1 && o.sex !== 'T')
                .map((o) => ({ year: o.year, value: o.value, source: o.source, sex: o.sex })),
              places: [
                ...own
                  .filter((o) => o.level > 1 && o.level <= maxLevel)
                  .map((o) => ({ orgUnit: o.code ?? '', name: localName(o, query.language), year: o.year, value: o.value, source: o.source })),
                // Routine places are regions (level 2): shown when the indicator allows that level.
                ...(maxLevel >= 2 ? (fromRoutine?.places ?? []) : []),
              ],
            });
          }),
      })),
  }));
}
