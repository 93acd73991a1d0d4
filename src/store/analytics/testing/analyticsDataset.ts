// A seeded random dataset over the fixture tree (store/testing/fixtures.ts) for the analytics
// tests: one data element per aggregation type, monthly data for 2023–2024 (sparse, and some
// of it entered at cercle level), weekly data for a weekly data element, population figures.
// The rows are kept in memory so that the tests can compute every expected total from them
// independently (expectedTotals.ts), with no part of the code under test.
import { fixtureDataElements, fixtureOrgUnits } from '../../testing/fixtures.ts';
import type { Database } from '../../database.ts';
import { seededRandom } from '../../../core/random.ts';
import { inTransaction } from '../../transaction.ts';

export interface RawValue {
  dataElement: string;
  period: string;
  periodType: 'Monthly' | 'Weekly';
  startDate: string;
  endDate: string;
  orgUnit: string;
  categoryOptionCombo: string;
  value: number;
}

/** Data elements of the dataset, with their DHIS2 aggregation type and disaggregations. */
export const datasetDataElements = [
  ...fixtureDataElements.filter((de) => de.valueType !== 'TEXT').map((de) => ({ code: de.code, aggregationType: de.aggregationType, combos: de.bySex ? ['F', 'M'] : ['default'], weekly: false })),
  { code: 'BED_OCCUPANCY', aggregationType: 'AVERAGE', combos: ['default'], weekly: false },
  { code: 'STOCK_DAYS', aggregationType: 'LAST_AVERAGE_ORG_UNIT', combos: ['default'], weekly: false },
  { code: 'STOCK_CLOSING', aggregationType: 'LAST_IN_PERIOD', combos: ['default'], weekly: false },
  { code: 'STOCK_CLOSING_AVG', aggregationType: 'LAST_IN_PERIOD_AVERAGE_ORG_UNIT', combos: ['default'], weekly: false },
  { code: 'WAIT_MIN', aggregationType: 'MIN', combos: ['default'], weekly: false },
  { code: 'WAIT_MAX', aggregationType: 'MAX', combos: ['default'], weekly: false },
  { code: 'REPORTS', aggregationType: 'COUNT', combos: ['F', 'M'], weekly: false },
  { code: 'MALARIA_WEEKLY', aggregationType: 'SUM', combos: ['F', 'M'], weekly: true },
] as const;

/** Org units of the fixture tree: code → the codes of its ancestors and itself, root first. */
export const fixturePaths: ReadonlyMap<string, string[]> = (() => {
  const paths = new Map<string, string[]>();
  for (const unit of fixtureOrgUnits) paths.set(unit.code, [...(unit.parent ? paths.get(unit.parent)! : []), unit.code]);
  return paths;
})();


const iso = (date: Date) => date.toISOString().slice(0, 10);

function months(): Array<Pick<RawValue, 'period' | 'periodType' | 'startDate' | 'endDate'>> {
  const list = [];
  for (let year = 2023; year <= 2024; year++) {
    for (let month = 1; month <= 12; month++) {
      list.push({
        period: `${year}${String(month).padStart(2, '0')}`,
        periodType: 'Monthly' as const,
        startDate: iso(new Date(Date.UTC(year, month - 1, 1))),
        endDate: iso(new Date(Date.UTC(year, month, 0))),
      });
    }
  }
  return list;
}

/** ISO weeks 2023W1 to 2024W52: week 1 starts on the Monday of the week holding 4 January. */
function weeks(): Array<Pick<RawValue, 'period' | 'periodType' | 'startDate' | 'endDate'>> {
  const list = [];
  for (const year of [2023, 2024]) {
    const january4 = Date.UTC(year, 0, 4);
    const monday = january4 - ((new Date(january4).getUTCDay() + 6) % 7) * 86_400_000;
    for (let week = 1; week <= 52; week++) {
      const start = monday + (week - 1) * 7 * 86_400_000;
      list.push({ period: `${year}W${week}`, periodType: 'Weekly' as const, startDate: iso(new Date(start)), endDate: iso(new Date(start + 6 * 86_400_000)) });
    }
  }
  return list;
}

/** The dataset's values: facilities mostly, some data entered at cercle level. */
export function generateDataset(seed = 20240917): RawValue[] {
  const random = seededRandom(seed);
  const facilities = fixtureOrgUnits.filter((u) => u.level === 4).map((u) => u.code);
  const values: RawValue[] = [];
  for (const de of datasetDataElements) {
    const sparse = de.aggregationType.startsWith('LAST');
    const units = [...facilities, ...(de.code === 'STAFF' || de.code === 'PENTA1' ? ['ML0101'] : [])];
    for (const period of de.weekly ? weeks() : months()) {
      for (const orgUnit of units) {
        for (const categoryOptionCombo of de.combos) {
          if (random() > (sparse ? 0.35 : 0.8)) continue;
          const value = de.aggregationType === 'AVERAGE' ? Math.round(random() * 1000) / 10 : Math.floor(random() * 120);
          values.push({ dataElement: de.code, ...period, orgUnit, categoryOptionCombo, value });
        }
      }
    }
  }
  return values;
}

/** Population 0–11 months (both sexes): stored for the two cercles, and a national figure of its own. */
export const datasetPopulation = [
  { orgUnit: 'ML0101', year: 2023, ageGroup: '0-11m', sex: 'T', value: 1150 },
  { orgUnit: 'ML0101', year: 2024, ageGroup: '0-11m', sex: 'T', value: 1200 },
  { orgUnit: 'ML0406', year: 2023, ageGroup: '0-11m', sex: 'T', value: 880 },
  { orgUnit: 'ML0406', year: 2024, ageGroup: '0-11m', sex: 'T', value: 900 },
  { orgUnit: 'ML', year: 2024, ageGroup: '0-11m', sex: 'T', value: 5000 },
] as const;

/** Inserts the extra data elements, the periods, the values and the population (fixtures first). */
export async function insertDataset(database: Database, values: readonly RawValue[]): Promise<void> {
  const fixtureCodes = new Set<string>(fixtureDataElements.map((de) => de.code));
  await inTransaction(database, async (client) => {
    for (const [index, de] of datasetDataElements.filter((d) => !fixtureCodes.has(d.code)).entries()) {
      await client.query(
        `INSERT INTO data_element (uid, code, name, value_type, aggregation_type, category_combo_id)
         VALUES ($1, $2, $2, 'NUMBER', $3, (SELECT id FROM category_combo WHERE code = $4))`,
        [`DeTest${String(index).padStart(5, '0')}`, de.code, de.aggregationType, de.combos[0] === 'default' ? 'default' : 'SEX'],
      );
    }
    const periods = new Map(values.map((v) => [v.period, v]));
    await client.query(
      `INSERT INTO period (iso, period_type, start_date, end_date) SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::date[])`,
      [[...periods.keys()], [...periods.values()].map((p) => p.periodType), [...periods.values()].map((p) => p.startDate), [...periods.values()].map((p) => p.endDate)],
    );
    await client.query(
      `INSERT INTO data_value (data_element_id, period_id, org_unit_id, category_option_combo_id, value, numeric_value)
       SELECT de.id, p.id, ou.id, coc.id, v.value::text, v.value
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::float8[]) AS v(de, pe, ou, coc, value)
       JOIN data_element de ON de.code = v.de JOIN period p ON p.iso = v.pe JOIN org_unit ou ON ou.code = v.ou
       JOIN category_option_combo coc ON coc.code = v.coc`,
      [values.map((v) => v.dataElement), values.map((v) => v.period), values.map((v) => v.orgUnit), values.map((v) => v.categoryOptionCombo), values.map((v) => v.value)],
    );
    for (const row of datasetPopulation) {
      await client.query(
        `INSERT INTO population (org_unit_id, year, age_group, sex, value, source) SELECT id, $2, $3, $4, $5, 'test' FROM org_unit WHERE code = $1`,
        [row.orgUnit, row.year, row.ageGroup, row.sex, row.value],
      );
    }
  });
}
