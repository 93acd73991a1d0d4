// Period identifiers and boundaries, ported from dhis2-core's own tests
// (dhis-2/dhis-api/src/test/java/org/hisp/dhis/period/*Test.java): each `it` names the DHIS2 test
// it comes from. DHIS2's Java months are 0-based in GregorianCalendar and 1-based in DateTime;
// the dates below are written as calendar dates.
import { describe, expect, it } from 'vitest';
import { DenwError } from '../errors.ts';
import { nextPeriod, parsePeriod, periodOf, periodsWithin, previousPeriod, shiftPeriod } from './periods.ts';
import type { PeriodTypeName } from './periodTypes.ts';

const span = (id: string) => {
  const p = parsePeriod(id);
  return [p.startDate, p.endDate];
};
const containing = (type: PeriodTypeName, date: string) => periodOf(type, date);
const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof DenwError ? { code: error.code, params: error.params } : error;
  }
  return undefined;
};

describe('identifier recognition (PeriodTypeTest.testGetPeriodTypeFromIsoString)', () => {
  it.each([
    ['2011', 'Yearly'],
    ['201101', 'Monthly'],
    ['2011W1', 'Weekly'],
    ['2011W32', 'Weekly'],
    ['20110101', 'Daily'],
    ['2011Q3', 'Quarterly'],
    ['201101B', 'BiMonthly'],
    ['2011S1', 'SixMonthly'],
    ['2011AprilS1', 'SixMonthlyApril'],
    ['2011April', 'FinancialApril'],
    ['2011July', 'FinancialJuly'],
    ['2011Oct', 'FinancialOct'],
    ['2011Nov', 'FinancialNov'],
    ['2011WedW1', 'WeeklyWednesday'],
    ['2011ThuW1', 'WeeklyThursday'],
    ['2011SatW1', 'WeeklySaturday'],
    ['2011SunW1', 'WeeklySunday'],
    ['2011BiW1', 'BiWeekly'],
    ['2011NovQ1', 'QuarterlyNov'],
    ['2011NovS1', 'SixMonthlyNov'],
  ])('%s is %s', (id, type) => {
    expect(parsePeriod(id).type).toBe(type);
  });

  it.each(['201', '20111', '201W2', '2011Q12', '2011W234', '201er2345566', '2011Q10', '', '2011w1', ' 2011'])(
    '%j is not a period identifier',
    (id) => {
      expect(errorOf(() => parsePeriod(id))).toEqual({ code: 'PERIOD_INVALID', params: { period: id } });
    },
  );
});

describe('alternative spellings parse to the canonical identifier', () => {
  it.each([
    ['2024-01-15', '20240115'],
    ['2024-01', '202401'],
    ['2024W05', '2024W5'],
    ['2024BiW01', '2024BiW1'],
    ['2024WedW05', '2024WedW5'],
  ])('%s is %s', (alternative, canonical) => {
    expect(parsePeriod(alternative).id).toBe(canonical);
  });
});

describe('numbers and dates out of range are rejected with the allowed maximum', () => {
  it.each([
    ['2021W53', 52],
    ['2020W54', 53],
    ['2024W0', 52],
    ['2024Q5', 4],
    ['2024Q0', 4],
    ['202413', 12],
    ['202407B', 6],
    ['2024S3', 2],
    ['2021BiW27', 26],
  ])('%s', (id, max) => {
    expect(errorOf(() => parsePeriod(id))).toEqual({ code: 'PERIOD_NUMBER_OUT_OF_RANGE', params: { period: id, max } });
  });
  it('a day that does not exist', () => {
    expect(errorOf(() => parsePeriod('20230229'))).toEqual({ code: 'PERIOD_DATE_INVALID', params: { period: '20230229' } });
    expect(parsePeriod('20240229').startDate).toBe('2024-02-29');
  });
});

describe('Weekly: ISO 8601 weeks starting on Monday (WeeklyPeriodTypeTest)', () => {
  it('isoDates: week 1 starts on the Monday of the week holding 4 January', () => {
    expect(parsePeriod('2009W1').startDate).toBe('2008-12-29');
    expect(parsePeriod('2011W1').startDate).toBe('2011-01-03');
    expect(parsePeriod('2011W11').startDate).toBe('2011-03-14');
  });
  it('testCreatePeriod: the week containing 2009-04-27 runs Monday to Sunday', () => {
    expect(span(containing('Weekly', '2009-04-27').id)).toEqual(['2009-04-27', '2009-05-03']);
  });
  it('getIsoDate / testGetIsoDate: the week-based year may differ from the calendar year', () => {
    expect(containing('Weekly', '2011-01-03').id).toBe('2011W1');
    expect(containing('Weekly', '2012-12-31').id).toBe('2013W1');
    expect(containing('Weekly', '2012-12-30').id).toBe('2012W52');
    expect(containing('Weekly', '2009-12-29').id).toBe('2009W53');
    expect(containing('Weekly', '2010-01-04').id).toBe('2010W1');
  });
  it('testGeneratePeriodsWithCalendar: 2009 has 53 weeks, 2011 has 52', () => {
    const weeksOf = (year: number) => {
      const first = parsePeriod(`${year}W1`);
      let count = 1;
      for (let p = nextPeriod(first); p.id.startsWith(`${year}W`); p = nextPeriod(p)) count++;
      return count;
    };
    expect(weeksOf(2009)).toBe(53);
    expect(weeksOf(2011)).toBe(52);
  });
  it('testGeneratePeriodsWithPeriod: 2013 runs from 2012-12-31 to the week of 2013-12-23', () => {
    expect(span('2013W1')).toEqual(['2012-12-31', '2013-01-06']);
    expect(span('2013W52')).toEqual(['2013-12-23', '2013-12-29']);
  });
});

describe('weeks starting on Wednesday, Thursday, Saturday and Sunday', () => {
  // Week 1 is the week with at least four days in the year (WeekFields.of(day, 4) in
  // DateUnitPeriodTypeParser); the expected starts are those of AdxPeriodTest.testSerialize.
  it.each([
    ['2022WedW1', '2021-12-29'],
    ['2022ThuW1', '2021-12-30'],
    ['2022SatW1', '2022-01-01'],
    ['2022SunW1', '2022-01-02'],
    ['2024WedW1', '2024-01-03'],
    ['2024SatW2', '2024-01-06'],
  ])('%s starts on %s and lasts seven days', (id, start) => {
    const period = parsePeriod(id);
    expect(period.startDate).toBe(start);
    expect(previousPeriod(nextPeriod(period)).id).toBe(id);
  });
});

describe('BiWeekly: pairs of ISO weeks (BiWeeklyPeriodTypeTest)', () => {
  it('testCreatePeriod', () => {
    expect(span(containing('BiWeekly', '2018-01-08').id)).toEqual(['2018-01-01', '2018-01-14']);
    expect(span(containing('BiWeekly', '2017-12-29').id)).toEqual(['2017-12-18', '2017-12-31']);
  });
  it('testGetNextPeriod and testGetPreviousPeriod', () => {
    expect(span(nextPeriod(containing('BiWeekly', '2018-01-03')).id)).toEqual(['2018-01-15', '2018-01-28']);
    expect(span(previousPeriod(containing('BiWeekly', '2018-01-04')).id)).toEqual(['2017-12-18', '2017-12-31']);
  });
  it('testToIsoDate: first and last of the 26 rolling bi-weeks', () => {
    for (const [date, first, last] of [
      ['2018-01-01', '2017BiW2', '2018BiW1'],
      ['2019-01-01', '2018BiW2', '2019BiW1'],
      ['2010-01-01', '2009BiW2', '2009BiW27'],
      ['2020-01-01', '2019BiW2', '2020BiW1'],
    ] as const) {
      const current = containing('BiWeekly', date);
      expect(current.id).toBe(last);
      expect(shiftPeriod(current, -25).id).toBe(first);
    }
  });
  it('testGeneratePeriods: 2018 has 26 bi-weeks starting 1, 15 and 29 January', () => {
    const biWeeks = periodsWithin('BiWeekly', { startDate: '2018-01-01', endDate: '2018-12-30' });
    expect(biWeeks).toHaveLength(26);
    expect(biWeeks.slice(0, 3).map((p) => p.startDate)).toEqual(['2018-01-01', '2018-01-15', '2018-01-29']);
  });
  it('in a 53-week year, BiWeek 27 starts on week 53 and overlaps the next BiWeek 1, as in DHIS2', () => {
    expect(span('2020BiW27')).toEqual(['2020-12-28', '2021-01-10']);
    expect(span('2021BiW1')).toEqual(['2021-01-04', '2021-01-17']);
  });
});

describe('month-based types', () => {
  it.each([
    ['202402', '2024-02-01', '2024-02-29'],
    ['202401B', '2024-01-01', '2024-02-29'],
    ['202406B', '2024-11-01', '2024-12-31'],
    ['2024Q4', '2024-10-01', '2024-12-31'],
    ['2024S2', '2024-07-01', '2024-12-31'],
    ['2024AprilS2', '2024-10-01', '2025-03-31'],
    ['2015NovS1', '2014-11-01', '2015-04-30'],
    ['2015NovS2', '2015-05-01', '2015-10-31'],
    ['2009NovQ2', '2009-02-01', '2009-04-30'],
    ['2024July', '2024-07-01', '2025-06-30'],
    ['2024Oct', '2024-10-01', '2025-09-30'],
    ['2024Aug', '2024-08-01', '2025-07-31'],
    ['2024Sep', '2024-09-01', '2025-08-31'],
  ])('%s runs from %s to %s', (id, start, end) => {
    expect(span(id)).toEqual([start, end]);
  });

  it('FinancialNovemberPeriodTypeTest: the financial year is named after the year it ends in', () => {
    expect(containing('FinancialNov', '2009-02-15')).toMatchObject({ id: '2009Nov', startDate: '2008-11-01', endDate: '2009-10-31' });
    expect(containing('FinancialNov', '2009-11-12')).toMatchObject({ id: '2010Nov', startDate: '2009-11-01' });
    expect(nextPeriod(containing('FinancialNov', '2009-02-15')).startDate).toBe('2009-11-01');
    expect(previousPeriod(containing('FinancialNov', '2009-02-15')).startDate).toBe('2007-11-01');
  });

  it('QuarterlyNovemberPeriodTypeTest', () => {
    expect(span(containing('QuarterlyNov', '2009-03-15').id)).toEqual(['2009-02-01', '2009-04-30']);
    expect(span(containing('QuarterlyNov', '2009-08-15').id)).toEqual(['2009-08-01', '2009-10-31']);
    expect(span(containing('QuarterlyNov', '2014-11-20').id)).toEqual(['2014-11-01', '2015-01-31']);
    const march = containing('QuarterlyNov', '2009-03-15');
    expect(nextPeriod(march).startDate).toBe('2009-05-01');
    expect(shiftPeriod(march, 3).startDate).toBe('2009-11-01');
    expect(previousPeriod(march).startDate).toBe('2008-11-01');
  });

  it('SixMonthlyNovemberPeriodTest', () => {
    for (const [date, start, end] of [
      ['2009-08-15', '2009-05-01', '2009-10-31'],
      ['2009-12-15', '2009-11-01', '2010-04-30'],
      ['2009-07-15', '2009-05-01', '2009-10-31'],
      ['2015-02-01', '2014-11-01', '2015-04-30'],
      ['2014-03-31', '2013-11-01', '2014-04-30'],
    ] as const) {
      expect(span(containing('SixMonthlyNov', date).id)).toEqual([start, end]);
    }
    expect(nextPeriod(containing('SixMonthlyNov', '2009-12-15')).startDate).toBe('2010-05-01');
    expect(previousPeriod(containing('SixMonthlyNov', '2009-08-15')).startDate).toBe('2008-11-01');
  });
});
