import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DenwError } from '../errors.ts';
import { buildOrgUnitTree, leafCodes, sumUpTree, type OrgUnitSource } from './orgUnitTree.ts';
import { ReferenceDataError } from './referenceRows.ts';

const source = (code: string, parentCode: string | null, row = 1): OrgUnitSource => ({
  row,
  code,
  name: `Unit ${code}`,
  parentCode,
  boundaryVersion: 'test',
  attributeValues: [],
});

// A small tree: country A; regions B, C; cercles D, E under B and F under C.
const small = [source('D', 'B'), source('A', null), source('F', 'C'), source('B', 'A'), source('E', 'B'), source('C', 'A')];

describe('buildOrgUnitTree', () => {
  it('gives 1-based levels and paths of codes, root first, whatever the input order', () => {
    const units = buildOrgUnitTree('test.csv', small, '1900-01-01');
    expect(units.map((u) => [u.code, u.level, u.path])).toEqual([
      ['A', 1, '/A'],
      ['B', 2, '/A/B'],
      ['C', 2, '/A/C'],
      ['D', 3, '/A/B/D'],
      ['E', 3, '/A/B/E'],
      ['F', 3, '/A/C/F'],
    ]);
    expect(units.find((u) => u.code === 'D')?.parent).toEqual({ code: 'B' });
    expect(units.find((u) => u.code === 'A')).not.toHaveProperty('parent');
  });

  it('property: in any order of the input, every path is the chain of parent codes down to the unit', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(small, { minLength: small.length, maxLength: small.length }), (shuffled) => {
        const units = buildOrgUnitTree('test.csv', shuffled, '1900-01-01');
        const byCode = new Map(units.map((u) => [u.code, u]));
        for (const unit of units) {
          const chain: string[] = [];
          for (let u = byCode.get(unit.code); u; u = u.parent ? byCode.get(u.parent.code) : undefined) chain.unshift(u.code);
          expect(unit.path).toBe(`/${chain.join('/')}`);
          expect(unit.level).toBe(chain.length);
        }
      }),
    );
  });

  it('rejects a code used twice, naming the second row', () => {
    const error = catchError(() => buildOrgUnitTree('h.csv', [source('A', null, 2), source('A', null, 3)], '1900-01-01'));
    expect(error.code).toBe('REFERENCE_DUPLICATE_CODE');
    expect(error.params).toMatchObject({ file: 'h.csv', row: 3, code: 'A' });
  });

  it('rejects every unknown parent, naming the row and the parent_code field', () => {
    const error = catchError(() => buildOrgUnitTree('h.csv', [source('A', null, 2), source('B', 'X', 3), source('C', 'Y', 4)], '1900-01-01'));
    expect(error).toBeInstanceOf(ReferenceDataError);
    expect((error as ReferenceDataError).problems.map((p) => [p.code, p.field, p.params.row, p.params.parent])).toEqual([
      ['REFERENCE_UNKNOWN_PARENT', 'parent_code', 3, 'X'],
      ['REFERENCE_UNKNOWN_PARENT', 'parent_code', 4, 'Y'],
    ]);
  });

  it('rejects parents that loop', () => {
    const error = catchError(() => buildOrgUnitTree('h.csv', [source('A', null, 2), source('B', 'C', 3), source('C', 'B', 4)], '1900-01-01'));
    expect(error.code).toBe('REFERENCE_PARENT_CYCLE');
    expect(error.field).toBe('parent_code');
  });
});

describe('leafCodes and sumUpTree', () => {
  const units = buildOrgUnitTree('test.csv', small, '1900-01-01');

  it('finds the units without children', () => {
    expect(leafCodes(units).sort()).toEqual(['D', 'E', 'F']);
  });

  it('sums the leaves into every ancestor', () => {
    const totals = sumUpTree(units, new Map([['D', 10], ['E', 5], ['F', 1]]));
    expect(Object.fromEntries(totals)).toEqual({ A: 16, B: 15, C: 1, D: 10, E: 5, F: 1 });
  });
});

function catchError(run: () => unknown): DenwError {
  try {
    run();
  } catch (error) {
    if (error instanceof DenwError) return error;
    throw error;
  }
  throw new Error('expected a DenwError');
}
