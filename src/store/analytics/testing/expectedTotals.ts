// The test oracle: the totals DHIS2's aggregation types give, computed from the raw rows of the
// dataset in plain TypeScript, straight from the definitions (docs.dhis2.org, aggregation
// types; dhis2-core JdbcAnalyticsManager) and with none of the code under test — dates are
// handled with Date.UTC, the week rule is written out again, nothing is shared.
import { datasetPopulation, fixturePaths, type RawValue } from './analyticsDataset.ts';

const DAY = 86_400_000;
const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const days = (span: { startDate: string; endDate: string }) => day(span.endDate) - day(span.startDate) + 1;

export interface QueryPeriod {
  startDate: string;
  endDate: string;
  /** Weekly query periods take only weekly data; the others take data of any shorter type. */
  weekly?: boolean;
}

/** Whether a stored value counts in a requested period: weeks by their Thursday, others by their start. */
function countsIn(value: RawValue, period: QueryPeriod): boolean {
  if (period.weekly) return value.periodType === 'Weekly' && value.startDate === period.startDate;
  const longer = days(value) > days(period);
  const dayCounted = day(value.startDate) + (value.periodType === 'Weekly' ? 3 : 0);
  return !longer && dayCounted >= day(period.startDate) && dayCounted <= day(period.endDate);
}

const inSubtree = (value: RawValue, orgUnits: readonly string[]) => orgUnits.some((unit) => fixturePaths.get(value.orgUnit)!.includes(unit));

export interface ExpectedQuery {
  dataElement: string;
  aggregationType: string;
  orgUnits: readonly string[];
  periods: readonly QueryPeriod[];
  categoryOptionCombos?: readonly string[];
}

/** The latest value per org unit and combo, among the values whose period starts in [from, to]. */
function lastValues(values: readonly RawValue[], from: number, to: number): number[] {
  const latest = new Map<string, RawValue>();
  for (const value of values) {
    if (day(value.startDate) < from || day(value.startDate) > to) continue;
    const key = `${value.orgUnit}|${value.categoryOptionCombo}`;
    const known = latest.get(key);
    if (!known || value.endDate > known.endDate || (value.endDate === known.endDate && value.startDate > known.startDate)) latest.set(key, value);
  }
  return [...latest.values()].map((v) => v.value);
}

const sum = (numbers: readonly number[]) => numbers.reduce((a, b) => a + b, 0);

/** The expected total, or undefined when DHIS2 would show no value. */
export function expectedTotal(rows: readonly RawValue[], query: ExpectedQuery): number | undefined {
  const own = rows.filter(
    (v) => v.dataElement === query.dataElement && inSubtree(v, query.orgUnits) && (!query.categoryOptionCombos || query.categoryOptionCombos.includes(v.categoryOptionCombo)),
  );
  const type = query.aggregationType;
  if (type.startsWith('LAST')) {
    const end = Math.max(...query.periods.map((p) => day(p.endDate)));
    const inPeriod = type.startsWith('LAST_IN_PERIOD');
    const tenYearsBefore = (() => {
      const date = new Date(end * DAY);
      date.setUTCFullYear(date.getUTCFullYear() - 10);
      return date.getTime() / DAY;
    })();
    const from = inPeriod ? Math.min(...query.periods.map((p) => day(p.startDate))) : tenYearsBefore;
    const last = lastValues(own, from, end);
    if (last.length === 0) return undefined;
    return type.endsWith('AVERAGE_ORG_UNIT') ? sum(last) / last.length : sum(last);
  }
  const counted = query.periods.flatMap((period) => own.filter((v) => countsIn(v, period)));
  if (counted.length === 0) return undefined;
  const numbers = counted.map((v) => v.value);
  switch (type) {
    case 'SUM':
      return sum(numbers);
    case 'AVERAGE':
      return sum(numbers) / numbers.length;
    case 'AVERAGE_SUM_ORG_UNIT':
      return sum(counted.map((v) => v.value * days(v))) / sum(query.periods.map(days));
    case 'COUNT':
      return numbers.length;
    case 'MIN':
      return Math.min(...numbers);
    case 'MAX':
      return Math.max(...numbers);
    default:
      throw new Error(`no expectation for ${type}`);
  }
}

/**
 * Population 0–11 months of an org unit over a period: the figure stored for the unit, else the
 * sum of the figures at the highest level below it; times the share of each year covered.
 */
export function expectedPopulation(orgUnit: string, period: QueryPeriod): number | undefined {
  let total = 0;
  const first = new Date(day(period.startDate) * DAY).getUTCFullYear();
  const last = new Date(day(period.endDate) * DAY).getUTCFullYear();
  for (let year = first; year <= last; year++) {
    const rows = datasetPopulation.filter((p) => p.year === year && fixturePaths.get(p.orgUnit)!.includes(orgUnit));
    if (rows.length === 0) return undefined;
    const depth = Math.min(...rows.map((p) => fixturePaths.get(p.orgUnit)!.length));
    const figure = sum(rows.filter((p) => fixturePaths.get(p.orgUnit)!.length === depth).map((p) => p.value));
    const yearDays = days({ startDate: `${year}-01-01`, endDate: `${year}-12-31` });
    const overlap = Math.min(day(period.endDate), day(`${year}-12-31`)) - Math.max(day(period.startDate), day(`${year}-01-01`)) + 1;
    total += (figure * overlap) / yearDays;
  }
  return total;
}
