// DHIS2 relative periods, computed as of a date given by the caller (never the clock).
// Definitions from dhis2-core RelativePeriods.getRelativePeriods(date, …):
// - THIS_x: the period of type x containing the date;
// - LAST_WEEK / LAST_MONTH / LAST_QUARTER / LAST_YEAR: the period containing the date moved back
//   one week, 1, 3 or 12 months (Joda minusWeeks / minusMonths);
// - LAST_n_WEEKS / MONTHS / QUARTERS / YEARS: the last n of the rolling periods that end with
//   that "last" period, so they never include the current week, month, quarter or year
//   (generateRollingPeriods: 52 weeks, 12 months, 4 quarters, 5 years);
// - MONTHS_THIS_YEAR / QUARTERS_THIS_YEAR: every month or quarter of the date's calendar year,
//   future ones included (generatePeriods).
import { DenwError } from '../errors.ts';
import { addMonths, civilFromDays, formatDay, parseDay } from './calendar.ts';
import { type Period, parsePeriod, periodOf, periodsWithin, shiftPeriod } from './periods.ts';
import type { PeriodTypeName } from './periodTypes.ts';

type Rule =
  | { kind: 'current'; type: PeriodTypeName; back: { days: number } | { months: number }; count: number }
  | { kind: 'yearOf'; type: PeriodTypeName };

const WEEK = { days: 7 };
const NOW = { days: 0 };

const RULES = {
  THIS_WEEK: { kind: 'current', type: 'Weekly', back: NOW, count: 1 },
  LAST_WEEK: { kind: 'current', type: 'Weekly', back: WEEK, count: 1 },
  LAST_4_WEEKS: { kind: 'current', type: 'Weekly', back: WEEK, count: 4 },
  LAST_12_WEEKS: { kind: 'current', type: 'Weekly', back: WEEK, count: 12 },
  LAST_52_WEEKS: { kind: 'current', type: 'Weekly', back: WEEK, count: 52 },
  THIS_MONTH: { kind: 'current', type: 'Monthly', back: NOW, count: 1 },
  LAST_MONTH: { kind: 'current', type: 'Monthly', back: { months: 1 }, count: 1 },
  LAST_3_MONTHS: { kind: 'current', type: 'Monthly', back: { months: 1 }, count: 3 },
  LAST_6_MONTHS: { kind: 'current', type: 'Monthly', back: { months: 1 }, count: 6 },
  LAST_12_MONTHS: { kind: 'current', type: 'Monthly', back: { months: 1 }, count: 12 },
  THIS_QUARTER: { kind: 'current', type: 'Quarterly', back: NOW, count: 1 },
  LAST_QUARTER: { kind: 'current', type: 'Quarterly', back: { months: 3 }, count: 1 },
  LAST_4_QUARTERS: { kind: 'current', type: 'Quarterly', back: { months: 3 }, count: 4 },
  THIS_YEAR: { kind: 'current', type: 'Yearly', back: NOW, count: 1 },
  LAST_YEAR: { kind: 'current', type: 'Yearly', back: { months: 12 }, count: 1 },
  LAST_5_YEARS: { kind: 'current', type: 'Yearly', back: { months: 12 }, count: 5 },
  MONTHS_THIS_YEAR: { kind: 'yearOf', type: 'Monthly' },
  QUARTERS_THIS_YEAR: { kind: 'yearOf', type: 'Quarterly' },
} as const satisfies Record<string, Rule>;

export type RelativePeriodName = keyof typeof RULES;
export const RELATIVE_PERIOD_NAMES = Object.keys(RULES) as RelativePeriodName[];

export function isRelativePeriod(name: string): name is RelativePeriodName {
  return Object.hasOwn(RULES, name);
}

/**
 * The periods, oldest first, that the relative period `name` stands for on the day `asOf`
 * (`YYYY-MM-DD`). Throws RELATIVE_PERIOD_UNKNOWN or DATE_INVALID.
 */
export function relativePeriods(name: string, asOf: string): Period[] {
  if (!isRelativePeriod(name)) throw new DenwError('RELATIVE_PERIOD_UNKNOWN', { period: String(name) });
  const rule: Rule = RULES[name];
  const day = parseDay(asOf);
  if (rule.kind === 'yearOf') {
    const year = String(civilFromDays(day).year).padStart(4, '0');
    return periodsWithin(rule.type, { startDate: `${year}-01-01`, endDate: `${year}-12-31` });
  }
  const reference = 'days' in rule.back ? day - rule.back.days : addMonths(day, -rule.back.months);
  const last = periodOf(rule.type, formatDay(reference));
  return Array.from({ length: rule.count }, (_, i) => shiftPeriod(last, i - rule.count + 1));
}

/**
 * The periods an analytics `pe` item stands for on the day `asOf`: a relative period name
 * (`LAST_12_MONTHS`) or any period identifier (`2024Q1`, `2024-01`). Throws PERIOD_INVALID and
 * the other errors of parsePeriod for anything else.
 */
export function periodsOfItem(item: string, asOf: string): Period[] {
  return isRelativePeriod(item) ? relativePeriods(item, asOf) : [parsePeriod(item)];
}
