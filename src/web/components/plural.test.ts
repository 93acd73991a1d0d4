import { describe, expect, it } from 'vitest';
import { pluralKey } from './plural.ts';

describe('plural labels', () => {
  it('uses the singular for 0 and 1 in French, for 1 only in English (CLDR plural rules)', () => {
    expect([0, 1, 2].map((count) => pluralKey('units', count, 'fr'))).toEqual(['units.one', 'units.one', 'units.other']);
    expect([0, 1, 2].map((count) => pluralKey('units', count, 'en'))).toEqual(['units.other', 'units.one', 'units.other']);
  });
  it('reads French "many" (a million and more) as the plural', () => {
    expect(pluralKey('values', 1_000_000, 'fr')).toBe('values.other');
  });
});
