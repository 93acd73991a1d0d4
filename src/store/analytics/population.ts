// Population of org units by year, age group and sex, for indicator denominators
// (`#{POPULATION.<ageGroup>.<sex>}`, see dataItemCatalog.ts). The figure of an org unit is the
// one stored for it; when none is stored, the sum of the figures stored at the highest level
// below it that has any (so a national figure and the cercle figures are never added twice).
import type { Queryable } from './snapshot.ts';
import type { OrgUnitInfo } from './orgUnitSelection.ts';

export interface PopulationGroup {
  ageGroup: string;
  sex: string;
}

export const populationKey = (orgUnitId: number, year: number, group: PopulationGroup) => `${orgUnitId}:${year}:${group.ageGroup}:${group.sex}`;

export async function fetchPopulation(
  db: Queryable,
  targets: readonly OrgUnitInfo[],
  years: readonly number[],
  groups: readonly PopulationGroup[],
): Promise<Map<string, number>> {
  const population = new Map<string, number>();
  if (targets.length === 0 || years.length === 0 || groups.length === 0) return population;
  const { rows } = await db.query<{ target: number; year: number; age_group: string; sex: string; value: number }>(
    `SELECT DISTINCT ON (target, year, age_group, sex) target, year, age_group, sex, value
     FROM (
       SELECT t.id AS target, p.year, p.age_group, p.sex, u.level, sum(p.value) AS value
       FROM unnest($1::int[], $2::int[]) AS t(id, level)
       JOIN org_unit u ON u.ancestor_ids[t.level] = t.id
       JOIN population p ON p.org_unit_id = u.id
       JOIN unnest($4::text[], $5::text[]) AS g(age_group, sex) ON g.age_group = p.age_group AND g.sex = p.sex
       WHERE p.year = ANY($3)
       GROUP BY 1, 2, 3, 4, 5
     ) by_level
     ORDER BY target, year, age_group, sex, level`,
    [targets.map((t) => t.id), targets.map((t) => t.level), years, groups.map((g) => g.ageGroup), groups.map((g) => g.sex)],
  );
  for (const row of rows) population.set(populationKey(row.target, row.year, { ageGroup: row.age_group, sex: row.sex }), row.value);
  return population;
}
