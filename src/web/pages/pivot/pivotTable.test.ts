import { describe, expect, it } from 'vitest';
import { buildPivot, pivotCsv } from './pivotTable.ts';

const records = [
  { dx: 'PENTA1', ou: 'ML01', pe: '2024', value: 120 },
  { dx: 'PENTA1', ou: 'ML04', pe: '2024', value: 95.5 },
  { dx: 'PENTA1', ou: 'ML01', pe: '2025', value: 130 },
];

describe('pivot table', () => {
  it('puts each record in its row and column; missing cells stay empty', () => {
    const pivot = buildPivot(records, ['ou'], 'pe');
    expect(pivot.rowKeys).toEqual([['ML01'], ['ML04']]);
    expect(pivot.columnKeys).toEqual(['2024', '2025']);
    expect(pivot.cell(['ML04'], '2024')).toBe(95.5);
    expect(pivot.cell(['ML04'], '2025')).toBeUndefined();
  });
  it('swaps rows and columns', () => {
    const pivot = buildPivot(records, ['pe'], 'ou');
    expect(pivot.rowKeys).toEqual([['2024'], ['2025']]);
    expect(pivot.cell(['2025'], 'ML01')).toBe(130);
  });
  it('follows a given item order (e.g. the order the user chose)', () => {
    expect(buildPivot(records, ['ou'], 'pe', { ou: ['ML04', 'ML01'] }).rowKeys).toEqual([['ML04'], ['ML01']]);
  });
  it('exports CSV with translated names and quoted text', () => {
    const pivot = buildPivot(records, ['ou'], 'pe');
    const names: Record<string, string> = { ML01: 'Kayes', ML04: 'Ségou, région' };
    const csv = pivotCsv(pivot, (item) => names[item] ?? item, { dx: 'Données', pe: 'Période', ou: 'Unité' });
    expect(csv).toBe('Unité,2024,2025\r\nKayes,120,130\r\n"Ségou, région",95.5,\r\n');
  });
});
