import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../core/periods/periods.ts';
import { latestOpenPeriod, periodLabel, periodWindow } from './periods.ts';

describe('period names', () => {
  it('names months, years and days in the interface language', () => {
    expect(periodLabel('202401', 'fr')).toBe('janvier 2024');
    expect(periodLabel('202401', 'en')).toBe('January 2024');
    expect(periodLabel('2024', 'fr')).toBe('2024');
    expect(periodLabel('20240115', 'en')).toBe('15 Jan 2024');
  });

  it('names ISO weeks with their dates (2024W5: Monday 29 January to Sunday 4 February)', () => {
    expect(periodLabel('2024W5', 'fr')).toBe('Semaine 5 de 2024 (29 janv. – 4 févr.)');
    expect(periodLabel('2024W5', 'en')).toBe('Week 5 of 2024 (29 Jan – 4 Feb)');
  });

  it('names month spans by their first and last month', () => {
    expect(periodLabel('2024Q1', 'fr')).toBe('janvier – mars 2024');
    expect(periodLabel('2024April', 'en')).toBe('April 2024 – March 2025');
  });

  it('shows an identifier it cannot read as given', () => {
    expect(periodLabel('2024X9', 'fr')).toBe('2024X9');
  });
});

describe('periods open for entry', () => {
  it('keeps the running period closed when a data set opens no future period (DHIS2 openFuturePeriods = 0)', () => {
    expect(latestOpenPeriod('Monthly', '2025-03-14', 0).id).toBe('202502');
    expect(latestOpenPeriod('Monthly', '2025-03-14', 1).id).toBe('202503');
    expect(latestOpenPeriod('Quarterly', '2025-03-14', 0).id).toBe('2024Q4');
  });

  it('lists periods newest first around the chosen one, never past the latest open one', () => {
    const window = periodWindow(parsePeriod('202501'), parsePeriod('202502'), 2, 3);
    expect(window.map((period) => period.id)).toEqual(['202502', '202501', '202412', '202411']);
  });
});
