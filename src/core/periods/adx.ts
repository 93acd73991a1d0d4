// ADX periods: a start date and an ISO 8601 duration, `2015-01-01/P1M` (IHE QRPH ADX, the
// period attribute of a group), mapped to DHIS2 period types as dhis2-core dxf2/adx/AdxPeriod
// does: the duration gives the length, and the weekday (P7D) or month (P6M, P1Y) of the start
// date tells the weekly, six-monthly or financial variant apart.
//
// Follows DHIS2 2.43: FinancialFeb, FinancialAug and FinancialSep exist there, so
// `2014-02-01/P1Y` is FinancialFeb (2.42 rejected it; adx_period_cases.csv records both).
// Stricter than DHIS2 in one respect: the start date must be the first day of the period.
// DHIS2 silently takes the period containing the date (`2024-01-15/P1M` becomes January);
// Denw rejects it, so that an import never moves data to a period the sender did not name.
import { DenwError } from '../errors.ts';
import { civilFromDays, dayOrUndefined, isoWeekday } from './calendar.ts';
import { type Period, periodOf } from './periods.ts';
import { type PeriodTypeName, periodType } from './periodTypes.ts';

const WEEKLY_BY_WEEKDAY: Record<number, PeriodTypeName> = {
  1: 'Weekly',
  3: 'WeeklyWednesday',
  4: 'WeeklyThursday',
  6: 'WeeklySaturday',
  7: 'WeeklySunday',
};

const SIX_MONTHLY_BY_MONTH: Record<number, PeriodTypeName> = {
  1: 'SixMonthly',
  7: 'SixMonthly',
  4: 'SixMonthlyApril',
  10: 'SixMonthlyApril',
  11: 'SixMonthlyNov',
  5: 'SixMonthlyNov',
};

const YEARLY_BY_MONTH: Record<number, PeriodTypeName> = {
  1: 'Yearly',
  2: 'FinancialFeb',
  4: 'FinancialApril',
  7: 'FinancialJuly',
  8: 'FinancialAug',
  9: 'FinancialSep',
  10: 'FinancialOct',
  11: 'FinancialNov',
};

function adxPeriodType(duration: string, day: number): PeriodTypeName | undefined {
  const month = civilFromDays(day).month;
  switch (duration) {
    case 'P1D':
      return 'Daily';
    case 'P7D':
      return WEEKLY_BY_WEEKDAY[isoWeekday(day)];
    case 'P14D':
      return 'BiWeekly';
    case 'P1M':
      return 'Monthly';
    case 'P2M':
      return 'BiMonthly';
    case 'P3M':
      return 'Quarterly';
    case 'P6M':
      return SIX_MONTHLY_BY_MONTH[month];
    case 'P1Y':
      return YEARLY_BY_MONTH[month];
    default:
      return undefined;
  }
}

/**
 * The DHIS2 period of an ADX period string. Throws ADX_PERIOD_INVALID when the text is not
 * `date/duration`, ADX_PERIOD_UNSUPPORTED when no DHIS2 period starts on that date with that
 * duration.
 */
export function periodFromAdx(adxPeriod: string): Period {
  const parts = typeof adxPeriod === 'string' ? adxPeriod.split('/') : [];
  const [date = '', duration = ''] = parts;
  const day = parts.length === 2 ? dayOrUndefined(date) : undefined;
  if (day === undefined) throw new DenwError('ADX_PERIOD_INVALID', { period: String(adxPeriod) });
  const type = adxPeriodType(duration, day);
  const period = type && periodOf(type, date);
  if (!period || period.startDate !== date) throw new DenwError('ADX_PERIOD_UNSUPPORTED', { period: adxPeriod });
  return period;
}

/** The ADX form of a period: its start date and its type's duration (AdxPeriod.serialize). */
export function periodToAdx(period: Period): string {
  return `${period.startDate}/${periodType(period.type).adxDuration}`;
}
