// The cases of dhis2-core's ValidationUtilsTest (testDataValueIsValid, testNormalizeBoolean,
// testDataValueIsZeroAndInsignificant, testCoordinateIsValid), plus the limits DHIS2's
// MathUtils patterns imply.
import { describe, expect, it } from 'vitest';
import { isInsignificantZero, normalizeBoolean, numericValue, valueTypeProblem } from './valueTypes.ts';

const valid = (value: string, type: string) => expect(valueTypeProblem(value, type), `${type} ${value}`).toBeUndefined();
const invalid = (value: string, type: string, reason: string) => expect(valueTypeProblem(value, type), `${type} ${value}`).toBe(reason);

describe('valueTypeProblem, as DHIS2 ValidationUtilsTest.testDataValueIsValid', () => {
  it('accepts an empty value of any type (whether one is required is checked elsewhere)', () => {
    valid('', 'INTEGER');
  });
  it('INTEGER', () => {
    valid('34', 'INTEGER');
    invalid('Yes', 'INTEGER', 'value_not_integer');
  });
  it('NUMBER', () => {
    valid('3.7', 'NUMBER');
    invalid('No', 'NUMBER', 'value_not_numeric');
  });
  it('INTEGER_POSITIVE, INTEGER_ZERO_OR_POSITIVE, INTEGER_NEGATIVE', () => {
    valid('3', 'INTEGER_POSITIVE');
    invalid('-4', 'INTEGER_POSITIVE', 'value_not_positive_integer');
    valid('3', 'INTEGER_ZERO_OR_POSITIVE');
    invalid('-4', 'INTEGER_ZERO_OR_POSITIVE', 'value_not_zero_or_positive_integer');
    valid('-3', 'INTEGER_NEGATIVE');
    invalid('4', 'INTEGER_NEGATIVE', 'value_not_negative_integer');
  });
  it('TEXT accepts any text', () => {
    valid('0', 'TEXT');
  });
  it('BOOLEAN and TRUE_ONLY', () => {
    valid('true', 'BOOLEAN');
    valid('false', 'BOOLEAN');
    valid('FALSE', 'BOOLEAN');
    invalid('yes', 'BOOLEAN', 'value_not_bool');
    valid('true', 'TRUE_ONLY');
    valid('TRUE', 'TRUE_ONLY');
    invalid('false', 'TRUE_ONLY', 'value_not_true_only');
  });
  it('DATE and DATETIME', () => {
    valid('2013-04-01', 'DATE');
    invalid('2012304-01', 'DATE', 'value_not_valid_date');
    invalid('Date', 'DATE', 'value_not_valid_date');
    valid('2013-04-01T11:00:00.000Z', 'DATETIME');
    invalid('2013-04-01', 'DATETIME', 'value_not_valid_datetime');
    invalid('abcd', 'DATETIME', 'value_not_valid_datetime');
  });
});

describe('valueTypeProblem, the limits of DHIS2 MathUtils', () => {
  it('numbers: no leading zeros, no exponent, no plus sign, fewer than 250 characters', () => {
    valid('-0.5', 'NUMBER');
    valid('0', 'NUMBER');
    invalid('007', 'NUMBER', 'value_not_numeric');
    invalid('1e3', 'NUMBER', 'value_not_numeric');
    invalid('+1', 'NUMBER', 'value_not_numeric');
    invalid('1,5', 'NUMBER', 'value_not_numeric');
    invalid(`1${'0'.repeat(250)}`, 'NUMBER', 'value_not_numeric');
  });
  it('integers must fit 32 bits (Apache commons IntegerValidator)', () => {
    valid('2147483647', 'INTEGER');
    invalid('2147483648', 'INTEGER', 'value_not_integer');
    valid('-2147483648', 'INTEGER');
    invalid('0', 'INTEGER_POSITIVE', 'value_not_positive_integer');
    valid('0', 'INTEGER_ZERO_OR_POSITIVE');
    invalid('1.0', 'INTEGER', 'value_not_integer');
  });
  it('PERCENTAGE is a whole number from 0 to 100; UNIT_INTERVAL a number from 0 to 1', () => {
    valid('100', 'PERCENTAGE');
    invalid('101', 'PERCENTAGE', 'value_not_percentage');
    invalid('50.5', 'PERCENTAGE', 'value_not_percentage');
    valid('0.25', 'UNIT_INTERVAL');
    invalid('1.5', 'UNIT_INTERVAL', 'value_not_unit_interval');
  });
  it('values are at most 50,000 characters long', () => {
    valid('x'.repeat(50_000), 'LONG_TEXT');
    invalid('x'.repeat(50_001), 'LONG_TEXT', 'value_length_greater_than_max_length');
  });
  it('COORDINATE, as ValidationUtilsTest.testCoordinateIsValid', () => {
    for (const ok of ['[+37.99034,-28.94221]', '[37.99034,-28.94221]', '[170.99034,78.94221]', '[-167,-28.94221]', '[37.99034,28]']) valid(ok, 'COORDINATE');
    for (const bad of ['23.34343,56.3232', '[23.34f43,56.3232]', '[23.34343,56..3232]', '[++37,-28.94221]', '[192.5,45]', '[140.34,92.23]']) {
      invalid(bad, 'COORDINATE', 'value_not_coordinate');
    }
  });
});

describe('normalizeBoolean, as ValidationUtilsTest.testNormalizeBoolean', () => {
  it('maps the true and false spellings of BOOLEAN', () => {
    for (const t of ['1', 'T', 'true', 'TRUE', 't']) expect(normalizeBoolean(t, 'BOOLEAN')).toBe('true');
    for (const f of ['0', 'f', 'False', 'FALSE', 'F']) expect(normalizeBoolean(f, 'BOOLEAN')).toBe('false');
  });
  it('leaves other types, and false for TRUE_ONLY, unchanged', () => {
    expect(normalizeBoolean('test', 'TEXT')).toBe('test');
    expect(normalizeBoolean('0', 'TRUE_ONLY')).toBe('0');
    expect(normalizeBoolean('1', 'TRUE_ONLY')).toBe('true');
  });
});

describe('isInsignificantZero, as ValidationUtilsTest.testDataValueIsZeroAndInsignificant', () => {
  const element = { valueType: 'INTEGER', zeroIsSignificant: false, aggregationType: 'SUM' };
  it('drops zeros of summed numeric elements whose zeros are not significant', () => {
    expect(isInsignificantZero('0', element)).toBe(true);
    expect(isInsignificantZero('0.00', element)).toBe(true);
    expect(isInsignificantZero('0', { ...element, aggregationType: 'AVERAGE_SUM_ORG_UNIT' })).toBe(false);
    expect(isInsignificantZero('0', { ...element, zeroIsSignificant: true })).toBe(false);
    expect(isInsignificantZero('0', { ...element, valueType: 'TEXT' })).toBe(false);
    expect(isInsignificantZero('10', element)).toBe(false);
  });
});

describe('numericValue', () => {
  it('is the number for numeric types, 1 or 0 for booleans, null otherwise', () => {
    expect(numericValue('12.5', 'NUMBER')).toBe(12.5);
    expect(numericValue('true', 'BOOLEAN')).toBe(1);
    expect(numericValue('false', 'BOOLEAN')).toBe(0);
    expect(numericValue('abc', 'TEXT')).toBeNull();
  });
});
