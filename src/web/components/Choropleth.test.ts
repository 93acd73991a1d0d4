import { geoArea } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { classOf, equalIntervalBreaks, rewindForD3 } from './Choropleth.tsx';

describe('choropleth classes', () => {
  it('splits the range into equal intervals', () => {
    expect(equalIntervalBreaks([0, 100], 4)).toEqual([25, 50, 75]);
    expect(equalIntervalBreaks([5, 5], 4)).toEqual([]);
  });
  it('puts each value in the first class whose upper bound it does not exceed', () => {
    expect(classOf(10, [25, 50, 75])).toBe(0);
    expect(classOf(25, [25, 50, 75])).toBe(0);
    expect(classOf(60, [25, 50, 75])).toBe(2);
    expect(classOf(99, [25, 50, 75])).toBe(3);
  });
});

describe('winding for d3-geo', () => {
  // A 1° square in Mali, counter-clockwise as RFC 7946 writes it.
  const square = { type: 'Polygon' as const, coordinates: [[[-8, 12], [-7, 12], [-7, 13], [-8, 13], [-8, 12]]] };
  it('turns an RFC 7946 exterior into a small area on the sphere, not the whole globe minus it', () => {
    expect(geoArea(square)).toBeGreaterThan(6); // the complement: nearly 4π steradians
    expect(geoArea(rewindForD3(square))).toBeLessThan(0.001);
  });
  it('leaves an already clockwise exterior alone', () => {
    const clockwise = rewindForD3(square);
    expect(rewindForD3(clockwise)).toEqual(clockwise);
  });
});
