import { describe, expect, it } from 'vitest';
import { assessProgress, trajectory, trajectoryValue } from './progress.ts';

// Worked by hand: baseline 77 % in 2023 (WUENIC DTP3), hypothetical target 90 % in 2028 → +2.6 points a year.
const dtp3 = { baseline: { year: 2023, value: 77 }, target: { year: 2028, value: 90 } };

describe('the trajectory from baseline to target', () => {
  it('is a straight line through both ends', () => {
    expect(trajectoryValue(dtp3.baseline, dtp3.target, 2023)).toBe(77);
    expect(trajectoryValue(dtp3.baseline, dtp3.target, 2025)).toBeCloseTo(82.2, 10);
    expect(trajectoryValue(dtp3.baseline, dtp3.target, 2028)).toBe(90);
    expect(trajectory(dtp3.baseline, dtp3.target).map((m) => m.year)).toEqual([2023, 2024, 2025, 2026, 2027, 2028]);
  });
});

describe('progress status', () => {
  it('is on track at or above the trajectory', () => {
    // 2025 expects 82.2; 83 achieved → ratio (83−77)/(82.2−77) = 6/5.2
    const progress = assessProgress({ direction: 'increase', ...dtp3, latest: { year: 2025, value: 83 } });
    expect(progress.status).toBe('on_track');
    expect(progress.ratio).toBeCloseTo(6 / 5.2, 10);
  });
  it('needs acceleration when moving the right way but behind', () => {
    const progress = assessProgress({ direction: 'increase', ...dtp3, latest: { year: 2025, value: 79.6 } });
    expect(progress.status).toBe('acceleration_needed');
    expect(progress.ratio).toBeCloseTo(0.5, 10);
  });
  it('is regressing when the value moved away from the target', () => {
    expect(assessProgress({ direction: 'increase', ...dtp3, latest: { year: 2025, value: 75 } }).status).toBe('regressing');
  });
  it('reads a falling indicator the other way (stunting 26.9 % in 2018, DHS; hypothetical target 20 % in 2030)', () => {
    const stunting = { baseline: { year: 2018, value: 26.9 }, target: { year: 2030, value: 20 } };
    // 2024 expects 26.9 − 6.9 × 6/12 = 23.45; DHS 2023-24 measured 25.1 → ratio 1.8/3.45
    const progress = assessProgress({ direction: 'decrease', ...stunting, latest: { year: 2024, value: 25.1 } });
    expect(progress.status).toBe('acceleration_needed');
    expect(progress.expected).toBeCloseTo(23.45, 10);
    expect(progress.ratio).toBeCloseTo(1.8 / 3.45, 10);
  });
  it('counts a reached target as on track even after the target year', () => {
    expect(assessProgress({ direction: 'increase', ...dtp3, latest: { year: 2030, value: 91 } }).status).toBe('on_track');
  });
  it('says no_data without a baseline, a target or a value after the baseline', () => {
    expect(assessProgress({ direction: 'increase', target: dtp3.target, latest: { year: 2025, value: 80 } }).status).toBe('no_data');
    expect(assessProgress({ direction: 'increase', baseline: dtp3.baseline, latest: { year: 2025, value: 80 } }).status).toBe('no_data');
    expect(assessProgress({ direction: 'increase', ...dtp3, latest: { year: 2023, value: 80 } }).status).toBe('no_data');
  });
});
