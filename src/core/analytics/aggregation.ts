// How analytics aggregates a data element's values across org units and periods, by its
// DHIS2 aggregation type. The definitions are DHIS2's (docs.dhis2.org, "Data elements" →
// aggregation type, and "Aggregation operators" in the analytics chapter), computed the way
// dhis2-core does it (JdbcAnalyticsManager.getNumericValueColumn and
// getFirstOrLastValueSubquerySql; AnalyticsAggregationType):
//
// - SUM: the sum of the values, across org units and periods.
// - AVERAGE: the average of the values, across org units and periods alike (`avg(value)`).
// - AVERAGE_SUM_ORG_UNIT: average in time, sum across org units. DHIS2 computes
//   `sum(daysxvalue) / days`: each value times the days of its own period, summed, divided by
//   the days of the requested period (of all filter periods together when the period is a
//   filter). A month with no report therefore counts as zero, as in DHIS2.
// - LAST / LAST_AVERAGE_ORG_UNIT: for each org unit holding data (and each disaggregation),
//   the value of the latest period that starts no later than the end of the requested period
//   and no earlier than ten years before it (data are carried forward, LAST_VALUE_YEARS_OFFSET
//   = -10); then the sum (LAST) or the average (LAST_AVERAGE_ORG_UNIT) of those values.
// - LAST_IN_PERIOD / LAST_IN_PERIOD_AVERAGE_ORG_UNIT: the same, looking only inside the
//   requested period(s).
// - MIN, MAX, COUNT: the smallest value, the largest, the number of values.
// - NONE: no aggregation in any dimension: a value is shown only where exactly one value is
//   stored for the org unit and period asked (text data elements are treated the same way).
import { DenwError } from '../errors.ts';
import { addMonths, formatDay, parseDay } from '../periods/calendar.ts';
import type { Period } from '../periods/periods.ts';

export const AGGREGATION_TYPES = [
  'SUM',
  'AVERAGE',
  'AVERAGE_SUM_ORG_UNIT',
  'LAST',
  'LAST_AVERAGE_ORG_UNIT',
  'LAST_IN_PERIOD',
  'LAST_IN_PERIOD_AVERAGE_ORG_UNIT',
  'MIN',
  'MAX',
  'COUNT',
  'NONE',
] as const;
export type AggregationType = (typeof AGGREGATION_TYPES)[number];

/**
 * Where the statistics of an aggregation type come from:
 * - `sums`: sums and counts per period (the trigger-maintained aggregated_data_value table plus
 *   the org unit's own values);
 * - `values`: the individual values of the subtree (MIN, MAX);
 * - `lastValues`: the latest value per org unit and disaggregation;
 * - `storedValue`: the one value stored at exactly that org unit and period (NONE).
 */
export type StatisticsSource = 'sums' | 'values' | 'lastValues' | 'storedValue';

export function statisticsSource(type: AggregationType): StatisticsSource {
  switch (type) {
    case 'SUM':
    case 'AVERAGE':
    case 'AVERAGE_SUM_ORG_UNIT':
    case 'COUNT':
      return 'sums';
    case 'MIN':
    case 'MAX':
      return 'values';
    case 'NONE':
      return 'storedValue';
    default:
      return 'lastValues';
  }
}

/** The aggregation type of a data element as stored; AGGREGATION_TYPE_UNSUPPORTED otherwise. */
export function aggregationTypeOf(stored: string, dataElement: string): AggregationType {
  const type = AGGREGATION_TYPES.find((candidate) => candidate === stored);
  if (!type) throw new DenwError('ANALYTICS_AGGREGATION_TYPE_UNSUPPORTED', { dataElement, type: stored });
  return type;
}

/** What is known of a set of values: enough to compute any aggregation type's result. */
export interface ValueStatistics {
  sum: number;
  count: number;
  /** Σ value × days of the value's own period (DHIS2's `daysxvalue`). */
  daysTimesValue: number;
  min: number;
  max: number;
}

export const noValues: ValueStatistics = Object.freeze({
  sum: 0,
  count: 0,
  daysTimesValue: 0,
  min: Number.POSITIVE_INFINITY,
  max: Number.NEGATIVE_INFINITY,
});

/** Statistics of values that share a period of `days` days (sum and count; min/max when known). */
export function periodStatistics(sum: number, count: number, days: number, min = Number.NaN, max = Number.NaN): ValueStatistics {
  return { sum, count, daysTimesValue: sum * days, min: Number.isNaN(min) ? noValues.min : min, max: Number.isNaN(max) ? noValues.max : max };
}

export function combineStatistics(a: ValueStatistics, b: ValueStatistics): ValueStatistics {
  return {
    sum: a.sum + b.sum,
    count: a.count + b.count,
    daysTimesValue: a.daysTimesValue + b.daysTimesValue,
    min: Math.min(a.min, b.min),
    max: Math.max(a.max, b.max),
  };
}

/**
 * The aggregated value of a data element of `type` from the statistics of its values; undefined
 * when there are none. `days` is the length of the requested period (or the sum of the filter
 * periods), used by AVERAGE_SUM_ORG_UNIT.
 */
export function aggregatedValue(type: AggregationType, statistics: ValueStatistics, days: number): number | undefined {
  if (statistics.count === 0) return undefined;
  switch (type) {
    case 'AVERAGE':
    case 'LAST_AVERAGE_ORG_UNIT':
    case 'LAST_IN_PERIOD_AVERAGE_ORG_UNIT':
      return statistics.sum / statistics.count;
    case 'AVERAGE_SUM_ORG_UNIT':
      return statistics.daysTimesValue / days;
    case 'COUNT':
      return statistics.count;
    case 'MIN':
      return statistics.min;
    case 'MAX':
      return statistics.max;
    default:
      return statistics.sum;
  }
}

/** DHIS2 looks back this far for a last value (AnalyticsColumns.LAST_VALUE_YEARS_OFFSET). */
const LAST_VALUE_YEARS = 10;

/**
 * The dates between which a data period must start to give a last value for `periods`: up to
 * the latest end of them, back to ten years before it (LAST…) or to the earliest start of them
 * (LAST_IN_PERIOD…). DHIS2 subtracts whole years (Joda addYears: 29 February becomes 28).
 */
export function lastValueWindow(type: AggregationType, periods: readonly Period[]): { from: string; to: string } {
  const to = periods.map((p) => p.endDate).reduce((a, b) => (a > b ? a : b));
  const from =
    type === 'LAST_IN_PERIOD' || type === 'LAST_IN_PERIOD_AVERAGE_ORG_UNIT'
      ? periods.map((p) => p.startDate).reduce((a, b) => (a < b ? a : b))
      : formatDay(addMonths(parseDay(to), -12 * LAST_VALUE_YEARS));
  return { from, to };
}
