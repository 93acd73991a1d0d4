// DHIS2's aggregation types on small hand-worked examples, and the value text of rows.
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../periods/periods.ts';
import { aggregatedValue, combineStatistics, lastValueWindow, noValues, periodStatistics, statisticsSource, AGGREGATION_TYPES } from './aggregation.ts';
import { cellDays, cellsOfDataPeriods, yearShares } from './periodCells.ts';
import { analyticsValueText, roundHalfUp } from './valueText.ts';

// Three facilities report a stock of 100, 150 and 200 for January (31 days), and the first one
// 90 for February (29 days, 2024): the example of DHIS2's "Last value, sum in org unit
// hierarchy" guide (450 for the three) extended over two months.
const january = [100, 150, 200].map((v) => periodStatistics(v, 1, 31, v, v)).reduce(combineStatistics, noValues);
const february = periodStatistics(90, 1, 29, 90, 90);
const both = combineStatistics(january, february);

describe('aggregatedValue', () => {
  it('SUM, AVERAGE, COUNT, MIN and MAX across org units and periods', () => {
    expect(aggregatedValue('SUM', both, 60)).toBe(540);
    expect(aggregatedValue('AVERAGE', both, 60)).toBe(135);
    expect(aggregatedValue('COUNT', both, 60)).toBe(4);
    expect(aggregatedValue('MIN', both, 60)).toBe(90);
    expect(aggregatedValue('MAX', both, 60)).toBe(200);
  });

  it('AVERAGE_SUM_ORG_UNIT: each value times its days, over the days asked (a missing month counts as 0)', () => {
    // (100 + 150 + 200) × 31 + 90 × 29 over the 60 days of January–February 2024.
    expect(aggregatedValue('AVERAGE_SUM_ORG_UNIT', both, 60)).toBeCloseTo((450 * 31 + 90 * 29) / 60, 12);
    // Over January alone it is the sum across org units.
    expect(aggregatedValue('AVERAGE_SUM_ORG_UNIT', january, 31)).toBe(450);
  });

  it('LAST sums the last values of the org units, LAST_AVERAGE_ORG_UNIT averages them', () => {
    expect(aggregatedValue('LAST', january, 31)).toBe(450);
    expect(aggregatedValue('LAST_AVERAGE_ORG_UNIT', january, 31)).toBe(150);
  });

  it('gives no value without values, whatever the type', () => {
    for (const type of AGGREGATION_TYPES) expect(aggregatedValue(type, noValues, 31)).toBeUndefined();
  });

  it('reads sums for SUM/AVERAGE types, single values for MIN/MAX, last values for LAST types', () => {
    expect(['SUM', 'AVERAGE', 'AVERAGE_SUM_ORG_UNIT', 'COUNT'].map((t) => statisticsSource(t as 'SUM'))).toEqual(['sums', 'sums', 'sums', 'sums']);
    expect(statisticsSource('MIN')).toBe('values');
    expect(statisticsSource('LAST_IN_PERIOD_AVERAGE_ORG_UNIT')).toBe('lastValues');
    expect(statisticsSource('NONE')).toBe('storedValue');
  });
});

describe('lastValueWindow', () => {
  it('looks back ten years from the end of the period (29 February to 28 February), or only inside it', () => {
    expect(lastValueWindow('LAST', [parsePeriod('202402')])).toEqual({ from: '2014-02-28', to: '2024-02-29' });
    expect(lastValueWindow('LAST_IN_PERIOD', [parsePeriod('2024Q1'), parsePeriod('202405')])).toEqual({ from: '2024-01-01', to: '2024-05-31' });
  });
});

describe('period cells', () => {
  it('count days and year shares for population pro-rating', () => {
    expect(cellDays({ key: '', periods: [parsePeriod('202401'), parsePeriod('202402')] })).toBe(60);
    expect(yearShares({ key: '2024', periods: [parsePeriod('2024')] })).toEqual(new Map([[2024, 1]]));
    expect(yearShares({ key: '202402', periods: [parsePeriod('202402')] })).toEqual(new Map([[2024, 29 / 366]]));
    // A week across New Year: 2020W53 runs from 28 December 2020 to 3 January 2021.
    expect(yearShares({ key: '2020W53', periods: [parsePeriod('2020W53')] })).toEqual(new Map([[2020, 4 / 366], [2021, 3 / 365]]));
  });

  it('roll stored periods into requested ones: weeks by their Thursday, never a longer period into a shorter one', () => {
    const stored = ['2024W5', '2024W9', '202401', '2024Q1', '2024'].map(parsePeriod);
    const cells = ['202401', '202402', '202403', '2024Q1', '2024'].map((id) => ({ key: id, periods: [parsePeriod(id)] }));
    expect(Object.fromEntries(cellsOfDataPeriods(stored, cells))).toEqual({
      '2024W5': [1, 3, 4], // 29 Jan – 4 Feb: Thursday 1 February
      '2024W9': [1, 3, 4], // 26 Feb – 3 Mar: Thursday 29 February
      '202401': [0, 3, 4],
      '2024Q1': [3, 4],
      '2024': [4],
    });
  });
});

describe('value text', () => {
  it('rounds as DHIS2 MathUtils.getRounded: 2 decimals between -1 and 1, else 1, half up', () => {
    expect(['0.125', '2.25', '1234', '81.46', '-0.005', '0.3333'].map((v) => analyticsValueText(Number(v)))).toEqual(['0.13', '2.3', '1234', '81.5', '-0.01', '0.33']);
    expect(analyticsValueText(81.46, { decimals: 0 })).toBe('81');
    expect(analyticsValueText(2 / 3, { skipRounding: true })).toBe(String(2 / 3));
    expect(roundHalfUp(1.005, 2)).toBe(1.01);
  });
});
