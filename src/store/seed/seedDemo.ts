// The demonstration dataset: synthetic health areas under the cercles and about three
// years of reports for every programme data set, so that every dashboard has something to
// show on a new installation. Everything it writes is tagged source = 'demo' (org units,
// data values, completeness registrations) and `removeDemo` deletes exactly that.
// The values go through the real data value import, like a user's file.
import { demoDataValues, type DemoDataSet, type DemoUnit } from '../../core/demo/demoDataValues.ts';
import { demoFacilities } from '../../core/demo/demoFacilities.ts';
import type { DataValueInput } from '../../core/dataValueSets/dataValueSet.ts';
import { DenwError } from '../../core/errors.ts';
import { seededRandom } from '../../core/random.ts';
import { demoProfiles } from '../../programmes/demo/profiles.ts';
import type { Database } from '../database.ts';
import { importDataValues } from '../dataValues/importDataValues.ts';
import { seedDemoChildren } from '../immunization/demoChildren.ts';
import { importMetadata } from '../metadata/importMetadata.ts';
import type { Log } from './seedReference.ts';
import { inTransaction } from '../transaction.ts';

export const demoSource = 'demo';
const demoUser = 'denw-demo';

interface PopulationByYear {
  total: Map<number, number>;
  births: Map<number, number>;
  under5: Map<number, number>;
}

/** Population of each unit by year, from the population table (both sexes). */
async function populations(database: Database, level: number): Promise<Map<string, PopulationByYear>> {
  const { rows } = await database.pool.query<{ code: string; year: number; age_group: string; value: number }>(
    `SELECT ou.code, p.year, p.age_group, p.value FROM population p JOIN org_unit ou ON ou.id = p.org_unit_id
     WHERE ou.level = $1 AND p.sex = 'T' AND p.age_group IN ('total', 'births', '0-4y')`,
    [level],
  );
  const byUnit = new Map<string, PopulationByYear>();
  for (const row of rows) {
    const unit = byUnit.get(row.code) ?? { total: new Map(), births: new Map(), under5: new Map() };
    byUnit.set(row.code, unit);
    const series = row.age_group === 'total' ? unit.total : row.age_group === 'births' ? unit.births : unit.under5;
    series.set(row.year, row.value);
  }
  return byUnit;
}

function nearest(series: Map<number, number>, year: number): number {
  if (series.has(year)) return series.get(year)!;
  const years = [...series.keys()].sort((a, b) => Math.abs(a - year) - Math.abs(b - year));
  return years.length ? series.get(years[0]!)! : 0;
}

/** Data sets with their elements, option combos and the options of each category, at their reporting level. */
async function demoDataSets(database: Database, levels: ReadonlyMap<string, number>): Promise<Array<DemoDataSet & { level: number }>> {
  const { rows } = await database.pool.query<{
    data_set: string;
    period_type: string;
    data_element: string;
    coc: string;
    options: string[];
  }>(
    `SELECT ds.code AS data_set, ds.period_type, de.code AS data_element, coc.code AS coc,
            array(SELECT co.code FROM category_combo_category ccc
                    JOIN category_category_option cco ON cco.category_id = ccc.category_id
                    JOIN category_option_combo_option coco ON coco.category_option_id = cco.category_option_id AND coco.category_option_combo_id = coc.id
                    JOIN category_option co ON co.id = cco.category_option_id
                  WHERE ccc.category_combo_id = cc.id ORDER BY ccc.sort_order) AS options
     FROM data_set ds
     JOIN data_set_element dse ON dse.data_set_id = ds.id
     JOIN data_element de ON de.id = dse.data_element_id
     JOIN category_combo cc ON cc.id = coalesce(dse.category_combo_id, de.category_combo_id)
     JOIN category_option_combo coc ON coc.category_combo_id = cc.id
     WHERE ds.period_type IN ('Monthly', 'Quarterly', 'Yearly')
     ORDER BY ds.code, de.code, coc.code`,
  );
  const categoryOptions = await database.pool.query<{ combo_element: string; options: string[] }>(
    `SELECT de.code AS combo_element, array_agg(co.code ORDER BY cco.sort_order) AS options
     FROM data_element de
     JOIN category_combo_category ccc ON ccc.category_combo_id = de.category_combo_id
     JOIN category_category_option cco ON cco.category_id = ccc.category_id
     JOIN category_option co ON co.id = cco.category_option_id
     GROUP BY de.code, ccc.sort_order ORDER BY de.code, ccc.sort_order`,
  );
  const categoriesOf = new Map<string, string[][]>();
  for (const row of categoryOptions.rows) categoriesOf.set(row.combo_element, [...(categoriesOf.get(row.combo_element) ?? []), row.options]);

  const dataSets = new Map<string, DemoDataSet & { level: number }>();
  for (const row of rows) {
    const level = levels.get(row.data_set);
    if (level === undefined) continue;
    const dataSet = dataSets.get(row.data_set) ?? { code: row.data_set, periodType: row.period_type as DemoDataSet['periodType'], level, elements: [] };
    dataSets.set(row.data_set, dataSet);
    let element = dataSet.elements.find((e) => e.code === row.data_element);
    if (!element) {
      element = { code: row.data_element, optionCombos: [], categories: categoriesOf.get(row.data_element) ?? [] };
      dataSet.elements.push(element);
    }
    element.optionCombos.push({ code: row.coc, options: row.options.length ? row.options : [row.coc] });
  }
  return [...dataSets.values()];
}

async function* batchesOf(values: Iterable<{ dataElement: string; period: string; orgUnit: string; categoryOptionCombo: string; value: number }>): AsyncGenerator<DataValueInput[]> {
  let batch: DataValueInput[] = [];
  let index = 0;
  for (const value of values) {
    batch.push({ index, row: index + 1, ...value, value: String(value.value) });
    index++;
    if (batch.length === 10_000) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

export interface DemoOptions {
  /** The org-unit level that reports each data set (the programme packages' assignments). */
  assignments: ReadonlyArray<{ dataSet: string; orgUnitLevel: number }>;
  /** Health areas created under the cercles (at least one per cercle). */
  facilities: number;
  /** The last complete month, YYYYMM; the data start in January two years before. */
  lastMonth: string;
  seed?: number;
  log: Log;
  /** Called after each data set and year with the number of values written so far. */
  onProgress?: (values: number) => void;
}

export async function seedDemo(database: Database, { assignments, facilities: count, lastMonth, seed = 2026, log, onProgress }: DemoOptions): Promise<number> {
  const started = Date.now();
  const cerclePopulation = await populations(database, 3);
  const cercles = await database.pool.query<{ code: string; name: string; path: string }>(`SELECT code, name, path FROM org_unit WHERE level = 3 ORDER BY code`);
  const lastYear = Number(lastMonth.slice(0, 4));
  const facilities = demoFacilities(
    cercles.rows.map((c) => ({ code: c.code, name: c.name, population: nearest(cerclePopulation.get(c.code)?.total ?? new Map(), lastYear) })),
    count,
  );
  const report = await importMetadata(database, {
    organisationUnits: facilities.map((f) => ({ code: f.code, name: f.name, shortName: f.name.slice(0, 50), parent: { code: f.parentCode }, openingDate: '2000-01-01' })),
  });
  if (report.status === 'ERROR') throw new DenwError('SEED_IMPORT_FAILED', { what: 'demo facilities', detail: JSON.stringify(report).slice(0, 2000) });
  await database.pool.query(`UPDATE org_unit SET source = $1 WHERE code = ANY($2)`, [demoSource, facilities.map((f) => f.code)]);
  // The demo's health areas are community health centres: members of the CSCOM facility-type
  // group (data/mali), so that `ou:OU_GROUP-CSCOM` has something to show (removeDemo drops them).
  await database.pool.query(
    `INSERT INTO org_unit_group_member (org_unit_group_id, org_unit_id)
     SELECT g.id, ou.id FROM org_unit_group g, org_unit ou WHERE g.code = 'CSCOM' AND ou.code = ANY($1) ON CONFLICT DO NOTHING`,
    [facilities.map((f) => f.code)],
  );

  // Reporting performance: lower in the regions where insecurity closes services (the
  // INSECURITY_AFFECTED group of data/mali), varied between units.
  const insecure = await database.pool.query<{ code: string }>(
    `SELECT ou.code FROM org_unit ou WHERE EXISTS (
       SELECT 1 FROM org_unit_group g JOIN org_unit_group_member m ON m.org_unit_group_id = g.id
       WHERE g.code = 'INSECURITY_AFFECTED' AND m.org_unit_id = ANY(ou.ancestor_ids))`,
  );
  const insecureCodes = new Set(insecure.rows.map((row) => row.code));
  const random = seededRandom(seed);
  const performance = (code: string) => (0.72 + random() * 0.3) * (insecureCodes.has(code) ? 0.7 : 1);
  const unitsAt = (level: number): DemoUnit[] =>
    level === 4
      ? facilities.map((f) => {
          const cercle = cerclePopulation.get(f.parentCode);
          const share = f.population / Math.max(nearest(cercle?.total ?? new Map(), lastYear), 1);
          return {
            code: f.code,
            performance: performance(f.code),
            population: (year: number) => ({
              total: nearest(cercle?.total ?? new Map(), year) * share,
              births: nearest(cercle?.births ?? new Map(), year) * share,
              under5: nearest(cercle?.under5 ?? new Map(), year) * share,
            }),
          };
        })
      : cercles.rows.map((c) => {
          const population = cerclePopulation.get(c.code);
          return {
            code: c.code,
            performance: performance(c.code),
            population: (year: number) => ({
              total: nearest(population?.total ?? new Map(), year),
              births: nearest(population?.births ?? new Map(), year),
              under5: nearest(population?.under5 ?? new Map(), year),
            }),
          };
        });

  const dataSets = await demoDataSets(database, new Map(assignments.map((a) => [a.dataSet, a.orgUnitLevel])));
  for (const dataSet of dataSets.filter((d) => d.level === 4)) {
    await database.pool.query(
      `INSERT INTO data_set_org_unit (data_set_id, org_unit_id) SELECT ds.id, ou.id FROM data_set ds, org_unit ou
       WHERE ds.code = $1 AND ou.code = ANY($2) ON CONFLICT DO NOTHING`,
      [dataSet.code, facilities.map((f) => f.code)],
    );
  }
  const roots = await database.pool.query<{ path: string }>(`SELECT path FROM org_unit WHERE parent_id IS NULL`);
  // Three years of past months: written as the administrator, whatever a data set's expiry days.
  const importer = { username: demoUser, scopePaths: roots.rows.map((root) => root.path), mayEditExpired: true };
  // One transaction per data set and year, so that a server loading the demo in the
  // background keeps answering between them (the embedded engine runs one at a time).
  let total = 0;
  const firstYear = lastYear - 2;
  for (const dataSet of dataSets) {
    const units = unitsAt(dataSet.level);
    for (let year = firstYear; year <= lastYear; year++) {
      const values = demoDataValues(dataSet, units, demoProfiles, {
        firstYear: year,
        lastMonth: year === lastYear ? lastMonth : `${year}12`,
        trendFrom: firstYear,
        seed: seed + year + dataSet.code.length,
      });
      const summary = await importDataValues(
        database,
        { header: { dataSet: dataSet.code }, batches: batchesOf(values), conflicts: [], completions: [] },
        { idSchemes: { idScheme: 'code' }, dryRun: false, importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'ALL', async: false, source: demoSource },
        importer,
      );
      if (summary.status === 'ERROR') {
        throw new DenwError('SEED_IMPORT_FAILED', { what: `demo ${dataSet.code} ${year}`, detail: JSON.stringify(summary.conflicts.slice(0, 5)) });
      }
      total += summary.importCount.imported + summary.importCount.updated;
      onProgress?.(total);
    }
  }
  // Most health areas report their data sets complete; a few months are left open.
  await database.pool.query(
    `INSERT INTO complete_data_set_registration (data_set_id, period_id, org_unit_id, completed_by, source)
     SELECT DISTINCT dse.data_set_id, dv.period_id, dv.org_unit_id, $2, $1
     FROM data_value dv JOIN data_set_element dse ON dse.data_element_id = dv.data_element_id
     JOIN data_set_org_unit dso ON dso.data_set_id = dse.data_set_id AND dso.org_unit_id = dv.org_unit_id
     WHERE dv.source = $1 AND (dv.org_unit_id + dv.period_id) % 10 <> 0
     ON CONFLICT DO NOTHING`,
    [demoSource, demoUser],
  );
  // Children with their vaccinations in the first health areas, for the registry's pages.
  const registryAreas = await database.pool.query<{ id: number }>(`SELECT id FROM org_unit WHERE code = ANY($1) ORDER BY code LIMIT 4`, [facilities.map((f) => f.code)]);
  const children = await seedDemoChildren(database, { orgUnitIds: registryAreas.rows.map((row) => row.id), lastMonth, seed });
  log(
    `  Démo / demo: ${facilities.length} aires de santé / health areas, ${total.toLocaleString('fr-FR')} valeurs / values, ${children} enfants / children (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return total;
}

/** Whether the store holds the demonstration dataset (its org units), whoever loaded or removed it. */
export async function demoPresent(database: Database): Promise<boolean> {
  const { rows } = await database.pool.query(`SELECT EXISTS (SELECT 1 FROM org_unit WHERE source = $1) AS present`, [demoSource]);
  return rows[0].present as boolean;
}

/** Deletes the demonstration dataset and nothing else; returns what it deleted. */
export async function removeDemo(database: Database): Promise<{ dataValues: number; orgUnits: number }> {
  return inTransaction(database, async (client) => {
    // Values on demo units are demo values whoever typed them: the units are about to go.
    const demoUnits = `SELECT id FROM org_unit WHERE source = $1`;
    // Children registered at demo units (the demo's own, and any a user registered there to try
    // the registry) go with their doses and measurements (ON DELETE CASCADE); so do doses given
    // at demo units and the units' choice of source. Their registry counts are values of demo
    // units, deleted below.
    await client.query(`DELETE FROM child WHERE source = $1 OR org_unit_id IN (${demoUnits})`, [demoSource]);
    await client.query(`DELETE FROM immunization WHERE org_unit_id IN (${demoUnits})`, [demoSource]);
    await client.query(`DELETE FROM data_set_source WHERE org_unit_id IN (${demoUnits})`, [demoSource]);
    const values = await client.query(`DELETE FROM data_value WHERE source = $1 OR org_unit_id IN (${demoUnits})`, [demoSource]);
    await client.query(`DELETE FROM complete_data_set_registration WHERE source = $1 OR org_unit_id IN (${demoUnits})`, [demoSource]);
    await client.query(`DELETE FROM data_value_audit WHERE modified_by = $1 OR org_unit_id IN (SELECT id FROM org_unit WHERE source = $2)`, [demoUser, demoSource]);
    await client.query(`DELETE FROM data_set_org_unit WHERE org_unit_id IN (SELECT id FROM org_unit WHERE source = $1)`, [demoSource]);
    await client.query(`DELETE FROM org_unit_group_member WHERE org_unit_id IN (SELECT id FROM org_unit WHERE source = $1)`, [demoSource]);
    const units = await client.query(`DELETE FROM org_unit WHERE source = $1`, [demoSource]);
    return { dataValues: values.rowCount ?? 0, orgUnits: units.rowCount ?? 0 };
  });
}
