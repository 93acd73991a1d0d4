// `denw growth zscores` as a user runs it: a child process, files, standard streams.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const denw = fileURLToPath(new URL('../../../bin/denw.js', import.meta.url));
const oracleFile = fileURLToPath(new URL('../../../data/who-growth/sample-oracle.csv', import.meta.url));
const run = (args: string[], input?: string, lang = 'fr_FR.UTF-8') =>
  spawnSync(process.execPath, [denw, 'growth', ...args], { input, encoding: 'utf8', env: { ...process.env, LANG: lang, DENW_LANG: '' } });
const table = (csv: string) => {
  const [header = '', ...lines] = csv.trimEnd().split('\n');
  const columns = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i]!, cell])));
};

describe('denw growth zscores', () => {
  it('appends the z-scores of WHO anthro to every record of a file', () => {
    const result = run(['zscores', oracleFile]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const oracle = table(readFileSync(oracleFile, 'utf8'));
    const output = table(result.stdout);
    expect(output).toHaveLength(200);
    output.forEach((row, i) => {
      for (const column of ['clenhei', 'cbmi', 'zlen', 'flen', 'zwei', 'fwei', 'zwfl', 'fwfl', 'zbmi', 'fbmi', 'zhc', 'fhc', 'zac', 'fac', 'zts', 'fts', 'zss', 'fss']) {
        expect(row[column]).toBe(oracle[i]![column]);
      }
    });
  }, 20_000);
  it('reads standard input with --reference 2007', () => {
    const result = run(['zscores', '-', '--reference', '2007'], 'sex,age_months,weight_kg,height_cm\nf,60.911701,20.5,113.6\n');
    expect(result.status).toBe(0);
    expect(table(result.stdout)[0]).toMatchObject({ zhfa: '0.85', zwfa: '0.79', zbfa: '0.42' });
  });
  it('reports unreadable cells on standard error, in French by default and in English on request', () => {
    const input = 'sex,age_days,weight_kg\n1,400,abc\n';
    const french = run(['zscores'], input);
    expect(french.status).toBe(0);
    expect(french.stderr).toContain('Ligne 2, colonne « weight_kg » : « abc »');
    expect(run(['zscores'], input, 'en_US.UTF-8').stderr).toContain('Row 2, column "weight_kg": "abc" is not a non-negative number');
  });
  it('fails with a message naming the problem: missing column, unreadable file, unknown argument', () => {
    const missing = run(['zscores'], 'age_days,weight_kg\n400,9\n', 'en_US.UTF-8');
    expect([missing.status, missing.stderr]).toEqual([1, 'Column "sex" is missing from the header (expected: 1/2/m/f)\n']);
    const absent = run(['zscores', '/nonexistent/children.csv'], undefined, 'en_US.UTF-8');
    expect([absent.status, absent.stderr]).toEqual([1, 'Cannot read the file /nonexistent/children.csv (ENOENT)\n']);
    const latin1 = spawnSync(process.execPath, [denw, 'growth', 'zscores'], {
      input: Buffer.from('sex,age_days,weight_kg,village\n1,400,9.5,S\xe9gou\n', 'latin1'),
      encoding: 'utf8',
      env: { ...process.env, LANG: 'en_US.UTF-8' },
    });
    expect([latin1.status, latin1.stderr]).toEqual([1, 'CSV, near line 2: the file is not UTF-8 encoded (save it as "CSV UTF-8")\n']);
    const unknown = run(['zscores', '--reference', '1977']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Argument non reconnu : --reference 1977');
  });
});

describe('denw growth reclassify', () => {
  it('classifies the stored measurements again and says how many changed (none in a new store)', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'denw-growth-reclassify-'));
    try {
      const result = spawnSync(process.execPath, [denw, 'growth', 'reclassify'], {
        encoding: 'utf8',
        env: { ...process.env, LANG: 'en_US.UTF-8', DENW_LANG: '', DENW_DATA: dataDir, DATABASE_URL: '' },
      });
      expect([result.status, result.stdout, result.stderr]).toEqual([0, '0 measurement(s) classified again under the threshold table in force\n', '']);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
