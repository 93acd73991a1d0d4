import { describe, expect, it } from 'vitest';
import { DenwError } from '../errors.ts';
import { isUid, itemsOf } from './ast.ts';
import { parseExpression } from './parseExpression.ts';

function errorOf(text: string) {
  try {
    parseExpression(text);
  } catch (error) {
    if (error instanceof DenwError) return { code: error.code, ...error.params };
    throw error;
  }
  return undefined;
}

describe('data references', () => {
  it('#{de} is a total, #{de.coc} an operand, #{de.coc.aoc} and #{de.*.aoc} add the attribute combo', () => {
    const items = itemsOf(parseExpression('#{PENTA3} + #{PENTA3.M_LT1} + #{PENTA3.M_LT1.UNICEF} + #{PENTA3.*.UNICEF}'));
    expect(items.dataItems).toEqual([
      { dataElement: 'PENTA3' },
      { dataElement: 'PENTA3', categoryOptionCombo: 'M_LT1' },
      { dataElement: 'PENTA3', categoryOptionCombo: 'M_LT1', attributeOptionCombo: 'UNICEF' },
      { dataElement: 'PENTA3', attributeOptionCombo: 'UNICEF' },
    ]);
    expect(items.dataElements).toEqual(['PENTA3']);
    expect(items.categoryOptionCombos).toEqual(['M_LT1']);
    expect(items.attributeOptionCombos).toEqual(['UNICEF']);
  });
  it('#{de.*} and #{de.coc.*} are the same as #{de} and #{de.coc} (Expression.g4 wildcards)', () => {
    expect(itemsOf(parseExpression('#{a.*} + #{a.b.*}')).dataItems).toEqual([{ dataElement: 'a' }, { dataElement: 'a', categoryOptionCombo: 'b' }]);
  });
  it('codes may hold any character but } and . ; UIDs are recognised', () => {
    const items = itemsOf(parseExpression('#{NUT-MAS 6_59m} / N{ind:1} + C{π} + OUG{Zone rouge}'));
    expect(items.dataElements).toEqual(['NUT-MAS 6_59m']);
    expect(items.indicators).toEqual(['ind:1']);
    expect(items.constants).toEqual(['π']);
    expect(items.orgUnitGroups).toEqual(['Zone rouge']);
    expect(isUid('fbfJHSPpUQD')).toBe(true);
    expect(isUid('PENTA3')).toBe(false);
  });
  it('lists each reference once, in order of appearance', () => {
    expect(itemsOf(parseExpression('#{b} + #{a} + #{b} + C{k} * C{k}')).dataElements).toEqual(['b', 'a']);
    expect(itemsOf(parseExpression('#{b} + C{k} * C{k}')).constants).toEqual(['k']);
  });
});

describe('value types', () => {
  it('an indicator formula is a number, a condition is true/false', () => {
    expect(parseExpression('#{a} / #{b} * 100').valueType).toBe('number');
    expect(parseExpression('#{a} <= #{b}').valueType).toBe('boolean');
    expect(parseExpression('if(#{a} > 0, true, false)').valueType).toBe('boolean');
    expect(parseExpression('isNull(#{a})').valueType).toBe('boolean');
  });
});

describe('errors name the position (1-based) and the culprit', () => {
  it.each([
    ['', { code: 'EXPRESSION_EMPTY' }],
    ['   ', { code: 'EXPRESSION_EMPTY' }],
    ['#{a} +', { code: 'EXPRESSION_UNEXPECTED_END', position: 7 }],
    ['#{a} + * 2', { code: 'EXPRESSION_UNEXPECTED', position: 8, found: '*' }],
    ['(1 + 2', { code: 'EXPRESSION_UNEXPECTED_END', position: 7 }],
    ['1 + 2)', { code: 'EXPRESSION_UNEXPECTED', position: 6, found: ')' }],
    ['#{}', { code: 'EXPRESSION_ITEM_INVALID', position: 1, item: '#{}' }],
    ['1 + #{a.b.c.d}', { code: 'EXPRESSION_ITEM_INVALID', position: 5, item: '#{a.b.c.d}' }],
    ['#{*.b}', { code: 'EXPRESSION_ITEM_INVALID', position: 1, item: '#{*.b}' }],
    ['C{a.b}', { code: 'EXPRESSION_ITEM_INVALID', position: 1, item: 'C{a.b}' }],
    ['2 * #{a', { code: 'EXPRESSION_ITEM_INVALID', position: 5, item: '#{a' }],
    ['sum(#{a})', { code: 'EXPRESSION_UNKNOWN_FUNCTION', position: 1, name: 'sum' }],
    ['if(true, 1)', { code: 'EXPRESSION_ARGUMENT_COUNT', position: 1, name: 'if', given: 2 }],
    ['isNull(#{a}, #{b})', { code: 'EXPRESSION_ARGUMENT_COUNT', position: 1, name: 'isNull', given: 2 }],
    ['#{a} + (#{b} > 0)', { code: 'EXPRESSION_EXPECTS_NUMBER', position: 9 }],
    ['if(#{a}, 1, 0)', { code: 'EXPRESSION_EXPECTS_BOOLEAN', position: 4 }],
    ['#{a} > true', { code: 'EXPRESSION_MIXED_TYPES', position: 6 }],
    ['if(true, 1, false)', { code: 'EXPRESSION_MIXED_TYPES', position: 13 }],
    ['D{prog.de}', { code: 'EXPRESSION_UNEXPECTED', position: 1, found: 'D{' }],
    ['1 + [days]', { code: 'EXPRESSION_UNEXPECTED', position: 5, found: '[' }],
    ['01', { code: 'EXPRESSION_UNEXPECTED', position: 2, found: '1' }],
    ['notisNull(#{a})', { code: 'EXPRESSION_UNKNOWN_FUNCTION', position: 1, name: 'notisNull' }],
    ["'text'", { code: 'EXPRESSION_UNEXPECTED', position: 1, found: "'" }],
  ])('%j', (text, expected) => {
    expect(errorOf(text)).toEqual(expected);
  });

  it('nesting is bounded, so no input can exhaust the stack', () => {
    expect(errorOf('('.repeat(10_000) + '1' + ')'.repeat(10_000))?.code).toBe('EXPRESSION_TOO_DEEP');
    expect(errorOf('-'.repeat(10_000) + '1')?.code).toBe('EXPRESSION_TOO_DEEP');
    expect(errorOf(Array.from({ length: 10_000 }, () => '#{a}').join(' + '))?.code).toBe('EXPRESSION_TOO_DEEP');
    expect(parseExpression(Array.from({ length: 150 }, (_, i) => `#{de${i}}`).join(' + ')).valueType).toBe('number');
  });
});
