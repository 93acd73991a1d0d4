import { describe, expect, it } from 'vitest';
import { completedMonths, doseCell } from './doseCell.ts';

describe('age in completed months at the dose date', () => {
  it('completes a month on the same day of a later month', () => {
    expect(completedMonths('2024-03-15', '2024-04-14')).toBe(0);
    expect(completedMonths('2024-03-15', '2024-04-15')).toBe(1);
    expect(completedMonths('2024-03-15', '2025-03-14')).toBe(11);
    expect(completedMonths('2024-03-15', '2025-03-15')).toBe(12);
  });

  it('completes it on the last day of a month too short for the birth day', () => {
    expect(completedMonths('2024-01-31', '2024-02-28')).toBe(0); // 2024 is a leap year: 29 February exists
    expect(completedMonths('2024-01-31', '2024-02-29')).toBe(1);
    expect(completedMonths('2023-01-31', '2023-02-28')).toBe(1);
    expect(completedMonths('2024-02-29', '2025-02-28')).toBe(12);
  });
});

describe('the monthly report cell of a dose', () => {
  const girl = { birthDate: '2024-01-10', sex: 'F' as const };
  const boy = { birthDate: '2024-01-10', sex: 'M' as const };

  it('counts an infant dose by age group at the dose date and sex, in the month of the dose', () => {
    expect(doseCell({ vaccine: 'PENTA', dose: 1, date: '2024-02-21' }, girl)).toEqual({ dataElement: 'EPI_PENTA1', period: '202402', categoryOptionCombo: '0-11M_F' });
    expect(doseCell({ vaccine: 'MR', dose: 2, date: '2025-04-10' }, boy)).toEqual({ dataElement: 'EPI_MR2', period: '202504', categoryOptionCombo: '12-23M_M' });
    // The day before the first birthday is still 0–11 months.
    expect(doseCell({ vaccine: 'MR', dose: 1, date: '2025-01-09' }, boy)?.categoryOptionCombo).toBe('0-11M_M');
  });

  it('names single-dose vaccines without a dose number', () => {
    expect(doseCell({ vaccine: 'BCG', dose: 1, date: '2024-01-10' }, girl)?.dataElement).toBe('EPI_BCG');
    expect(doseCell({ vaccine: 'YF', dose: 1, date: '2024-10-10' }, girl)?.dataElement).toBe('EPI_YF');
  });

  it('disaggregates OPV0 and the malaria vaccine by sex only, HPV not at all', () => {
    expect(doseCell({ vaccine: 'OPV', dose: 0, date: '2024-01-10' }, boy)).toEqual({ dataElement: 'EPI_OPV0', period: '202401', categoryOptionCombo: 'M' });
    expect(doseCell({ vaccine: 'MALARIA', dose: 4, date: '2025-05-20' }, girl)?.categoryOptionCombo).toBe('F');
    expect(doseCell({ vaccine: 'HPV', dose: 1, date: '2034-11-02' }, girl)).toEqual({ dataElement: 'EPI_HPV', period: '203411', categoryOptionCombo: 'default' });
  });

  it('has no cell for an infant dose at 24 months or later, nor for a dose outside the report', () => {
    expect(doseCell({ vaccine: 'PENTA', dose: 3, date: '2026-01-10' }, girl)).toBeNull();
    expect(doseCell({ vaccine: 'PENTA', dose: 4, date: '2024-06-10' }, girl)).toBeNull();
  });
});
