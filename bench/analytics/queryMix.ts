// The fixed mix of 50 analytics queries of the bench (issue 2, "Performance"): an indicator by
// region × month for a year (20), by cercle for a quarter (15), national by year over five
// years (14), and one LEVEL-2 × LAST_12_MONTHS pivot of five items. Each comes with its naive
// baseline: the same sums by a plain GROUP BY over the raw values joined to the org-unit
// ancestors, with no aggregate table.
import { FIRST_YEAR, YEARS } from './nationalDataset.ts';

export type Grouping = 'month' | 'quarter' | 'year';

export interface MixQuery {
  kind: 'region × month, a year' | 'cercle, a quarter' | 'national, 5 years' | 'LEVEL-2 × LAST_12_MONTHS pivot';
  parameters: Record<string, string | string[]>;
  naive: { dataElements: string[]; level: number; grouping: Grouping; from: string; to: string; population: boolean };
}

/** Data elements and population each indicator of the bench reads. */
const INDICATORS: Record<string, { dataElements: string[]; population: boolean }> = {
  B_COVERAGE: { dataElements: ['BDE02'], population: true },
  B_DROPOUT: { dataElements: ['BDE01', 'BDE02'], population: false },
  B_RATIO: { dataElements: ['BDE21', 'BDE22', 'BDE23'], population: false },
  B_GIRLS_SHARE: { dataElements: ['BDE05'], population: false },
  B_INCIDENCE: { dataElements: ['BDE41'], population: true },
};
const names = Object.keys(INDICATORS);
const year = (i: number) => FIRST_YEAR + (i % YEARS);
const months = (y: number) => Array.from({ length: 12 }, (_, m) => `${y}${String(m + 1).padStart(2, '0')}`);

export function queryMix(): MixQuery[] {
  const mix: MixQuery[] = [];
  for (let i = 0; i < 20; i++) {
    const indicator = names[i % names.length]!;
    const y = year(i + Math.floor(i / names.length));
    mix.push({
      kind: 'region × month, a year',
      parameters: { dimension: [`dx:${indicator}`, `pe:${months(y).join(';')}`, 'ou:LEVEL-2'] },
      naive: { ...INDICATORS[indicator]!, level: 2, grouping: 'month', from: `${y}-01-01`, to: `${y}-12-31` },
    });
  }
  for (let i = 0; i < 15; i++) {
    const indicator = names[i % names.length]!;
    const y = year(i);
    const quarter = (i % 4) + 1;
    const start = `${y}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
    mix.push({
      kind: 'cercle, a quarter',
      parameters: { dimension: [`dx:${indicator}`, `pe:${y}Q${quarter}`, 'ou:LEVEL-3'] },
      naive: { ...INDICATORS[indicator]!, level: 3, grouping: 'quarter', from: start, to: `${y}-${String(quarter * 3).padStart(2, '0')}-28` },
    });
  }
  const years = Array.from({ length: YEARS }, (_, i) => FIRST_YEAR + i);
  for (let i = 0; i < 14; i++) {
    const indicator = names[i % names.length]!;
    mix.push({
      kind: 'national, 5 years',
      parameters: { dimension: [`dx:${indicator}`, `pe:${years.join(';')}`, 'ou:ML'] },
      naive: { ...INDICATORS[indicator]!, level: 1, grouping: 'year', from: `${FIRST_YEAR}-01-01`, to: `${FIRST_YEAR + YEARS - 1}-12-31` },
    });
  }
  const last = FIRST_YEAR + YEARS - 1;
  mix.push({
    kind: 'LEVEL-2 × LAST_12_MONTHS pivot',
    parameters: { dimension: ['dx:B_COVERAGE;B_DROPOUT;BDE01;BDE02;BDE41', 'pe:LAST_12_MONTHS', 'ou:LEVEL-2'], relativePeriodDate: `${last + 1}-01-10` },
    naive: { dataElements: ['BDE01', 'BDE02', 'BDE41'], population: true, level: 2, grouping: 'month', from: `${last}-01-01`, to: `${last}-12-31` },
  });
  return mix;
}

const PERIOD_KEY: Record<Grouping, string> = {
  month: `to_char(p.start_date, 'YYYYMM')`,
  quarter: `to_char(p.start_date, 'YYYY"Q"Q')`,
  year: `to_char(p.start_date, 'YYYY')`,
};

/** The naive baseline's SQL: sums by ancestor at the level asked, period and data element. */
export function naiveSql(naive: MixQuery['naive']): { text: string; values: unknown[] } {
  return {
    text: `SELECT anc.id AS ou, ${PERIOD_KEY[naive.grouping]} AS pe, de.code AS de, dv.category_option_combo_id AS coc, sum(dv.numeric_value) AS value
           FROM data_value dv
           JOIN org_unit u ON u.id = dv.org_unit_id
           JOIN org_unit anc ON anc.id = u.ancestor_ids[$1]
           JOIN period p ON p.id = dv.period_id
           JOIN data_element de ON de.id = dv.data_element_id
           WHERE de.code = ANY($2) AND p.start_date BETWEEN $3 AND $4
           GROUP BY 1, 2, 3, 4`,
    values: [naive.level, naive.dataElements, naive.from, naive.to],
  };
}

/** The population the naive baseline reads for indicators with a population denominator. */
export function naivePopulationSql(naive: MixQuery['naive']): { text: string; values: unknown[] } {
  return {
    text: `SELECT anc.id AS ou, p.year, p.age_group, sum(p.value) AS value
           FROM population p JOIN org_unit u ON u.id = p.org_unit_id JOIN org_unit anc ON anc.id = u.ancestor_ids[$1]
           WHERE p.year BETWEEN extract(year FROM $2::date) AND extract(year FROM $3::date) GROUP BY 1, 2, 3`,
    values: [naive.level, naive.from, naive.to],
  };
}
