// Ported from dhis2-core RelativePeriodsTest (dhis-api); each case names the DHIS2 test and
// keeps its "today" and expected periods.
import { describe, expect, it } from 'vitest';
import { DenwError } from '../errors.ts';
import { periodsOfItem, RELATIVE_PERIOD_NAMES, relativePeriods } from './relativePeriods.ts';

const spans = (name: string, asOf: string) => relativePeriods(name, asOf).map((p) => `${p.startDate}..${p.endDate}`);
const ids = (name: string, asOf: string) => relativePeriods(name, asOf).map((p) => p.id);

describe('RelativePeriodsTest', () => {
  it('testGetThisMonth and testGetLastMonth', () => {
    expect(spans('THIS_MONTH', '2001-07-15')).toEqual(['2001-07-01..2001-07-31']);
    expect(spans('LAST_MONTH', '2001-07-15')).toEqual(['2001-06-01..2001-06-30']);
  });
  it('testGetThisQuarter and testGetLastQuarter', () => {
    expect(spans('THIS_QUARTER', '2001-07-15')).toEqual(['2001-07-01..2001-09-30']);
    expect(spans('LAST_QUARTER', '2001-07-15')).toEqual(['2001-04-01..2001-06-30']);
  });
  it('testGetLast12Months: the twelve months before the current one', () => {
    expect(ids('LAST_12_MONTHS', '2001-01-01')).toEqual([
      '200001', '200002', '200003', '200004', '200005', '200006',
      '200007', '200008', '200009', '200010', '200011', '200012',
    ]);
    expect(spans('LAST_12_MONTHS', '2001-01-01')[1]).toBe('2000-02-01..2000-02-29');
  });
  it('testGetLast3Months and testGetLast6Months', () => {
    expect(ids('LAST_3_MONTHS', '2001-07-01')).toEqual(['200104', '200105', '200106']);
    expect(ids('LAST_6_MONTHS', '2001-07-01')).toEqual(['200101', '200102', '200103', '200104', '200105', '200106']);
  });
  it('testGetLast4Quarters', () => {
    expect(ids('LAST_4_QUARTERS', '2001-01-01')).toEqual(['2000Q1', '2000Q2', '2000Q3', '2000Q4']);
  });
  it('testGetLast5Years', () => {
    expect(ids('LAST_5_YEARS', '2001-01-01')).toEqual(['1996', '1997', '1998', '1999', '2000']);
  });
  it('testGetMonthsThisYear and testGetQuartersThisYear: the whole calendar year', () => {
    expect(ids('MONTHS_THIS_YEAR', '2001-04-01')).toHaveLength(12);
    expect(spans('MONTHS_THIS_YEAR', '2001-04-01')[1]).toBe('2001-02-01..2001-02-28');
    expect(ids('QUARTERS_THIS_YEAR', '2001-04-01')).toEqual(['2001Q1', '2001Q2', '2001Q3', '2001Q4']);
  });
  it('testGetRelativePeriodsFromEnumA and B', () => {
    expect(ids('THIS_YEAR', '2020-10-15')).toEqual(['2020']);
    expect(ids('THIS_QUARTER', '2020-01-15')).toEqual(['2020Q1']);
  });
  it('testGetLastWeek', () => {
    expect(spans('LAST_WEEK', '2012-01-20')).toEqual(['2012-01-09..2012-01-15']);
  });
  it('testGetLast4Weeks and testGetLast12Weeks', () => {
    expect(spans('LAST_4_WEEKS', '2010-05-04')).toEqual([
      '2010-04-05..2010-04-11',
      '2010-04-12..2010-04-18',
      '2010-04-19..2010-04-25',
      '2010-04-26..2010-05-02',
    ]);
    const twelve = spans('LAST_12_WEEKS', '2010-05-04');
    expect(twelve).toHaveLength(12);
    expect(twelve[0]).toBe('2010-02-08..2010-02-14');
    expect(twelve[11]).toBe('2010-04-26..2010-05-02');
  });
});

describe('boundaries of the relative periods', () => {
  it('LAST_MONTH on 31 March is February (the day is clamped, as Joda minusMonths does)', () => {
    expect(ids('LAST_MONTH', '2023-03-31')).toEqual(['202302']);
  });
  it('LAST_YEAR and THIS_WEEK across a year boundary', () => {
    expect(ids('LAST_YEAR', '2024-02-29')).toEqual(['2023']);
    expect(ids('THIS_WEEK', '2021-01-02')).toEqual(['2020W53']);
  });
  it('LAST_52_WEEKS ends with last week and spans a 53-week year', () => {
    const weeks = ids('LAST_52_WEEKS', '2021-01-06');
    expect(weeks).toHaveLength(52);
    expect(weeks.at(-1)).toBe('2020W53');
    expect(weeks[0]).toBe('2020W2');
  });
  it('every supported name gives periods, oldest first', () => {
    for (const name of RELATIVE_PERIOD_NAMES) {
      const periods = relativePeriods(name, '2024-06-15');
      expect(periods.length).toBeGreaterThan(0);
      expect([...periods].sort((a, b) => a.startDate.localeCompare(b.startDate))).toEqual(periods);
    }
  });
  it('rejects unknown names and bad dates', () => {
    expect(() => relativePeriods('LAST_CHRISTMAS', '2024-01-01')).toThrow(DenwError);
    expect(() => relativePeriods('THIS_YEAR', '2024-13-01')).toThrow(DenwError);
  });
});

describe('periodsOfItem: an analytics pe item', () => {
  it('is a relative period or a period identifier', () => {
    expect(periodsOfItem('LAST_4_QUARTERS', '2024-05-10').map((p) => p.id)).toEqual(['2023Q2', '2023Q3', '2023Q4', '2024Q1']);
    expect(periodsOfItem('2024-01', '2024-05-10').map((p) => p.id)).toEqual(['202401']);
    expect(() => periodsOfItem('LAST_QUARTERS', '2024-05-10')).toThrow(expect.objectContaining({ code: 'PERIOD_INVALID' }));
  });
});
