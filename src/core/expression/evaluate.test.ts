import { describe, expect, it } from 'vitest';
import { DenwError } from '../errors.ts';
import { dataItemKey } from './ast.ts';
import { evaluate, type ExpressionLookup, indicatorValue } from './evaluate.ts';
import { parseExpression } from './parseExpression.ts';

const withValues = (values: Record<string, number>, constants: Record<string, number> = {}): ExpressionLookup => ({
  dataItem: (item) => values[dataItemKey(item)],
  constant: (code) => constants[code],
});
const value = (text: string, lookup: ExpressionLookup = withValues({})) => evaluate(parseExpression(text), lookup);

describe('decimal arithmetic as DHIS2 computes it (dhis2-antlr-expression-parser MathExpressionTest)', () => {
  it.each([
    ['1 + 1', 2],
    ['1.3 + 1', 2.3],
    ['1.3 + ( 1 + 1 )', 3.3],
    ['+ 1 - 1', 0],
    ['1.3 - 1', 0.3],
    ['1.3 - ( 1 + 1 )', -0.7],
    ['10/3', 3.333333333333333],
    ['1/2', 0.5],
    ['-1.4/( 1 + 1 )', -0.7],
    ['( 1 / 1000 ) * 1000', 1],
    ['-1.4*( 1 + 1 )', -2.8],
    ['1^10', 1],
    ['1.4^( 1 + 1 )', 1.96],
    ['2^-2', 0.25],
    ['5%2', 1],
    ['1.4%( 1 + 1 )', 1.4],
    ['0.1 + 0.2', 0.3],
  ])('%s = %d', (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it('division or modulus by zero has no value, and compares false (testDivide, testModule, testDivideByZero)', () => {
    expect(value('1.0/( 1 - 1 )')).toBeNull();
    expect(value('80 + 4 / 0')).toBeNull();
    expect(value('1.0%( 1 - 1 )')).toBeNull();
    expect(value('2 == 2 / 0')).toBe(false);
    expect(value('greatest(1 / 0, 2)')).toBeNull();
  });
});

describe('comparisons and logic (CompareExpressionTest, LogicalExpressionTest)', () => {
  it.each([
    ['2 > 1', true],
    ['2 > ( 1 + 1 )', false],
    ['true > false', true],
    ['2 >= ( 1 + 1 )', true],
    ['true >= true', true],
    ['1 < 2', true],
    ['true < false', false],
    ['2 <= ( 1 + 1 )', true],
    ['2 == ( 1 + 1 )', true],
    ['2 != 1', true],
    ['true and true', true],
    ['true && false', false],
    ['false or true', true],
    ['false || false', false],
    ['!false', true],
    ['not true', false],
  ])('%s is %s', (text, expected) => {
    expect(value(text)).toBe(expected);
  });
});

describe('missing values', () => {
  const lookup = withValues({ a: 4, 'a.F': 1 });
  it('count as 0 in arithmetic, stay missing in isNull / isNotNull / firstNonNull', () => {
    expect(value('#{a} + #{b}', lookup)).toBe(4);
    expect(value('isNull(#{b})', lookup)).toBe(true);
    expect(value('isNotNull(#{a.F})', lookup)).toBe(true);
    expect(value('firstNonNull(#{b}, #{c}, 7)', lookup)).toBe(7);
    expect(value('firstNonNull(#{b}, #{c})', lookup)).toBeNull();
    expect(value('firstNonNull(#{b}) + 1', lookup)).toBeNull();
  });
  it('if() evaluates only the branch taken', () => {
    expect(evaluate(parseExpression('if(#{a} > 0, #{a}, #{b})'), lookup, 'SKIP_IF_ANY_VALUE_MISSING')).toBe(4);
  });
  it('an expression without data items is never skipped', () => {
    expect(evaluate(parseExpression('C{k} * 2'), withValues({}, { k: 1.5 }), 'SKIP_IF_ALL_VALUES_MISSING')).toBe(3);
  });
  it('a constant or org unit group the lookup does not know is an error naming it', () => {
    expect(() => value('C{missing} + 1')).toThrow(DenwError);
    expect(() => value('OUG{zone}')).toThrow(expect.objectContaining({ code: 'EXPRESSION_UNKNOWN_REFERENCE', params: { reference: 'OUG{zone}' } }));
  });
});

describe('indicatorValue: numerator / denominator × factor (DefaultExpressionService.getIndicatorValueObject)', () => {
  const numerator = parseExpression('#{PENTA3.M} + #{PENTA3.F}');
  const denominator = parseExpression('#{POP_LT1}');
  it('a coverage in per cent', () => {
    expect(indicatorValue(numerator, denominator, 100, withValues({ 'PENTA3.M': 45, 'PENTA3.F': 50, POP_LT1: 120 }))).toBe(79.16666666666667);
  });
  it('a numerator with some values missing counts them as 0', () => {
    expect(indicatorValue(numerator, denominator, 100, withValues({ 'PENTA3.F': 60, POP_LT1: 120 }))).toBe(50);
  });
  it('no value when every numerator value is missing (DHIS2-8177), the denominator is missing or 0', () => {
    expect(indicatorValue(numerator, denominator, 100, withValues({ POP_LT1: 120 }))).toBeNull();
    expect(indicatorValue(numerator, denominator, 100, withValues({ 'PENTA3.M': 45 }))).toBeNull();
    expect(indicatorValue(numerator, denominator, 100, withValues({ 'PENTA3.M': 45, POP_LT1: 0 }))).toBeNull();
  });
  it('a numerator of real zeros gives 0, not nothing', () => {
    expect(indicatorValue(numerator, denominator, 100, withValues({ 'PENTA3.M': 0, POP_LT1: 120 }))).toBe(0);
  });
});
