// The routine side of the results framework: each result indicator linked to a Denw
// indicator or data element gets its yearly values computed by the analytics engine from the
// data in the store — nationally and by region — beside the survey and estimate values.
import { parseAnalyticsRequest } from '../../core/analytics/request.ts';
import type { Language } from '../../core/i18n.ts';
import type { PlaceValue, SourcedValue } from '../../core/results/resultsView.ts';
import { answerAnalytics } from '../analytics/runQuery.ts';
import type { Database } from '../database.ts';
import type { RoutineValues } from './resultsFramework.ts';

const routineSource: Record<Language, { real: string; demo: string; method: string }> = {
  fr: {
    real: 'Denw — données de routine (rapports des formations sanitaires)',
    demo: 'Denw — données de DÉMONSTRATION synthétiques, pas des statistiques',
    method: 'données de routine (Denw)',
  },
  en: {
    real: 'Denw — routine data (facility reports)',
    demo: 'Denw — synthetic DEMONSTRATION data, not statistics',
    method: 'routine data (Denw)',
  },
};

/** Complete calendar years of routine data, up to the last complete year before `today`. */
function completeYears(today: Date, count: number): string[] {
  const last = today.getUTCFullYear() - 1;
  return Array.from({ length: count }, (_, i) => String(last - count + 1 + i));
}

/**
 * Whether the reader may read data of the org unit with this path (server/access/policy.ts
 * canRead). The values are analytics of data values, so a signed-in reader sees those of its
 * scope, plus those the public page shows anyway: the national values of a public indicator,
 * and its regions when it allows level 2 (public_max_level, as resultsFramework.ts filters).
 * Without it (the public page), every value is returned and the page applies its own rule.
 */
export type ReadableOrgUnit = (orgUnitPath: string) => boolean;

export function routineValuesFrom(database: Database, language: Language, today = new Date(), readable?: ReadableOrgUnit): RoutineValues {
  return async (rfIndicatorCodes) => {
    const result = new Map<string, { national: SourcedValue[]; places: PlaceValue[] }>();
    const links = await database.db
      .selectFrom('rf_indicator')
      .leftJoin('indicator', 'indicator.id', 'rf_indicator.indicator_id')
      .leftJoin('data_element', 'data_element.id', 'rf_indicator.data_element_id')
      .select(['rf_indicator.code as rfCode', 'rf_indicator.public', 'rf_indicator.public_max_level as publicMaxLevel', (eb) => eb.fn.coalesce('indicator.code', 'data_element.code').as('dx')])
      .where('rf_indicator.code', 'in', rfIndicatorCodes.length ? rfIndicatorCodes : [''])
      .execute();
    const linked = links.filter((link): link is typeof link & { dx: string } => Boolean(link.dx));
    const roots = await database.db.selectFrom('org_unit').select(['code', 'path']).where('parent_id', 'is', null).execute();
    if (linked.length === 0 || roots.length === 0) return result;
    const demo = await database.db.selectFrom('data_value').select('source').where('source', '=', 'demo').limit(1).executeTakeFirst();
    const text = routineSource[language];
    const source = demo ? text.demo : text.real;

    // Two questions: the country as a whole, and its regions (in DHIS2's syntax
    // `ou:ML;LEVEL-2` would mean "the level-2 units under ML" only).
    const dxItems = [...new Set(linked.map((link) => link.dx))].join(';');
    const years = completeYears(today, 5).join(';');
    const ask = async (ou: string) => {
      const parsed = parseAnalyticsRequest({ dimension: [`dx:${dxItems}`, `pe:${years}`, `ou:${ou}`] });
      if (!parsed.ok) throw new Error(`routine values request: ${JSON.stringify(parsed.problems)}`);
      const table = await answerAnalytics(database, parsed.request, {
        userOrgUnitPaths: roots.map((root) => root.path),
        today: today.toISOString().slice(0, 10),
        language,
      });
      const column = (name: string) => table.columns.indexOf(name as never);
      const [dx, pe, unit] = [column('dx'), column('pe'), column('ou')];
      return table.rows.map((row) => ({ dx: row[dx]!, year: Number(row[pe]), orgUnit: row[unit]!, name: table.items[row[unit]!] ?? row[unit]!, value: Number(row.at(-1)) }));
    };
    const national = await ask(roots.map((root) => root.code).join(';'));
    const regional = await ask('LEVEL-2');
    const paths = await orgUnitPaths(database, [...national, ...regional].map((row) => row.orgUnit));
    const shown = (link: (typeof linked)[number], level: number) => (row: { orgUnit: string }) =>
      !readable || readable(paths.get(row.orgUnit) ?? '') || (link.public && (level === 1 || level <= link.publicMaxLevel));
    for (const link of linked) {
      const own = regional.filter((row) => row.dx === link.dx).filter(shown(link, 2));
      const latestYear = Math.max(...own.map((row) => row.year));
      result.set(link.rfCode, {
        national: national.filter((row) => row.dx === link.dx).filter(shown(link, 1)).map((row) => ({ year: row.year, value: row.value, source, method: text.method })),
        places: own.filter((row) => row.year === latestYear).map((row) => ({ orgUnit: row.orgUnit, name: row.name, year: row.year, value: row.value, source })),
      });
    }
    return result;
  };
}

/** The paths of the org units analytics named (by code, or by UID when a unit has no code). */
async function orgUnitPaths(database: Database, names: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(names)];
  if (unique.length === 0) return new Map();
  const rows = await database.db
    .selectFrom('org_unit')
    .select(['code', 'uid', 'path'])
    .where((eb) => eb.or([eb('code', 'in', unique), eb('uid', 'in', unique)]))
    .execute();
  return new Map(rows.flatMap((row) => [...(row.code ? [[row.code, row.path] as const] : []), [row.uid, row.path] as const]));
}
