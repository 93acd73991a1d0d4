import { describe, expect, it } from 'vitest';
import { filterOptions, orgUnitOptions, type OrgUnit } from './orgUnits.ts';

const unit = (id: string, name: string, path: string): OrgUnit => ({ id, code: id, name, level: path.split('/').length - 1, path });
const units = [
  unit('ML', 'Mali', '/ML'),
  unit('ML01', 'Kayes', '/ML/ML01'),
  unit('ML0101', 'Bafoulabé', '/ML/ML01/ML0101'),
  unit('HA1', 'Centre', '/ML/ML01/ML0101/HA1'),
  unit('ML04', 'Ségou', '/ML/ML04'),
  unit('ML0401', 'Barouéli', '/ML/ML04/ML0401'),
  unit('HA2', 'Centre', '/ML/ML04/ML0401/HA2'),
];

describe('org-unit choices', () => {
  it('offers only units inside the scope, named with their ancestors below the country', () => {
    const options = orgUnitOptions(units, ['/ML/ML04']);
    expect(options.map((option) => option.id)).toEqual(['ML04', 'ML0401', 'HA2']);
    expect(options[2]!.trail).toEqual(['Ségou', 'Barouéli']);
  });

  it('lists a parent before its children, the country first', () => {
    expect(orgUnitOptions(units, ['/ML']).map((option) => option.id)).toEqual(['ML', 'ML01', 'ML0101', 'HA1', 'ML04', 'ML0401', 'HA2']);
  });

  it('keeps only the given units (a data set’s assignments), in tree order', () => {
    const options = orgUnitOptions(units, ['/ML'], new Set(['HA2', 'HA1']));
    expect(options.map((option) => [...option.trail, option.name].join(' › '))).toEqual(['Kayes › Bafoulabé › Centre', 'Ségou › Barouéli › Centre']);
  });

  it('finds units by any word of their name, code or ancestors, without accents or case', () => {
    const options = orgUnitOptions(units, ['/ML']);
    expect(filterOptions(options, 'segou centre').map((option) => option.id)).toEqual(['HA2']);
    expect(filterOptions(options, 'ML0101').map((option) => option.id)).toEqual(['ML0101']);
    expect(filterOptions(options, '  ')).toHaveLength(units.length);
  });
});
