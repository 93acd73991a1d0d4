// The period side of an analytics query. A "cell" is what one row's period stands for: one
// period when `pe` is a dimension, or all the filter periods together when it is a filter.
import { civilFromDays, daysFromCivil, formatDay, isLeapYear, parseDay } from '../periods/calendar.ts';
import { aggregationPeriod, daysInPeriod, type Period } from '../periods/periods.ts';
import { periodType } from '../periods/periodTypes.ts';

export interface PeriodCell {
  /** The period id in rows, or '' for the filter. */
  key: string;
  periods: readonly Period[];
}

/** Days covered by a cell (the divisor of AVERAGE_SUM_ORG_UNIT and of annualisation). */
export const cellDays = (cell: PeriodCell) => cell.periods.reduce((days, period) => days + daysInPeriod(period), 0);

/**
 * For each stored data period, the cells its values count in: a data period counts in a
 * requested period when it is of the same type or a shorter one and rolls up into it by
 * DHIS2's rule (aggregationPeriod: containing period, weeks by their Thursday). Data of a
 * longer period never counts in a shorter one, as in DHIS2's period structure.
 */
export function cellsOfDataPeriods(stored: readonly Period[], cells: readonly PeriodCell[]): Map<string, number[]> {
  const targets = new Map<string, number[]>();
  for (const data of stored) {
    const order = periodType(data.type).frequencyOrder;
    cells.forEach((cell, index) => {
      for (const requested of cell.periods) {
        const longer = periodType(requested.type).frequencyOrder > order;
        if ((requested.type === data.type || longer) && aggregationPeriod(data, requested.type).id === requested.id) {
          const list = targets.get(data.id) ?? [];
          list.push(index);
          targets.set(data.id, list);
        }
      }
    });
  }
  return targets;
}

/** The days between which the data periods of the cells start (a week can start 6 days before). */
export function storedPeriodRange(cells: readonly PeriodCell[]): { from: string; to: string } {
  const periods = cells.flatMap((cell) => cell.periods);
  const first = periods.map((p) => parseDay(p.startDate)).reduce((a, b) => Math.min(a, b));
  const last = periods.map((p) => parseDay(p.endDate)).reduce((a, b) => Math.max(a, b));
  return { from: formatDay(first - 6), to: formatDay(last) };
}

/**
 * Population pro-rating: for each calendar year a cell touches, the share of that year the
 * cell covers (days of the cell in the year / days in the year, 365 or 366). A yearly period
 * gives {2024: 1}; January 2024 gives {2024: 31/366}. A yearly population figure times these
 * shares is the population of the cell's time span.
 */
export function yearShares(cell: PeriodCell): Map<number, number> {
  const shares = new Map<number, number>();
  for (const period of cell.periods) {
    const first = parseDay(period.startDate);
    const last = parseDay(period.endDate);
    for (let year = civilFromDays(first).year; year <= civilFromDays(last).year; year++) {
      const yearStart = daysFromCivil(year, 1, 1);
      const yearEnd = daysFromCivil(year, 12, 31);
      const overlap = Math.min(last, yearEnd) - Math.max(first, yearStart) + 1;
      shares.set(year, (shares.get(year) ?? 0) + overlap / (isLeapYear(year) ? 366 : 365));
    }
  }
  return shares;
}
