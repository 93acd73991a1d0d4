// Analytics totals against totals computed independently from the raw rows of a seeded random
// dataset (testing/expectedTotals.ts), on both engines: every aggregation type, every level of
// the fixture tree, months, quarters and years, weekly data into months, filters, DE.COC and the
// co dimension, indicators with constants and population denominators, and freshness.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAnalyticsRequest } from '../../core/analytics/request.ts';
import type { Database } from '../database.ts';
import { describeEachEngine } from '../testing/engines.ts';
import { insertFixtures } from '../testing/fixtures.ts';
import { answerAnalytics } from './runQuery.ts';
import { datasetDataElements, generateDataset, insertDataset, type RawValue } from './testing/analyticsDataset.ts';
import { expectedPopulation, expectedTotal, type QueryPeriod } from './testing/expectedTotals.ts';

const TODAY = '2025-03-15';

async function analytics(database: Database, query: Record<string, string | string[]>) {
  const parsed = parseAnalyticsRequest({ skipRounding: 'true', ...query });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const table = await answerAnalytics(database, parsed.request, { userOrgUnitPaths: ['/MLuid000001'], today: TODAY, language: 'fr' });
  return new Map(table.rows.map((row) => [row.slice(0, -1).join('|'), Number(row[row.length - 1])]));
}

// Requested periods with their dates written out (not computed by the code under test).
const PERIODS: Record<string, QueryPeriod> = {
  '2023': { startDate: '2023-01-01', endDate: '2023-12-31' },
  '2024': { startDate: '2024-01-01', endDate: '2024-12-31' },
  '2023Q4': { startDate: '2023-10-01', endDate: '2023-12-31' },
  '2024Q1': { startDate: '2024-01-01', endDate: '2024-03-31' },
  '2024Q3': { startDate: '2024-07-01', endDate: '2024-09-30' },
  '202401': { startDate: '2024-01-01', endDate: '2024-01-31' },
  '202402': { startDate: '2024-02-01', endDate: '2024-02-29' },
  '202411': { startDate: '2024-11-01', endDate: '2024-11-30' },
  '2024W5': { startDate: '2024-01-29', endDate: '2024-02-04', weekly: true },
  '2024W9': { startDate: '2024-02-26', endDate: '2024-03-03', weekly: true },
};
const ORG_UNITS = ['ML', 'ML01', 'ML04', 'ML0101', 'ML0406', 'FAC_KAYES_1', 'FAC_SEGOU_1'];

function expectClose(actual: number | undefined, expected: number | undefined, where: string) {
  if (expected === undefined) return expect(actual, where).toBeUndefined();
  expect(actual, where).toBeDefined();
  expect(Math.abs(actual! - expected), `${where}: ${actual} ≠ ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

describeEachEngine('analytics totals', (database) => {
  let rows: RawValue[];
  beforeAll(async () => {
    await insertFixtures(database());
    rows = generateDataset();
    await insertDataset(database(), rows);
    const { rows: constant } = await database().pool.query(
      `INSERT INTO indicator_type (uid, code, name, factor) VALUES ('InTypePct01', 'PERCENT', 'Pourcentage', 100), ('InTypeNum01', 'NUMBER', 'Nombre', 1) RETURNING id`,
    );
    expect(constant).toHaveLength(2);
    await database().pool.query(`INSERT INTO constant (uid, code, name, value) VALUES ('ConstTarget', 'TARGET_PER_MONTH', 'Cible', 50)`);
    await database().pool.query(
      `INSERT INTO indicator (uid, code, name, indicator_type_id, numerator, denominator, annualized, decimals)
       SELECT v.uid, v.code, v.code, t.id, v.numerator, v.denominator, v.annualized, v.decimals
       FROM (VALUES
         ('InDropout01', 'PENTA_DROPOUT', 'PERCENT', '#{PENTA1} - #{PENTA3}', '#{PENTA1}', false, 1),
         ('InCoverage1', 'PENTA3_COVERAGE', 'PERCENT', '#{PENTA3}', '#{POPULATION.0-11m}', false, NULL),
         ('InGirls0001', 'PENTA1_GIRLS_SHARE', 'PERCENT', '#{PENTA1.F}', '#{PENTA1}', false, NULL),
         ('InTarget001', 'PENTA3_VS_TARGET', 'NUMBER', '#{PENTA3}', 'C{TARGET_PER_MONTH} * 12', true, NULL)
       ) AS v(uid, code, type, numerator, denominator, annualized, decimals)
       JOIN indicator_type t ON t.code = v.type`,
    );
  });

  for (const dataElement of datasetDataElements.filter((de) => !de.weekly)) {
    it(`${dataElement.code} (${dataElement.aggregationType}) at every level, by month, quarter and year`, async () => {
      const periods = ['2023', '2024', '2023Q4', '2024Q1', '2024Q3', '202401', '202402', '202411'];
      const answer = await analytics(database(), { dimension: [`dx:${dataElement.code}`, `pe:${periods.join(';')}`, `ou:${ORG_UNITS.join(';')}`] });
      for (const period of periods) {
        for (const orgUnit of ORG_UNITS) {
          const expected = expectedTotal(rows, { dataElement: dataElement.code, aggregationType: dataElement.aggregationType, orgUnits: [orgUnit], periods: [PERIODS[period]!] });
          expectClose(answer.get(`${dataElement.code}|${period}|${orgUnit}`), expected, `${dataElement.code} ${period} ${orgUnit}`);
        }
      }
    });
  }

  it('puts weekly data into the month holding four of its days, and shows weeks themselves', async () => {
    const periods = ['202401', '202402', '2024Q1', '2024', '2024W5', '2024W9'];
    const answer = await analytics(database(), { dimension: ['dx:MALARIA_WEEKLY', `pe:${periods.join(';')}`, 'ou:ML;ML0406;FAC_KAYES_2'] });
    for (const period of periods) {
      for (const orgUnit of ['ML', 'ML0406', 'FAC_KAYES_2']) {
        const expected = expectedTotal(rows, { dataElement: 'MALARIA_WEEKLY', aggregationType: 'SUM', orgUnits: [orgUnit], periods: [PERIODS[period]!] });
        expectClose(answer.get(`MALARIA_WEEKLY|${period}|${orgUnit}`), expected, `${period} ${orgUnit}`);
      }
    }
    // 2024W5 runs from Monday 29 January to Sunday 4 February: its Thursday is 1 February.
    const week5 = rows.filter((v) => v.dataElement === 'MALARIA_WEEKLY' && v.period === '2024W5').reduce((a, v) => a + v.value, 0);
    expect(week5).toBeGreaterThan(0);
    expect(answer.get('MALARIA_WEEKLY|202402|ML')).toBe(expectedTotal(rows, { dataElement: 'MALARIA_WEEKLY', aggregationType: 'SUM', orgUnits: ['ML'], periods: [PERIODS['202402']!] }));
  });

  it('combines filter org units and filter periods into one value', async () => {
    for (const dataElement of datasetDataElements.filter((de) => !de.weekly && !de.aggregationType.startsWith('LAST'))) {
      const answer = await analytics(database(), { dimension: [`dx:${dataElement.code}`], filter: ['ou:ML0101;FAC_SEGOU_1', 'pe:202401;202402'] });
      const expected = expectedTotal(rows, {
        dataElement: dataElement.code,
        aggregationType: dataElement.aggregationType,
        orgUnits: ['ML0101', 'FAC_SEGOU_1'],
        periods: [PERIODS['202401']!, PERIODS['202402']!],
      });
      expectClose(answer.get(dataElement.code), expected, dataElement.code);
    }
  });

  it('splits data elements by category option combo, as DE.COC items and with the co dimension', async () => {
    const items = await analytics(database(), { dimension: ['dx:PENTA1.F;PENTA1.M', 'pe:2024', 'ou:ML01'] });
    const byCo = await analytics(database(), { dimension: ['dx:PENTA1', 'co', 'pe:2024'], filter: ['ou:ML01'] });
    for (const combo of ['F', 'M']) {
      const expected = expectedTotal(rows, { dataElement: 'PENTA1', aggregationType: 'SUM', orgUnits: ['ML01'], periods: [PERIODS['2024']!], categoryOptionCombos: [combo] });
      expectClose(items.get(`PENTA1.${combo}|2024|ML01`), expected, `PENTA1.${combo}`);
      expectClose(byCo.get(`PENTA1|${combo}|2024`), expected, `co ${combo}`);
    }
  });

  it('computes indicators from aggregated numerators and denominators, with population pro-rated', async () => {
    const periods = ['2023', '2024', '2024Q1', '202402'];
    const answer = await analytics(database(), {
      dimension: ['dx:PENTA_DROPOUT;PENTA3_COVERAGE;PENTA1_GIRLS_SHARE;PENTA3_VS_TARGET', `pe:${periods.join(';')}`, 'ou:ML;ML01;ML0406;FAC_KAYES_1'],
    });
    const total = (dataElement: string, orgUnit: string, period: string, combos?: string[]) =>
      expectedTotal(rows, { dataElement, aggregationType: 'SUM', orgUnits: [orgUnit], periods: [PERIODS[period]!], ...(combos ? { categoryOptionCombos: combos } : {}) });
    for (const period of periods) {
      for (const orgUnit of ['ML', 'ML01', 'ML0406', 'FAC_KAYES_1']) {
        const penta1 = total('PENTA1', orgUnit, period);
        const penta3 = total('PENTA3', orgUnit, period);
        const where = `${period} ${orgUnit}`;
        expectClose(answer.get(`PENTA_DROPOUT|${period}|${orgUnit}`), penta1 ? (((penta1 - (penta3 ?? 0)) / penta1) * 100) : undefined, `dropout ${where}`);
        const population = expectedPopulation(orgUnit, PERIODS[period]!);
        expectClose(answer.get(`PENTA3_COVERAGE|${period}|${orgUnit}`), penta3 !== undefined && population ? (penta3 / population) * 100 : undefined, `coverage ${where}`);
        const girls = total('PENTA1', orgUnit, period, ['F']);
        expectClose(answer.get(`PENTA1_GIRLS_SHARE|${period}|${orgUnit}`), penta1 ? ((girls ?? 0) / penta1) * 100 : undefined, `girls ${where}`);
        const days = (Date.parse(PERIODS[period]!.endDate) - Date.parse(PERIODS[period]!.startDate)) / 86_400_000 + 1;
        expectClose(answer.get(`PENTA3_VS_TARGET|${period}|${orgUnit}`), penta3 !== undefined ? (penta3 / 600) * (365 / days) : undefined, `annualized ${where}`);
      }
    }
    // The national figure stored for 2024 is used as it is, not the sum of the cercles.
    expect(expectedPopulation('ML', PERIODS['2024']!)).toBe(5000);
  });

  it('rounds like DHIS2 unless skipRounding, and honours indicator decimals', async () => {
    const parsed = parseAnalyticsRequest({ dimension: ['dx:BED_OCCUPANCY;PENTA_DROPOUT', 'pe:2024', 'ou:ML'] });
    if (!parsed.ok) throw new Error('parse');
    const table = await answerAnalytics(database(), parsed.request, { userOrgUnitPaths: ['/MLuid000001'], today: TODAY, language: 'fr' });
    for (const row of table.rows) expect(row[3]).toMatch(/^-?\d+(\.\d)?$/);
  });

  it('shows a NONE text value only at its own org unit and period, and LEVEL-n by level code', async () => {
    await database().pool.query(
      `INSERT INTO data_value (data_element_id, period_id, org_unit_id, category_option_combo_id, value)
       SELECT de.id, p.id, ou.id, 1, 'Rupture de vaccins' FROM data_element de, period p, org_unit ou
       WHERE de.code = 'NOTE' AND p.iso = '202403' AND ou.code = 'FAC_KAYES_1'`,
    );
    const parsed = parseAnalyticsRequest({ dimension: ['dx:NOTE', 'pe:202403;2024Q1', 'ou:ML01;LEVEL-CERCLE;FAC_KAYES_1'] });
    if (!parsed.ok) throw new Error('parse');
    const table = await answerAnalytics(database(), parsed.request, { userOrgUnitPaths: ['/MLuid000001'], today: TODAY, language: 'fr' });
    // ML01;LEVEL-CERCLE is the cercle of Kayes; FAC_KAYES_1 is then a boundary too, holding no cercle.
    expect(table.dimensions.ou).toEqual(['ML0101']);
    expect(table.rows).toEqual([]);
    const own = parseAnalyticsRequest({ dimension: ['dx:NOTE', 'pe:202403;2024Q1', 'ou:FAC_KAYES_1;ML0101'] });
    if (!own.ok) throw new Error('parse');
    expect((await answerAnalytics(database(), own.request, { userOrgUnitPaths: ['/MLuid000001'], today: TODAY, language: 'fr' })).rows).toEqual([
      ['NOTE', '202403', 'FAC_KAYES_1', 'Rupture de vaccins'],
    ]);
  });

  it('reports an indicator naming something unknown, and indicators that cite themselves', async () => {
    await database().pool.query(
      `INSERT INTO indicator (uid, code, name, indicator_type_id, numerator, denominator)
       SELECT v.uid, v.code, v.code, t.id, v.numerator, '1' FROM indicator_type t,
         (VALUES ('InBroken001', 'BROKEN', '#{NO_SUCH_ELEMENT} + C{NO_SUCH_CONSTANT}'), ('InCycleA001', 'CYCLE_A', 'N{CYCLE_B}'), ('InCycleB001', 'CYCLE_B', 'N{CYCLE_A}')) AS v(uid, code, numerator)
       WHERE t.code = 'NUMBER'`,
    );
    await expect(analytics(database(), { dimension: ['dx:BROKEN', 'pe:2024', 'ou:ML'] })).rejects.toMatchObject({
      code: 'ANALYTICS_INDICATOR_REFERENCE_UNKNOWN',
      params: { indicator: 'BROKEN', references: '#{NO_SUCH_ELEMENT}, C{NO_SUCH_CONSTANT}' },
    });
    await expect(analytics(database(), { dimension: ['dx:CYCLE_A', 'pe:2024', 'ou:ML'] })).rejects.toMatchObject({ code: 'ANALYTICS_INDICATOR_CYCLE' });
  });

  describe('freshness', () => {
    const national = async () => (await analytics(database(), { dimension: ['dx:PENTA3', 'pe:2024', 'ou:ML'] })).get('PENTA3|2024|ML') ?? 0;
    const key = `(SELECT id FROM data_element WHERE code = 'PENTA3'), (SELECT id FROM period WHERE iso = '202405'),
                 (SELECT id FROM org_unit WHERE code = 'FAC_SEGOU_CLOSED'), (SELECT id FROM category_option_combo WHERE code = 'F')`;

    it('shows a committed insert, update and delete in the national total at once', async () => {
      await database().pool.query(`DELETE FROM data_value WHERE (data_element_id, period_id, org_unit_id, category_option_combo_id) = (${key})`);
      const before = await national();
      await database().pool.query(`INSERT INTO data_value (data_element_id, period_id, org_unit_id, category_option_combo_id, value, numeric_value) VALUES (${key}, '1000', 1000)`);
      expect(await national()).toBe(before + 1000);
      await database().pool.query(`UPDATE data_value SET value = '250', numeric_value = 250 WHERE (data_element_id, period_id, org_unit_id, category_option_combo_id) = (${key})`);
      expect(await national()).toBe(before + 250);
      await database().pool.query(`DELETE FROM data_value WHERE (data_element_id, period_id, org_unit_id, category_option_combo_id) = (${key})`);
      expect(await national()).toBe(before);
    });
  });
});
