// The national-scale dataset of the analytics bench (issue 2, "Performance"): Mali's 9
// regions and 50 cercles (data/mali/mli_admin_hierarchy.csv, "8 régions + Bamako" layout),
// 1,400 facilities spread over the cercles (28 each), 60 monthly data elements with 4 category
// option combos on average (20 by sex: 2; 20 by age group: 4; 20 by sex × strategy: 6), every
// facility reporting every value for the 60 months of 2020–2024: 1,400 × 60 × 240 = 20,160,000
// values at scale 1. `scale` shrinks the number of facilities (at least one per cercle).
// Values are a cheap integer hash of their key, so the dataset is the same on every run.
import { readFileSync } from 'node:fs';
import { parseCsv } from '../../src/core/csv/csvReader.ts';
import type { Database } from '../../src/store/database.ts';
import { inTransaction } from '../../src/store/transaction.ts';

export const FIRST_YEAR = 2020;
export const YEARS = 5;
export const MONTHS = YEARS * 12;
export const DATA_ELEMENTS = 60;
const FACILITIES_AT_SCALE_1 = 1400;

const uid = (prefix: string, n: number) => `${prefix}${String(n).padStart(11 - prefix.length, '0')}`;

/** Category combos: code → category option combo codes. Data elements 1–20, 21–40, 41–60 use them in turn. */
export const COMBOS: Record<string, string[]> = {
  B_SEX: ['F', 'M'],
  B_AGE: ['A0_11M', 'A12_23M', 'A2_4Y', 'A5_14Y'],
  B_SEX_STRATEGY: ['F_FIXED', 'F_OUTREACH', 'F_MOBILE', 'M_FIXED', 'M_OUTREACH', 'M_MOBILE'],
};
export const comboOfDataElement = (n: number) => Object.keys(COMBOS)[Math.floor((n - 1) / 20)]!;
export const dataElementCode = (n: number) => `BDE${String(n).padStart(2, '0')}`;

export interface NationalShape {
  facilities: number;
  /** Values at full density: facilities × months × Σ combos. */
  values: number;
}

export function nationalShape(scale: number): NationalShape {
  const facilities = Math.max(50, Math.round(FACILITIES_AT_SCALE_1 * scale));
  const combosPerMonth = Array.from({ length: DATA_ELEMENTS }, (_, i) => COMBOS[comboOfDataElement(i + 1)]!.length).reduce((a, b) => a + b, 0);
  return { facilities, values: facilities * MONTHS * combosPerMonth };
}

interface Unit {
  code: string;
  name: string;
  parent: string | null;
}

/** Country, the 9 regions and 50 cercles of the 8+1 layout, from the shipped reference file. */
function maliUnits(): Unit[] {
  const [header, ...rows] = parseCsv(readFileSync(new URL('../../data/mali/mli_admin_hierarchy.csv', import.meta.url), 'utf8')).map((r) => r.fields);
  const column = (name: string) => header!.indexOf(name);
  return rows
    .filter((f) => f[column('in_layout_8plus1')] === 'true')
    .map((f) => ({ code: f[column('code')]!, name: f[column('name')]!, parent: f[column('parent_code')] || null }));
}

/**
 * Creates the metadata: org units (ids: country 1, then regions, cercles, facilities), the
 * categories and combos, the data elements, a monthly data set assigned to every facility,
 * yearly population of the cercles, five indicators.
 */
export async function createNationalMetadata(database: Database, shape: NationalShape): Promise<void> {
  const units = maliUnits();
  const cercles = units.filter((u) => u.parent && u.parent !== 'ML');
  const facilities = Array.from({ length: shape.facilities }, (_, i) => {
    const cercle = cercles[i % cercles.length]!;
    return { code: `${cercle.code}_CS${String(Math.floor(i / cercles.length) + 1).padStart(2, '0')}`, name: `CSCom ${cercle.name} ${i + 1}`, parent: cercle.code };
  });
  const all = [...units, ...facilities];
  await inTransaction(database, async (client) => {
    await client.query(
      `INSERT INTO org_unit (id, uid, code, name, level, path, ancestor_ids, opening_date) VALUES (1, $1, 'ML', 'Mali', 1, '/' || $1, '{1}', '1960-09-22')`,
      [uid('Ou', 1)],
    );
    // Parents before children: each level inserted from the one above.
    for (const level of [2, 3, 4]) {
      const rows = all.map((u, i) => ({ ...u, id: i + 1 })).filter((u) => depth(u, all) === level);
      await client.query(
        `INSERT INTO org_unit (id, uid, code, name, parent_id, level, path, ancestor_ids, opening_date)
         SELECT n.id, n.uid, n.code, n.name, p.id, $5, p.path || '/' || n.uid, p.ancestor_ids || n.id, '2000-01-01'
         FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $6::text[]) AS n(id, uid, code, name, parent)
         JOIN org_unit p ON p.code = n.parent`,
        [rows.map((u) => u.id), rows.map((u) => uid('Ou', u.id)), rows.map((u) => u.code), rows.map((u) => u.name), level, rows.map((u) => u.parent)],
      );
    }
    for (const [index, [combo, options]] of Object.entries(COMBOS).entries()) {
      const { rows } = await client.query<{ id: number }>(`INSERT INTO category_combo (uid, code, name) VALUES ($1, $2, $2) RETURNING id`, [uid('Cc', index + 1), combo]);
      await client.query(
        `INSERT INTO category_option_combo (uid, code, name, category_combo_id) SELECT 'Co' || lpad(code_hash::text, 9, '0'), code, code, $2
         FROM unnest($1::text[]) WITH ORDINALITY AS o(code, n), LATERAL (SELECT $2 * 100 + n AS code_hash) h`,
        [options, rows[0]!.id],
      );
    }
    await client.query(
      `INSERT INTO data_element (uid, code, name, short_name, value_type, aggregation_type, category_combo_id)
       SELECT 'De' || lpad(n::text, 9, '0'), 'BDE' || lpad(n::text, 2, '0'), 'Élément ' || n, 'Élément ' || n, 'INTEGER_ZERO_OR_POSITIVE',
              CASE WHEN n <= 54 THEN 'SUM' WHEN n <= 57 THEN 'AVERAGE_SUM_ORG_UNIT' ELSE 'LAST' END,
              (SELECT id FROM category_combo WHERE code = (ARRAY['B_SEX', 'B_AGE', 'B_SEX_STRATEGY'])[(n - 1) / 20 + 1])
       FROM generate_series(1, ${DATA_ELEMENTS}) AS n`,
    );
    await client.query(`INSERT INTO data_set (uid, code, name, period_type) VALUES ('DsBench0001', 'BENCH_MONTHLY', 'Rapport mensuel (bench)', 'Monthly')`);
    await client.query(`INSERT INTO data_set_element (data_set_id, data_element_id) SELECT ds.id, de.id FROM data_set ds, data_element de WHERE ds.code = 'BENCH_MONTHLY' AND de.code LIKE 'BDE%'`);
    await client.query(`INSERT INTO data_set_org_unit (data_set_id, org_unit_id) SELECT ds.id, ou.id FROM data_set ds, org_unit ou WHERE ds.code = 'BENCH_MONTHLY' AND ou.level = 4`);
    await client.query(
      `INSERT INTO period (iso, period_type, start_date, end_date)
       SELECT to_char(m, 'YYYYMM'), 'Monthly', m::date, (m + interval '1 month' - interval '1 day')::date
       FROM generate_series(make_date(${FIRST_YEAR}, 1, 1)::timestamp, make_date(${FIRST_YEAR + YEARS - 1}, 12, 1)::timestamp, interval '1 month') AS m`,
    );
    // Surviving infants per cercle: about 4 % of a cercle's 350,000 people, growing 3 % a year.
    await client.query(
      `INSERT INTO population (org_unit_id, year, age_group, sex, value, source)
       SELECT ou.id, y, a.age_group, 'T', round((12000 + ou.id * 37) * a.share * power(1.03, y - ${FIRST_YEAR})), 'bench'
       FROM org_unit ou, generate_series(${FIRST_YEAR}, ${FIRST_YEAR + YEARS}) AS y,
            (VALUES ('0-11m', 1.0), ('total', 27.0)) AS a(age_group, share)
       WHERE ou.level = 3`,
    );
    await client.query(`INSERT INTO indicator_type (uid, code, name, factor) VALUES ('InTypeBen01', 'B_PERCENT', 'Pourcentage', 100), ('InTypeBen02', 'B_PER_1000', 'Pour 1000', 1000)`);
    await client.query(
      `INSERT INTO indicator (uid, code, name, indicator_type_id, numerator, denominator)
       SELECT v.uid, v.code, v.code, t.id, v.numerator, v.denominator FROM (VALUES
         ('InBench0001', 'B_COVERAGE', 'B_PERCENT', '#{BDE02}', '#{POPULATION.0-11m}'),
         ('InBench0002', 'B_DROPOUT', 'B_PERCENT', '#{BDE01} - #{BDE02}', '#{BDE01}'),
         ('InBench0003', 'B_RATIO', 'B_PERCENT', '#{BDE23}', '#{BDE21} + #{BDE22}'),
         ('InBench0004', 'B_GIRLS_SHARE', 'B_PERCENT', '#{BDE05.F}', '#{BDE05}'),
         ('InBench0005', 'B_INCIDENCE', 'B_PER_1000', '#{BDE41}', '#{POPULATION}')
       ) AS v(uid, code, type, numerator, denominator) JOIN indicator_type t ON t.code = v.type`,
    );
  });
}

function depth(unit: Unit, all: readonly Unit[]): number {
  let level = 1;
  for (let parent = unit.parent; parent; parent = all.find((u) => u.code === parent)?.parent ?? null) level++;
  return level;
}

/** The ids the value rows use, read back from the database. */
export interface NationalIds {
  facilities: number[];
  periods: number[];
  /** Per data element (1-based index): its id and its category option combo ids. */
  dataElements: Array<{ id: number; combos: number[] }>;
}

export async function nationalIds(database: Database): Promise<NationalIds> {
  const q = async <T>(sql: string) => (await database.pool.query(sql)).rows as T[];
  const facilities = (await q<{ id: number }>(`SELECT id FROM org_unit WHERE level = 4 ORDER BY id`)).map((r) => r.id);
  const periods = (await q<{ id: number }>(`SELECT id FROM period WHERE period_type = 'Monthly' ORDER BY start_date`)).map((r) => r.id);
  const dataElements = await q<{ id: number; combos: number[] }>(
    `SELECT de.id, array_agg(coc.id ORDER BY coc.id) AS combos FROM data_element de
     JOIN category_option_combo coc ON coc.category_combo_id = de.category_combo_id
     WHERE de.code LIKE 'BDE%' GROUP BY de.id, de.code ORDER BY de.code`,
  );
  return { facilities, periods, dataElements };
}

/** A value from its key: a small deterministic hash, 0–99. */
export const valueOf = (facility: number, period: number, combo: number, dataElement: number) =>
  (Math.imul(facility * 7919 + period * 104729 + combo * 31 + dataElement * 131, 2654435761) >>> 0) % 100;

/** One value row: data_element_id, period_id, org_unit_id, category_option_combo_id, value. */
export type ValueRow = [number, number, number, number, number];

/** The value rows of one month, facility by facility. */
export function* monthRows(ids: NationalIds, month: number): Generator<ValueRow> {
  const period = ids.periods[month]!;
  for (const facility of ids.facilities) {
    for (const dataElement of ids.dataElements) {
      for (const combo of dataElement.combos) yield [dataElement.id, period, facility, combo, valueOf(facility, period, combo, dataElement.id)];
    }
  }
}
