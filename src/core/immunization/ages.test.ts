// Ages added to birth dates, worked by hand on the calendar.
import { describe, expect, it } from 'vitest';
import { formatDay, parseDay } from '../periods/calendar.ts';
import { addAge, plusAge, type Age } from './ages.ts';

const add = (date: string, age: Age) => formatDay(addAge(parseDay(date), age));

describe('ages of a schedule added to a date', () => {
  it('adds weeks as 7 days: born 1 January 2025, 6 weeks = 42 days later = 12 February', () => {
    expect(add('2025-01-01', { weeks: 6 })).toBe('2025-02-12');
    expect(add('2025-01-01', { weeks: 14 })).toBe('2025-04-09');
  });
  it('adds calendar months, clamped to the end of a shorter month', () => {
    expect(add('2025-01-31', { months: 1 })).toBe('2025-02-28');
    expect(add('2024-01-31', { months: 1 })).toBe('2024-02-29');
    expect(add('2024-08-31', { months: 1 })).toBe('2024-09-30');
    expect(add('2024-08-31', { months: 9 })).toBe('2025-05-31');
    expect(add('2024-08-31', { months: 6 })).toBe('2025-02-28');
  });
  it('counts a year as 12 months: born 29 February 2024 is 1 year old on 28 February 2025, 4 on 29 February 2028', () => {
    expect(add('2024-02-29', { years: 1 })).toBe('2025-02-28');
    expect(add('2024-02-29', { years: 4 })).toBe('2028-02-29');
    expect(add('2024-02-29', { years: 10 })).toBe('2034-02-28');
  });
  it('adds the months before the days: 31 May + 9 months + 4 weeks = 28 February + 28 days', () => {
    expect(add('2024-05-31', { months: 9, weeks: 4 })).toBe('2025-03-28');
    expect(plusAge({ months: 5 }, { months: 6, weeks: 8 })).toEqual({ years: 0, months: 11, weeks: 8, days: 0 });
  });
  it('adds nothing for an empty age (at birth)', () => {
    expect(add('2025-01-01', {})).toBe('2025-01-01');
  });
});
