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
import { civilFromDays, daysFromCivil, formatDay, parseDay } from '../periods/calendar.ts';
import { addSpan, type Age, ageSpan, type AgeSpan } from './ages.ts';

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
  /** Day of the valid dose. */
  validDay: number | null;
  /** Earliest day the dose can still be given, when not given (for the next dose's projection). */
  projectedDay: number | null;
}

/** A dose with its ages split once into months and days, its dates parsed, its previous dose found. */
interface CompiledDose {
  dose: ScheduleDose;
  recommendedAge: AgeSpan;
  minimumAge: AgeSpan;
  maximumAge: AgeSpan;
  targetAgeAtIntroduction: AgeSpan;
  /** The interval at which the dose is due after the previous one (recommended, else minimum). */
  dueInterval: AgeSpan | null;
  minimumInterval: AgeSpan | null;
  /** Index of the previous dose (dose − 1) when the dose has a minimum interval. */
  previous: number | null;
  validFrom: number | null;
  validUntil: number | null;
  districts: ReadonlySet<string> | null;
}

interface CompiledSchedule {
  doses: CompiledDose[];
  indexByDose: Map<string, number>;
  overdueAfter: AgeSpan;
  repeatAfterInvalid: AgeSpan;
}

const key = (vaccine: string, dose: number) => `${vaccine}:${dose}`;

// YYYY-MM-DD texts of day numbers, kept: the dates of a defaulter list repeat from child to child.
// Cleared when large, so a long-running server does not grow it without bound.
const dayTexts = new Map<number, string>();
function dayText(day: number): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    if (dayTexts.size >= 100_000) dayTexts.clear();
    text = formatDay(day);
    dayTexts.set(day, text);
  }
  return text;
}

// A schedule is compiled once (assessSchedule runs for every child of a defaulter list).
const compiledSchedules = new WeakMap<ImmunizationSchedule, CompiledSchedule>();

function compile(schedule: ImmunizationSchedule): CompiledSchedule {
  const cached = compiledSchedules.get(schedule);
  if (cached) return cached;
  const indexByDose = new Map<string, number>();
  const doses = schedule.doses.map((dose, index): CompiledDose => {
    const previous = dose.minimumInterval ? indexByDose.get(key(dose.vaccine, dose.dose - 1)) : null;
    if (previous === undefined) {
      throw new Error(`Schedule: ${dose.vaccine} dose ${dose.dose} has an interval but dose ${dose.dose - 1} does not precede it`);
    }
    indexByDose.set(key(dose.vaccine, dose.dose), index);
    return {
      dose,
      recommendedAge: ageSpan(dose.recommendedAge),
      minimumAge: ageSpan(dose.minimumAge),
      maximumAge: ageSpan(dose.maximumAge),
      targetAgeAtIntroduction: ageSpan(dose.targetAgeAtIntroduction ?? dose.maximumAge),
      dueInterval: dose.minimumInterval ? ageSpan(dose.recommendedInterval ?? dose.minimumInterval) : null,
      minimumInterval: dose.minimumInterval ? ageSpan(dose.minimumInterval) : null,
      previous,
      validFrom: dose.validFrom ? parseDay(dose.validFrom) : null,
      validUntil: dose.validUntil ? parseDay(dose.validUntil) : null,
      districts: dose.districts ? new Set(dose.districts) : null,
    };
  });
  const compiled = { doses, indexByDose, overdueAfter: ageSpan(schedule.overdueAfter), repeatAfterInvalid: ageSpan(schedule.repeatAfterInvalid) };
  compiledSchedules.set(schedule, compiled);
  return compiled;
}

/** The first day on or after `day` inside the season. */
function intoSeason(day: number, season: Season): number {
  const { year, month } = civilFromDays(day);
  const inSeason = season.fromMonth <= season.toMonth ? month >= season.fromMonth && month <= season.toMonth : month >= season.fromMonth || month <= season.toMonth;
  if (inSeason) return day;
  const start = daysFromCivil(year, season.fromMonth, 1);
  return start > day ? start : daysFromCivil(year + 1, season.fromMonth, 1);
}

/** The day a child born on `birth` reaches `age`; `birthPlusMonths` memoises birth + N months. */
function fromBirth(birth: number, birthPlusMonths: number[], age: AgeSpan): number {
  return (birthPlusMonths[age.months] ??= addSpan(birth, { months: age.months, days: 0 })) + age.days;
}

/**
 * One assessment per dose of `schedule`, in the schedule's order, as things stood on `asOf`
 * (doses recorded after `asOf` are not seen). Dates are YYYY-MM-DD; a date that is not one
 * throws DenwError DATE_INVALID. Recorded doses of a vaccine/dose the schedule lacks are ignored.
 */
export function assessSchedule(schedule: ImmunizationSchedule, subject: ScheduleSubject, asOf: string): DoseAssessment[] {
  const compiled = compile(schedule);
  const birth = parseDay(subject.birthDate);
  const today = parseDay(asOf);
  // birth + N months, computed once per N for this child. (No closure here, nor below: tsx
  // names every function created in a call, which cost half of a defaulter list's time.)
  const birthPlusMonths: number[] = [];

  const attempts: number[][] = compiled.doses.map(() => []);
  for (const given of subject.doses) {
    const day = parseDay(given.date);
    const index = compiled.indexByDose.get(key(given.vaccine, given.dose));
    if (day <= today && index !== undefined) attempts[index]!.push(day);
  }
  const states: DoseState[] = [];
  return compiled.doses.map((c, index) => {
    const { dose } = c;
    const tried = attempts[index]!;
    if (tried.length > 1) tried.sort((a, b) => a - b);
    const previous = c.previous === null ? undefined : states[c.previous]!;
    const eligible =
      (!dose.sex || dose.sex === subject.sex) &&
      (c.districts === null || (subject.districtCode !== undefined && c.districts.has(subject.districtCode))) &&
      (c.validFrom === null || fromBirth(birth, birthPlusMonths, c.targetAgeAtIntroduction) > c.validFrom) &&
      (c.validUntil === null || fromBirth(birth, birthPlusMonths, c.recommendedAge) < c.validUntil);

    // Validity of the recorded doses: minimum age, and minimum interval after the previous valid dose.
    const minimumDay = fromBirth(birth, birthPlusMonths, c.minimumAge);
    let earliestValid = minimumDay;
    if (previous?.validDay != null && c.minimumInterval) earliestValid = Math.max(earliestValid, addSpan(previous.validDay, c.minimumInterval));
    const validDay = tried.find((day) => day >= earliestValid) ?? null;
    // Without a valid dose, the last attempt is the one shown (and the one a repeat is spaced from).
    const lastInvalid = validDay === null ? (tried.at(-1) ?? null) : null;

    // The due date, as the schedule would have it (also reported for given doses, for timeliness).
    let due = Math.max(fromBirth(birth, birthPlusMonths, c.recommendedAge), minimumDay);
    if (c.validFrom !== null) due = Math.max(due, c.validFrom);
    const anchor = previous ? (previous.validDay ?? previous.projectedDay) : null;
    if (anchor !== null && c.dueInterval) due = Math.max(due, addSpan(anchor, c.dueInterval));
    if (validDay === null && lastInvalid !== null) due = Math.max(due, addSpan(lastInvalid, compiled.repeatAfterInvalid));
    if (dose.season) due = intoSeason(due, dose.season);
    const overdue = addSpan(due, compiled.overdueAfter);
    const tooLate = fromBirth(birth, birthPlusMonths, c.maximumAge);
    const possible = due < tooLate;
    const dueDate = possible ? dayText(due) : null;
    const overdueDate = possible ? dayText(overdue) : null;
    let status: DoseStatus;
    let validDate: string | null = null;
    let givenDate: string | null = null;
    let withDates = true;
    if (validDay !== null) {
      states.push({ validDay, projectedDay: validDay });
      status = 'given';
      validDate = givenDate = dayText(validDay);
    } else {
      const canStillBeGiven = eligible && possible && today < tooLate;
      states.push({ validDay: null, projectedDay: canStillBeGiven ? Math.max(due, today) : null });
      if (lastInvalid !== null) {
        status = 'invalid';
        givenDate = dayText(lastInvalid);
        withDates = canStillBeGiven;
      } else if (!eligible) {
        status = 'not_eligible';
        withDates = false;
      } else {
        status = !canStillBeGiven ? 'too_late' : today < due ? 'not_due' : today < overdue ? 'due' : 'overdue';
      }
    }
    return {
      vaccine: dose.vaccine,
      dose: dose.dose,
      status,
      dueDate: withDates ? dueDate : null,
      overdueDate: withDates ? overdueDate : null,
      validDate,
      givenDate,
    };
  });
}
