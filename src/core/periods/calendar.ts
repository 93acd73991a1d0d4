// Proleptic Gregorian calendar arithmetic on whole days, with no Date object and no time zone:
// a day is an integer counting days since 1970-01-01 (negative before it). DHIS2 computes
// periods in its ISO 8601 calendar (dhis2-core Iso8601Calendar), which is this one.
//
// daysFromCivil and civilFromDays are Howard Hinnant's algorithms, "chrono-Compatible
// Low-Level Date Algorithms" (https://howardhinnant.github.io/date_algorithms.html), exact
// for every year of the proleptic Gregorian calendar.
import { DenwError } from '../errors.ts';

export interface CivilDate {
  year: number;
  /** 1 to 12 */
  month: number;
  /** 1 to 31 */
  day: number;
}

/** Days since 1970-01-01 of a civil date (which must exist; see isValidCivilDate). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The civil date of a day number. */
export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

export function isValidCivilDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** ISO 8601 day of the week: Monday 1 … Sunday 7 (1970-01-01 was a Thursday). */
export function isoWeekday(days: number): number {
  return (((days + 3) % 7) + 7) % 7 + 1;
}

/**
 * The same day of the month `months` months later (earlier if negative), clamped to the last
 * day of a shorter month: 31 March minus one month is 28 (or 29) February. This is Joda-Time's
 * `DateTime.minusMonths`, which DHIS2's RelativePeriods uses to step back from "today".
 */
export function addMonths(days: number, months: number): number {
  const { year, month, day } = civilFromDays(days);
  const index = year * 12 + (month - 1) + months;
  const newYear = Math.floor(index / 12);
  const newMonth = index - newYear * 12 + 1;
  return daysFromCivil(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** `YYYY-MM-DD` of a day number (years 0 to 9999). */
export function formatDay(days: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a `YYYY-MM-DD` date, or undefined when it is not one or does not exist. */
export function dayOrUndefined(text: string): number | undefined {
  const match = typeof text === 'string' ? ISO_DATE.exec(text) : null;
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidCivilDate(year, month, day) ? daysFromCivil(year, month, day) : undefined;
}

/** The day number of a `YYYY-MM-DD` date; DATE_INVALID when it is not one or does not exist. */
export function parseDay(text: string): number {
  const day = dayOrUndefined(text);
  if (day === undefined) throw new DenwError('DATE_INVALID', { date: String(text) });
  return day;
}
