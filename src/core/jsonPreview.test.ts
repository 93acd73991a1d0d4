import { describe, expect, it } from 'vitest';
import { jsonPreview, reportable } from './jsonPreview.ts';

const nested = (depth: number): unknown => {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};

describe('jsonPreview', () => {
  it('writes what JSON.stringify writes for ordinary values', () => {
    for (const value of [null, true, 12.5, 'texte « é »', [1, 'a', null], { id: 'x', list: [{ a: 1 }] }, []]) {
      expect(jsonPreview(value, 1_000)).toBe(JSON.stringify(value));
    }
    expect(jsonPreview(undefined, 80)).toBe('undefined');
  });

  it('cuts at the length with "..."', () => {
    expect(jsonPreview('x'.repeat(200), 80)).toBe(`"${'x'.repeat(76)}...`);
    expect(jsonPreview(Array.from({ length: 100_000 }, (_, i) => i), 20)).toBe('[0,1,2,3,4,5,6,7,...');
  });

  it('does not overflow the stack on 200,000 nested lists, where JSON.stringify throws', () => {
    const deep = JSON.parse(`${'['.repeat(200_000)}${']'.repeat(200_000)}`);
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(jsonPreview(deep, 80)).toBe(`${'['.repeat(20)}[…]${']'.repeat(20)}`);
    expect(jsonPreview({ coordinates: nested(50) }, 1_000)).toBe(`{"coordinates":${'['.repeat(19)}[…]${']'.repeat(19)}}`);
  });
});

describe('reportable', () => {
  it('keeps a value that fits, and gives the preview of one too long or too deep', () => {
    const ref = { id: 'abcdefghijk' };
    expect(reportable(ref, 1_000)).toBe(ref);
    expect(reportable('text', 1_000)).toBe('text');
    expect(reportable(Array.from({ length: 1_000 }, () => 1), 10)).toBe('[1,1,1,...');
    expect(reportable(nested(30), 1_000)).toBe(`${'['.repeat(20)}[…]${']'.repeat(20)}`);
  });
});
