// `denw bench` (`npm run bench`): every benchmark, each printing its own table of ratios and
// percentiles, preceded by the machine they ran on.
import { cpus, totalmem } from 'node:os';
import process from 'node:process';
import { parseArgs } from 'node:util';

interface BenchOptions {
  scale: number;
  /** The embedded engine is for a district laptop, not the national server: its own scale. */
  pgliteScale: number;
  engines: string[];
  log: (line: string) => void;
}

interface Bench {
  summary: string;
  run: (options: BenchOptions) => Promise<unknown>;
}

const benches: Record<string, Bench> = {
  growth: {
    summary: 'WHO z-scores: core records/s of CPU, 1M-row CSV through the CLI',
    run: async ({ scale, log }) => {
      const { runGrowthBench } = await import('../../../bench/growth.bench.ts');
      const records = Math.max(10_000, Math.round(1_000_000 * Math.min(scale, 1)));
      return runGrowthBench({ records, csvRows: records, log });
    },
  },
  immunization: {
    summary: 'vaccination registry (1M children, ~10M doses at scale 1, PostgreSQL): defaulter list of a 5,000-child health area p50/p95, dose → national monthly total freshness under a write load',
    run: async ({ scale, pgliteScale, engines, log }) => {
      const { runImmunizationBench } = await import('../../../bench/immunization.bench.ts');
      for (const engine of engines) {
        if (engine !== 'postgres' && engine !== 'pglite') throw new Error(`unknown engine: ${engine}`);
        // The embedded engine holds a district's registry (≈ 50,000 children), not the nation's.
        await runImmunizationBench({ scale: engine === 'pglite' ? Math.min(scale, pgliteScale, 0.05) : scale, engine, log });
      }
    },
  },
  analytics: {
    summary: 'national dataset (1,400 facilities × 60 months × 60 elements × ~4 combos ≈ 20M values at scale 1): load, import, analytics p50/p95 vs naive GROUP BY, freshness, memory',
    run: async ({ scale, pgliteScale, engines, log }) => {
      const { runAnalyticsBench } = await import('../../../bench/analytics.bench.ts');
      for (const engine of engines) {
        if (engine !== 'postgres' && engine !== 'pglite') throw new Error(`unknown engine: ${engine}`);
        await runAnalyticsBench({ scale: engine === 'pglite' ? Math.min(scale, pgliteScale) : scale, engine, log });
      }
    },
  },
};

export async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      scale: { type: 'string', default: '1' },
      only: { type: 'string' },
      engine: { type: 'string', default: 'postgres,pglite' },
      'pglite-scale': { type: 'string', default: '0.5' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`denw bench [--scale 1] [--pglite-scale 0.5] [--only ${Object.keys(benches).join(',')}] [--engine postgres,pglite]

${Object.entries(benches)
  .map(([name, bench]) => `  ${name.padEnd(10)} ${bench.summary}`)
  .join('\n')}

--scale < 1 runs smaller datasets (0.01 for a quick check).
`);
    return 0;
  }
  const scale = Number(values.scale);
  if (!(scale > 0)) throw new Error(`--scale must be a positive number: ${values.scale}`);
  const chosen = values.only ? values.only.split(',') : Object.keys(benches);
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(`# Denw bench — ${new Date().toISOString()}`);
  log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; scale ${scale}`);
  for (const name of chosen) {
    const bench = benches[name];
    if (!bench) throw new Error(`unknown bench: ${name}`);
    log(`\n## ${name}: ${bench.summary}`);
    await bench.run({ scale, pgliteScale: Number(values['pglite-scale']), engines: values.engine.split(','), log });
  }
  return 0;
}
