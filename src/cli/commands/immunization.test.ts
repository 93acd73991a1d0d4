// `denw immunization status` as a user runs it: a child process, JSON on standard output,
// errors on standard error in the user's language with exit code 2.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const denw = fileURLToPath(new URL('../../../bin/denw.js', import.meta.url));
const run = (args: string[], lang = 'fr_FR.UTF-8') =>
  spawnSync(process.execPath, [denw, 'immunization', ...args], { encoding: 'utf8', env: { ...process.env, LANG: lang, DENW_LANG: '' } });

describe('denw immunization status', () => {
  it('prints one JSON entry per dose of the schedule, with the doses given in every accepted spelling', () => {
    // Born 1 Jan 2025 in Kati (ML0204, R21 district), seen 1 Mar 2025. BCG at birth (BCG:DATE);
    // Penta 1 on 11 Feb, a day before 6 weeks (12 Feb): invalid, repeat due 11 Feb + 28 days = 11 Mar.
    const result = run([
      'status', '--dob', '2025-01-01', '--sex', 'F', '--as-of', '2025-03-01', '--district', 'ML0204',
      '--given', 'BCG:2025-01-01', 'OPV:0:2025-01-01', '--given', 'PENTA:1:2025-02-11', '--given=PCV:1:2025-02-12',
    ]);
    expect([result.status, result.stderr]).toEqual([0, '']);
    const output = JSON.parse(result.stdout) as Record<string, unknown>[];
    expect(output).toHaveLength(26);
    const find = (vaccine: string, dose: number) => output.find((a) => a.vaccine === vaccine && a.dose === dose);
    expect(find('BCG', 1)).toEqual({ vaccine: 'BCG', dose: 1, status: 'given', dueDate: '2025-01-01', overdueDate: '2025-01-29', validDate: '2025-01-01', givenDate: '2025-01-01' });
    expect(find('OPV', 0)).toMatchObject({ status: 'given', validDate: '2025-01-01' });
    expect(find('PENTA', 1)).toEqual({ vaccine: 'PENTA', dose: 1, status: 'invalid', dueDate: '2025-03-11', overdueDate: '2025-04-08', validDate: null, givenDate: '2025-02-11' });
    expect(find('PCV', 1)).toMatchObject({ status: 'given', validDate: '2025-02-12' });
    // PCV 2: 10 weeks = 12 Mar 2025 (PCV 1 + 4 weeks is the same day).
    expect(find('PCV', 2)).toMatchObject({ status: 'not_due', dueDate: '2025-03-12', overdueDate: '2025-04-09' });
    expect(find('ROTA', 1)).toMatchObject({ status: 'due', dueDate: '2025-02-12' });
    expect(find('MALARIA', 1)).toMatchObject({ status: 'not_due', dueDate: '2025-06-01' });
    expect(find('HPV', 1)).toMatchObject({ status: 'not_due', dueDate: '2035-01-01' });
  }, 20_000);
  it('accepts BCG::DATE and BCG:1:DATE for a single-dose vaccine; without --district, R21 is not eligible', () => {
    for (const spelling of ['BCG::2025-01-01', 'BCG:1:2025-01-01']) {
      const result = run(['status', '--dob', '2025-01-01', '--sex', 'M', '--as-of', '2025-03-01', '--given', spelling]);
      const output = JSON.parse(result.stdout) as Record<string, unknown>[];
      expect(output[0]).toMatchObject({ vaccine: 'BCG', status: 'given' });
      expect(output.find((a) => a.vaccine === 'MALARIA')).toMatchObject({ status: 'not_eligible' });
      expect(output.find((a) => a.vaccine === 'HPV')).toMatchObject({ status: 'not_eligible' });
    }
  }, 20_000);
  it('refuses bad input with a message naming the argument, in French by default and in English on request, exit code 2', () => {
    const badDate = run(['status', '--dob', '2025-02-30', '--sex', 'F', '--as-of', '2025-03-01']);
    expect([badDate.status, badDate.stdout, badDate.stderr]).toEqual([2, '', '--dob : « 2025-02-30 » ne contient pas une date AAAA-MM-JJ valide\n']);
    const badDose = run(['status', '--dob', '2025-01-01', '--sex', 'F', '--as-of', '2025-03-01', '--given', 'PENTA:2025-02-12'], 'en_US.UTF-8');
    expect(badDose.status).toBe(2);
    expect(badDose.stderr).toContain('--given: "PENTA:2025-02-12" is not a dose of the schedule');
    const missing = run(['status', '--dob', '2025-01-01', '--sex', 'F'], 'en_US.UTF-8');
    expect([missing.status, missing.stderr]).toEqual([2, 'Missing required argument: --as-of (see "denw immunization status --help")\n']);
    const district = run(['status', '--dob', '2025-01-01', '--sex', 'F', '--as-of', '2025-03-01', '--district', 'ML9999']);
    expect([district.status, district.stderr]).toEqual([2, '--district : « ML9999 » n\'est pas un code de cercle du Mali (ex. ML0204 pour Kati)\n']);
    const help = run(['status', '--help']);
    expect([help.status, help.stdout]).toEqual([0, expect.stringContaining('--given')]);
  }, 20_000);
});
