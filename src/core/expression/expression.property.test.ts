// Properties of the expression parser, printer and evaluator over generated input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DenwError } from '../errors.ts';
import { dataItemKey, type ExpressionNode } from './ast.ts';
import { evaluate, type ExpressionLookup, type MissingValueStrategy } from './evaluate.ts';
import { formatExpression } from './formatExpression.ts';
import { parseExpression } from './parseExpression.ts';

/** Well-typed expression texts, fully parenthesised, over data items a, b, c and constant k. */
const { number: numberText } = fc.letrec<{ number: string; boolean: string }>((tie) => ({
  number: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.nat(1000).map(String), fc.constantFrom('0.5', '1.25', '.75', '2e3')),
    fc.constantFrom('#{a}', '#{b.M}', '#{c.M.UNICEF}', '#{a.*.UNICEF}', 'C{k}'),
    fc.tuple(tie('number'), fc.constantFrom('+', '-', '*', '/', '%', '^'), tie('number')).map(([l, op, r]) => `(${l} ${op} ${r})`),
    tie('number').map((n) => `-${n}`),
    fc.tuple(tie('boolean'), tie('number'), tie('number')).map(([c, a, b]) => `if(${c}, ${a}, ${b})`),
    fc.tuple(fc.constantFrom('greatest', 'least', 'firstNonNull'), fc.array(tie('number'), { minLength: 1, maxLength: 3 })).map(
      ([name, args]) => `${name}(${args.join(', ')})`,
    ),
  ),
  boolean: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('true', 'false', 'isNull(#{a})', 'isNotNull(#{b.M})'),
    fc.tuple(tie('number'), fc.constantFrom('<', '<=', '>', '>=', '==', '!='), tie('number')).map(([l, op, r]) => `(${l} ${op} ${r})`),
    fc.tuple(tie('boolean'), fc.constantFrom('&&', '||', 'and', 'or'), tie('boolean')).map(([l, op, r]) => `(${l} ${op} ${r})`),
    tie('boolean').map((b) => `!${b}`),
  ),
}));

const withoutOffsets = (node: ExpressionNode): unknown =>
  JSON.parse(JSON.stringify(node, (key, value) => (key === 'offset' ? undefined : value)));

/** Values for the generated items; undefined entries are missing. */
const valuesArbitrary = fc.record(
  { a: fc.option(fc.integer({ min: -50, max: 50 }), { nil: undefined }), 'b.M': fc.option(fc.nat(100), { nil: undefined }), 'c.M.UNICEF': fc.option(fc.nat(100), { nil: undefined }), 'a.*.UNICEF': fc.option(fc.nat(100), { nil: undefined }) },
  { requiredKeys: [] },
);
const lookupOf = (values: Record<string, number | undefined>): ExpressionLookup => ({
  dataItem: (item) => values[dataItemKey(item)],
  constant: () => 2.5,
});

describe('expression properties', () => {
  it('parsing arbitrary text returns an expression or throws a DenwError', () => {
    const tokenSoup = fc.array(fc.constantFrom('#{a}', '#{', '}', '(', ')', ',', '+', '-', '^', '!', '&&', 'and', 'if(', 'isNull(', 'greatest(', '1', '.5', 'e', 'true', ' ', 'N{x}', 'C{', '.', '*', '<='), { maxLength: 25 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), tokenSoup), (text) => {
        try {
          parseExpression(text);
        } catch (error) {
          expect(error).toBeInstanceOf(DenwError);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('formatting then parsing gives back the same tree, and formatting is then stable', () => {
    fc.assert(
      fc.property(numberText, (text) => {
        const parsed = parseExpression(text);
        const formatted = formatExpression(parsed);
        const reparsed = parseExpression(formatted);
        expect(withoutOffsets(reparsed.root)).toEqual(withoutOffsets(parsed.root));
        expect(reparsed.valueType).toBe('number');
        expect(formatExpression(reparsed)).toBe(formatted);
      }),
      { numRuns: 2000 },
    );
  });

  it('evaluation gives a number or nothing, and never throws, for any values', () => {
    fc.assert(
      fc.property(numberText, valuesArbitrary, fc.constantFrom<MissingValueStrategy>('NEVER_SKIP', 'SKIP_IF_ALL_VALUES_MISSING', 'SKIP_IF_ANY_VALUE_MISSING'), (text, values, strategy) => {
        const result = evaluate(parseExpression(text), lookupOf(values), strategy);
        expect(result === null || (typeof result === 'number' && Number.isFinite(result))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('the strategies agree when no value is missing; the skipping ones give nothing when all are', () => {
    const items = ['#{a}', '#{b.M}', '#{c.M.UNICEF}'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...items), { minLength: 1, maxLength: 4 }), fc.constantFrom('+', '-', '*'), fc.array(fc.nat(100), { minLength: 4, maxLength: 4 }), (terms, op, numbers) => {
        const expression = parseExpression(terms.join(` ${op} `));
        const full = lookupOf({ a: numbers[0], 'b.M': numbers[1], 'c.M.UNICEF': numbers[2] });
        const results = (['NEVER_SKIP', 'SKIP_IF_ALL_VALUES_MISSING', 'SKIP_IF_ANY_VALUE_MISSING'] as const).map((s) => evaluate(expression, full, s));
        expect(new Set(results).size).toBe(1);
        const empty = lookupOf({});
        expect(evaluate(expression, empty, 'SKIP_IF_ALL_VALUES_MISSING')).toBeNull();
        expect(evaluate(expression, empty, 'SKIP_IF_ANY_VALUE_MISSING')).toBeNull();
        expect(evaluate(expression, empty, 'NEVER_SKIP')).toBe(0);
      }),
    );
  });
});
