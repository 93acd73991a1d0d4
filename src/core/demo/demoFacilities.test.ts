import { describe, expect, it } from 'vitest';
import { demoFacilities } from './demoFacilities.ts';

const cercles = [
  { code: 'ML0101', name: 'Kayes', population: 600_000 },
  { code: 'ML0201', name: 'Kati', population: 300_000 },
  { code: 'ML0801', name: 'Tessalit', population: 1_000 },
];

describe('demo facilities', () => {
  it('shares the facilities among cercles in proportion to population, at least one each', () => {
    const facilities = demoFacilities(cercles, 9);
    const count = (code: string) => facilities.filter((f) => f.parentCode === code).length;
    expect([count('ML0101'), count('ML0201'), count('ML0801')]).toEqual([6, 3, 1]);
  });
  it('names every unit as a demonstration unit with a DEMO_ code', () => {
    for (const facility of demoFacilities(cercles, 9)) {
      expect(facility.code).toMatch(/^DEMO_ML\d{4}_\d{2}$/);
      expect(facility.name).toContain('(démo)');
    }
  });
  it('shares the cercle population equally among its facilities', () => {
    const kati = demoFacilities(cercles, 9).filter((f) => f.parentCode === 'ML0201');
    expect(kati.map((f) => f.population)).toEqual([100_000, 100_000, 100_000]);
  });
});
