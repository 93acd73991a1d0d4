// The WHO standard lines of a growth chart (−3, −2, 0, +2, +3 SD) for one indicator and sex,
// from the LMS table: SD(k) = M·(1 + L·S·k)^(1/L) at every row (WHO 2006, ch. 7, p. 302;
// lms.ts lmsCentile). These are the lines of WHO's printed charts; beyond ±3 SD a chart
// shows no line, so the restricted z-score does not enter here.
import { lmsCentile } from './lms.ts';
import type { LmsTable, Sex, WhoGrowthTableName, WhoGrowthTables } from './tables.ts';
import { whoGrowthTableFiles } from './tables.ts';

/** Indicators a child's chart draws (2006 standards): weight, length/height, weight-for-length/height, BMI, MUAC. */
export const growthChartIndicators = ['wfa', 'lhfa', 'wfl', 'wfh', 'bfa', 'acfa'] as const satisfies readonly WhoGrowthTableName[];
export type GrowthChartIndicator = (typeof growthChartIndicators)[number];

export interface GrowthCurvePoint {
  /** Age in days, or length/height in cm for weight-for-length/height. */
  x: number;
  sd3neg: number;
  sd2neg: number;
  sd0: number;
  sd2: number;
  sd3: number;
}

export interface GrowthCurves {
  indicator: GrowthChartIndicator;
  xUnit: 'days' | 'cm';
  points: GrowthCurvePoint[];
}

/** The five lines at every row of the indicator's table for one sex, rounded to 3 decimals (a chart needs no more). */
export function growthCurves(tables: WhoGrowthTables, indicator: GrowthChartIndicator, sex: Sex): GrowthCurves {
  const table: LmsTable = tables[indicator];
  const scale = whoGrowthTableFiles[indicator].keyScale;
  const base = (sex - 1) * table.stride;
  const points: GrowthCurvePoint[] = [];
  for (let row = 0; row < table.stride; row++) {
    const l = table.l[base + row]!;
    const m = table.m[base + row]!;
    const s = table.s[base + row]!;
    const at = (k: number) => Math.round(lmsCentile(k, l, m, s) * 1000) / 1000;
    points.push({ x: (table.firstKey + row) / scale, sd3neg: at(-3), sd2neg: at(-2), sd0: at(0), sd2: at(2), sd3: at(3) });
  }
  return { indicator, xUnit: scale === 1 ? 'days' : 'cm', points };
}
