// Every row of src/core/dataValueSets/dhis2-samples/adx_period_cases.csv (copied from shared/data), the cases of dhis2-core's
// AdxPeriodTest (dxf2/adx) in releases 2.42.5.2 and 2.43.1. Denw follows 2.43.1.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DenwError } from '../errors.ts';
import { periodFromAdx, periodToAdx } from './adx.ts';
import { parsePeriod } from './periods.ts';

const casesFile = new URL('../dataValueSets/dhis2-samples/adx_period_cases.csv', import.meta.url);
const [header, ...rows] = readFileSync(casesFile, 'utf8').trim().split(/\r?\n/);
const cases = rows.map((line) => {
  const [direction, adx, iso, expected, assertedIn] = line.split(',');
  return { direction, adx: adx!, iso: iso!, expected: expected!, assertedIn: assertedIn! };
});

describe('adx_period_cases.csv', () => {
  it('has the expected columns and rows', () => {
    expect(header).toBe('direction,adx_period,dhis2_iso_period,expected,asserted_in');
    expect(cases.length).toBeGreaterThanOrEqual(56);
  });

  const parseCases = cases.filter((c) => c.direction === 'adx_to_iso');
  const okCases = parseCases.filter((c) => c.expected === 'ok');
  const errorCases = parseCases.filter((c) => c.expected !== 'ok' && c.assertedIn.includes('2.43.1'));

  it.each(okCases.map((c) => [c.adx, c.iso]))('%s is the DHIS2 period %s', (adx, iso) => {
    expect(periodFromAdx(adx).id).toBe(iso);
  });

  it.each(errorCases.map((c) => [c.adx]))('%s is rejected', (adx) => {
    expect(() => periodFromAdx(adx)).toThrow(DenwError);
  });

  it('2014-02-01/P1Y: rejected by 2.42, a FinancialFeb year in 2.43, which Denw follows', () => {
    const only242 = cases.find((c) => c.adx === '2014-02-01/P1Y');
    expect(only242?.assertedIn).toMatch(/^2\.42\.5\.2 only/);
    expect(periodFromAdx('2014-02-01/P1Y').id).toBe('2014Feb');
  });

  it.each(cases.filter((c) => c.direction === 'iso_to_adx').map((c) => [c.iso, c.adx]))(
    '%s is written %s',
    (iso, adx) => {
      expect(periodToAdx(parsePeriod(iso))).toBe(adx);
    },
  );
});

describe('ADX periods beyond the DHIS2 cases', () => {
  it('a start date that is not the first day of the period is refused (DHIS2 would move it)', () => {
    for (const adx of ['2024-01-15/P1M', '2024-02-01/P3M', '2024-01-08/P14D', '2024-03-01/P6M']) {
      expect(() => periodFromAdx(adx), adx).toThrow(expect.objectContaining({ code: 'ADX_PERIOD_UNSUPPORTED' }));
    }
  });
  it('malformed text is ADX_PERIOD_INVALID', () => {
    for (const adx of ['2024-01-01', '2024-02-30/P1D', '2015-W01/P7D', '']) {
      expect(() => periodFromAdx(adx), adx).toThrow(expect.objectContaining({ code: 'ADX_PERIOD_INVALID' }));
    }
  });
  it('round-trips every type through its ADX form', () => {
    for (const id of ['2024SunW9', '2024BiW3', '2025NovS2', '2024Sep', '2024Aug', '20241231']) {
      expect(periodFromAdx(periodToAdx(parsePeriod(id))).id).toBe(id);
    }
  });
  it('QuarterlyNov has no ADX reading: P3M is always Quarterly (AdxPeriod.parse)', () => {
    expect(periodToAdx(parsePeriod('2024NovQ2'))).toBe('2024-02-01/P3M');
    expect(() => periodFromAdx('2024-02-01/P3M')).toThrow(DenwError);
  });
});
