// DHIS2's expiry day arithmetic (DataSet.isLocked with Period.isDateInTimeFrame, whole days,
// end inclusive): the last entry day is the period's end date plus the expiry days. Every
// expected date below is counted on a calendar by hand.
import { describe, expect, it } from 'vitest';
import { expiredSince, lastEntryDay } from './expiryDays.ts';

describe('last entry day (period end + expiry days)', () => {
  it('January 2024 with 10 expiry days: open until 10 February, refused from 11 February', () => {
    expect(lastEntryDay('2024-01-31', 10)).toBe('2024-02-10');
    expect(expiredSince('2024-01-31', 10, '2024-01-15')).toBeNull();
    expect(expiredSince('2024-01-31', 10, '2024-02-10')).toBeNull();
    expect(expiredSince('2024-01-31', 10, '2024-02-11')).toBe('2024-02-10');
  });
  it('counts across a leap day and a year end', () => {
    expect(lastEntryDay('2024-02-29', 1)).toBe('2024-03-01');
    expect(lastEntryDay('2023-02-28', 1)).toBe('2023-03-01');
    expect(lastEntryDay('2023-12-31', 15)).toBe('2024-01-15');
    expect(lastEntryDay('2024-03-31', 30)).toBe('2024-04-30'); // 2024Q1
  });
  it('1 expiry day: the day after the period is the last one', () => {
    expect(expiredSince('2024-05-31', 1, '2024-06-01')).toBeNull();
    expect(expiredSince('2024-05-31', 1, '2024-06-02')).toBe('2024-06-01');
  });
  it('0 expiry days never expire (DataSet.NO_EXPIRY)', () => {
    expect(lastEntryDay('2000-01-31', 0)).toBeNull();
    expect(expiredSince('2000-01-31', 0, '2099-12-31')).toBeNull();
  });
});
