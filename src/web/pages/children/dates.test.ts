import { describe, expect, it } from 'vitest';
import { ageInMonthsAndDays } from './dates.ts';

describe('age on the child record', () => {
  it('counts whole months, then the days since the last monthly anniversary', () => {
    expect(ageInMonthsAndDays('2026-09-10', '2026-11-28')).toEqual({ months: 2, days: 18 });
    expect(ageInMonthsAndDays('2026-11-28', '2026-11-28')).toEqual({ months: 0, days: 0 });
    expect(ageInMonthsAndDays('2025-11-28', '2026-11-27')).toEqual({ months: 11, days: 30 });
  });

  it('handles a birth on the 31st and on 29 February', () => {
    // Born 31 January: one month old on 28 February 2026 (the month's last day), so 1 March is one month and a day.
    expect(ageInMonthsAndDays('2026-01-31', '2026-02-28')).toEqual({ months: 1, days: 0 });
    expect(ageInMonthsAndDays('2026-01-31', '2026-03-01')).toEqual({ months: 1, days: 1 });
    expect(ageInMonthsAndDays('2026-01-31', '2026-03-31')).toEqual({ months: 2, days: 0 });
    // Born 29 February 2024: twelve months old on 28 February 2025.
    expect(ageInMonthsAndDays('2024-02-29', '2025-02-28')).toEqual({ months: 12, days: 0 });
    expect(ageInMonthsAndDays('2024-02-29', '2025-03-01')).toEqual({ months: 12, days: 1 });
  });
});
