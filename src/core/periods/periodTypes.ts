// DHIS2 period types: how an ISO period identifier maps to its first and last day, and which
// period of a type contains a given day. Sources (dhis2-core, dhis-api module):
// - identifier formats: period/PeriodTypeEnum.java (ofIsoPeriod) and
//   calendar/DateUnitPeriodTypeParser.java (the start and end of each type);
// - canonical identifiers: the getIsoDate methods of WeeklyAbstractPeriodType,
//   BiWeeklyAbstractPeriodType, the monthly, quarterly, six-monthly and financial types
//   (`String.format("%d%s%d", year, prefix, week)`: weeks are not zero-padded);
// - frequency orders: the FREQUENCY_ORDER constants of each PeriodType class.
//
// Weeks follow java.time `WeekFields.of(firstDayOfWeek, 4)`: week 1 of a year is the week
// (starting on the type's first day) that has at least four days in that year, i.e. the week
// that contains 4 January. BiWeekly periods are pairs of ISO weeks (2n-1, 2n); in a year of 53
// ISO weeks, BiWeek 27 starts on week 53 and runs into the next year, overlapping its BiWeek 1
// exactly as DHIS2's does.
//
// Supported: the 22 types below. Not supported: DHIS2's WeeklyFriday and TwoYearly types
// and non-ISO calendars (Ethiopian, Nepali …).
import { DenwError } from '../errors.ts';
import { addMonths, civilFromDays, daysFromCivil, isoWeekday, isValidCivilDate } from './calendar.ts';

export const PERIOD_TYPE_NAMES = [
  'Daily',
  'Weekly',
  'WeeklyWednesday',
  'WeeklyThursday',
  'WeeklySaturday',
  'WeeklySunday',
  'BiWeekly',
  'Monthly',
  'BiMonthly',
  'Quarterly',
  'QuarterlyNov',
  'SixMonthly',
  'SixMonthlyApril',
  'SixMonthlyNov',
  'Yearly',
  'FinancialFeb',
  'FinancialApril',
  'FinancialJuly',
  'FinancialAug',
  'FinancialSep',
  'FinancialOct',
  'FinancialNov',
] as const;

export type PeriodTypeName = (typeof PERIOD_TYPE_NAMES)[number];

/** A period as day numbers (see calendar.ts), with its canonical identifier. */
export interface PeriodSpan {
  id: string;
  start: number;
  end: number;
}

export interface PeriodType {
  name: PeriodTypeName;
  /** DHIS2's getFrequencyOrder(): the nominal length in days, used to order types by length. */
  frequencyOrder: number;
  /** The ISO 8601 duration of one period, as ADX writes it. */
  adxDuration: string;
  /** True for the weekly types (not BiWeekly): they roll up by the four-day rule. */
  weekly: boolean;
  /** How far next/previous move the start date (DHIS2 getDateWithOffset). */
  step: { days: number } | { months: number };
  /** Identifier patterns; the first capture group is the year, the second the number. */
  patterns: RegExp[];
  /** The span of the identifier matched by one of `patterns`, or a range error. */
  fromMatch(match: RegExpExecArray, id: string): PeriodSpan;
  /** The period of this type that contains a day. */
  containing(day: number): PeriodSpan;
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

function outOfRange(id: string, max: number): never {
  throw new DenwError('PERIOD_NUMBER_OUT_OF_RANGE', { period: id, max });
}

const daily: PeriodType = {
  name: 'Daily',
  frequencyOrder: 1,
  adxDuration: 'P1D',
  weekly: false,
  step: { days: 1 },
  patterns: [/^(\d{4})(\d{2})(\d{2})$/, /^(\d{4})-(\d{2})-(\d{2})$/],
  fromMatch(match, id) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (!isValidCivilDate(year, month, day)) throw new DenwError('PERIOD_DATE_INVALID', { period: id });
    return this.containing(daysFromCivil(year, month, day));
  },
  containing(day) {
    const { year, month, day: dayOfMonth } = civilFromDays(day);
    return { id: `${pad(year, 4)}${pad(month, 2)}${pad(dayOfMonth, 2)}`, start: day, end: day };
  },
};

/** First day of the week (starting on `firstWeekday`, ISO numbering) that contains `day`. */
const weekStart = (day: number, firstWeekday: number) => day - ((isoWeekday(day) - firstWeekday + 7) % 7);

/** First day of week 1 of `year`: the week that contains 4 January. */
const firstWeekStart = (year: number, firstWeekday: number) => weekStart(daysFromCivil(year, 1, 4), firstWeekday);

/** Number of weeks (52 or 53) in the week-based year. */
export const weeksInYear = (year: number, firstWeekday = 1) =>
  (firstWeekStart(year + 1, firstWeekday) - firstWeekStart(year, firstWeekday)) / 7;

/** Week-based year and week number of the week starting on `start`. */
function weekOf(start: number, firstWeekday: number) {
  const year = civilFromDays(start + 3).year;
  return { year, week: (start - firstWeekStart(year, firstWeekday)) / 7 + 1 };
}

function weeklyType(name: PeriodTypeName, firstWeekday: number, infix: string): PeriodType {
  return {
    name,
    frequencyOrder: 7,
    adxDuration: 'P7D',
    weekly: true,
    step: { days: 7 },
    patterns: [new RegExp(`^(\\d{4})${infix}(\\d{1,2})$`)],
    fromMatch(match, id) {
      const [year, week] = [Number(match[1]), Number(match[2])];
      const max = weeksInYear(year, firstWeekday);
      if (week < 1 || week > max) outOfRange(id, max);
      return this.containing(firstWeekStart(year, firstWeekday) + 7 * (week - 1));
    },
    containing(day) {
      const start = weekStart(day, firstWeekday);
      const { year, week } = weekOf(start, firstWeekday);
      return { id: `${pad(year, 4)}${infix}${week}`, start, end: start + 6 };
    },
  };
}

const biWeekly: PeriodType = {
  name: 'BiWeekly',
  frequencyOrder: 14,
  adxDuration: 'P14D',
  weekly: false,
  step: { days: 14 },
  patterns: [/^(\d{4})BiW(\d{1,2})$/],
  fromMatch(match, id) {
    const [year, biWeek] = [Number(match[1]), Number(match[2])];
    const max = Math.ceil(weeksInYear(year) / 2);
    if (biWeek < 1 || biWeek > max) outOfRange(id, max);
    return this.containing(firstWeekStart(year, 1) + 14 * (biWeek - 1));
  },
  containing(day) {
    const isoWeek = weekOf(weekStart(day, 1), 1);
    const biWeek = Math.ceil(isoWeek.week / 2);
    const start = firstWeekStart(isoWeek.year, 1) + 14 * (biWeek - 1);
    return { id: `${pad(isoWeek.year, 4)}BiW${biWeek}`, start, end: start + 13 };
  },
};

interface MonthBasedSpec {
  name: PeriodTypeName;
  frequencyOrder: number;
  adxDuration: string;
  /** Months per period. */
  months: number;
  /** First month (1–12) of the year in which the periods are numbered. */
  baseMonth: number;
  /** The identifier's year is the year the numbering year ends in (November types), not starts. */
  labelledByEndYear: boolean;
  patterns: RegExp[];
  format(labelYear: string, number: number): string;
}

function monthBasedType(spec: MonthBasedSpec): PeriodType {
  const perYear = 12 / spec.months;
  const labelOffset = spec.labelledByEndYear ? 1 : 0;
  const spanFromMonthIndex = (startIndex: number): PeriodSpan => {
    const sinceBase = startIndex - (spec.baseMonth - 1);
    const numberingYear = Math.floor(sinceBase / 12);
    const number = (sinceBase - numberingYear * 12) / spec.months + 1;
    const start = daysFromCivil(Math.floor(startIndex / 12), (startIndex % 12) + 1, 1);
    const next = startIndex + spec.months;
    const end = daysFromCivil(Math.floor(next / 12), (next % 12) + 1, 1) - 1;
    return { id: spec.format(pad(numberingYear + labelOffset, 4), number), start, end };
  };
  return {
    name: spec.name,
    frequencyOrder: spec.frequencyOrder,
    adxDuration: spec.adxDuration,
    weekly: false,
    step: { months: spec.months },
    patterns: spec.patterns,
    fromMatch(match, id) {
      const year = Number(match[1]);
      const number = match[2] === undefined ? 1 : Number(match[2]);
      if (number < 1 || number > perYear) outOfRange(id, perYear);
      return spanFromMonthIndex((year - labelOffset) * 12 + spec.baseMonth - 1 + (number - 1) * spec.months);
    },
    containing(day) {
      const { year, month } = civilFromDays(day);
      const sinceBase = year * 12 + month - 1 - (spec.baseMonth - 1);
      return spanFromMonthIndex(Math.floor(sinceBase / spec.months) * spec.months + spec.baseMonth - 1);
    },
  };
}

const financialType = (name: PeriodTypeName, baseMonth: number, suffix: string): PeriodType =>
  monthBasedType({
    name,
    frequencyOrder: 365,
    adxDuration: 'P1Y',
    months: 12,
    baseMonth,
    // FinancialNovemberPeriodType: "2025Nov" runs from 1 November 2024 to 31 October 2025.
    labelledByEndYear: baseMonth === 11,
    patterns: [new RegExp(`^(\\d{4})${suffix}$`)],
    format: (year) => `${year}${suffix}`,
  });

/** Every supported period type, shortest first, in the order of PERIOD_TYPE_NAMES. */
export const PERIOD_TYPES: readonly PeriodType[] = [
  daily,
  weeklyType('Weekly', 1, 'W'),
  weeklyType('WeeklyWednesday', 3, 'WedW'),
  weeklyType('WeeklyThursday', 4, 'ThuW'),
  weeklyType('WeeklySaturday', 6, 'SatW'),
  weeklyType('WeeklySunday', 7, 'SunW'),
  biWeekly,
  monthBasedType({
    name: 'Monthly',
    frequencyOrder: 30,
    adxDuration: 'P1M',
    months: 1,
    baseMonth: 1,
    labelledByEndYear: false,
    patterns: [/^(\d{4})(\d{2})$/, /^(\d{4})-(\d{2})$/],
    format: (year, month) => `${year}${pad(month, 2)}`,
  }),
  monthBasedType({
    name: 'BiMonthly',
    frequencyOrder: 61,
    adxDuration: 'P2M',
    months: 2,
    baseMonth: 1,
    labelledByEndYear: false,
    patterns: [/^(\d{4})(\d{2})B$/],
    format: (year, number) => `${year}${pad(number, 2)}B`,
  }),
  ...(
    [
      ['Quarterly', 91, 'P3M', 3, 1, 'Q'],
      ['QuarterlyNov', 91, 'P3M', 3, 11, 'NovQ'],
      ['SixMonthly', 182, 'P6M', 6, 1, 'S'],
      ['SixMonthlyApril', 182, 'P6M', 6, 4, 'AprilS'],
      ['SixMonthlyNov', 182, 'P6M', 6, 11, 'NovS'],
    ] as const
  ).map(([name, frequencyOrder, adxDuration, months, baseMonth, infix]) =>
    monthBasedType({
      name,
      frequencyOrder,
      adxDuration,
      months,
      baseMonth,
      labelledByEndYear: baseMonth === 11,
      patterns: [new RegExp(`^(\\d{4})${infix}(\\d)$`)],
      format: (year, number) => `${year}${infix}${number}`,
    }),
  ),
  monthBasedType({
    name: 'Yearly',
    frequencyOrder: 365,
    adxDuration: 'P1Y',
    months: 12,
    baseMonth: 1,
    labelledByEndYear: false,
    patterns: [/^(\d{4})$/],
    format: (year) => year,
  }),
  financialType('FinancialFeb', 2, 'Feb'),
  financialType('FinancialApril', 4, 'April'),
  financialType('FinancialJuly', 7, 'July'),
  financialType('FinancialAug', 8, 'Aug'),
  financialType('FinancialSep', 9, 'Sep'),
  financialType('FinancialOct', 10, 'Oct'),
  financialType('FinancialNov', 11, 'Nov'),
];

const byName = new Map<string, PeriodType>(PERIOD_TYPES.map((type) => [type.name, type]));

/** The period type called `name` (DHIS2 spelling, e.g. "Monthly"); PERIOD_TYPE_UNKNOWN otherwise. */
export function periodType(name: string): PeriodType {
  const type = byName.get(name);
  if (!type) throw new DenwError('PERIOD_TYPE_UNKNOWN', { type: String(name) });
  return type;
}

/** Moves a start day by `count` steps of the type (negative: backwards). */
export function shiftStart(type: PeriodType, start: number, count: number): number {
  return 'days' in type.step ? start + type.step.days * count : addMonths(start, type.step.months * count);
}
