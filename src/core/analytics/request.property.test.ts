// Properties of the analytics request reader over generated query strings: it never throws,
// every problem names a parameter that was given (or `dimension` for a missing dimension) and
// has a message in both catalogues, and a request it accepts reads back the same.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { catalogues } from '../i18n.ts';
import { parseAnalyticsRequest } from './request.ts';

const fragment = fc.oneof(
  fc.constantFrom('dx', 'pe', 'ou', 'co', 'xx', ':', ';', '.', 'LEVEL-', 'OU_GROUP-', 'USER_ORGUNIT', '2024', 'Q1', 'W5', 'LAST_12_MONTHS', 'ML01', ''),
  fc.string({ maxLength: 6 }),
);
const text = fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join(''));
const dimensionText = fc.tuple(fc.constantFrom('dx', 'pe', 'ou', 'co', 'zz'), fc.array(text, { maxLength: 4 })).map(([name, items]) => `${name}:${items.join(';')}`);
const value = fc.oneof(text, dimensionText, fc.array(fc.oneof(text, dimensionText), { maxLength: 4 }), fc.anything());
const parameterName = fc.oneof(
  fc.constantFrom('dimension', 'filter', 'relativePeriodDate', 'outputIdScheme', 'displayProperty', 'skipMeta', 'skipRounding'),
  fc.string({ maxLength: 8 }),
);
const query = fc.dictionary(parameterName, value, { maxKeys: 6 });

// Valid requests: each of dx, pe, ou (and maybe co) as a dimension or a filter, in any order.
const items = (pool: string[]) => fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: 4 }).map((chosen) => chosen.join(';'));
const validQuery = fc
  .tuple(
    items(['PENTA1', 'PENTA3.F', 'DeUid000001', 'IND_DROPOUT']).map((i) => `dx:${i}`),
    items(['2024', '2024Q1', '202401', '2024W5', 'LAST_12_MONTHS', 'THIS_YEAR']).map((i) => `pe:${i}`),
    items(['ML', 'ML01', 'LEVEL-2', 'LEVEL-CERCLE', 'OU_GROUP-CSCOM', 'USER_ORGUNIT', 'USER_ORGUNIT_GRANDCHILDREN']).map((i) => `ou:${i}`),
    fc.option(fc.constantFrom('co', 'co:F;M'), { nil: undefined }),
  )
  .chain((dimensions) =>
    fc.tuple(fc.shuffledSubarray(dimensions.filter((d): d is string => d !== undefined), { minLength: 1 }), fc.constant(dimensions)),
  )
  .map(([asDimensions, all]) => ({ dimension: asDimensions, filter: all.filter((d): d is string => d !== undefined && !asDimensions.includes(d)) }));

it('accepts every well-formed request', () => {
  fc.assert(
    fc.property(validQuery, (input) => {
      expect(parseAnalyticsRequest(input)).toMatchObject({ ok: true });
    }),
    { numRuns: 500 },
  );
});

it('never throws, and every problem names one of the parameters given', () => {
  fc.assert(
    fc.property(query, (input) => {
      const parsed = parseAnalyticsRequest(input);
      if (parsed.ok) return;
      expect(parsed.problems.length).toBeGreaterThan(0);
      for (const problem of parsed.problems) {
        // `dimension[2]`: the third of several `dimension` parameters.
        const [, base, index] = /^(dimension|filter)\[(\d+)\]$/.exec(problem.parameter) ?? [];
        if (base !== undefined) expect(Number(index)).toBeLessThan((input[base] as unknown[]).length);
        else expect(problem.code === 'ANALYTICS_DIMENSION_REQUIRED' || Object.hasOwn(input, problem.parameter), problem.parameter).toBe(true);
        expect(catalogues.fr[`reason.${problem.code}`], problem.code).toBeDefined();
        expect(catalogues.en[`reason.${problem.code}`], problem.code).toBeDefined();
      }
    }),
    { numRuns: 3000 },
  );
});

it('reads back what it accepts: dimensions rebuilt from the result parse to the same request', () => {
  fc.assert(
    fc.property(fc.oneof(query, validQuery), (input) => {
      const parsed = parseAnalyticsRequest(input);
      if (!parsed.ok) return;
      const write = (d: (typeof parsed.request.dimensions)[number]) => {
        const items = d.items.map((item) => {
          if (typeof item === 'string') return item;
          if ('kind' in item) {
            if (item.kind === 'orgUnit') return item.id;
            if (item.kind === 'level') return `LEVEL-${item.level}`;
            if (item.kind === 'group') return `OU_GROUP-${item.group}`;
            return ['USER_ORGUNIT', 'USER_ORGUNIT_CHILDREN', 'USER_ORGUNIT_GRANDCHILDREN'][item.depth]!;
          }
          return item.categoryOptionCombo === undefined ? item.id : `${item.id}.${item.categoryOptionCombo}`;
        });
        return items.length > 0 ? `${d.dimension}:${items.join(';')}` : d.dimension;
      };
      const again = parseAnalyticsRequest({
        dimension: parsed.request.dimensions.map(write),
        filter: parsed.request.filters.map(write),
        ...(parsed.request.relativePeriodDate ? { relativePeriodDate: parsed.request.relativePeriodDate } : {}),
        outputIdScheme: parsed.request.outputIdScheme,
      });
      expect(again.ok && again.request.dimensions.map((d) => [d.dimension, d.items])).toEqual(parsed.request.dimensions.map((d) => [d.dimension, d.items]));
      expect(again.ok && again.request.filters.map((d) => [d.dimension, d.items])).toEqual(parsed.request.filters.map((d) => [d.dimension, d.items]));
    }),
    { numRuns: 2000 },
  );
});
