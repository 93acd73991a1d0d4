// Properties of the period parser and calendar, over generated input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DenwError } from '../errors.ts';
import { periodFromAdx, periodToAdx } from './adx.ts';
import { civilFromDays, daysFromCivil, formatDay, isoWeekday, parseDay } from './calendar.ts';
import { aggregationPeriod, nextPeriod, parsePeriod, periodCode, periodFromCode, periodOf, previousPeriod } from './periods.ts';
import { PERIOD_TYPE_NAMES } from './periodTypes.ts';

const MS_PER_DAY = 86_400_000;
// Day numbers of 0001-01-01 and 9998-12-31: every period containing such a day has a 4-digit year.
const dayArbitrary = fc.integer({ min: daysFromCivil(1, 1, 1), max: daysFromCivil(9998, 12, 31) });
const typeArbitrary = fc.constantFrom(...PERIOD_TYPE_NAMES);

/** Runs `fn` and reports whether it returned or threw a DenwError (anything else fails). */
function returnsOrThrowsDenwError(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (error) {
    return error instanceof DenwError;
  }
}

describe('calendar arithmetic agrees with the JavaScript UTC calendar', () => {
  it('day numbers, civil dates and weekdays', () => {
    fc.assert(
      fc.property(dayArbitrary, (day) => {
        const utc = new Date(day * MS_PER_DAY);
        const civil = civilFromDays(day);
        expect([civil.year, civil.month, civil.day]).toEqual([utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate()]);
        expect(daysFromCivil(civil.year, civil.month, civil.day)).toBe(day);
        expect(isoWeekday(day)).toBe(((utc.getUTCDay() + 6) % 7) + 1);
        expect(parseDay(formatDay(day))).toBe(day);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parsers never throw anything but a DenwError', () => {
  const periodLike = fc.stringMatching(/^[0-9]{3,5}(W|BiW|WedW|SunW|Q|S|AprilS|NovS|NovQ|B|-|April|Nov|Feb)?[0-9-]{0,4}B?$/);
  it('parsePeriod on arbitrary and period-like strings', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), periodLike), (text) => returnsOrThrowsDenwError(() => parsePeriod(text))), {
      numRuns: 5000,
    });
  });
  it('periodFromAdx on arbitrary and ADX-like strings', () => {
    const adxLike = fc.tuple(fc.stringMatching(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/), fc.constantFrom('P1D', 'P7D', 'P14D', 'P1M', 'P2M', 'P3M', 'P6M', 'P1Y', 'P2Y', 'PT1H'));
    fc.assert(
      fc.property(fc.oneof(fc.string(), adxLike.map(([d, p]) => `${d}/${p}`)), (text) => returnsOrThrowsDenwError(() => periodFromAdx(text))),
      { numRuns: 3000 },
    );
  });
  it('periodFromCode on arbitrary integers', () => {
    fc.assert(fc.property(fc.integer(), (code) => returnsOrThrowsDenwError(() => periodFromCode(code))));
  });
});

describe('every period of every type, found from any day', () => {
  it('contains that day, and its identifier parses back to the same period', () => {
    fc.assert(
      fc.property(typeArbitrary, dayArbitrary, (type, day) => {
        const date = formatDay(day);
        const period = periodOf(type, date);
        expect(period.startDate <= date && date <= period.endDate).toBe(true);
        expect(parsePeriod(period.id)).toEqual(period);
        expect(periodFromCode(periodCode(period))).toEqual(period);
      }),
      { numRuns: 5000 },
    );
  });

  it('next starts the day after it ends, and previous undoes next (all types but BiWeekly)', () => {
    const regularType = fc.constantFrom(...PERIOD_TYPE_NAMES.filter((t) => t !== 'BiWeekly'));
    fc.assert(
      fc.property(regularType, dayArbitrary, (type, day) => {
        const period = periodOf(type, formatDay(day));
        const next = nextPeriod(period);
        expect(parseDay(next.startDate)).toBe(parseDay(period.endDate) + 1);
        expect(previousPeriod(next)).toEqual(period);
      }),
      { numRuns: 3000 },
    );
  });

  it('ADX form reads back, for every type ADX can express', () => {
    const adxTypes = fc.constantFrom(...PERIOD_TYPE_NAMES.filter((t) => t !== 'QuarterlyNov'));
    fc.assert(
      fc.property(adxTypes, dayArbitrary, (type, day) => {
        const period = periodOf(type, formatDay(day));
        expect(periodFromAdx(periodToAdx(period))).toEqual(period);
      }),
      { numRuns: 3000 },
    );
  });

  it('aggregates into the year holding its start (its fourth day for weeks)', () => {
    fc.assert(
      fc.property(typeArbitrary, dayArbitrary, (type, day) => {
        const period = periodOf(type, formatDay(day));
        if (type.startsWith('Financial')) return;
        const year = aggregationPeriod(period, 'Yearly');
        const anchor = parseDay(period.startDate) + (type.startsWith('Weekly') ? 3 : 0);
        expect(year.id).toBe(String(civilFromDays(anchor).year).padStart(4, '0'));
      }),
      { numRuns: 2000 },
    );
  });
});
