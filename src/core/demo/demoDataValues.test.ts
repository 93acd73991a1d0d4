import { describe, expect, it } from 'vitest';
import { demoDataValues, type DemoDataSet, type DemoUnit, type DerivedCell } from './demoDataValues.ts';

const unit = (code: string, performance: number): DemoUnit => ({
  code,
  performance,
  population: () => ({ total: 100_000, births: 4_000, under5: 17_000 }),
});

const epi: DemoDataSet = {
  code: 'EPI',
  periodType: 'Monthly',
  elements: [
    {
      code: 'PENTA1',
      categories: [['0-11M', '12-23M'], ['F', 'M']],
      optionCombos: [
        { code: '0-11M_F', options: ['0-11M', 'F'] },
        { code: '0-11M_M', options: ['0-11M', 'M'] },
        { code: '12-23M_F', options: ['12-23M', 'F'] },
        { code: '12-23M_M', options: ['12-23M', 'M'] },
      ],
    },
  ],
};
const profiles = { PENTA1: { base: 'survivingInfants' as const, perYear: 0.9, shares: { '0-11M': 0.9 } } };

describe('demo data values', () => {
  it('covers every month from January of the first year to the last month', () => {
    const values = [...demoDataValues(epi, [unit('A', 1)], profiles, { firstYear: 2024, lastMonth: '202503', seed: 1 })];
    const periods = [...new Set(values.map((v) => v.period))];
    expect(periods).toHaveLength(15);
    expect(periods[0]).toBe('202401');
    expect(periods.at(-1)).toBe('202503');
  });

  it('draws yearly totals near the expected count (4,000 births × 0.94 × 0.9 × 0.9 in the first age group)', () => {
    const values = [...demoDataValues(epi, [unit('A', 1)], profiles, { firstYear: 2024, lastMonth: '202412', seed: 7 })];
    const infants = values.filter((v) => v.categoryOptionCombo.startsWith('0-11M')).reduce((sum, v) => sum + v.value, 0);
    expect(infants).toBeGreaterThan(4000 * 0.94 * 0.9 * 0.9 * 0.9);
    expect(infants).toBeLessThan(4000 * 0.94 * 0.9 * 0.9 * 1.1);
  });

  it('gives lower counts where services reach fewer people', () => {
    const values = [...demoDataValues(epi, [unit('GOOD', 1), unit('POOR', 0.5)], profiles, { firstYear: 2024, lastMonth: '202412', seed: 3 })];
    const total = (code: string) => values.filter((v) => v.orgUnit === code).reduce((sum, v) => sum + v.value, 0);
    expect(total('POOR') / total('GOOD')).toBeGreaterThan(0.4);
    expect(total('POOR') / total('GOOD')).toBeLessThan(0.6);
  });

  it('draws quarterly and yearly reports too', () => {
    const quarterly = { ...epi, periodType: 'Quarterly' as const };
    const values = [...demoDataValues(quarterly, [unit('A', 1)], profiles, { firstYear: 2024, lastMonth: '202412', seed: 5 })];
    expect([...new Set(values.map((v) => v.period))]).toEqual(['2024Q1', '2024Q2', '2024Q3', '2024Q4']);
    const infants = values.filter((v) => v.categoryOptionCombo.startsWith('0-11M')).reduce((sum, v) => sum + v.value, 0);
    expect(infants).toBeGreaterThan(4000 * 0.94 * 0.9 * 0.9 * 0.9);
  });

  it("reports target populations as the planning figure, whatever the unit's performance", () => {
    const target: DemoDataSet = { code: 'T', periodType: 'Monthly', elements: [{ code: 'TARGET', categories: [['default']], optionCombos: [{ code: 'default', options: ['default'] }] }] };
    const values = [
      ...demoDataValues(target, [unit('POOR', 0.5)], { TARGET: { base: 'births', perYear: 1, targetPopulation: true } }, { firstYear: 2024, lastMonth: '202402', seed: 1 }),
    ];
    expect(values.map((v) => v.value)).toEqual([333, 333]); // 4,000 births a year ÷ 12
  });

  it('is the same for the same seed', () => {
    const run = () => [...demoDataValues(epi, [unit('A', 1)], profiles, { firstYear: 2024, lastMonth: '202406', seed: 42 })];
    expect(run()).toEqual(run());
  });
});

describe('derived demo values', () => {
  const element = (code: string) => ({ code, categories: [['default']], optionCombos: [{ code: 'default', options: ['default'] }] });
  // Listed in the data set with the derived ones first, as a database may return them.
  const stock: DemoDataSet = { code: 'S', periodType: 'Monthly', elements: ['CLOSING', 'USED', 'OPENING', 'RECEIVED'].map(element) };
  const profiles = {
    OPENING: { base: 'total' as const, perYear: 0.001, level: true },
    RECEIVED: { base: 'total' as const, perYear: 0.01 },
    USED: { base: 'total' as const, perYear: 0.02, derive: (c: DerivedCell) => Math.min(c.draw, c.value('OPENING') + c.value('RECEIVED')) },
    CLOSING: { base: 'total' as const, perYear: 0, derive: (c: DerivedCell) => c.value('OPENING') + c.value('RECEIVED') - c.value('USED') },
  };

  it('are computed after the drawn ones, in the order their profiles are declared, month by month', () => {
    const values = [...demoDataValues(stock, [unit('A', 1)], profiles, { firstYear: 2024, lastMonth: '202412', seed: 9 })];
    const of = (code: string, period: string) => values.find((v) => v.dataElement === code && v.period === period)!.value;
    for (let m = 1; m <= 12; m++) {
      const period = `2024${String(m).padStart(2, '0')}`;
      expect(of('CLOSING', period)).toBe(of('OPENING', period) + of('RECEIVED', period) - of('USED', period));
      expect(of('CLOSING', period)).toBeGreaterThanOrEqual(0);
    }
  });
});
