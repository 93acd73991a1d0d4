// The analytics bench of issue 2 ("Performance"): the national-scale dataset generated and
// loaded (bench/analytics/nationalDataset.ts, loadValues.ts), then, on the same engine:
// - analytics latency p50/p95 over the fixed mix of 50 queries (queryMix.ts), against the naive
//   baseline (a plain GROUP BY over the raw values joined to the org-unit ancestors), and the ratio;
// - freshness: from a committed value to its effect in a national yearly total, p50/p95, under a
//   steady write load of 100 values/s;
// - import throughput of a DHIS2 CSV file through the real import path;
// - peak memory (RSS) of this process, and of the embedded engine's process.
// Goals on PostgreSQL: p95 ≤ 50 ms, ≥ 20× faster than naive, freshness p95 ≤ 1 s, import ≥ 100,000 values/s.
// Alone: `npx tsx bench/analytics.bench.ts --scale 0.05 --engine postgres`; or `npm run bench -- --only analytics`.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { openDatabase, type Database, type Engine } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { startPostgresCluster, type PostgresCluster } from '../src/store/postgresCluster.ts';
import { loadValues } from './analytics/loadValues.ts';
import { answer, measureFreshness, measureImport, naiveAnswer, percentile, sortedTimes, timeMix } from './analytics/measures.ts';
import { createNationalMetadata, MONTHS, monthRows, nationalIds, nationalShape } from './analytics/nationalDataset.ts';
import { queryMix } from './analytics/queryMix.ts';

export interface AnalyticsBenchOptions {
  scale: number;
  engine: Engine;
  /** Timed rounds of the 50-query mix (default 3). */
  rounds?: number;
  /** Freshness probes (default 100). */
  probes?: number;
  log?: (line: string) => void;
}

export interface AnalyticsBenchResult {
  engine: Engine;
  scale: number;
  values: number;
  loadSeconds: number;
  aggregateRows: number;
  analytics: { p50: number; p95: number };
  naive: { p50: number; p95: number };
  freshness: { p50: number; p95: number; writesPerSecond: number };
  importValuesPerSecond: number;
  peakRssMb: { process: number; engine: number | null };
}

/** Peak resident memory (VmHWM, MiB) of a process, from /proc. */
function peakRss(pid: number | 'self'): number | null {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** The embedded engine runs in a child process of this one. */
function childPids(): number[] {
  try {
    return readdirSync('/proc/self/task').flatMap((task) => readFileSync(`/proc/self/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));

export async function runAnalyticsBench(options: AnalyticsBenchOptions): Promise<AnalyticsBenchResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const shape = nationalShape(options.scale);
  let cluster: PostgresCluster | undefined;
  let database: Database;
  let dataDir: string | undefined;
  if (options.engine === 'postgres') {
    // Settings of a modest dedicated server on this 2-core machine (stack-notes.md §2 used the same).
    cluster = await startPostgresCluster({ shared_buffers: '1GB', work_mem: '64MB', maintenance_work_mem: '512MB', max_wal_size: '8GB', checkpoint_timeout: '30min' });
    database = await openDatabase({ databaseUrl: cluster.url, poolSize: 4 });
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'denw-bench-pglite-'));
    database = await openDatabase({ dataDir, poolSize: 4 });
  }
  try {
    await migrate(database.pool);
    await createNationalMetadata(database, shape);
    const ids = await nationalIds(database);
    const rootPath = (await database.pool.query<{ path: string }>(`SELECT path FROM org_unit WHERE id = 1`)).rows[0]!.path;
    log(`${options.engine}: ${shape.facilities} facilities, ${MONTHS} months, ${shape.values.toLocaleString('en')} values to load`);

    const loadStart = performance.now();
    await loadValues(database, Array.from({ length: MONTHS }, (_, month) => monthRows(ids, month)), (month) => {
      if ((month + 1) % 12 === 0) log(`  loaded ${month + 1}/${MONTHS} months, ${((performance.now() - loadStart) / 1000).toFixed(0)} s`);
    });
    const loadSeconds = (performance.now() - loadStart) / 1000;
    await database.pool.query('VACUUM ANALYZE data_value');
    await database.pool.query('VACUUM ANALYZE aggregated_data_value');
    // Write the loaded pages out now, not during the timed queries.
    await database.pool.query('CHECKPOINT');
    const aggregateRows = Number((await database.pool.query('SELECT count(*) AS n FROM aggregated_data_value')).rows[0].n);

    const mix = queryMix();
    const rounds = options.rounds ?? 3;
    const byKind = await timeMix(mix, rounds, (query) => answer(database, query.parameters, rootPath));
    const naiveByKind = await timeMix(mix, 1, (query) => naiveAnswer(database, query));
    for (const [kind, times] of byKind) {
      const [fast, slow] = [sortedTimes(times), sortedTimes(naiveByKind.get(kind)!)];
      log(`  ${kind}: analytics p50 ${ms(percentile(fast, 50))} / p95 ${ms(percentile(fast, 95))} ms; naive p50 ${ms(percentile(slow, 50))} / p95 ${ms(percentile(slow, 95))} ms`);
    }
    const analytics = sortedTimes([...byKind.values()].flat());
    const naive = sortedTimes([...naiveByKind.values()].flat());

    const freshness = await measureFreshness(database, ids, rootPath, options.probes ?? 100);
    const freshTimes = sortedTimes(freshness.times);
    const { writesPerSecond } = freshness;
    log(`  freshness: p50 ${ms(percentile(freshTimes, 50))} ms, p95 ${ms(percentile(freshTimes, 95))} ms under ${writesPerSecond.toFixed(0)} writes/s`);

    const imported = await measureImport(database, rootPath);
    log(`  import: ${imported.values.toLocaleString('en')} values in ${imported.seconds.toFixed(1)} s (${imported.status})`);

    const result: AnalyticsBenchResult = {
      engine: options.engine,
      scale: options.scale,
      values: shape.values,
      loadSeconds,
      aggregateRows,
      analytics: { p50: percentile(analytics, 50), p95: percentile(analytics, 95) },
      naive: { p50: percentile(naive, 50), p95: percentile(naive, 95) },
      freshness: { p50: percentile(freshTimes, 50), p95: percentile(freshTimes, 95), writesPerSecond },
      importValuesPerSecond: imported.values / imported.seconds,
      peakRssMb: { process: peakRss('self') ?? 0, engine: options.engine === 'pglite' ? childPids().map((pid) => peakRss(pid) ?? 0).reduce((a, b) => Math.max(a, b), 0) : null },
    };
    printTable(result, log);
    return result;
  } finally {
    await database.close();
    cluster?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

export function printTable(r: AnalyticsBenchResult, log: (line: string) => void): void {
  const goal = (ok: boolean) => (r.engine === 'postgres' ? (ok ? ' ✓' : ' ✗') : '');
  log('');
  log(`| ${r.engine}, scale ${r.scale} (${r.values.toLocaleString('en')} values) | measured | goal (PostgreSQL) |`);
  log('|---|---|---|');
  const loader = r.engine === 'postgres' ? 'COPY' : 'INSERT … FROM unnest (no COPY through the PGlite socket)';
  log(`| bulk load: ${loader} + aggregate triggers, FK checks off | ${Math.round(r.values / r.loadSeconds).toLocaleString('en')} values/s (${r.loadSeconds.toFixed(0)} s; ${r.aggregateRows.toLocaleString('en')} aggregate rows) | – |`);
  log(`| import, DHIS2 CSV through the real import path | ${Math.round(r.importValuesPerSecond).toLocaleString('en')} values/s${goal(r.importValuesPerSecond >= 100_000)} | ≥ 100,000 values/s |`);
  log(`| analytics, 50-query mix, p50 / p95 | ${ms(r.analytics.p50)} / ${ms(r.analytics.p95)} ms${goal(r.analytics.p95 <= 50)} | p95 ≤ 50 ms |`);
  log(`| naive GROUP BY baseline, p50 / p95 | ${ms(r.naive.p50)} / ${ms(r.naive.p95)} ms | – |`);
  log(`| ratio naive / analytics, p50 / p95 | ${(r.naive.p50 / r.analytics.p50).toFixed(0)}× / ${(r.naive.p95 / r.analytics.p95).toFixed(0)}×${goal(r.naive.p50 / r.analytics.p50 >= 20)} | ≥ 20× |`);
  log(`| freshness under ${r.freshness.writesPerSecond.toFixed(0)} writes/s, p50 / p95 | ${ms(r.freshness.p50)} / ${ms(r.freshness.p95)} ms${goal(r.freshness.p95 <= 1000)} | p95 ≤ 1 s |`);
  log(`| peak RSS: bench process${r.peakRssMb.engine !== null ? ' / PGlite process' : ''} | ${r.peakRssMb.process.toFixed(0)}${r.peakRssMb.engine !== null ? ` / ${r.peakRssMb.engine.toFixed(0)}` : ''} MiB | – |`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '0.05' }, engine: { type: 'string', default: 'postgres' } } });
  for (const engine of values.engine.split(',') as Engine[]) await runAnalyticsBench({ scale: Number(values.scale), engine });
}
