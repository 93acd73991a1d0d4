// Cases ported from dhis2-core ExpressionServiceTest (dhis-test-integration, package
// org.hisp.dhis.expression), keeping DHIS2's fixture and its result format: the value
// (whole numbers without decimals, `null` for no value) followed by the names of the items
// the expression refers to, sorted. Cases about features Denw does not support (strings,
// program items, reporting rates, [days], log, subExpression) are left out.
import { describe, expect, it } from 'vitest';
import { DenwError } from '../errors.ts';
import { type DataItemRef, dataItemKey, itemsOf } from './ast.ts';
import { evaluate, type MissingValueStrategy } from './evaluate.ts';
import { parseExpression } from './parseExpression.ts';

// ExpressionServiceTest.setUpTest: defaultValueMap. DeC, DeD and DeE have no value.
const VALUES: Record<string, number> = {
  dataElemenA: 3,
  dataElemenB: 13,
  'dataElemenA.catOptCombB': 5,
  'dataElemenB.catOptCombA': 15,
  'dataElemenA.catOptCombA.catOptCombB': 7,
  'dataElemenB.catOptCombB.catOptCombA': 17,
  'dataElemenA.*.catOptCombB': 9,
  'dataElemenB.*.catOptCombA': 19,
};
const lookup = {
  dataItem: (item: DataItemRef) => VALUES[dataItemKey(item)],
  indicator: (id: string) => (id === 'mindicatorA' ? 88 : undefined),
  constant: (id: string) => ({ xxxxxxxxx05: 0.5, xxxxxxxx025: 0.25 })[id],
  orgUnitGroupCount: (id: string) => ({ orgUnitGrpA: 1_000_000, orgUnitGrpB: 2_000_000 })[id],
};
const NAMES: Record<string, string> = { catOptCombA: 'CocA', catOptCombB: 'CocB', mindicatorA: 'IndicatorA' };
const nameOf = (uid: string) => NAMES[uid] ?? uid.replace('dataElemen', 'De');

/** ExpressionServiceTest.eval: value then item names; SKIP_IF_ANY_VALUE_MISSING by default. */
function dhis2Eval(expression: string, strategy: MissingValueStrategy = 'SKIP_IF_ANY_VALUE_MISSING'): string {
  const parsed = parseExpression(expression);
  const value = evaluate(parsed, lookup, strategy);
  const { dataItems, indicators } = itemsOf(parsed);
  const names = [
    ...dataItems.map((item) =>
      [item.dataElement, item.categoryOptionCombo ?? (item.attributeOptionCombo ? '*' : undefined), item.attributeOptionCombo]
        .filter((part): part is string => part !== undefined)
        .map(nameOf)
        .join(' '),
    ),
    ...indicators.map(nameOf),
  ].sort();
  return [String(value), ...names].join(' ');
}

/** ExpressionServiceTest.error: the expression must be refused. */
function isRefused(expression: string): boolean {
  try {
    parseExpression(expression);
    return false;
  } catch (error) {
    return error instanceof DenwError;
  }
}

describe('ExpressionServiceTest', () => {
  it('testNumericConstants', () => {
    const cases: [string, string][] = [
      ['2', '2'], ['2.', '2'], ['2.0', '2'], ['2.1', '2.1'], ['0.2', '0.2'], ['.2', '0.2'], ['2E0', '2'], ['2e0', '2'],
      ['2.E0', '2'], ['2.0E0', '2'], ['2.1E0', '2.1'], ['2.1E+0', '2.1'], ['2.1E-0', '2.1'], ['2.1E-1', '0.21'],
      ['2.1E-2', '0.021'], ['2E1', '20'], ['2E+1', '20'], ['2E01', '20'], ['2E2', '200'], ['+2', '2'], ['-2', '-2'],
    ];
    for (const [expression, expected] of cases) expect(dhis2Eval(expression), expression).toBe(expected);
  });

  it('testExponentiation: right to left', () => {
    expect(dhis2Eval('2 ^ 3 ^ 2')).toBe('512');
    expect(dhis2Eval('( 2 ^ 3 ) ^ 2')).toBe('64');
    expect(dhis2Eval('2 ^ -2')).toBe('0.25');
    expect(dhis2Eval('#{dataElemenA} ^ #{dataElemenE}')).toBe('null DeA DeE');
    expect(dhis2Eval('#{dataElemenE} ^ #{dataElemenA}')).toBe('null DeA DeE');
  });

  it('testUnaryPlusMinus: after exponentiation', () => {
    expect(dhis2Eval('+ (2 + 3)')).toBe('5');
    expect(dhis2Eval('- 2 + 3')).toBe('1');
    expect(dhis2Eval('- (2 + 3)')).toBe('-5');
    expect(dhis2Eval('- #{dataElemenE}')).toBe('null DeE');
    expect(dhis2Eval('-(2) ^ 2')).toBe('-4');
    expect(dhis2Eval('(-(2)) ^ 2')).toBe('4');
    expect(dhis2Eval('+(2) ^ 2')).toBe('4');
  });

  it('testMultiplyDivideModulus: left to right', () => {
    const cases: [string, string][] = [
      ['2 * 3 * 4', '24'], ['12 / 3 / 2', '2'], ['12 / ( 3 / 2 )', '8'], ['12 % 5 % 3', '2'], ['12 % ( 5 % 3 )', '0'],
      ['12 / 3 * 2', '8'], ['12 / ( 3 * 2 )', '2'], ['5 % 2 * 3', '3'], ['3 * 5 % 2', '1'], ['7 % 4 / 2', '1.5'],
      ['9 / 3 % 2', '1'], ['#{dataElemenA} * #{dataElemenE}', 'null DeA DeE'], ['#{dataElemenE} / #{dataElemenA}', 'null DeA DeE'],
      ['#{dataElemenA} % #{dataElemenE}', 'null DeA DeE'], ['-(3) * 2', '-6'], ['-(3 * 2)', '-6'], ['-(3) / 2', '-1.5'],
      ['-(3 / 2)', '-1.5'], ['-(7) % 3', '-1'], ['-(7 % 3)', '-1'],
    ];
    for (const [expression, expected] of cases) expect(dhis2Eval(expression), expression).toBe(expected);
  });

  it('testAddSubtract: after multiply, divide, modulus', () => {
    const cases: [string, string][] = [
      ['2 + 3 + 4', '9'], ['2 + ( 3 + 4 )', '9'], ['2 - 3 - 4', '-5'], ['2 - ( 3 - 4 )', '3'], ['2 - 3 + 4', '3'],
      ['2 - ( 3 + 4 )', '-5'], ['#{dataElemenA} + #{dataElemenE}', 'null DeA DeE'], ['#{dataElemenE} - #{dataElemenA}', 'null DeA DeE'],
      ['4 + 3 * 2', '10'], ['( 4 + 3 ) * 2', '14'], ['4 + 3 / 2', '5.5'], ['( 4 + 3 ) / 2', '3.5'], ['4 + 3 % 2', '5'],
      ['( 4 + 3 ) % 2', '1'], ['4 - 3 * 2', '-2'], ['( 4 - 3 ) * 2', '2'], ['4 - 3 / 2', '2.5'], ['( 4 - 3 ) / 2', '0.5'],
      ['4 - 3 % 2', '3'], ['( 4 - 3 ) % 2', '1'],
    ];
    for (const [expression, expected] of cases) expect(dhis2Eval(expression), expression).toBe(expected);
  });

  it('testComparisons and testEqualityInequality', () => {
    const cases: [string, string][] = [
      ['if(1 < 2, 1, 0)', '1'], ['if(1 < 1, 1, 0)', '0'], ['if(2 < 1, 1, 0)', '0'], ['if(1 > 2, 1, 0)', '0'],
      ['if(1 > 1, 1, 0)', '0'], ['if(2 > 1, 1, 0)', '1'], ['if(1 <= 2, 1, 0)', '1'], ['if(1 <= 1, 1, 0)', '1'],
      ['if(2 <= 1, 1, 0)', '0'], ['if(1 >= 2, 1, 0)', '0'], ['if(1 >= 1, 1, 0)', '1'], ['if(2 >= 1, 1, 0)', '1'],
      ['if( #{dataElemenA} > #{dataElemenE}, 1, 0)', 'null DeA DeE'], ['if( #{dataElemenE} < #{dataElemenA}, 1, 0)', 'null DeA DeE'],
      ['if(5 < 2 + 3, 1, 0)', '0'], ['if(5 > 2 + 3, 1, 0)', '0'], ['if(5 <= 2 + 3, 1, 0)', '1'], ['if(5 >= 2 + 3, 1, 0)', '1'],
      ['if(5 < 8 - 3, 1, 0)', '0'], ['if(5 >= 8 - 3, 1, 0)', '1'], ['if(1 == 1, 1, 0)', '1'], ['if(1 == 2, 1, 0)', '0'],
      ['if(1 != 1, 1, 0)', '0'], ['if(1 != 2, 1, 0)', '1'], ['if( #{dataElemenA} == #{dataElemenE}, 1, 0)', 'null DeA DeE'],
      ['if(1 + 2 == 3, 1, 0)', '1'], ['if(1 + 2 != 3, 1, 0)', '0'],
    ];
    for (const [expression, expected] of cases) expect(dhis2Eval(expression), expression).toBe(expected);
    for (const refused of ['if((5 < 2) + 3, 1, 0)', 'if((5 >= 8) - 3, 1, 0)', 'if(1 + (2 == 3), 1, 0)', 'if(1 + (2 != 3), 1, 0)']) {
      expect(isRefused(refused), refused).toBe(true);
    }
  });

  it('testBooleanConstants, testBooleanNot, testBooleanComparison, testBooleanEqualityInequality, testBooleanAndOr', () => {
    const cases: [string, string][] = [
      ['if( true, 1, 0)', '1'], ['if( false, 1, 0)', '0'], ['if( ! true, 1, 0)', '0'], ['if( ! false, 1, 0)', '1'],
      ['if( ! (#{dataElemenA} == #{dataElemenE}), 1, 0)', 'null DeA DeE'], ['if( ! (5 > 3), 1, 0)', '0'],
      ['if( true < true, 1, 0)', '0'], ['if( true < false, 1, 0)', '0'], ['if( false < true, 1, 0)', '1'],
      ['if( true > false, 1, 0)', '1'], ['if( true <= false, 1, 0)', '0'], ['if( true >= false, 1, 0)', '1'],
      ['if( ! true < false, 1, 0)', '0'], ['if( ! true <= false, 1, 0)', '1'], ['if( ! ( true > false ), 1, 0)', '0'],
      ['if( true == true, 1, 0)', '1'], ['if( true != false, 1, 0)', '1'], ['if( true == false == false, 1, 0)', '1'],
      ['if( true && true, 1, 0)', '1'], ['if( true && false, 1, 0)', '0'], ['if( true && 1 == 1, 1, 0)', '1'],
      ['if( true || false, 1, 0)', '1'], ['if( false || false, 1, 0)', '0'], ['if( true || true && false, 1, 0)', '1'],
      ['if( ( true || true ) && false, 1, 0)', '0'], ['if( true and not false, 1, 0)', '1'], ['if( false or true, 1, 0)', '1'],
    ];
    for (const [expression, expected] of cases) expect(dhis2Eval(expression), expression).toBe(expected);
  });

  it('testDataElementAndDataElementOperand', () => {
    const cases: [string, string][] = [
      ['#{dataElemenA}', '3 DeA'], ['#{dataElemenB}', '13 DeB'], ['#{dataElemenA.catOptCombB}', '5 DeA CocB'],
      ['#{dataElemenB.catOptCombA}', '15 DeB CocA'], ['#{dataElemenA.catOptCombB.*}', '5 DeA CocB'],
      ['#{dataElemenB.catOptCombA.*}', '15 DeB CocA'], ['#{dataElemenA.catOptCombA.catOptCombB}', '7 DeA CocA CocB'],
      ['#{dataElemenB.catOptCombB.catOptCombA}', '17 DeB CocB CocA'], ['#{dataElemenA.*.catOptCombB}', '9 DeA * CocB'],
      ['#{dataElemenB.*.catOptCombA}', '19 DeB * CocA'],
    ];
    for (const [expression, expected] of cases) expect(dhis2Eval(expression), expression).toBe(expected);
  });

  it('testOtherValuedItems: indicator, constant, org unit group', () => {
    expect(dhis2Eval('N{mindicatorA}')).toBe('88 IndicatorA');
    expect(dhis2Eval('C{xxxxxxxxx05}')).toBe('0.5');
    expect(dhis2Eval('C{xxxxxxxx025}')).toBe('0.25');
    expect(dhis2Eval('OUG{orgUnitGrpA}')).toBe('1000000');
    expect(dhis2Eval('OUG{orgUnitGrpB}')).toBe('2000000');
  });

  it('testLogicalFunctions', () => {
    const cases: [string, string, MissingValueStrategy?][] = [
      ['if( isNull( #{dataElemenA} ), 1, 0)', '0 DeA', 'NEVER_SKIP'],
      ['if( isNull( #{dataElemenE} ), 1, 0)', '1 DeE', 'NEVER_SKIP'],
      ['if( isNotNull( #{dataElemenA} ), 1, 0)', '1 DeA', 'NEVER_SKIP'],
      ['if( isNotNull( #{dataElemenE} ), 1, 0)', '0 DeE', 'NEVER_SKIP'],
      ['firstNonNull( #{dataElemenA} )', '3 DeA', 'NEVER_SKIP'],
      ['firstNonNull( #{dataElemenA}, #{dataElemenE} )', '3 DeA DeE', 'NEVER_SKIP'],
      ['firstNonNull( #{dataElemenE}, #{dataElemenA} )', '3 DeA DeE', 'NEVER_SKIP'],
      ['firstNonNull( #{dataElemenC}, #{dataElemenE}, #{dataElemenA} )', '3 DeA DeC DeE', 'NEVER_SKIP'],
      ['greatest( 3, 4, 1, 5, 2 )', '5'],
      ['greatest( #{dataElemenE} )', 'null DeE'],
      ['least( 3, 4, 1, 5, 2 )', '1'],
      ['least( #{dataElemenE} )', 'null DeE'],
    ];
    for (const [expression, expected, strategy] of cases) expect(dhis2Eval(expression, strategy), expression).toBe(expected);
  });

  it('testMissingValueStrategy', () => {
    const cases: [string, MissingValueStrategy, string][] = [
      ['#{dataElemenA}', 'SKIP_IF_ANY_VALUE_MISSING', '3 DeA'],
      ['#{dataElemenA} + #{dataElemenB}', 'SKIP_IF_ANY_VALUE_MISSING', '16 DeA DeB'],
      ['#{dataElemenA} + #{dataElemenB} + #{dataElemenC}', 'SKIP_IF_ANY_VALUE_MISSING', 'null DeA DeB DeC'],
      ['#{dataElemenC} + #{dataElemenD} + #{dataElemenE}', 'SKIP_IF_ANY_VALUE_MISSING', 'null DeC DeD DeE'],
      ['#{dataElemenE}', 'SKIP_IF_ANY_VALUE_MISSING', 'null DeE'],
      ['#{dataElemenA}', 'SKIP_IF_ALL_VALUES_MISSING', '3 DeA'],
      ['#{dataElemenA} + #{dataElemenB}', 'SKIP_IF_ALL_VALUES_MISSING', '16 DeA DeB'],
      ['#{dataElemenA} + #{dataElemenB} + #{dataElemenC}', 'SKIP_IF_ALL_VALUES_MISSING', '16 DeA DeB DeC'],
      ['#{dataElemenC} + #{dataElemenD} + #{dataElemenE}', 'SKIP_IF_ALL_VALUES_MISSING', 'null DeC DeD DeE'],
      ['#{dataElemenE}', 'SKIP_IF_ALL_VALUES_MISSING', 'null DeE'],
      ['#{dataElemenA}', 'NEVER_SKIP', '3 DeA'],
      ['#{dataElemenA} + #{dataElemenB}', 'NEVER_SKIP', '16 DeA DeB'],
      ['#{dataElemenA} + #{dataElemenB} + #{dataElemenC}', 'NEVER_SKIP', '16 DeA DeB DeC'],
      ['#{dataElemenC} + #{dataElemenD} + #{dataElemenE}', 'NEVER_SKIP', '0 DeC DeD DeE'],
      ['#{dataElemenE}', 'NEVER_SKIP', '0 DeE'],
    ];
    for (const [expression, strategy, expected] of cases) expect(dhis2Eval(expression, strategy), `${expression} ${strategy}`).toBe(expected);
  });

  it('testBadExpressions (those within the supported language)', () => {
    for (const refused of ['( 1', '( 1 +', '1) + 2', 'abc', "'abc'", '1 && true', 'true && 2', '!5', 'true / ( #{dataElemenA} - #{dataElemenB} )']) {
      expect(isRefused(refused), refused).toBe(true);
    }
  });
});
