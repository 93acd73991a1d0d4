// Ages and intervals of an immunization schedule, and how they are added to a date.
//
// Schedules state ages in days, weeks, months and years ("6 weeks", "9 months", "10 years").
// The arithmetic, on whole days of the proleptic Gregorian calendar (src/core/periods/calendar.ts):
//   - years count as 12 months;
//   - months are calendar months: the same day of the month N months later, clamped to the last
//     day of a shorter month (calendar.ts addMonths): born 31 January + 1 month = 28 February
//     (29 in a leap year); born 31 August + 1 month = 30 September; born 29 February 2024 +
//     1 year = 28 February 2025 (and + 4 years = 29 February 2028). This is how a birthday is
//     counted in ISO/Joda-Time date libraries and how DHIS2 steps months;
//   - weeks are 7 days, days are days;
//   - the months (and years) are added first, then the weeks and days: 9 months + 4 weeks from
//     31 May is 28 February + 28 days. Adding in that fixed order makes the result unique.
// "At age A" means on the day birth + A, and "before age A" means strictly before that day.
import { addMonths } from '../periods/calendar.ts';

export interface Age {
  years?: number;
  months?: number;
  weeks?: number;
  days?: number;
}

/** An age reduced to what the arithmetic needs: calendar months, then days. */
export interface AgeSpan {
  months: number;
  days: number;
}

export const ageSpan = (age: Age): AgeSpan => ({ months: (age.years ?? 0) * 12 + (age.months ?? 0), days: (age.weeks ?? 0) * 7 + (age.days ?? 0) });

/** The day number `span` after the day number `day`: the months first, then the days. */
export const addSpan = (day: number, span: AgeSpan): number => (span.months === 0 ? day : addMonths(day, span.months)) + span.days;

/** The day number `age` after the day number `day` (see the rules above). */
export const addAge = (day: number, age: Age): number => addSpan(day, ageSpan(age));

/** The sum of two ages, field by field (so that the months are still added before the days). */
export function plusAge(a: Age, b: Age): Age {
  return {
    years: (a.years ?? 0) + (b.years ?? 0),
    months: (a.months ?? 0) + (b.months ?? 0),
    weeks: (a.weeks ?? 0) + (b.weeks ?? 0),
    days: (a.days ?? 0) + (b.days ?? 0),
  };
}
