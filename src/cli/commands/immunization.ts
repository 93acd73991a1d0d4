// `denw immunization status`: the schedule engine on the command line, for scripts and for
// checking a vaccination card by hand. Prints one JSON object per dose of Mali's schedule.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stderr, stdout } from 'node:process';
import { parseCsv } from '../../core/csv/csvReader.ts';
import { DenwError } from '../../core/errors.ts';
import { HIERARCHY_FILE } from '../../core/geography/maliOrgUnits.ts';
import { hierarchyRow, parseCsvRecords } from '../../core/geography/referenceRows.ts';
import { translate } from '../../core/i18n.ts';
import { assessSchedule, type DoseGiven, type VaccineCode } from '../../core/immunization/index.ts';
import { dayOrUndefined } from '../../core/periods/calendar.ts';
import { maliImmunizationSchedule } from '../../programmes/immunization/schedule.ts';
import { MALI_DATA_DIR } from '../../programmes/mali/loadMali.ts';
import { cliLanguage } from '../cliLanguage.ts';

const usage = `denw immunization status --dob AAAA-MM-JJ --sex F|M --as-of AAAA-MM-JJ [--district CODE]
                          [--given VACCIN:DOSE:AAAA-MM-JJ ...]

Statut de chaque dose du calendrier vaccinal du Mali pour un enfant, en JSON.
Status of every dose of Mali's immunization schedule for a child, as JSON.

  --dob        date de naissance / date of birth
  --sex        F ou / or M
  --as-of      date du bilan / date of the assessment
  --district   code du cercle (data/mali, ex. ML0204 Kati) / cercle code (e.g. ML0204 Kati);
               nécessaire pour le vaccin antipaludique R21 / needed for the R21 malaria vaccine
  --given      doses reçues / doses received, VACCIN:DOSE:DATE (ex. PENTA:1:2025-02-12),
               répétable, ou plusieurs après un --given / repeatable, or several after one --given;
               vaccins à dose unique / single-dose vaccines: BCG:1:DATE, BCG::DATE ou / or BCG:DATE
               vaccins / vaccines: BCG, OPV (0-3), PENTA (1-3), PCV (1-3), ROTA (1-3), IPV (1-2),
               MR (1-2), YF, MENA, HPV, MALARIA (1-5)

Sortie / output: [{ vaccine, dose, status, dueDate, overdueDate, validDate, givenDate }, ...]
status: given, invalid, due, overdue, not_due, too_late, not_eligible
`;

interface StatusArguments {
  birthDate: string;
  sex: 'F' | 'M';
  asOf: string;
  districtCode?: string;
  doses: DoseGiven[];
}

export async function run(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand !== 'status' || rest.includes('--help') || rest.includes('-h')) {
    const help = subcommand === 'status' || subcommand === '--help' || subcommand === '-h';
    (help ? stdout : stderr).write(usage);
    return help ? 0 : 2;
  }
  try {
    const parsed = parseArguments(rest);
    const { doses, ...child } = parsed;
    const assessments = assessSchedule(maliImmunizationSchedule, { ...child, doses }, parsed.asOf);
    stdout.write(`${JSON.stringify(assessments, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof DenwError)) throw error;
    stderr.write(`${translate(`error.${error.code}`, cliLanguage(), error.params)}\n`);
    return 2;
  }
}

const OPTIONS = ['--dob', '--sex', '--as-of', '--district', '--given'] as const;
type Option = (typeof OPTIONS)[number];

function parseArguments(args: string[]): StatusArguments {
  const values = new Map<Option, string[]>();
  let current: Option | undefined;
  for (const arg of args) {
    if (arg.startsWith('--')) {
      const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
      if (!OPTIONS.includes(name as Option)) throw new DenwError('IMMUNIZATION_USAGE', { argument: arg });
      current = name as Option;
      if (current !== '--given' && values.has(current)) throw new DenwError('IMMUNIZATION_USAGE', { argument: arg });
      values.set(current, [...(values.get(current) ?? []), ...(inline === undefined ? [] : [inline])]);
    } else if (current === '--given' || (current !== undefined && values.get(current)!.length === 0)) {
      values.get(current)!.push(arg);
    } else {
      throw new DenwError('IMMUNIZATION_USAGE', { argument: arg });
    }
  }
  const single = (option: Option): string | undefined => {
    const given = values.get(option);
    if (given === undefined) return undefined;
    if (given.length !== 1 || given[0] === '') throw new DenwError('IMMUNIZATION_VALUE_MISSING', { argument: option });
    return given[0];
  };
  const required = (option: Option): string => {
    const value = single(option);
    if (value === undefined) throw new DenwError('IMMUNIZATION_ARGUMENT_MISSING', { argument: option });
    return value;
  };
  const date = (option: Option): string => {
    const value = required(option);
    if (dayOrUndefined(value) === undefined) throw new DenwError('IMMUNIZATION_INVALID_DATE', { argument: option, value });
    return value;
  };
  const birthDate = date('--dob');
  const sexText = required('--sex').toUpperCase();
  if (sexText !== 'F' && sexText !== 'M') throw new DenwError('IMMUNIZATION_INVALID_SEX', { argument: '--sex', value: required('--sex') });
  const asOf = date('--as-of');
  if (asOf < birthDate) throw new DenwError('IMMUNIZATION_AS_OF_BEFORE_BIRTH', { argument: '--as-of', value: asOf, birthDate });
  const districtCode = single('--district')?.toUpperCase();
  if (districtCode !== undefined && !cercleCodes().has(districtCode)) {
    throw new DenwError('IMMUNIZATION_UNKNOWN_DISTRICT', { argument: '--district', value: single('--district')! });
  }
  const givenValues = values.get('--given');
  if (givenValues !== undefined && givenValues.length === 0) throw new DenwError('IMMUNIZATION_VALUE_MISSING', { argument: '--given' });
  return { birthDate, sex: sexText, asOf, ...(districtCode === undefined ? {} : { districtCode }), doses: (givenValues ?? []).map(parseDoseGiven) };
}

/** VACCINE:DOSE:DATE; for a single-dose vaccine also VACCINE::DATE and VACCINE:DATE (dose 1). */
export function parseDoseGiven(text: string): DoseGiven {
  const parts = text.split(':');
  const vaccine = parts[0]!.toUpperCase() as VaccineCode;
  const doses = maliImmunizationSchedule.doses.filter((d) => d.vaccine === vaccine);
  const singleDose = doses.length === 1 && doses[0]!.singleDose === true;
  const doseText = parts.length === 3 ? parts[1]! : undefined;
  const date = parts.length === 3 ? parts[2]! : parts.length === 2 ? parts[1]! : '';
  const dose = doseText === undefined || doseText === '' ? (singleDose ? 1 : undefined) : /^\d+$/.test(doseText) ? Number(doseText) : undefined;
  if (parts.length < 2 || parts.length > 3 || dose === undefined || !doses.some((d) => d.dose === dose)) {
    throw new DenwError('IMMUNIZATION_INVALID_DOSE', { argument: '--given', value: text });
  }
  if (dayOrUndefined(date) === undefined) throw new DenwError('IMMUNIZATION_INVALID_DATE', { argument: '--given', value: text });
  return { vaccine, dose, date };
}

/** The cercle codes of data/mali (level 2 of the admin hierarchy), the districts of the CLI. */
function cercleCodes(): Set<string> {
  const records = parseCsv(readFileSync(join(MALI_DATA_DIR, HIERARCHY_FILE), 'utf8'));
  return new Set(parseCsvRecords(HIERARCHY_FILE, records, hierarchyRow).filter((row) => row.level === 2).map((row) => row.code));
}
