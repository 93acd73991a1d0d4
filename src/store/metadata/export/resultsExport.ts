// Export of Denw's own collections: population and the results framework. Goals, results and
// result indicators are named by code; org units, indicators and data elements by UID.
import { compact, type ExportContext } from './exportContext.ts';

/** The English name (and description) as DHIS2 translations. */
function translations(nameEn: string | null, descriptionEn: string | null = null) {
  return [
    ...(nameEn ? [{ property: 'NAME', locale: 'en', value: nameEn }] : []),
    ...(descriptionEn ? [{ property: 'DESCRIPTION', locale: 'en', value: descriptionEn }] : []),
  ];
}

export async function exportPopulation(context: ExportContext) {
  const rows = await context.rows<{ uid: string; year: number; age_group: string; sex: string; value: number; source: string }>(
    `SELECT ou.uid, p.year, p.age_group, p.sex, p.value, p.source FROM population p JOIN org_unit ou ON ou.id = p.org_unit_id
     ORDER BY ou.uid COLLATE "C", p.year, p.age_group COLLATE "C", p.sex`,
  );
  return rows.map((row) => ({ orgUnit: { id: row.uid }, year: row.year, ageGroup: row.age_group, sex: row.sex, value: row.value, source: row.source }));
}

export async function exportGoals(context: ExportContext) {
  const rows = await context.rows<{ code: string; name: string; name_en: string | null; description: string | null; description_en: string | null; sort_order: number }>(
    'SELECT * FROM rf_goal ORDER BY code COLLATE "C"',
  );
  return rows.map((row) =>
    compact({ code: row.code, name: row.name, translations: translations(row.name_en, row.description_en), description: row.description, sortOrder: row.sort_order }),
  );
}

export async function exportResults(context: ExportContext) {
  const rows = await context.rows<{ code: string; goal_id: number; kind: string; name: string; name_en: string | null; sort_order: number }>(
    'SELECT * FROM rf_result ORDER BY code COLLATE "C"',
  );
  return Promise.all(
    rows.map(async (row) => ({
      code: row.code,
      name: row.name,
      translations: translations(row.name_en),
      goal: await context.codeRef('rf_goal', row.goal_id),
      kind: row.kind,
      sortOrder: row.sort_order,
    })),
  );
}

export async function exportResultIndicators(context: ExportContext) {
  const rows = await context.rows<{
    code: string;
    result_id: number;
    indicator_id: number | null;
    data_element_id: number | null;
    name: string;
    name_en: string | null;
    unit: string;
    direction: string;
    baseline_value: number | null;
    baseline_year: number | null;
    baseline_source: string | null;
    public: boolean;
    public_max_level: number;
    sort_order: number;
  }>('SELECT * FROM rf_indicator ORDER BY code COLLATE "C"');
  return Promise.all(
    rows.map(async (row) =>
      compact({
        code: row.code,
        name: row.name,
        translations: translations(row.name_en),
        result: await context.codeRef('rf_result', row.result_id),
        indicator: row.indicator_id === null ? null : await context.ref('indicator', row.indicator_id),
        dataElement: row.data_element_id === null ? null : await context.ref('data_element', row.data_element_id),
        unit: row.unit,
        direction: row.direction,
        baselineValue: row.baseline_value,
        baselineYear: row.baseline_year,
        baselineSource: row.baseline_source,
        public: row.public,
        publicMaxLevel: row.public_max_level,
        sortOrder: row.sort_order,
      }),
    ),
  );
}

export async function exportTargets(context: ExportContext) {
  const rows = await context.rows<{ code: string; uid: string; year: number; value: number; source: string }>(
    `SELECT ri.code, ou.uid, t.year, t.value, t.source FROM rf_target t
     JOIN rf_indicator ri ON ri.id = t.rf_indicator_id JOIN org_unit ou ON ou.id = t.org_unit_id
     ORDER BY ri.code COLLATE "C", ou.uid COLLATE "C", t.year`,
  );
  return rows.map((row) => ({ resultIndicator: { code: row.code }, orgUnit: { id: row.uid }, year: row.year, value: row.value, source: row.source }));
}

export async function exportObservations(context: ExportContext) {
  const rows = await context.rows<{ code: string; uid: string; year: number; sex: string; value: number; source: string; method: string | null; revision: number | null }>(
    `SELECT ri.code, ou.uid, o.year, o.sex, o.value, o.source, o.method, o.revision FROM rf_observation o
     JOIN rf_indicator ri ON ri.id = o.rf_indicator_id JOIN org_unit ou ON ou.id = o.org_unit_id
     ORDER BY ri.code COLLATE "C", ou.uid COLLATE "C", o.year, o.sex, o.source COLLATE "C"`,
  );
  return rows.map((row) =>
    compact({ resultIndicator: { code: row.code }, orgUnit: { id: row.uid }, year: row.year, sex: row.sex, value: row.value, source: row.source, method: row.method, revision: row.revision }),
  );
}
