// Progress of a results-framework indicator against its target.
//
// Method: the linear trajectory from the baseline to the target (value expected in each
// year if progress were steady), and the progress ratio — the change achieved since the
// baseline divided by the change the trajectory expected by the same year. This is the
// "current status" comparison of UN ESCAP's SDG progress assessment (ESCAP Statistics
// Division, "Tracking progress towards the SDGs", Working Paper SD/WP/05, May 2017, and the
// ESCAP SDG Progress Report technical notes: progress made versus progress needed), applied
// with a linear path because programme targets are set as linear yearly milestones.
//
// Status:
// - on_track: at or ahead of the trajectory (ratio ≥ 1), or the target already reached;
// - acceleration_needed: moving the right way but behind (0 < ratio < 1);
// - regressing: moved away from the target since the baseline (ratio ≤ 0);
// - no_data: no baseline, no target, or no value after the baseline year.

export type Direction = 'increase' | 'decrease';
export type ProgressStatus = 'on_track' | 'acceleration_needed' | 'regressing' | 'no_data';

export interface Milestone {
  year: number;
  value: number;
}

export interface ProgressInput {
  direction: Direction;
  baseline?: Milestone | undefined;
  target?: Milestone | undefined;
  latest?: Milestone | undefined;
}

export interface Progress {
  status: ProgressStatus;
  /** Value the linear trajectory expects in the latest value's year. */
  expected?: number;
  /** Achieved change ÷ expected change since the baseline; undefined when not computable. */
  ratio?: number;
}

/** The value expected in `year` on the straight line from baseline to target. */
export function trajectoryValue(baseline: Milestone, target: Milestone, year: number): number {
  if (target.year === baseline.year) return target.value;
  return baseline.value + ((target.value - baseline.value) * (year - baseline.year)) / (target.year - baseline.year);
}

/** The trajectory year by year, baseline to target inclusive (for charts). */
export function trajectory(baseline: Milestone, target: Milestone): Milestone[] {
  const years: Milestone[] = [];
  for (let year = baseline.year; year <= target.year; year++) years.push({ year, value: trajectoryValue(baseline, target, year) });
  return years;
}

export function assessProgress({ direction, baseline, target, latest }: ProgressInput): Progress {
  if (!baseline || !target || !latest || latest.year <= baseline.year || target.year <= baseline.year) return { status: 'no_data' };
  const sign = direction === 'increase' ? 1 : -1;
  const reached = sign * (latest.value - target.value) >= 0;
  const expected = trajectoryValue(baseline, target, Math.min(latest.year, target.year));
  const expectedChange = sign * (expected - baseline.value);
  const achievedChange = sign * (latest.value - baseline.value);
  if (expectedChange <= 0) {
    // A target that asks for no improvement: on track unless the value got worse.
    return { status: achievedChange >= 0 ? 'on_track' : 'regressing', expected };
  }
  const ratio = achievedChange / expectedChange;
  const status: ProgressStatus = reached || ratio >= 1 ? 'on_track' : ratio > 0 ? 'acceleration_needed' : 'regressing';
  return { status, expected, ratio };
}
