// The timed parts of the analytics bench: the query mix through the analytics engine and
// through the naive baseline, freshness under a steady write load, and the real import path.
import { performance } from 'node:perf_hooks';
import { analyticsResponse } from '../../src/core/analytics/grid.ts';
import { parseAnalyticsRequest } from '../../src/core/analytics/request.ts';
import { dataValueSource } from '../../src/store/dataValues/dataValueSource.ts';
import { importDataValues } from '../../src/store/dataValues/importDataValues.ts';
import type { Database } from '../../src/store/database.ts';
import { answerAnalytics } from '../../src/store/analytics/runQuery.ts';
import { COMBOS, comboOfDataElement, dataElementCode, DATA_ELEMENTS, FIRST_YEAR, valueOf, type NationalIds } from './nationalDataset.ts';
import { naivePopulationSql, naiveSql, type MixQuery } from './queryMix.ts';

export const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
export const sortedTimes = (times: readonly number[]) => [...times].sort((a, b) => a - b);

/** One analytics request, answered as the HTTP handler answers it (parse, resolve, compute, JSON). */
export async function answer(database: Database, parameters: Record<string, string | string[]>, rootPath: string): Promise<string> {
  const parsed = parseAnalyticsRequest({ ...parameters });
  if (!parsed.ok) throw new Error(`bench query refused: ${JSON.stringify(parsed.problems)}`);
  const table = await answerAnalytics(database, parsed.request, { userOrgUnitPaths: [rootPath], today: '2025-01-10', language: 'fr' });
  return JSON.stringify(analyticsResponse(table, 'fr', false));
}

/** Milliseconds of each query of the mix by kind, `rounds` times over, after one untimed round. */
export async function timeMix(mix: readonly MixQuery[], rounds: number, run: (query: MixQuery) => Promise<unknown>): Promise<Map<string, number[]>> {
  for (const query of mix) await run(query);
  const times = new Map<string, number[]>();
  for (let round = 0; round < rounds; round++) {
    for (const query of mix) {
      const start = performance.now();
      await run(query);
      times.set(query.kind, [...(times.get(query.kind) ?? []), performance.now() - start]);
    }
  }
  return times;
}

export async function naiveAnswer(database: Database, query: MixQuery): Promise<unknown[]> {
  const sums = naiveSql(query.naive);
  const rows = (await database.pool.query(sums.text, sums.values)).rows;
  if (!query.naive.population) return rows;
  const population = naivePopulationSql(query.naive);
  return [...rows, ...(await database.pool.query(population.text, population.values)).rows];
}

/**
 * Freshness: while a writer commits 100 values a second (single-row upserts, each its own
 * transaction), a probe adds 1 to one value every `probeEveryMs` and times how long after its
 * commit the national yearly total, read through the analytics engine, shows it.
 */
export async function measureFreshness(database: Database, ids: NationalIds, rootPath: string, probes: number): Promise<{ times: number[]; writesPerSecond: number }> {
  const lastYear = ids.periods.length - 12;
  const probeDe = ids.dataElements[2]!; // BDE03 (by sex); the writer leaves it alone
  const probeKey = [probeDe.id, ids.periods[ids.periods.length - 1]!, ids.facilities[0]!, probeDe.combos[0]!];
  const upsert = `INSERT INTO data_value (data_element_id, period_id, org_unit_id, category_option_combo_id, value, numeric_value)
    VALUES ($1, $2, $3, $4, $5::text, $5::float8)
    ON CONFLICT (data_element_id, period_id, org_unit_id, category_option_combo_id, attribute_option_combo_id)
    DO UPDATE SET value = excluded.value, numeric_value = excluded.numeric_value, last_updated = now()`;
  let running = true;
  let written = 0;
  const start = performance.now();
  const writer = (async () => {
    for (let i = 0; running; i++) {
      const due = start + i * 10;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const de = ids.dataElements[3 + (i % (DATA_ELEMENTS - 3))]!;
      await database.pool.query(upsert, [de.id, ids.periods[lastYear + (i % 12)], ids.facilities[(i * 7) % ids.facilities.length], de.combos[i % de.combos.length], i % 100]);
      written++;
    }
  })();
  const national = async () => {
    const text = await answer(database, { dimension: [`dx:${dataElementCode(3)}`], filter: [`pe:${FIRST_YEAR + ids.periods.length / 12 - 1}`, 'ou:ML'], skipRounding: 'true' }, rootPath);
    return Number((JSON.parse(text) as { rows: string[][] }).rows[0]![1]);
  };
  const times: number[] = [];
  try {
    let expected = await national();
    for (let probe = 0; probe < probes; probe++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      await database.pool.query(
        `UPDATE data_value SET numeric_value = numeric_value + 1, value = (numeric_value + 1)::text
         WHERE (data_element_id, period_id, org_unit_id, category_option_combo_id) = ($1, $2, $3, $4)`,
        probeKey,
      );
      const committed = performance.now();
      expected += 1;
      while ((await national()) !== expected) {
        if (performance.now() - committed > 10_000) throw new Error('freshness: the total did not change within 10 s');
      }
      times.push(performance.now() - committed);
    }
  } finally {
    running = false;
    await writer;
  }
  return { times, writesPerSecond: written / ((performance.now() - start) / 1000) };
}

/**
 * The real import path: a DHIS2 CSV file of one new month (every facility, data element and
 * combo) through importDataValues, with every check, staging and merge. Returns values/s.
 */
export async function measureImport(database: Database, rootPath: string): Promise<{ values: number; seconds: number; status: string }> {
  const { rows: units } = await database.pool.query<{ id: number; code: string }>(`SELECT id, code FROM org_unit WHERE level = 4 ORDER BY id`);
  const lines = ['dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted'];
  for (const unit of units) {
    for (let n = 1; n <= DATA_ELEMENTS; n++) {
      for (const combo of COMBOS[comboOfDataElement(n)]!) lines.push(`${dataElementCode(n)},202501,${unit.code},${combo},,${valueOf(unit.id, 9999, n, combo.length)},bench,,,false,`);
    }
  }
  const csv = `${lines.join('\n')}\n`;
  const start = performance.now();
  const summary = await importDataValues(
    database,
    dataValueSource('csv', csv),
    { idSchemes: { idScheme: 'code' }, dryRun: false, importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'ALL', dataSet: 'BENCH_MONTHLY', async: false },
    { username: 'bench', scopePaths: [rootPath] },
    { today: '2025-02-15' },
  );
  const seconds = (performance.now() - start) / 1000;
  if (summary.conflicts.length > 0) throw new Error(`import: ${summary.conflicts.length} conflicts, first ${JSON.stringify(summary.conflicts[0])}`);
  // Every line of the file counts, including the zeros the import ignores as DHIS2 does.
  return { values: lines.length - 1, seconds, status: summary.status };
}
