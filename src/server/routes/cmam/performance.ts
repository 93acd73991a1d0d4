// The CMAM performance table: for each site and month, the exits of the SAM (URENI + URENAS)
// and MAM (URENAM) programmes by outcome, their rates, the average length of stay and weight
// gain, and the Sphere pass/fail of each rate. Every number comes from analytics (the same
// aggregates as the dashboards); the exit total is the package's NUT_SAM_EXITS / NUT_MAM_EXITS
// indicator, so the exit definition is the one chosen in nutrition/cmam.ts.
import type { AnalyticsTable } from '../../../core/analytics/grid.ts';
import { assessPerformance, type PerformanceIndicator, type Verdict } from '../../../core/nutrition/sphere.ts';
import { EXITS, MAM_UNITS, SAM_UNITS } from '../../../programmes/nutrition/cmam.ts';
import { sphereStandards, type CmamProgramme } from '../../../programmes/nutrition/sphere.ts';

const OUTCOMES = { cured: 'CURED', died: 'DIED', defaulted: 'DEFAULTED', nonRespondent: 'NON_RESPONDENT' } as const satisfies Record<PerformanceIndicator, string>;
const UNITS: Record<CmamProgramme, readonly string[]> = { SAM: SAM_UNITS, MAM: MAM_UNITS };
export const PROGRAMMES: readonly CmamProgramme[] = ['SAM', 'MAM'];

const exitsIndicator = (programme: CmamProgramme) => `NUT_${programme}_EXITS`;
const lengthOfStay = (programme: CmamProgramme) => `NUT_${programme}_AVERAGE_LENGTH_OF_STAY`;
const weightGain = (programme: CmamProgramme) => `NUT_${programme}_AVERAGE_WEIGHT_GAIN`;
const outcomeOperand = (unit: string, indicator: PerformanceIndicator) => `${EXITS}.${unit}_${OUTCOMES[indicator]}`;

/** The analytics data items the table needs, as `dx` items. */
export function performanceDataItems(programmes: readonly CmamProgramme[]): string[] {
  return programmes.flatMap((programme) => [
    exitsIndicator(programme),
    lengthOfStay(programme),
    weightGain(programme),
    ...UNITS[programme].flatMap((unit) => (Object.keys(OUTCOMES) as PerformanceIndicator[]).map((indicator) => outcomeOperand(unit, indicator))),
  ]);
}

export interface PerformanceRow {
  orgUnit: { code: string; name: string };
  period: string;
  programme: CmamProgramme;
  exits: number;
  counts: Record<PerformanceIndicator, number>;
  /** Percent of exits, unrounded; null without exits. */
  rates: Record<PerformanceIndicator, number | null>;
  /** Per thresholded indicator (non-response has none). */
  verdicts: Partial<Record<PerformanceIndicator, Verdict>>;
  verdict: Verdict;
  averageLengthOfStay: number | null;
  averageWeightGain: number | null;
}

/**
 * Rows from an analytics table with rows `dx, pe, ou` (codes as ids): one per site, month and
 * programme that has any value, sorted by site name, month, programme.
 */
export function performanceRows(table: AnalyticsTable, programmes: readonly CmamProgramme[]): PerformanceRow[] {
  const values = new Map<string, number>();
  const cells = new Set<string>();
  for (const [dx, pe, ou, value] of table.rows) {
    values.set(`${dx}|${pe}|${ou}`, Number(value));
    cells.add(`${pe}|${ou}`);
  }
  const rows: PerformanceRow[] = [];
  for (const cell of cells) {
    const [period, orgUnit] = cell.split('|') as [string, string];
    const value = (dx: string) => values.get(`${dx}|${period}|${orgUnit}`);
    for (const programme of programmes) {
      const items = performanceDataItems([programme]);
      if (!items.some((dx) => value(dx) !== undefined)) continue;
      const count = (indicator: PerformanceIndicator) => UNITS[programme].reduce((total, unit) => total + (value(outcomeOperand(unit, indicator)) ?? 0), 0);
      const counts = { cured: count('cured'), died: count('died'), defaulted: count('defaulted'), nonRespondent: count('nonRespondent') };
      const assessed = assessPerformance({ exits: value(exitsIndicator(programme)) ?? 0, ...counts }, sphereStandards[programme]);
      rows.push({
        orgUnit: { code: orgUnit, name: table.items[orgUnit] ?? orgUnit },
        period,
        programme,
        exits: assessed.exits,
        counts,
        rates: Object.fromEntries(assessed.indicators.map((r) => [r.indicator, r.rate])) as PerformanceRow['rates'],
        verdicts: Object.fromEntries(assessed.indicators.flatMap((r) => (r.verdict ? [[r.indicator, r.verdict]] : []))),
        verdict: assessed.verdict,
        averageLengthOfStay: value(lengthOfStay(programme)) ?? null,
        averageWeightGain: value(weightGain(programme)) ?? null,
      });
    }
  }
  const order = (row: PerformanceRow) => [row.orgUnit.name, row.period, PROGRAMMES.indexOf(row.programme)] as const;
  return rows.sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    return x[0].localeCompare(y[0], 'fr') || x[1].localeCompare(y[1]) || x[2] - y[2];
  });
}
