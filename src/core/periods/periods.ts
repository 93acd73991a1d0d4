// DHIS2 ISO periods: parsing, navigation, the period tree used by analytics, and a compact
// numeric encoding for SQL. Dates are `YYYY-MM-DD` strings computed on whole days (calendar.ts),
// so no time zone can shift a period.
//
// Error convention of this module (and of expression/ and csv/): functions either return
// their result or throw a DenwError with a stable code and parameters; they never throw any
// other exception, whatever the input (checked by the property tests).
import { DenwError } from '../errors.ts';
import { formatDay, parseDay } from './calendar.ts';
import { PERIOD_TYPES, type PeriodSpan, type PeriodType, type PeriodTypeName, periodType, shiftStart } from './periodTypes.ts';

export interface Period {
  /** Canonical DHIS2 identifier: `2024`, `2024Q1`, `202401`, `2024W5`, `20240115` … */
  readonly id: string;
  readonly type: PeriodTypeName;
  /** First day, `YYYY-MM-DD`. */
  readonly startDate: string;
  /** Last day (inclusive), `YYYY-MM-DD`. */
  readonly endDate: string;
}

// Frozen: parsePeriod hands the same object to every caller.
const toPeriod = (type: PeriodType, span: PeriodSpan): Period =>
  Object.freeze({ id: span.id, type: type.name, startDate: formatDay(span.start), endDate: formatDay(span.end) });

// Imports look the same few periods up once per row: remember them (bounded).
const parsed = new Map<string, Period>();
const PARSED_LIMIT = 20_000;

/**
 * The period an identifier denotes. Accepts every form DHIS2 accepts (`2024-01-15` and
 * `20240115`, `2024-01` and `202401`, `2024W05` and `2024W5` …) and returns the canonical one.
 * Throws PERIOD_INVALID (not a period identifier), PERIOD_DATE_INVALID (`20240230`) or
 * PERIOD_NUMBER_OUT_OF_RANGE (`2021W53`, `2024Q5`).
 */
export function parsePeriod(id: string): Period {
  const known = parsed.get(id);
  if (known) return known;
  if (typeof id === 'string' && id.length >= 4 && id.length <= 11) {
    for (const type of PERIOD_TYPES) {
      for (const pattern of type.patterns) {
        const match = pattern.exec(id);
        if (!match) continue;
        const period = toPeriod(type, type.fromMatch(match, id));
        if (parsed.size >= PARSED_LIMIT) parsed.clear();
        parsed.set(id, period);
        return period;
      }
    }
  }
  throw new DenwError('PERIOD_INVALID', { period: String(id) });
}

/** The period of `type` that contains `date` (`YYYY-MM-DD`); DHIS2 PeriodType.createPeriod(date). */
export function periodOf(type: PeriodTypeName, date: string): Period {
  const definition = periodType(type);
  return toPeriod(definition, definition.containing(parseDay(date)));
}

/**
 * The period `count` periods after `period` (before it when negative). Like DHIS2
 * (CalendarPeriodType.getNextPeriod / getPreviousPeriod), this moves the start date by whole
 * periods and takes the period containing it.
 */
export function shiftPeriod(period: Period, count: number): Period {
  const type = periodType(period.type);
  return toPeriod(type, type.containing(shiftStart(type, parseDay(period.startDate), count)));
}

export const nextPeriod = (period: Period) => shiftPeriod(period, 1);
export const previousPeriod = (period: Period) => shiftPeriod(period, -1);

/** Number of days in a period (DHIS2 Period.getDaysInPeriod). */
export function daysInPeriod(period: Period): number {
  return parseDay(period.endDate) - parseDay(period.startDate) + 1;
}

/** The periods of `type` that share at least one day with the span from `startDate` to `endDate`. */
export function periodsOverlapping(type: PeriodTypeName, span: { startDate: string; endDate: string }): Period[] {
  const definition = periodType(type);
  const last = parseDay(span.endDate);
  const periods: Period[] = [];
  let current = definition.containing(parseDay(span.startDate));
  while (current.start <= last) {
    periods.push(toPeriod(definition, current));
    current = definition.containing(shiftStart(definition, current.start, 1));
  }
  return periods;
}

/** The periods of `type` lying entirely inside the span from `startDate` to `endDate`. */
export function periodsWithin(type: PeriodTypeName, span: { startDate: string; endDate: string }): Period[] {
  return periodsOverlapping(type, span).filter((p) => p.startDate >= span.startDate && p.endDate <= span.endDate);
}

/**
 * The period of the coarser (or same) `type` into which analytics aggregates data recorded for
 * `period`. DHIS2 takes the period of `type` containing the start date, except for the weekly
 * types, whose start date is moved forward three days first, so that a week belongs to the
 * month, quarter or year holding at least four of its days (dhis2-core
 * IdentifiableObjectUtils.getPeriodByPeriodType, used by PeriodResourceTable to build the
 * analytics_rs_periodstructure table). BiWeekly periods use their start date.
 * Throws PERIOD_TYPE_NOT_COARSER unless `type` is the period's own type or a longer one:
 * like DHIS2 (PeriodType.getPeriodTypePeriods), a type of the same length is not a rollup
 * (Weekly data does not go into WeeklyWednesday weeks, nor Yearly into FinancialApril).
 */
export function aggregationPeriod(period: Period, type: PeriodTypeName): Period {
  const source = periodType(period.type);
  const target = periodType(type);
  if (!rollsUpInto(source, target)) throw new DenwError('PERIOD_TYPE_NOT_COARSER', { period: period.id, type });
  const start = parseDay(period.startDate) + (source.weekly ? 3 : 0);
  return toPeriod(target, target.containing(start));
}

const rollsUpInto = (source: PeriodType, target: PeriodType) =>
  source === target || source.frequencyOrder < target.frequencyOrder;

/** The periods of the finer (or same) `type` whose data aggregates into `target` (see aggregationPeriod). */
export function periodsAggregatedInto(type: PeriodTypeName, target: Period): Period[] {
  if (!rollsUpInto(periodType(type), periodType(target.type))) {
    throw new DenwError('PERIOD_TYPE_NOT_COARSER', { period: target.id, type: target.type });
  }
  const widened = { startDate: formatDay(parseDay(target.startDate) - 6), endDate: target.endDate };
  return periodsOverlapping(type, widened).filter((p) => aggregationPeriod(p, target.type).id === target.id);
}

/**
 * Compact numeric encoding for SQL: `startDay * 32 + rank`, where startDay counts days since
 * 1970-01-01 and rank is the type's position in PERIOD_TYPE_NAMES (0 Daily … 6 BiWeekly,
 * 7 Monthly … 14 Yearly … 21 FinancialNov, shortest first). Codes fit a 32-bit integer for
 * years 0000–9999, sort by start date then by period length, and a range of codes selects the
 * periods starting in a date range (`code BETWEEN day1 * 32 AND day2 * 32 + 31`). The ranks are
 * stored data: new types are appended, never inserted.
 */
export function periodCode(period: Period): number {
  return parseDay(period.startDate) * 32 + PERIOD_TYPES.indexOf(periodType(period.type));
}

/** The period a periodCode denotes; PERIOD_INVALID when no period has that code. */
export function periodFromCode(code: number): Period {
  const rank = ((code % 32) + 32) % 32;
  const type = PERIOD_TYPES[rank];
  if (type && Number.isSafeInteger(code)) {
    const start = (code - rank) / 32;
    const span = type.containing(start);
    if (span.start === start) return toPeriod(type, span);
  }
  throw new DenwError('PERIOD_INVALID', { period: String(code) });
}
