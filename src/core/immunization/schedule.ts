// The immunization schedule engine: given a schedule (data) and a child — birth date, sex,
// district, doses received — the status and dates of every dose of the schedule on a day.
// Pure: no I/O, no clock (`asOf` is an argument). The rules, with their sources, are in
// README.md beside this file; in short:
//
//   - A recorded dose is VALID when given on or after the dose's minimum age and, if the dose
//     has a minimum interval, on or after the previous dose's valid date + that interval (WHO
//     "Recommendations for routine immunization – summary tables", Table 2: minimum age of the
//     first dose and minimum intervals). Otherwise it is INVALID: kept and shown, but it does
//     not count (issue 4), and the dose is still to be given.
//   - DUE from the later of: the recommended age; the previous dose + minimum interval (or the
//     recommended interval when the schedule gives one); the introduction date; and, after an
//     invalid attempt, that attempt + the repeat interval (CDC General Best Practice Guidelines,
//     "Timing and spacing": a dose given too early is repeated after the minimum interval from
//     the invalid dose). A seasonal dose moves to its season. OVERDUE from due + 4 weeks
//     (issue 4; `overdueAfter` in the schedule). TOO_LATE from the maximum age.
//   - When the previous dose of a series has not been given, the next one is projected from the
//     day the previous one can be given at the earliest (its due date, or `asOf` if that is
//     past): WHO Table 3, "resume without repeating previous dose", doses at minimum intervals.
//   - NOT_ELIGIBLE: wrong sex, a district that did not introduce the vaccine, a birth cohort
//     outside the dose's validity dates.
import { formatDay, parseDay } from '../periods/calendar.ts';
import { addAge, type Age } from './ages.ts';

export type VaccineCode = 'BCG' | 'OPV' | 'PENTA' | 'PCV' | 'ROTA' | 'IPV' | 'MR' | 'YF' | 'MENA' | 'HPV' | 'MALARIA';
export const VACCINE_CODES: readonly VaccineCode[] = ['BCG', 'OPV', 'PENTA', 'PCV', 'ROTA', 'IPV', 'MR', 'YF', 'MENA', 'HPV', 'MALARIA'];

export type DoseStatus = 'given' | 'invalid' | 'due' | 'overdue' | 'not_due' | 'too_late' | 'not_eligible';

export interface DoseGiven {
  vaccine: VaccineCode;
  dose: number;
  /** YYYY-MM-DD */
  date: string;
}

export interface ScheduleSubject {
  birthDate: string;
  sex: 'F' | 'M';
  /** The district (cercle code) the child lives in; needed for district-restricted doses. */
  districtCode?: string;
  doses: readonly DoseGiven[];
}

export interface DoseAssessment {
  vaccine: VaccineCode;
  dose: number;
  status: DoseStatus;
  /** The day the dose is (or was) due; null when it cannot be given (not eligible, too late to repeat). */
  dueDate: string | null;
  /** dueDate + the schedule's overdueAfter. */
  overdueDate: string | null;
  /** Date of the valid dose (status 'given'). */
  validDate: string | null;
  /** Date recorded: the valid dose, or the last invalid attempt (status 'invalid'). */
  givenDate: string | null;
}

/** A month-day window of the year, for seasonal doses (R21 doses 4 and 5 in May–June in Mali). */
export interface Season {
  /** First month of the season, 1–12; the season starts on its first day. */
  fromMonth: number;
  /** Last month of the season (inclusive), 1–12. */
  toMonth: number;
}

/** One dose of a vaccine in a schedule. Doses of a vaccine are listed in series order. */
export interface ScheduleDose {
  vaccine: VaccineCode;
  /** 1, 2, 3 …; 0 for a birth dose outside the primary series (OPV0). Single-dose vaccines use 1. */
  dose: number;
  recommendedAge: Age;
  /** A dose given before this age is invalid. */
  minimumAge: Age;
  /** From this age on, a dose not given is too_late. */
  maximumAge: Age;
  /** Minimum interval after the previous dose (dose − 1) of the same vaccine; absent: no interval rule. */
  minimumInterval?: Age;
  /** Interval after the previous dose at which the dose is due, when longer than the minimum. */
  recommendedInterval?: Age;
  /** The due date moves to the next day inside this season. */
  season?: Season;
  /** Only children of this sex are eligible. */
  sex?: 'F' | 'M';
  /** Only children living in these districts (cercle codes) are eligible. */
  districts?: readonly string[];
  /** YYYY-MM-DD the dose entered the schedule. */
  validFrom?: string;
  /**
   * With validFrom: the children targeted at the introduction are those younger than this age on
   * the validFrom day (born after validFrom − this age). Defaults to maximumAge (every child who
   * can still get the dose). Example: HPV from 1 Nov 2024 for girls aged 10 → 11 years.
   */
  targetAgeAtIntroduction?: Age;
  /** YYYY-MM-DD the dose left the schedule: children reaching the recommended age on or after it are not eligible. */
  validUntil?: string;
}

export interface ImmunizationSchedule<D extends ScheduleDose = ScheduleDose> {
  /** Overdue this long after the due date (issue 4: 4 weeks). */
  overdueAfter: Age;
  /** A dose repeated after an invalid attempt is due this long after the attempt. */
  repeatAfterInvalid: Age;
  doses: readonly D[];
}

interface DoseState {
  eligible: boolean;
  /** Day of the valid dose. */
  validDay: number | null;
  /** Earliest day the dose can still be given, when not given (for the next dose's projection). */
  projectedDay: number | null;
}

const key = (vaccine: string, dose: number) => `${vaccine}:${dose}`;

/** The first day on or after `day` inside the season. */
function intoSeason(day: number, season: Season): number {
  const text = formatDay(day);
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const inSeason = season.fromMonth <= season.toMonth ? month >= season.fromMonth && month <= season.toMonth : month >= season.fromMonth || month <= season.toMonth;
  if (inSeason) return day;
  const start = (y: number) => parseDay(`${String(y).padStart(4, '0')}-${String(season.fromMonth).padStart(2, '0')}-01`);
  return start(year) > day ? start(year) : start(year + 1);
}

function isEligible(dose: ScheduleDose, subject: ScheduleSubject, birth: number): boolean {
  if (dose.sex && dose.sex !== subject.sex) return false;
  if (dose.districts && (subject.districtCode === undefined || !dose.districts.includes(subject.districtCode))) return false;
  if (dose.validFrom && addAge(birth, dose.targetAgeAtIntroduction ?? dose.maximumAge) <= parseDay(dose.validFrom)) return false;
  if (dose.validUntil && addAge(birth, dose.recommendedAge) >= parseDay(dose.validUntil)) return false;
  return true;
}

/**
 * One assessment per dose of `schedule`, in the schedule's order, as things stood on `asOf`
 * (doses recorded after `asOf` are not seen). Dates are YYYY-MM-DD; a date that is not one
 * throws DenwError DATE_INVALID. Recorded doses of a vaccine/dose the schedule lacks are ignored.
 */
export function assessSchedule(schedule: ImmunizationSchedule, subject: ScheduleSubject, asOf: string): DoseAssessment[] {
  const birth = parseDay(subject.birthDate);
  const today = parseDay(asOf);
  const attemptsByDose = new Map<string, number[]>();
  for (const given of subject.doses) {
    const day = parseDay(given.date);
    if (day > today) continue;
    const k = key(given.vaccine, given.dose);
    attemptsByDose.set(k, [...(attemptsByDose.get(k) ?? []), day]);
  }
  const states = new Map<string, DoseState>();
  return schedule.doses.map((dose) => {
    const attempts = (attemptsByDose.get(key(dose.vaccine, dose.dose)) ?? []).sort((a, b) => a - b);
    const previous = dose.minimumInterval ? states.get(key(dose.vaccine, dose.dose - 1)) : undefined;
    if (dose.minimumInterval && !previous) {
      throw new Error(`Schedule: ${dose.vaccine} dose ${dose.dose} has an interval but dose ${dose.dose - 1} does not precede it`);
    }
    const eligible = isEligible(dose, subject, birth);

    // Validity of the recorded doses: minimum age, and minimum interval after the previous valid dose.
    let earliestValid = addAge(birth, dose.minimumAge);
    if (previous?.validDay != null && dose.minimumInterval) earliestValid = Math.max(earliestValid, addAge(previous.validDay, dose.minimumInterval));
    const validDay = attempts.find((day) => day >= earliestValid) ?? null;
    const lastInvalid = attempts.filter((day) => validDay === null || day < validDay).at(-1) ?? null;

    // The due date, as the schedule would have it (also reported for given doses, for timeliness).
    let due = Math.max(addAge(birth, dose.recommendedAge), addAge(birth, dose.minimumAge));
    if (dose.validFrom) due = Math.max(due, parseDay(dose.validFrom));
    const anchor = previous ? (previous.validDay ?? previous.projectedDay) : null;
    if (anchor !== null && dose.minimumInterval) due = Math.max(due, addAge(anchor, dose.recommendedInterval ?? dose.minimumInterval));
    if (validDay === null && lastInvalid !== null) due = Math.max(due, addAge(lastInvalid, schedule.repeatAfterInvalid));
    if (dose.season) due = intoSeason(due, dose.season);
    const tooLate = addAge(birth, dose.maximumAge);
    const possible = due < tooLate;
    const dates = possible ? { dueDate: formatDay(due), overdueDate: formatDay(addAge(due, schedule.overdueAfter)) } : { dueDate: null, overdueDate: null };

    const base = { vaccine: dose.vaccine, dose: dose.dose };
    if (validDay !== null) {
      states.set(key(dose.vaccine, dose.dose), { eligible, validDay, projectedDay: validDay });
      return { ...base, status: 'given', ...dates, validDate: formatDay(validDay), givenDate: formatDay(validDay) };
    }
    const canStillBeGiven = eligible && possible && today < tooLate;
    states.set(key(dose.vaccine, dose.dose), { eligible, validDay: null, projectedDay: canStillBeGiven ? Math.max(due, today) : null });
    const givenDate = lastInvalid === null ? null : formatDay(lastInvalid);
    if (!eligible) return { ...base, status: lastInvalid === null ? 'not_eligible' : 'invalid', dueDate: null, overdueDate: null, validDate: null, givenDate };
    if (lastInvalid !== null) {
      return { ...base, status: 'invalid', ...(canStillBeGiven ? dates : { dueDate: null, overdueDate: null }), validDate: null, givenDate };
    }
    const status: DoseStatus = !canStillBeGiven ? 'too_late' : today < due ? 'not_due' : today < addAge(due, schedule.overdueAfter) ? 'due' : 'overdue';
    return { ...base, status, ...dates, validDate: null, givenDate: null };
  });
}
