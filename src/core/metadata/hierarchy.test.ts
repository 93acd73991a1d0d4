import { describe, expect, it } from 'vitest';
import { inSubtrees, placeUnits } from './hierarchy.ts';

describe('placing organisation units from their parents', () => {
  it('places children listed before their parent (DHIS2 ou_with_levels.json lists the root last)', () => {
    const parents: Record<string, string | null> = { B: 'inVD5SdytkT', C: 'inVD5SdytkT', D: 'inVD5SdytkT', inVD5SdytkT: null };
    const placement = placeUnits(['B', 'C', 'D', 'inVD5SdytkT'], (unit) => parents[unit] ?? null);
    expect(placement.ancestry.get('B')).toEqual(['inVD5SdytkT', 'B']);
    expect(placement.ancestry.get('inVD5SdytkT')).toEqual(['inVD5SdytkT']);
    expect(placement.order).toEqual(['inVD5SdytkT', 'B', 'C', 'D']);
    expect(placement.inCycle.size).toBe(0);
  });

  it('continues a chain through nodes that are not in the list (units already stored)', () => {
    const parents: Record<string, string | null> = { FAC: 'ML0101', ML0101: 'ML01', ML01: 'ML', ML: null };
    const placement = placeUnits(['FAC'], (unit) => parents[unit] ?? null);
    expect(placement.ancestry.get('FAC')).toEqual(['ML', 'ML01', 'ML0101', 'FAC']);
    expect(placement.order).toEqual(['FAC']);
  });

  it('reports units whose chain loops, including a unit that is its own parent, and places the rest', () => {
    const parents: Record<string, string | null> = { A: 'B', B: 'A', C: 'A', S: 'S', R: null, K: 'R' };
    const placement = placeUnits(['C', 'A', 'B', 'S', 'K', 'R'], (unit) => parents[unit] ?? null);
    expect([...placement.inCycle].sort()).toEqual(['A', 'B', 'C', 'S']);
    expect(placement.order).toEqual(['R', 'K']);
  });
});

describe('inSubtrees', () => {
  it('holds for a root and the units below it, not for a unit whose path merely starts with the same characters', () => {
    expect(inSubtrees('/ML', ['/ML'])).toBe(true);
    expect(inSubtrees('/ML/ML01/ML0101', ['/ML/ML01'])).toBe(true);
    expect(inSubtrees('/ML/ML010', ['/ML/ML01'])).toBe(false);
    expect(inSubtrees('/ML/ML02', ['/ML/ML01', '/ML/ML02'])).toBe(true);
    expect(inSubtrees('/ML', ['/ML/ML01'])).toBe(false);
    expect(inSubtrees('/ML', [])).toBe(false);
  });
});
