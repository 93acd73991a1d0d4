import { describe, expect, it } from 'vitest';
import { DenwError } from '../errors.ts';
import {
  aggregationPeriod,
  daysInPeriod,
  parsePeriod,
  periodCode,
  periodFromCode,
  periodsAggregatedInto,
  periodsOverlapping,
  periodsWithin,
} from './periods.ts';

const ids = (periods: { id: string }[]) => periods.map((p) => p.id);

describe('aggregationPeriod: the coarser period analytics adds a value into', () => {
  // dhis2-core IdentifiableObjectUtils.getPeriodByPeriodType: the period containing the start
  // date, moved three days forward for weekly periods ("weeks are converted to longer periods
  // by determining which period contains at least 4 days of the week").
  it('a month goes into the quarter, six-month and year containing its first day', () => {
    const march = parsePeriod('202403');
    expect(aggregationPeriod(march, 'Quarterly').id).toBe('2024Q1');
    expect(aggregationPeriod(march, 'SixMonthlyApril').id).toBe('2023AprilS2');
    expect(aggregationPeriod(march, 'FinancialApril').id).toBe('2023April');
    expect(aggregationPeriod(march, 'FinancialNov').id).toBe('2024Nov');
    expect(aggregationPeriod(march, 'Monthly').id).toBe('202403');
  });
  it('a week goes into the month holding at least four of its days', () => {
    // 2024W5 runs Monday 29 January to Sunday 4 February: four days in February.
    expect(aggregationPeriod(parsePeriod('2024W5'), 'Monthly').id).toBe('202402');
    // 2024W9 runs 26 February to 3 March: four days in February.
    expect(aggregationPeriod(parsePeriod('2024W9'), 'Monthly').id).toBe('202402');
    // 2020W53 runs 28 December 2020 to 3 January 2021: four days in 2020.
    expect(aggregationPeriod(parsePeriod('2020W53'), 'Yearly').id).toBe('2020');
    // 2015W53 runs 28 December 2015 to 3 January 2016: four days in 2015.
    expect(aggregationPeriod(parsePeriod('2015W53'), 'Quarterly').id).toBe('2015Q4');
  });
  it('a bi-week goes by its start date (BiWeekly is not a weekly type in DHIS2)', () => {
    expect(aggregationPeriod(parsePeriod('2020BiW27'), 'Yearly').id).toBe('2020');
    expect(aggregationPeriod(parsePeriod('2024BiW5'), 'Monthly').id).toBe('202402');
  });
  it('refuses a shorter type, and another type of the same length (PeriodType.getPeriodTypePeriods)', () => {
    expect(() => aggregationPeriod(parsePeriod('2024Q1'), 'Monthly')).toThrow(DenwError);
    expect(() => aggregationPeriod(parsePeriod('2024W5'), 'WeeklyWednesday')).toThrow(DenwError);
    expect(() => aggregationPeriod(parsePeriod('2024'), 'FinancialApril')).toThrow(DenwError);
    expect(() => periodsAggregatedInto('Yearly', parsePeriod('2024July'))).toThrow(DenwError);
  });
});

describe('periodsAggregatedInto is the inverse of aggregationPeriod', () => {
  it('January 2024 holds weeks 1 to 4; February holds weeks 5 to 9', () => {
    expect(ids(periodsAggregatedInto('Weekly', parsePeriod('202401')))).toEqual(['2024W1', '2024W2', '2024W3', '2024W4']);
    expect(ids(periodsAggregatedInto('Weekly', parsePeriod('202402')))).toEqual(['2024W5', '2024W6', '2024W7', '2024W8', '2024W9']);
  });
  it('every week of 2020 including week 53 goes into 2020', () => {
    const weeks = periodsAggregatedInto('Weekly', parsePeriod('2020'));
    expect(weeks).toHaveLength(53);
    expect(weeks[0]!.id).toBe('2020W1');
    expect(weeks.at(-1)!.id).toBe('2020W53');
  });
  it('a quarter holds its three months', () => {
    expect(ids(periodsAggregatedInto('Monthly', parsePeriod('2024Q2')))).toEqual(['202404', '202405', '202406']);
  });
});

describe('periods overlapping and within a span', () => {
  const q1 = parsePeriod('2024Q1');
  it('weeks overlapping the first quarter of 2024 include the one running into April', () => {
    const weeks = periodsOverlapping('Weekly', q1);
    expect(weeks[0]!.id).toBe('2024W1');
    expect(weeks.at(-1)!).toMatchObject({ id: '2024W13', startDate: '2024-03-25', endDate: '2024-03-31' });
    expect(weeks).toHaveLength(13);
  });
  it('weeks within a month exclude those crossing its boundaries', () => {
    expect(ids(periodsWithin('Weekly', parsePeriod('202402')))).toEqual(['2024W6', '2024W7', '2024W8']);
    expect(ids(periodsOverlapping('Weekly', parsePeriod('202402')))).toEqual(['2024W5', '2024W6', '2024W7', '2024W8', '2024W9']);
  });
  it('days in a period', () => {
    expect(daysInPeriod(parsePeriod('2024'))).toBe(366);
    expect(daysInPeriod(parsePeriod('202402'))).toBe(29);
    expect(daysInPeriod(parsePeriod('2024W1'))).toBe(7);
    expect(periodsWithin('Daily', parsePeriod('2023Q1'))).toHaveLength(90);
  });
});

describe('periodCode: start day × 32 + type rank', () => {
  it('encodes the start date as days since 1970-01-01', () => {
    // 2024-01-01 is day 19723 (1970 + 54 years, 13 of them leap: 54 × 365 + 13).
    expect(periodCode(parsePeriod('2024'))).toBe(19723 * 32 + 14);
    expect(periodCode(parsePeriod('202401'))).toBe(19723 * 32 + 7);
    expect(periodCode(parsePeriod('20240101'))).toBe(19723 * 32 + 0);
    expect(periodCode(parsePeriod('1970W1'))).toBe(-3 * 32 + 1);
  });
  it('sorts by start date, then shorter types first', () => {
    const sorted = ['2024', '202401', '2024Q1', '20240101', '2024W1', '202312'].map(parsePeriod).sort((a, b) => periodCode(a) - periodCode(b));
    expect(ids(sorted)).toEqual(['202312', '20240101', '2024W1', '202401', '2024Q1', '2024']);
  });
  it('decodes, and rejects codes no period has', () => {
    expect(periodFromCode(periodCode(parsePeriod('2025NovS1'))).id).toBe('2025NovS1');
    expect(() => periodFromCode(19724 * 32 + 7)).toThrow(DenwError); // no month starts on 2 January
    expect(() => periodFromCode(19723 * 32 + 30)).toThrow(DenwError); // no type of rank 30
  });
});
