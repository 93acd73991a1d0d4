import { describe, expect, it } from 'vitest';
import { displayName, searchObjects } from './metadataApi.ts';

const elements = [
  { id: 'a1', code: 'EPI_PENTA1', displayName: 'Penta 1 — doses administrées' },
  { id: 'a2', code: 'EPI_MR1', name: 'RR 1 — doses administrées' },
  { id: 'a3', code: 'NUT_SAM_ADMISSIONS', displayName: 'Admissions MAS (malnutrition aiguë sévère)', numerator: '#{NUT_SAM_ADMISSIONS}' },
];

describe('metadata search', () => {
  it('finds objects by every word of their name or code, ignoring accents and case', () => {
    expect(searchObjects(elements, 'doses penta').map((object) => object.id)).toEqual(['a1']);
    expect(searchObjects(elements, 'severe').map((object) => object.id)).toEqual(['a3']);
    expect(searchObjects(elements, 'epi_mr').map((object) => object.id)).toEqual(['a2']);
  });

  it('finds an object by its whole id, never by a fragment of it', () => {
    const withUids = [
      { id: 'Xq3Lz8PwK2a', code: 'EPI_COV_PENTA1', displayName: 'Couverture Penta 1' },
      { id: 'Rt7Mn4VbQ1c', code: 'EPI_COV_PENTA3', displayName: 'Couverture Penta 3' },
    ];
    expect(searchObjects(withUids, 'Penta 3').map((object) => object.code)).toEqual(['EPI_COV_PENTA3']);
    expect(searchObjects(withUids, ' Xq3Lz8PwK2a ').map((object) => object.code)).toEqual(['EPI_COV_PENTA1']);
    expect(searchObjects(withUids, 'Xq3L')).toEqual([]);
  });

  it('searches extra texts such as an indicator’s expressions', () => {
    expect(searchObjects(elements, '#{nut', (object) => [String(object.numerator ?? '')]).map((object) => object.id)).toEqual(['a3']);
  });

  it('names an object by its display name, else its name, code or id', () => {
    expect(displayName(elements[1])).toBe('RR 1 — doses administrées');
    expect(displayName({ id: 'x', code: null })).toBe('x');
  });
});
