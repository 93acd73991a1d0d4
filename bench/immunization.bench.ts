// The vaccination registry bench of issue 4:
// - a national registry of 1,000,000 children and about 10,000,000 doses at scale 1 (children
//   born 2020–2024 over the bench's health areas, each with a random prefix of Mali's schedule,
//   doses on the recommended day plus a random delay), loaded with COPY on PostgreSQL
//   (INSERT … unnest batches on the embedded engine, which cannot receive COPY);
// - the defaulter list of a health area of 5,000 children, p50/p95 (goal < 200 ms);
// - the rollup's freshness under a write load: time from recording a dose (recordDose, the
//   API's path: re-assessment and rollup in one transaction) to its effect in the national
//   monthly total of the real-time aggregates, p50/p95, while writers record doses on other
//   children; and the latency of recordDose itself.
// The loaded doses are not rolled up into the report (the freshness probe reads the change of
// the national total, not its level), so the load measures the registry's own tables.
// Alone: `npx tsx bench/immunization.bench.ts --scale 0.05 --engine postgres`; or `npm run bench -- --only immunization`.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { seededRandom } from '../src/core/random.ts';
import { formatDay, parseDay } from '../src/core/periods/calendar.ts';
import { getChild, registerChild } from '../src/store/children/children.ts';
import { openDatabase, type Database, type Engine } from '../src/store/database.ts';
import { defaulterList } from '../src/store/immunization/defaulters.ts';
import { recordDose } from '../src/store/immunization/immunizations.ts';
import { loadEpiPackage } from '../src/store/immunization/testing/epiPackage.ts';
import { migrate } from '../src/store/migrate.ts';
import { startPostgresCluster, type PostgresCluster } from '../src/store/postgresCluster.ts';
import { percentile, sortedTimes } from './analytics/measures.ts';
import { createNationalMetadata, nationalShape } from './analytics/nationalDataset.ts';

export interface ImmunizationBenchOptions {
  scale: number;
  engine: Engine;
  /** Children of the health area whose defaulter list is timed (issue 4: 5,000). */
  areaChildren?: number;
  rounds?: number;
  probes?: number;
  log?: (line: string) => void;
}

/** Mali's routine doses in order, with the recommended age in days (schedule.ts). */
const SERIES: Array<[string, number, number]> = [
  ['BCG', 1, 0], ['OPV', 0, 0], ['OPV', 1, 42], ['PENTA', 1, 42], ['PCV', 1, 42], ['ROTA', 1, 42],
  ['OPV', 2, 70], ['PENTA', 2, 70], ['PCV', 2, 70], ['ROTA', 2, 70], ['OPV', 3, 98], ['PENTA', 3, 98],
  ['PCV', 3, 98], ['ROTA', 3, 98], ['IPV', 1, 98], ['MR', 1, 274], ['YF', 1, 274], ['MENA', 1, 274], ['IPV', 2, 274], ['MR', 2, 456],
];
const FIRST_BIRTH = parseDay('2020-01-01');
const BIRTH_DAYS = 5 * 365;
const LAST_DAY = parseDay('2025-05-31');
const AS_OF = '2025-06-11';

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const childUid = (n: number) => `C${n.toString(36).padStart(10, '0')}`;
const doseUid = (n: number) => `I${n.toString(36).padStart(10, '0')}`;

type Row = Array<string | number>;

/** Bulk rows into a table: COPY on PostgreSQL, INSERT … SELECT unnest on the embedded engine. */
async function load(client: PoolClient, engine: Engine, table: string, columns: string[], types: string[], rows: Iterable<Row>): Promise<void> {
  if (engine === 'postgres') {
    async function* lines() {
      let chunk = '';
      for (const row of rows) {
        chunk += `${row.join('\t')}\n`;
        if (chunk.length > 1 << 20) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    }
    await pipeline(Readable.from(lines()), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
    return;
  }
  let batch: Row[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const unnest = types.map((type, i) => `$${i + 1}::${type}[]`).join(', ');
    await client.query(`INSERT INTO ${table} (${columns.join(', ')}) SELECT * FROM unnest(${unnest})`, types.map((_, i) => batch.map((row) => row[i])));
    batch = [];
  };
  for (const row of rows) {
    batch.push(row);
    if (batch.length >= 20_000) await flush();
  }
  await flush();
}

export async function runImmunizationBench(options: ImmunizationBenchOptions) {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const childrenTotal = Math.max(10_000, Math.round(1_000_000 * options.scale));
  const areaChildren = options.areaChildren ?? 5_000;
  let cluster: PostgresCluster | undefined;
  let database: Database;
  let dataDir: string | undefined;
  if (options.engine === 'postgres') {
    cluster = await startPostgresCluster({ shared_buffers: '1GB', work_mem: '64MB', maintenance_work_mem: '512MB', max_wal_size: '8GB', checkpoint_timeout: '30min' });
    database = await openDatabase({ databaseUrl: cluster.url, poolSize: 6 });
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'denw-bench-pglite-'));
    database = await openDatabase({ dataDir, poolSize: 4 });
  }
  try {
    await migrate(database.pool);
    await createNationalMetadata(database, nationalShape(Math.min(options.scale, 1)));
    await loadEpiPackage(database);
    const { rows: facilities } = await database.pool.query<{ id: number; path: string }>('SELECT id, path FROM org_unit WHERE level = 4 ORDER BY id');
    // Every health area counts its EPI report from the registry.
    await database.pool.query(
      `INSERT INTO data_set_source (data_set_id, org_unit_id, starts, source) SELECT ds.id, ou.id, '2020-01-01', 'registry'
       FROM data_set ds, org_unit ou WHERE ds.code = 'EPI_MONTHLY' AND ou.level = 4`,
    );
    log(`${options.engine}: ${childrenTotal.toLocaleString('en')} children over ${facilities.length} health areas (${areaChildren.toLocaleString('en')} in the first)`);

    // The first health area has `areaChildren` children; the others share the rest.
    const facilityOf = (n: number) => (n <= areaChildren ? facilities[0]!.id : facilities[1 + ((n - areaChildren) % (facilities.length - 1))]!.id);
    const random = seededRandom(2026);
    const births: number[] = [];
    const loadStart = performance.now();
    const client = await database.pool.connect();
    let doses = 0;
    try {
      await client.query('BEGIN');
      await load(client, options.engine, 'child', ['uid', 'org_unit_id', 'given_name', 'family_name', 'sex', 'birth_date', 'mother_name', 'village'], ['text', 'int', 'text', 'text', 'text', 'date', 'text', 'text'], (function* () {
        for (let n = 1; n <= childrenTotal; n++) {
          const birth = FIRST_BIRTH + Math.floor(random() * BIRTH_DAYS);
          births.push(birth);
          yield [childUid(n), facilityOf(n), `Enfant${n}`, ['Traoré', 'Coulibaly', 'Diarra', 'Keïta', 'Sangaré', 'Diallo'][n % 6]!, n % 2 ? 'F' : 'M', formatDay(birth), `Mère ${n}`, `Village ${n % 97}`];
        }
      })());
      await client.query('COMMIT');
      log(`  children loaded: ${((performance.now() - loadStart) / 1000).toFixed(0)} s`);
      await client.query('BEGIN');
      await load(client, options.engine, 'immunization', ['uid', 'child_id', 'vaccine', 'dose', 'date', 'org_unit_id'], ['text', 'int', 'text', 'int', 'date', 'int'], (function* () {
        for (let n = 1; n <= childrenTotal; n++) {
          // A prefix of the schedule: 0–20 doses, 10 on average, each a few days late at most.
          const count = Math.floor(random() * (SERIES.length + 1));
          let delay = 0;
          for (let i = 0; i < count; i++) {
            const [vaccine, dose, age] = SERIES[i]!;
            delay += Math.floor(random() * 6);
            const day = births[n - 1]! + age + delay;
            if (day > LAST_DAY) break;
            doses++;
            yield [doseUid(doses), n, vaccine, dose, formatDay(day), facilityOf(n)];
          }
        }
      })());
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const loadSeconds = (performance.now() - loadStart) / 1000;
    log(`  ${doses.toLocaleString('en')} doses loaded; children + doses in ${loadSeconds.toFixed(0)} s`);
    await database.pool.query('VACUUM ANALYZE child');
    await database.pool.query('VACUUM ANALYZE immunization');
    await database.pool.query('CHECKPOINT');

    // The defaulter list of the 5,000-children health area: cold (a new day each round, every
    // child assessed) and warm (the same day again: the children whose record did not change
    // are not re-assessed).
    const timeList = async (asOf: string) => {
      const start = performance.now();
      const list = await defaulterList(database.pool, facilities[0]!.path, asOf);
      return { ms: performance.now() - start, list };
    };
    const rounds = options.rounds ?? 20;
    const coldTimes: number[] = [];
    const warmTimes: number[] = [];
    let listed = { due: 0, overdue: 0, lostToFollowUp: 0 };
    for (let round = 0; round < rounds; round++) {
      const { ms: time, list } = await timeList(formatDay(parseDay(AS_OF) - round));
      coldTimes.push(time);
      listed = { due: list.due.length, overdue: list.overdue.length, lostToFollowUp: list.lostToFollowUp.length };
    }
    for (let round = 0; round < rounds; round++) warmTimes.push((await timeList(AS_OF)).ms);
    const lists = sortedTimes(coldTimes);
    const warm = sortedTimes(warmTimes);
    log(
      `  defaulter list (${areaChildren} children; ${listed.due} due, ${listed.overdue} overdue, ${listed.lostToFollowUp} lost): cold p50 ${ms(percentile(lists, 50))} / p95 ${ms(percentile(lists, 95))} ms, warm p50 ${ms(percentile(warm, 50))} / p95 ${ms(percentile(warm, 95))} ms`,
    );

    // Freshness under a write load: writers record a yellow-fever dose on children of the other
    // areas (about 20 doses/s), the probe a BCG dose on a newborn of the first area.
    const national = async () =>
      (
        await database.pool.query<{ value_sum: number }>(
          `SELECT a.value_sum FROM aggregated_data_value a JOIN data_element de ON de.id = a.data_element_id JOIN period p ON p.id = a.period_id
           JOIN category_option_combo coc ON coc.id = a.category_option_combo_id
           WHERE de.code = 'EPI_BCG' AND p.iso = '202506' AND a.org_unit_id = 1 AND coc.code = '0-11M_F'`,
        )
      ).rows[0]?.value_sum ?? 0;
    let running = true;
    let written = 0;
    const writeStart = performance.now();
    const writer = (async () => {
      for (let i = 0; running; i++) {
        const wait = writeStart + i * 50 - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const n = areaChildren + 1 + ((i * 7919) % (childrenTotal - areaChildren));
        const child = (await getChild(database.pool, childUid(n)))!;
        await recordDose(database, child, { vaccine: 'YF', dose: 1, date: '2025-06-10', createdBy: 'bench' });
        written++;
      }
    })();
    const freshTimes: number[] = [];
    const recordTimes: number[] = [];
    try {
      let expected = await national();
      const probes = options.probes ?? 100;
      // A newborn girl registered in the first area (untimed), then her BCG (timed): a valid
      // dose that adds one to the national total of 0–11-month girls for June 2025.
      for (let probe = 0; probe < probes; probe++) {
        const child = await registerChild(database.pool, { orgUnitId: facilities[0]!.id, givenName: `Sonde${probe}`, familyName: 'Bench', sex: 'F', birthDate: '2025-06-01', createdBy: 'bench-probe' });
        await new Promise((resolve) => setTimeout(resolve, 100));
        const start = performance.now();
        await recordDose(database, child, { vaccine: 'BCG', dose: 1, date: '2025-06-10', createdBy: 'bench-probe' });
        recordTimes.push(performance.now() - start);
        expected += 1;
        while ((await national()) !== expected) {
          if (performance.now() - start > 10_000) throw new Error('freshness: the national total did not change within 10 s');
        }
        freshTimes.push(performance.now() - start);
      }
    } finally {
      running = false;
      await writer;
    }
    const writesPerSecond = written / ((performance.now() - writeStart) / 1000);
    const fresh = sortedTimes(freshTimes);
    const records = sortedTimes(recordTimes);
    log(
      `  freshness (dose recorded → national monthly total), ${fresh.length} probes: p50 ${ms(percentile(fresh, 50))} ms, p95 ${ms(percentile(fresh, 95))} ms; recordDose p50 ${ms(percentile(records, 50))} / p95 ${ms(percentile(records, 95))} ms; under ${writesPerSecond.toFixed(1)} doses/s`,
    );
    log('');
    log('| engine | children | doses | load (s) | defaulter list cold p50 / p95 (ms) | warm p50 / p95 (ms) | freshness p50 / p95 (ms) | recordDose p50 / p95 (ms) | write load (doses/s) |');
    log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    log(
      `| ${options.engine} | ${childrenTotal.toLocaleString('en')} | ${doses.toLocaleString('en')} | ${loadSeconds.toFixed(0)} | ${ms(percentile(lists, 50))} / ${ms(percentile(lists, 95))} | ${ms(percentile(warm, 50))} / ${ms(percentile(warm, 95))} | ${ms(percentile(fresh, 50))} / ${ms(percentile(fresh, 95))} | ${ms(percentile(records, 50))} / ${ms(percentile(records, 95))} | ${writesPerSecond.toFixed(1)} |`,
    );
    return { children: childrenTotal, doses, loadSeconds, defaulterList: { p50: percentile(lists, 50), p95: percentile(lists, 95) }, freshness: { p50: percentile(fresh, 50), p95: percentile(fresh, 95) } };
  } finally {
    await database.close();
    cluster?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '0.05' }, engine: { type: 'string', default: 'postgres' } } });
  await runImmunizationBench({ scale: Number(values.scale), engine: values.engine as Engine });
}
