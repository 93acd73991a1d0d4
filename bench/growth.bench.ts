// Throughput of the WHO growth engine: the core functions in records per second of CPU
// (target: 1 million), the CSV path in process, and a 1-million-row CSV file through the
// `denw growth zscores` command (target: under 10 s). When `Rscript` with WHO's `anthro`
// package is installed, the same records go through anthro_zscores for a ratio.
// Alone: `npx tsx bench/growth.bench.ts [--records N] [--csv-rows N]`; or from `npm run bench`.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { argv, cpuUsage, execPath, hrtime } from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadWhoGrowthTables } from '../src/store/growth/whoGrowthTables.ts';
import {
  anthroplusZscores,
  anthroZscores,
  createZscoreCsvStream,
  emptyAnthroplusZscores,
  emptyAnthroZscores,
  type WhoGrowthTables,
} from '../src/core/growth/index.ts';
import { anthroCsvHeader, anthroCsvLine, generateChildren, generateSchoolChildren } from './growthData.ts';

export interface GrowthBenchOptions {
  /** Records per timed pass of the core functions (default 1,000,000). */
  records?: number;
  /** Timed passes over those records (default 3). */
  passes?: number;
  /** Rows of the CSV file run through the CLI (default 1,000,000; 0 skips the CLI run). */
  csvRows?: number;
  log?: (line: string) => void;
}

export interface GrowthBenchRow {
  measure: string;
  records: number;
  /** CPU seconds (user + system) of this process, or wall seconds for a child process. */
  seconds: number;
  recordsPerSecond: number;
  /** Nanoseconds per record over batches (p50, p90, p99), null when not measured per batch. */
  percentiles: [number, number, number] | null;
  target: string;
  /** Measured ÷ target, > 1 meets the target. */
  ratio: number | null;
}

const coreTarget = 1_000_000;
const cliTargetSeconds = 10;
const batchSize = 1000;

export async function runGrowthBench(options: GrowthBenchOptions = {}): Promise<GrowthBenchRow[]> {
  const { records = 1_000_000, passes = 3, csvRows = 1_000_000, log = console.log } = options;
  const tables = await loadWhoGrowthTables();
  const children = generateChildren(records, tables);
  const schoolChildren = generateSchoolChildren(records, tables);
  const reused = emptyAnthroZscores();
  const reused2007 = emptyAnthroplusZscores();
  let checksum = 0; // read every result, so that no computation can be optimised away

  const rows: GrowthBenchRow[] = [
    timeBatches('anthroZscores (2006), output object reused', children, passes, (child) => {
      checksum += anthroZscores(child, tables, reused).zwfl ?? 0;
    }),
    timeBatches('anthroZscores (2006), new output per record', children, passes, (child) => {
      checksum += anthroZscores(child, tables).zlen ?? 0;
    }),
    timeBatches('anthroplusZscores (2007), output reused', schoolChildren, passes, (child) => {
      checksum += anthroplusZscores(child, tables, reused2007).zbfa ?? 0;
    }),
  ];

  const csvChildren = csvRows > records ? generateChildren(csvRows, tables, 1826) : children.slice(0, csvRows || records);
  const csvLines = csvChildren.map((child, i) => anthroCsvLine(child, i + 1));
  const csvText = `${anthroCsvHeader}\n${csvLines.join('\n')}\n`;
  rows.push(timeCsvStream(csvText, csvLines.length, tables));

  const directory = mkdtempSync(join(tmpdir(), 'denw-growth-bench-'));
  try {
    const file = join(directory, 'children.csv');
    writeFileSync(file, csvText);
    if (csvRows > 0) rows.push(await timeCli(file, csvLines.length));
    rows.push(...timeR(file, csvLines.length, rows[0]!.recordsPerSecond));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
  printTable(rows, log);
  if (!rows.some((row) => row.measure.startsWith('R anthro'))) {
    log('R: `Rscript` with the `anthro` package is not installed here, so there is no ratio to WHO\'s R package in this run.');
  }
  log(`(checksum ${checksum.toFixed(2)})`);
  return rows;
}

/** Runs `compute` on every item, `passes` times, timing batches of 1000 for the percentiles. */
function timeBatches<T>(measure: string, items: readonly T[], passes: number, compute: (item: T) => void): GrowthBenchRow {
  for (let i = 0; i < Math.min(items.length, 200_000); i++) compute(items[i]!); // warm-up: let the JIT settle
  const perRecord: number[] = [];
  const start = cpuUsage();
  for (let pass = 0; pass < passes; pass++) {
    for (let from = 0; from < items.length; from += batchSize) {
      const to = Math.min(from + batchSize, items.length);
      const t0 = hrtime.bigint();
      for (let i = from; i < to; i++) compute(items[i]!);
      perRecord.push(Number(hrtime.bigint() - t0) / (to - from));
    }
  }
  const seconds = cpuSeconds(start);
  const count = items.length * passes;
  return { measure, records: count, seconds, recordsPerSecond: count / seconds, percentiles: percentiles(perRecord), target: '1,000,000/s', ratio: count / seconds / coreTarget };
}

/** The CSV path in this process: read, compute and format, fed in 64 KiB chunks. */
function timeCsvStream(text: string, records: number, tables: WhoGrowthTables): GrowthBenchRow {
  const chunk = 65536;
  const perRecord: number[] = [];
  const start = cpuUsage();
  const stream = createZscoreCsvStream(2006, tables);
  let bytes = 0;
  for (let i = 0; i < text.length; i += chunk) {
    const t0 = hrtime.bigint();
    const before = stream.recordCount;
    bytes += stream.write(text.slice(i, i + chunk)).length;
    if (stream.recordCount > before) perRecord.push(Number(hrtime.bigint() - t0) / (stream.recordCount - before));
  }
  bytes += stream.end().length;
  const seconds = cpuSeconds(start);
  return { measure: `CSV in process (parse, compute, format; ${(bytes / 1e6).toFixed(0)} MB out)`, records, seconds, recordsPerSecond: records / seconds, percentiles: percentiles(perRecord), target: '–', ratio: null };
}

/** The command as a user runs it, output discarded: wall-clock time of the child process. */
async function timeCli(file: string, records: number): Promise<GrowthBenchRow> {
  const denw = fileURLToPath(new URL('../bin/denw.js', import.meta.url));
  const t0 = hrtime.bigint();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(execPath, [denw, 'growth', 'zscores', file], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('close', resolve);
  });
  const seconds = Number(hrtime.bigint() - t0) / 1e9;
  if (code !== 0) throw new Error(`denw growth zscores exited with ${code}`);
  return {
    measure: `CLI: denw growth zscores, ${records.toLocaleString('en')}-row file (wall clock)`,
    records, seconds, recordsPerSecond: records / seconds, percentiles: null,
    target: `< ${cliTargetSeconds} s`, ratio: cliTargetSeconds / seconds,
  };
}

/**
 * The same file through WHO's anthro_zscores, when R and the package are installed: CPU time
 * as measured by R's system.time, reading excluded. The ratio is Denw's core throughput ÷ R's.
 */
function timeR(file: string, records: number, denwRecordsPerSecond: number): GrowthBenchRow[] {
  const script = `suppressMessages(library(anthro)); d <- read.csv(${JSON.stringify(file)}, na.strings = "", colClasses = c(measure = "character", oedema = "character"));
t <- system.time(anthro_zscores(sex = d$sex, age = d$age_days, weight = d$weight_kg, lenhei = d$lenhei_cm, measure = d$measure,
  oedema = d$oedema, headc = d$headc_cm, armc = d$muac_cm, triskin = d$triceps_mm, subskin = d$subscap_mm));
cat(t[["user.self"]] + t[["sys.self"]])`;
  let seconds: number;
  try {
    seconds = Number(execFileSync('Rscript', ['-e', script], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    return []; // no Rscript, or no anthro package
  }
  const rate = records / seconds;
  return [{ measure: 'R anthro::anthro_zscores, same records (ratio: Denw core ÷ R)', records, seconds, recordsPerSecond: rate, percentiles: null, target: '–', ratio: denwRecordsPerSecond / rate }];
}

function cpuSeconds(start: NodeJS.CpuUsage): number {
  const { user, system } = cpuUsage(start);
  return (user + system) / 1e6;
}

function percentiles(values: number[]): [number, number, number] {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
  return [at(0.5), at(0.9), at(0.99)];
}

function printTable(rows: GrowthBenchRow[], log: (line: string) => void): void {
  const header = ['measure', 'records', 'seconds', 'records/s', 'ns/record p50', 'p90', 'p99', 'target', 'ratio'];
  const cells = rows.map((row) => [
    row.measure,
    row.records.toLocaleString('en'),
    row.seconds.toFixed(2),
    Math.round(row.recordsPerSecond).toLocaleString('en'),
    ...(row.percentiles ?? [NaN, NaN, NaN]).map((ns) => (Number.isNaN(ns) ? '–' : ns.toFixed(0))),
    row.target,
    row.ratio === null ? '–' : `${row.ratio.toFixed(2)}×`,
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => line[i]!.length)));
  const format = (line: string[]) => line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  log(format(header));
  log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of cells) log(format(line));
}

if (argv[1] && import.meta.url === pathToFileURL(argv[1]).href) {
  const option = (name: string) => {
    const index = argv.indexOf(name);
    return index > 0 ? Number(argv[index + 1]) : undefined;
  };
  await runGrowthBench({ records: option('--records'), passes: option('--passes'), csvRows: option('--csv-rows') });
}
