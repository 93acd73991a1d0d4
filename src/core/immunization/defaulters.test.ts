import { describe, expect, it } from 'vitest';
import { maliImmunizationSchedule } from '../../programmes/immunization/schedule.ts';
import { classifyChild, defaulterWeek } from './defaulters.ts';
import { assessSchedule, type DoseAssessment } from './schedule.ts';

const dose = (vaccine: DoseAssessment['vaccine'], number: number, status: DoseAssessment['status'], dueDate: string | null, overdueDate: string | null): DoseAssessment => ({
  vaccine,
  dose: number,
  status,
  dueDate,
  overdueDate,
  validDate: null,
  givenDate: null,
});

describe('the week of the defaulter list', () => {
  it('is the ISO week containing the day, Monday to Sunday', () => {
    // 14 February 2024 was a Wednesday; 31 December 2024 a Tuesday (week 2025-W01 starts on Monday 30 December).
    expect(defaulterWeek('2024-02-14')).toEqual({ asOf: '2024-02-14', weekStart: '2024-02-12', weekEnd: '2024-02-18' });
    expect(defaulterWeek('2024-12-31')).toMatchObject({ weekStart: '2024-12-30', weekEnd: '2025-01-05' });
    expect(defaulterWeek('2024-02-12')).toMatchObject({ weekStart: '2024-02-12' });
    expect(defaulterWeek('2024-02-18')).toMatchObject({ weekStart: '2024-02-12' });
  });
});

describe('where a child stands on the list', () => {
  const week = defaulterWeek('2024-05-15'); // Wednesday; week 13–19 May 2024

  it('is due when its next dose is due, or becomes due by Sunday', () => {
    expect(classifyChild([dose('PENTA', 2, 'due', '2024-05-06', '2024-06-03')], week)).toEqual({
      category: 'due',
      next: { vaccine: 'PENTA', dose: 2, dueDate: '2024-05-06', overdueDate: '2024-06-03' },
    });
    expect(classifyChild([dose('PENTA', 2, 'not_due', '2024-05-19', '2024-06-16')], week)?.category).toBe('due');
    expect(classifyChild([dose('PENTA', 2, 'not_due', '2024-05-20', '2024-06-17')], week)).toBeNull();
  });

  it('is overdue from 4 weeks after the due date, lost to follow-up from 3 months after that', () => {
    expect(classifyChild([dose('MR', 1, 'overdue', '2024-04-17', '2024-05-15')], week)?.category).toBe('overdue');
    // Overdue since 15 February: lost to follow-up on 15 May, not the day before.
    expect(classifyChild([dose('MR', 1, 'overdue', '2024-01-18', '2024-02-15')], week)?.category).toBe('lostToFollowUp');
    expect(classifyChild([dose('MR', 1, 'overdue', '2024-01-19', '2024-02-16')], week)?.category).toBe('overdue');
  });

  it('names the most urgent dose: the earliest due, the schedule’s order for the same day', () => {
    const result = classifyChild(
      [dose('PENTA', 3, 'due', '2024-05-10', '2024-06-07'), dose('PCV', 2, 'overdue', '2024-04-01', '2024-04-29'), dose('OPV', 2, 'overdue', '2024-04-01', '2024-04-29')],
      week,
    );
    expect(result).toEqual({ category: 'overdue', next: { vaccine: 'PCV', dose: 2, dueDate: '2024-04-01', overdueDate: '2024-04-29' } });
  });

  it('counts an early dose to repeat by its repeat dates, and ignores given, too late and not eligible doses', () => {
    expect(classifyChild([dose('PENTA', 1, 'invalid', '2024-05-01', '2024-05-29')], week)?.category).toBe('due');
    expect(classifyChild([dose('BCG', 1, 'given', '2024-01-01', '2024-01-29'), dose('OPV', 0, 'too_late', null, null), dose('MALARIA', 1, 'not_eligible', null, null)], week)).toBeNull();
  });

  it('lists a child born on 1 January 2024 with no dose as overdue for BCG on 14 February (due at birth, overdue on 29 January)', () => {
    const assessments = assessSchedule(maliImmunizationSchedule, { birthDate: '2024-01-01', sex: 'F', doses: [] }, '2024-02-14');
    expect(classifyChild(assessments, defaulterWeek('2024-02-14'))).toEqual({
      category: 'overdue',
      next: { vaccine: 'BCG', dose: 1, dueDate: '2024-01-01', overdueDate: '2024-01-29' },
    });
  });
});
