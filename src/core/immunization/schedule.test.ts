// The engine's general rules on small schedules written for the test (Mali's schedule is tested
// in src/programmes/immunization/schedule.test.ts). Dates worked by hand.
import { describe, expect, it } from 'vitest';
import { assessSchedule, type ImmunizationSchedule, type ScheduleDose } from './index.ts';

const schedule = (doses: ScheduleDose[]): ImmunizationSchedule => ({ overdueAfter: { weeks: 4 }, repeatAfterInvalid: { weeks: 4 }, doses });
const child = { birthDate: '2025-01-01', sex: 'M' as const, doses: [] };

describe('assessSchedule', () => {
  it('a dose withdrawn from the schedule (validUntil) is not eligible for children reaching its age on or after that day', () => {
    const withdrawn = schedule([{ vaccine: 'YF', dose: 1, recommendedAge: { months: 9 }, minimumAge: { months: 9 }, maximumAge: { years: 5 }, validUntil: '2020-01-01' }]);
    // 9 months: born 31 Mar 2019 → 31 Dec 2019 (before); born 1 Apr 2019 → 1 Jan 2020 (on the day).
    expect(assessSchedule(withdrawn, { ...child, birthDate: '2019-03-31' }, '2020-02-01')[0]?.status).toBe('overdue');
    expect(assessSchedule(withdrawn, { ...child, birthDate: '2019-04-01' }, '2020-02-01')[0]?.status).toBe('not_eligible');
  });
  it('a season across the new year (November–February): 1 March moves to 1 November, 15 December stays', () => {
    const seasonal = (months: number) =>
      schedule([{ vaccine: 'MALARIA', dose: 1, recommendedAge: { months }, minimumAge: {}, maximumAge: { years: 5 }, season: { fromMonth: 11, toMonth: 2 } }]);
    expect(assessSchedule(seasonal(2), child, '2025-01-01')[0]?.dueDate).toBe('2025-11-01');
    expect(assessSchedule(seasonal(0), { ...child, birthDate: '2024-12-15' }, '2025-01-01')[0]?.dueDate).toBe('2024-12-15');
    expect(assessSchedule(seasonal(1), { ...child, birthDate: '2025-01-20' }, '2025-01-20')[0]?.dueDate).toBe('2025-02-20');
  });
  it('the first valid attempt counts; a later one is not looked at; doses of vaccines outside the schedule are ignored', () => {
    const single = schedule([{ vaccine: 'BCG', dose: 1, recommendedAge: {}, minimumAge: {}, maximumAge: { years: 5 } }]);
    const doses = [
      { vaccine: 'BCG' as const, dose: 1, date: '2025-03-01' },
      { vaccine: 'BCG' as const, dose: 1, date: '2025-02-01' },
      { vaccine: 'HPV' as const, dose: 1, date: '2025-02-01' },
    ];
    expect(assessSchedule(single, { ...child, doses }, '2025-04-01')).toEqual([
      { vaccine: 'BCG', dose: 1, status: 'given', dueDate: '2025-01-01', overdueDate: '2025-01-29', validDate: '2025-02-01', givenDate: '2025-02-01' },
    ]);
  });
  it('a dose before birth is invalid; an invalid attempt that can no longer be repeated has no due date', () => {
    const rota = schedule([{ vaccine: 'ROTA', dose: 1, recommendedAge: { weeks: 6 }, minimumAge: { weeks: 6 }, maximumAge: { months: 24 } }]);
    const early = assessSchedule(rota, { ...child, doses: [{ vaccine: 'ROTA', dose: 1, date: '2024-12-31' }] }, '2027-01-01')[0];
    expect(early).toMatchObject({ status: 'invalid', givenDate: '2024-12-31', dueDate: null, overdueDate: null });
  });
  it('refuses a schedule whose dose has an interval but no previous dose listed before it, and a date that is not one', () => {
    const broken = schedule([{ vaccine: 'PCV', dose: 2, recommendedAge: {}, minimumAge: {}, maximumAge: { years: 5 }, minimumInterval: { weeks: 4 } }]);
    expect(() => assessSchedule(broken, child, '2025-01-01')).toThrow(/PCV dose 2/);
    const bcg = schedule([{ vaccine: 'BCG', dose: 1, recommendedAge: {}, minimumAge: {}, maximumAge: { years: 5 } }]);
    expect(() => assessSchedule(bcg, { ...child, birthDate: '2025-02-30' }, '2025-03-01')).toThrow(/DATE_INVALID/);
    expect(() => assessSchedule(bcg, { ...child, doses: [{ vaccine: 'BCG', dose: 1, date: '2025-1-2' }] }, '2025-03-01')).toThrow(/DATE_INVALID/);
  });
});
