// The WHO growth tables shipped in data/who-growth/ (README there: source, licence), read
// from disk and parsed once per process for the CLI (`denw growth zscores`) and the server
// (z-scores on save, POST /api/growth/zscores, the chart's curves). The engine itself
// (src/core/growth) takes the parsed tables and never touches the file system.
import { readFile } from 'node:fs/promises';
import { parseWhoGrowthTables, whoGrowthTableFiles, type WhoGrowthTableName, type WhoGrowthTables } from '../../core/growth/index.ts';

const whoGrowthDirectory = new URL('../../../data/who-growth/', import.meta.url);

/** Reads and parses every table of `directory` (default: the shipped data/who-growth/). */
export async function loadWhoGrowthTables(directory: URL = whoGrowthDirectory): Promise<WhoGrowthTables> {
  const names = Object.keys(whoGrowthTableFiles) as WhoGrowthTableName[];
  const texts = await Promise.all(names.map((name) => readFile(new URL(whoGrowthTableFiles[name].file, directory), 'utf8')));
  return parseWhoGrowthTables(Object.fromEntries(names.map((name, i) => [name, texts[i]!])) as Record<WhoGrowthTableName, string>);
}

let shipped: Promise<WhoGrowthTables> | undefined;

/** The shipped tables, read on first use and kept (12 files, about 2 MB, 30 ms to parse). */
export function whoGrowthTables(): Promise<WhoGrowthTables> {
  shipped ??= loadWhoGrowthTables().catch((error: unknown) => {
    shipped = undefined; // a failed read is retried at the next use
    throw error;
  });
  return shipped;
}
