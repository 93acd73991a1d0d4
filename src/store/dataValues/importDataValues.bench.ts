// Throughput of the real import path (importDataValues: CSV reading, every check, staging,
// classification, merge, audit rows and the analytics triggers) on a generated DHIS2 CSV of
// 1,000,000 values: 1,000 facilities × 50 data elements × 2 sexes × 10 months. Three runs on
// the same file: all new values, all unchanged (counted as updated, not rewritten), all
// changed. Prints values/s per run.
//
// Run: npx tsx src/store/dataValues/importDataValues.bench.ts [--values 1000000] [--engine postgres|pglite] [--statements]
// --statements prints every SQL statement of the imports that took over 200 ms (where the time goes).
// PostgreSQL comes from DATABASE_URL (a database is created in it) or a throwaway cluster.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import process from 'node:process';
import pg from 'pg';
import { openDatabase, type Database } from '../database.ts';
import { migrate } from '../migrate.ts';
import { startPostgresCluster } from '../postgresCluster.ts';
import { dataValueSource } from './dataValueSource.ts';
import { importDataValues } from './importDataValues.ts';

const { values: args } = parseArgs({
  options: { values: { type: 'string', default: '1000000' }, engine: { type: 'string', default: 'postgres' }, statements: { type: 'boolean', default: false } },
});
const FACILITIES = 1000;
const ELEMENTS = 50;
const months = Math.max(1, Math.round(Number(args.values) / (FACILITIES * ELEMENTS * 2)));

async function metadata(database: Database): Promise<void> {
  await database.pool.query(`
    INSERT INTO org_unit (uid, code, name, level, path, ancestor_ids) VALUES ('BenchRoot01', 'BENCH', 'Bench', 1, '/BenchRoot01', '{}');
    UPDATE org_unit SET ancestor_ids = ARRAY[id] WHERE code = 'BENCH';
    INSERT INTO org_unit (uid, code, name, parent_id, level, path, ancestor_ids)
      SELECT 'BenchReg' || lpad(r::text, 3, '0'), 'REG' || r, 'Region ' || r, root.id, 2, root.path || '/BenchReg' || lpad(r::text, 3, '0'), root.ancestor_ids
      FROM generate_series(1, 10) r, org_unit root WHERE root.code = 'BENCH';
    UPDATE org_unit SET ancestor_ids = ancestor_ids || id WHERE level = 2;
    INSERT INTO org_unit (uid, code, name, parent_id, level, path, ancestor_ids)
      SELECT 'BenchF' || lpad(f::text, 5, '0'), 'FAC' || f, 'Facility ' || f, reg.id, 3, reg.path || '/BenchFac' || lpad(f::text, 3, '0'), reg.ancestor_ids
      FROM generate_series(1, ${FACILITIES}) f JOIN org_unit reg ON reg.code = 'REG' || (1 + f % 10);
    UPDATE org_unit SET ancestor_ids = ancestor_ids || id WHERE level = 3;
    INSERT INTO category_option (uid, code, name) VALUES ('BenchOptF01', 'F', 'F'), ('BenchOptM01', 'M', 'M');
    INSERT INTO category (uid, code, name) VALUES ('BenchCatSex', 'SEX', 'Sex');
    INSERT INTO category_category_option SELECT c.id, o.ord, o.id FROM category c, (SELECT id, (code = 'M')::int AS ord FROM category_option WHERE code IN ('F', 'M')) o WHERE c.code = 'SEX';
    INSERT INTO category_combo (uid, code, name) VALUES ('BenchCcSex1', 'SEX', 'Sex');
    INSERT INTO category_combo_category SELECT cc.id, 0, c.id FROM category_combo cc, category c WHERE cc.code = 'SEX' AND c.code = 'SEX';
    INSERT INTO category_option_combo (uid, code, name, category_combo_id) SELECT 'BenchCoc' || code, code, code, (SELECT id FROM category_combo WHERE code = 'SEX') FROM category_option WHERE code IN ('F', 'M');
    INSERT INTO category_option_combo_option SELECT coc.id, co.id FROM category_option_combo coc JOIN category_option co ON co.code = coc.code WHERE coc.code IN ('F', 'M');
    INSERT INTO data_element (uid, code, name, value_type, category_combo_id, zero_is_significant)
      SELECT 'BenchDe' || lpad(n::text, 4, '0'), 'DE' || n, 'Element ' || n, 'INTEGER_ZERO_OR_POSITIVE', (SELECT id FROM category_combo WHERE code = 'SEX'), true FROM generate_series(1, ${ELEMENTS}) n;
    INSERT INTO data_set (uid, code, name, period_type) VALUES ('BenchDsMont', 'BENCH_MONTHLY', 'Bench monthly', 'Monthly');
    INSERT INTO data_set_element (data_set_id, data_element_id) SELECT ds.id, de.id FROM data_set ds, data_element de WHERE ds.code = 'BENCH_MONTHLY';
    INSERT INTO data_set_org_unit (data_set_id, org_unit_id) SELECT ds.id, ou.id FROM data_set ds, org_unit ou WHERE ds.code = 'BENCH_MONTHLY' AND ou.level = 3;`);
}

function csv(shift: number): string {
  const lines = ['dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted'];
  for (let month = 1; month <= months; month++) {
    const period = `2023${String(month).padStart(2, '0')}`;
    for (let f = 1; f <= FACILITIES; f++) {
      for (let n = 1; n <= ELEMENTS; n++) {
        lines.push(`DE${n},${period},FAC${f},F,,${(f * 7 + n * 13 + month + shift) % 500},,,,,`);
        lines.push(`DE${n},${period},FAC${f},M,,${(f * 11 + n * 3 + month + shift) % 500},,,,,`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** CPU seconds used so far by this database's server processes (local PostgreSQL only). */
async function serverCpuSeconds(database: Database): Promise<number | undefined> {
  if (database.engine !== 'postgres') return undefined;
  const { rows } = await database.pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  let seconds = 0;
  for (const { pid } of rows) {
    const used = processCpuSeconds(pid);
    if (used === undefined) return undefined; // a remote server
    seconds += used;
  }
  return seconds;
}

async function run(database: Database, text: string, label: string): Promise<void> {
  const serverCpu = await serverCpuSeconds(database);
  const ownCpu = process.cpuUsage();
  const start = performance.now();
  const summary = await importDataValues(
    database,
    dataValueSource('csv', text),
    { idSchemes: {}, dryRun: false, importStrategy: 'CREATE_AND_UPDATE', atomicMode: 'ALL', async: false },
    { username: 'bench', scopePaths: ['/BenchRoot01'] },
    { today: '2024-06-15' },
  );
  const seconds = (performance.now() - start) / 1000;
  const serverCpuAfter = await serverCpuSeconds(database);
  const { user, system } = process.cpuUsage(ownCpu);
  const cpu = `${((user + system) / 1e6).toFixed(1)} s + ${serverCpu === undefined || serverCpuAfter === undefined ? '?' : (serverCpuAfter - serverCpu).toFixed(1)} s`;
  const total = summary.importCount.imported + summary.importCount.updated + summary.importCount.ignored;
  if (summary.conflicts.length > 0) throw new Error(`${label}: ${summary.conflicts.length} conflicts, first ${JSON.stringify(summary.conflicts[0])}`);
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(`| ${label} | ${total.toLocaleString('en')} | ${seconds.toFixed(1)} s | ${Math.round(total / seconds).toLocaleString('en')} values/s | ${cpu} | ${JSON.stringify(summary.importCount)} | ${rss.toFixed(0)} MB |`);
}

async function open(engine: string): Promise<{ database: Database; close: () => Promise<void> }> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'denw-bench-'));
    const database = await openDatabase({ dataDir: dir });
    return { database, close: async () => (await database.close(), rmSync(dir, { recursive: true, force: true })) };
  }
  const cluster = process.env.DATABASE_URL ? undefined : await startPostgresCluster({ shared_buffers: '512MB', work_mem: '64MB', max_wal_size: '4GB' });
  const serverUrl = process.env.DATABASE_URL ?? cluster!.url;
  const name = `denw_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.href });
  return {
    database,
    close: async () => {
      await database.close();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
      cluster?.stop();
    },
  };
}

/** CPU seconds used so far by one server process (utime + stime, proc(5)); undefined when it is not local. */
function processCpuSeconds(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/** Times the statements of pg clients (the pool's connections), printing those over 200 ms of time or 100 ms of server CPU. */
function timeStatements(): void {
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function timed(this: pg.Client, ...args: unknown[]) {
    const pid = (this as unknown as { processID?: number }).processID;
    const cpu = processCpuSeconds(pid) ?? 0;
    const result = query.apply(this, args);
    if (!(result instanceof Promise) || typeof args[0] !== 'string') return result;
    const start = performance.now();
    const sql = args[0].replace(/\s+/g, ' ').slice(0, 90);
    return result.then((value: unknown) => {
      const ms = performance.now() - start;
      const serverCpu = (processCpuSeconds(pid) ?? 0) - cpu;
      if (ms > 200 || serverCpu > 0.1) console.log(`    ${(ms / 1000).toFixed(2)} s, server CPU ${serverCpu.toFixed(2)} s  ${sql}`);
      return value;
    });
  } as typeof pg.Client.prototype.query;
}

const { database, close } = await open(args.engine);
try {
  await migrate(database.pool);
  await metadata(database);
  if (args.statements) timeStatements();
  const first = csv(0);
  console.log(`${args.engine}, ${cpus().length} cores (${cpus()[0]?.model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${months} months, CSV ${(first.length / 2 ** 20).toFixed(0)} MiB`);
  console.log('| run | values | time | throughput | CPU: Node + server | counts | RSS |');
  console.log('|---|---|---|---|---|---|---|');
  await run(database, first, 'new values');
  await run(database, first, 'same file again (unchanged)');
  await run(database, csv(1), 'every value changed');
} finally {
  await close();
}
