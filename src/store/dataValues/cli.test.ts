// `denw import FILE` and `denw export …` as a user runs them: child processes on a database of
// their own (PGlite through DENW_DATA, PostgreSQL through DATABASE_URL), files and standard
// streams, exit codes 0 (all imported), 1 (values refused) and 2 (usage).
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type Engine } from '../database.ts';
import { createTestDatabase, testEngines } from '../testing/engines.ts';
import { insertFixtures } from '../testing/fixtures.ts';

const denw = fileURLToPath(new URL('../../../bin/denw.js', import.meta.url));
const header = 'dataelement,period,orgunit,categoryoptioncombo,attributeoptioncombo,value,storedby,lastupdated,comment,followup,deleted';

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs denw asynchronously: the embedded engine's server may live in this test process. */
function run(args: string[], env: Record<string, string>, lang = 'en_US.UTF-8'): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [denw, ...args], { env: { ...process.env, DATABASE_URL: '', DENW_DATA: '', DENW_LANG: '', LANG: lang, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** A migrated database with the fixtures, and the environment that points denw at it. */
async function cliDatabase(engine: Engine): Promise<{ env: Record<string, string>; close: () => Promise<void> }> {
  if (engine === 'pglite') {
    // PGlite serves one process: fill it here, close it, then let each command open it.
    const dataDir = mkdtempSync(join(tmpdir(), 'denw-cli-test-'));
    cpSync(inject('pgliteTemplateDir'), dataDir, { recursive: true });
    const database = await openDatabase({ dataDir });
    await insertFixtures(database);
    await database.close();
    return { env: { DENW_DATA: dataDir }, close: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const database = await createTestDatabase('postgres');
  await insertFixtures(database);
  const url = (database.pool.options as { connectionString: string }).connectionString;
  return { env: { DATABASE_URL: url }, close: () => database.close() };
}

for (const engine of testEngines()) {
  describe(`denw import / export [${engine}]`, () => {
    let env: Record<string, string> = {};
    let close = async () => {};
    const dir = mkdtempSync(join(tmpdir(), 'denw-cli-files-'));
    const file = (name: string, text: string) => {
      const path = join(dir, name);
      writeFileSync(path, text);
      return path;
    };
    beforeAll(async () => {
      ({ env, close } = await cliDatabase(engine));
    }, 60_000);
    afterAll(async () => {
      await close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('imports a CSV file, then exports it as CSV and JSON', async () => {
      const csv = file('janvier.csv', [header, 'PENTA1,202401,FAC_KAYES_1,F,,12,,,,,', 'PENTA1,202401,FAC_KAYES_1,M,,10,,,,,', 'STAFF,202401,FAC_KAYES_2,,,4,,,,,', ''].join('\n'));
      const imported = await run(['import', csv, '--user', 'awa'], env);
      expect(imported.stderr).toBe('');
      expect(imported.stdout).toMatch(/^SUCCESS: .*3/);
      expect(imported.status).toBe(0);

      const exported = await run(['export', '--dataSet', 'EPI_MONTHLY', '--period', '202401', '--orgUnit', 'ML01', '--children'], env);
      expect(exported.status).toBe(0);
      const [first, ...lines] = exported.stdout.trimEnd().split('\r\n');
      expect(first).toBe(header);
      expect(lines.map((line) => line.split(',').slice(0, 7).join(',')).sort()).toEqual([
        'PENTA1,202401,FAC_KAYES_1,F,default,12,awa',
        'PENTA1,202401,FAC_KAYES_1,M,default,10,awa',
        'STAFF,202401,FAC_KAYES_2,default,default,4,awa',
      ]);

      const json = await run(['export', '--dataSet', 'EPI_MONTHLY', '--period', '202401', '--orgUnit', 'FAC_KAYES_1', '--format', 'json', '--idScheme', 'uid'], env);
      expect(json.stderr).toBe('');
      expect(json.status).toBe(0);
      const set = JSON.parse(json.stdout) as { dataValues: Array<Record<string, string>> };
      expect(set.dataValues.map((v) => `${v.dataElement} ${v.orgUnit} ${v.categoryOptionCombo} ${v.value}`).sort()).toEqual([
        'DePenta1001 FacKayes001 CocFemale01 12',
        'DePenta1001 FacKayes001 CocMale0001 10',
      ]);
    }, 60_000);

    it('refuses a file with a bad value: nothing written, exit 1, the row and field in the language of LANG', async () => {
      const csv = file('fevrier.csv', [header, 'PENTA1,202402,FAC_KAYES_1,F,,12,,,,,', 'PENTA1,202402,FAC_KAYES_1,M,,douze,,,,,', ''].join('\n'));
      const refused = await run(['import', csv], env, 'fr_FR.UTF-8');
      expect(refused.status).toBe(1);
      expect(refused.stdout).toMatch(/^ERROR: /);
      expect(refused.stdout).toMatch(/3.*value.*E7619/);
      const none = await run(['export', '--dataSet', 'EPI_MONTHLY', '--period', '202402', '--orgUnit', 'ML'], env);
      expect(none.stdout.trimEnd()).toBe(header);

      const partial = await run(['import', csv, '--atomic-mode', 'none'], env);
      expect(partial.status).toBe(1);
      expect(partial.stdout).toMatch(/^WARNING: /);
      const one = await run(['export', '--dataSet', 'EPI_MONTHLY', '--period', '202402', '--orgUnit', 'ML', '--children'], env);
      expect(one.stdout.trimEnd().split('\r\n')).toHaveLength(2);
    }, 60_000);

    it('refuses a Windows-1252 JSON file (nothing written, exit 1) and reads the same file saved as UTF-8 with a byte-order mark', async () => {
      const json = '{"dataValues":[{"dataElement":"NOTE","period":"202404","orgUnit":"FAC_KAYES_1","value":"Agent arrivé"}]}';
      const latin1 = join(dir, 'avril-latin1.json');
      writeFileSync(latin1, Buffer.from(json, 'latin1'));
      const refused = await run(['import', latin1], env, 'fr_FR.UTF-8');
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`Le fichier ${latin1} n'est pas encodé en UTF-8 : enregistrez-le en UTF-8`);
      const none = await run(['export', '--dataSet', 'EPI_MONTHLY', '--period', '202404', '--orgUnit', 'ML', '--children'], env);
      expect(none.stdout.trimEnd()).toBe(header);

      const utf8 = join(dir, 'avril-utf8.json');
      writeFileSync(utf8, `\uFEFF${json}`);
      expect((await run(['import', utf8], env)).status).toBe(0);
      const one = await run(['export', '--dataSet', 'EPI_MONTHLY', '--period', '202404', '--orgUnit', 'ML', '--children'], env);
      expect(one.stdout).toContain('Agent arrivé');
    }, 60_000);

    it('reads standard input with --format, and checks without writing under --dry-run', async () => {
      const input = `${header}\nNOTE,202403,FAC_KAYES_1,,,RAS,,,,,\n`;
      const child = spawn(process.execPath, [denw, 'import', '-', '--format', 'csv', '--dry-run'], { env: { ...process.env, DATABASE_URL: '', DENW_DATA: '', LANG: 'en_US.UTF-8', ...env } });
      child.stdin.end(input);
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      const status = await new Promise((resolve) => child.once('close', resolve));
      expect([status, stdout]).toMatchObject([0, expect.stringMatching(/^SUCCESS: /)]);
      const none = await run(['export', '--dataElement', 'NOTE', '--period', '202403', '--orgUnit', 'FAC_KAYES_1'], env);
      expect(none.stdout.trimEnd()).toBe(header);
    }, 60_000);

    it('answers usage errors with exit 2 and the usage text, --help with 0', async () => {
      const help = await run(['import', '--help'], env);
      expect([help.status, help.stdout]).toMatchObject([0, expect.stringContaining('denw import')]);
      for (const args of [['import'], ['import', 'a.csv', '--strategy', 'MERGE'], ['import', 'a.txt'], ['export', '--format', 'xlsx'], ['export', '--bogus']]) {
        const result = await run(args, env);
        expect(result.status, args.join(' ')).toBe(2);
        expect(result.stderr, args.join(' ')).toContain(`denw ${args[0]}`);
      }
    }, 60_000);
  });
}
