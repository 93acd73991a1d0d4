// The growth chart's drawing: the WHO standard lines (−3, −2, median, +2, +3 SD, from
// GET /api/growth/curves, i.e. the WHO Child Growth Standards 2006 tables) and the child's
// measurements over them, as an ECharts option for the shared EChart component.
//
// Age is shown in months as WHO's charts show it, converted with WHO anthro's 30.4375 days per
// month. The child's length/height is plotted as measured; its z-score (computed by the server
// as anthro does, with the 0.7 cm position adjustment) is what the table beside the chart shows.
import type { EChartsCoreOption } from 'echarts/core';
import { daysPerMonth } from '../../../core/growth/who2006.ts';
import type { CurveIndicator, CurvePoint, Curves, Measurement } from './childrenApi.ts';

export type ChartKind = 'wfa' | 'lhfa' | 'wflh';

/**
 * Weight-for-length (45–110 cm) before 2 years, weight-for-height (65–120 cm) from 2 years,
 * as the WHO standards split them (731 days: anthro's switch); the latest measurement decides.
 */
export function curveIndicator(kind: ChartKind, measurements: readonly Measurement[]): CurveIndicator {
  if (kind !== 'wflh') return kind;
  const latest = [...measurements].sort((a, b) => a.date.localeCompare(b.date)).at(-1);
  return latest?.ageDays != null && latest.ageDays >= 731 ? 'wfh' : 'wfl';
}

/** The child's points: [x, y] in the chart's units, measurements lacking either left out. */
export function childPoints(indicator: CurveIndicator, measurements: readonly Measurement[]): Array<[number, number]> {
  const points: Array<[number, number]> = [];
  for (const m of [...measurements].sort((a, b) => a.date.localeCompare(b.date))) {
    const ageMonths = m.ageDays == null ? null : m.ageDays / daysPerMonth;
    const [x, y] =
      indicator === 'wfa' ? [ageMonths, m.weightKg] : indicator === 'lhfa' ? [ageMonths, m.lengthHeightCm] : [m.lengthHeightCm, m.weightKg];
    if (x != null && y != null) points.push([x, y]);
  }
  return points;
}

/**
 * The part of the WHO lines worth drawing: from 0 (or 5 cm below the smallest length) to a
 * little beyond the child's last point (at least the first year), thinned to about 300 points
 * so that the SVG stays light — the tables have one row per day (1,857 rows) or per 0.1 cm.
 */
export function visibleCurve(curves: Curves, points: ReadonlyArray<[number, number]>): Array<CurvePoint & { xShown: number }> {
  const byAge = curves.xUnit === 'days';
  const xs = points.map(([x]) => x);
  const toShown = (x: number) => (byAge ? x / daysPerMonth : x);
  const [low, high] = byAge
    ? [0, Math.max(12, ...xs.map((x) => x + 6))]
    : [xs.length ? Math.min(...xs) - 5 : -Infinity, xs.length ? Math.max(...xs) + 5 : Infinity];
  const inRange = curves.points.filter((point) => toShown(point.x) >= low && toShown(point.x) <= high);
  const step = Math.max(1, Math.ceil(inRange.length / 300));
  return inRange.filter((_, index) => index % step === 0 || index === inRange.length - 1).map((point) => ({ ...point, xShown: toShown(point.x) }));
}

const lines = [
  { key: 'sd3', label: '+3', color: '#c62828', dashed: true },
  { key: 'sd2', label: '+2', color: '#9a6700', dashed: false },
  { key: 'sd0', label: '0', color: '#1a7f37', dashed: false },
  { key: 'sd2neg', label: '−2', color: '#9a6700', dashed: false },
  { key: 'sd3neg', label: '−3', color: '#c62828', dashed: true },
] as const;

export function growthChartOption(
  curves: Curves,
  measurements: readonly Measurement[],
  labels: { x: string; y: string; child: string; line(sd: string): string; format(value: number): string },
): EChartsCoreOption {
  const points = childPoints(curves.indicator, measurements);
  const curve = visibleCurve(curves, points);
  return {
    animation: false,
    grid: { left: 56, right: 56, top: 36, bottom: 48 },
    legend: { top: 0, data: [labels.child, ...lines.map((line) => labels.line(line.label))] },
    tooltip: { trigger: 'item', valueFormatter: (value: number) => labels.format(value) },
    xAxis: { type: 'value', name: labels.x, nameLocation: 'middle', nameGap: 28, min: curve[0]?.xShown, max: curve.at(-1)?.xShown, scale: true },
    yAxis: { type: 'value', name: labels.y, scale: true },
    series: [
      ...lines.map((line) => ({
        type: 'line',
        name: labels.line(line.label),
        data: curve.map((point) => [point.xShown, point[line.key]]),
        showSymbol: false,
        silent: true,
        lineStyle: { color: line.color, width: line.key === 'sd0' ? 2 : 1.5, type: line.dashed ? 'dashed' : 'solid' },
        itemStyle: { color: line.color },
        // The SD value at the right end, as on WHO's printed charts.
        endLabel: { show: true, formatter: line.label, color: line.color },
      })),
      {
        type: 'line',
        name: labels.child,
        data: points,
        symbol: 'circle',
        symbolSize: 9,
        z: 10,
        lineStyle: { color: '#0058ab', width: 2 },
        itemStyle: { color: '#0058ab' },
      },
    ],
  };
}
