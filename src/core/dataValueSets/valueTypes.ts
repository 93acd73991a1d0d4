// DHIS2 value types: which text a data value of each type accepts, how booleans are written,
// which types are numeric, and when a zero is dropped. Follows dhis2-core 2.42:
// - system/util/ValidationUtils.java: valueIsValid (the switch on the value type, the
//   50,000-character limit), normalizeBoolean, dataValueIsZeroAndInsignificant;
// - system/util/MathUtils.java: the patterns behind isNumeric, isInteger, isPositiveInteger,
//   isZeroOrPositiveInteger, isNegativeInteger, isPercentage, isUnitInterval, isZero, and
//   Apache commons IntegerValidator (integers must fit 32 bits);
// - common/ValueType.java: the numeric and boolean groups.
// Types DHIS2 does not check in valueIsValid (TEXT, LONG_TEXT, EMAIL, PHONE_NUMBER, TIME,
// USERNAME, AGE, ORGANISATION_UNIT, …) accept any text within the length limit, as in DHIS2.
// Not supported: option sets and MULTI_TEXT (Denw has no option sets yet).

/** DHIS2 ValueType.NUMERIC_TYPES. */
const NUMERIC_TYPES = new Set(['INTEGER', 'INTEGER_POSITIVE', 'INTEGER_NEGATIVE', 'INTEGER_ZERO_OR_POSITIVE', 'NUMBER', 'UNIT_INTERVAL', 'PERCENTAGE']);
const BOOLEAN_TYPES = new Set(['BOOLEAN', 'TRUE_ONLY']);

export const isNumericType = (valueType: string) => NUMERIC_TYPES.has(valueType);
export const isBooleanType = (valueType: string) => BOOLEAN_TYPES.has(valueType);

/** DHIS2 ValidationUtils.VALUE_MAX_LENGTH, also the limit of a comment. */
export const VALUE_MAX_LENGTH = 50_000;
/** DHIS2 ValidationUtils.storedByIsValid: at most 255 characters. */
export const STORED_BY_MAX_LENGTH = 255;

const NUMERIC = /^(-?0|-?[1-9]\d*)(\.\d+)?$/;
const INTEGER = /^(0|-?[1-9]\d*)$/;
const POSITIVE_INTEGER = /^[1-9]\d*$/;
const ZERO_OR_POSITIVE_INTEGER = /^(0|[1-9]\d*)$/;
const NEGATIVE_INTEGER = /^-[1-9]\d*$/;
const ZERO = /^0(\.0*)?$/;
const UID = /^[a-zA-Z][a-zA-Z0-9]{10}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const COORDINATE = /^\[\s*([+-]?\d+(\.\d+)?)\s*,\s*([+-]?\d+(\.\d+)?)\s*\]$/;

/** Java's int range, which Apache commons IntegerValidator enforces. */
const fitsInt32 = (text: string) => {
  const n = Number(text);
  return n >= -2147483648 && n <= 2147483647;
};

const isNumeric = (text: string) => NUMERIC.test(text) && text.length < 250 && Number.isFinite(Number(text));
const isInteger = (text: string, pattern: RegExp) => pattern.test(text) && fitsInt32(text);

function isValidDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isUrl(text: string): boolean {
  try {
    return ['http:', 'https:', 'ftp:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/**
 * Why `value` is not a valid value of `valueType` (a reason key, `reason.value_not_numeric` …
 * in the catalogues, named as DHIS2's i18n keys), or undefined when it is valid. Empty values
 * are valid here: whether a value is required is decided elsewhere (DHIS2 E7618).
 */
export function valueTypeProblem(value: string, valueType: string): string | undefined {
  if (value.trim() === '') return undefined;
  if (value.length > VALUE_MAX_LENGTH) return 'value_length_greater_than_max_length';
  switch (valueType) {
    case 'NUMBER':
      return isNumeric(value) ? undefined : 'value_not_numeric';
    case 'UNIT_INTERVAL':
      return isNumeric(value) && Number(value) >= 0 && Number(value) <= 1 ? undefined : 'value_not_unit_interval';
    case 'PERCENTAGE':
      return isInteger(value, INTEGER) && Number(value) >= 0 && Number(value) <= 100 ? undefined : 'value_not_percentage';
    case 'INTEGER':
      return isInteger(value, INTEGER) ? undefined : 'value_not_integer';
    case 'INTEGER_POSITIVE':
      return isInteger(value, POSITIVE_INTEGER) ? undefined : 'value_not_positive_integer';
    case 'INTEGER_NEGATIVE':
      return isInteger(value, NEGATIVE_INTEGER) ? undefined : 'value_not_negative_integer';
    case 'INTEGER_ZERO_OR_POSITIVE':
      return isInteger(value, ZERO_OR_POSITIVE_INTEGER) ? undefined : 'value_not_zero_or_positive_integer';
    case 'BOOLEAN':
      return ['true', 'false'].includes(value.toLowerCase()) ? undefined : 'value_not_bool';
    case 'TRUE_ONLY':
      return value.toLowerCase() === 'true' ? undefined : 'value_not_true_only';
    case 'DATE':
      return isValidDate(value) ? undefined : 'value_not_valid_date';
    case 'DATETIME': {
      const match = DATE_TIME.exec(value);
      return match && isValidDate(match[1]!) ? undefined : 'value_not_valid_datetime';
    }
    case 'COORDINATE': {
      const match = COORDINATE.exec(value);
      const [lng, lat] = match ? [Number(match[1]), Number(match[3])] : [NaN, NaN];
      return lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90 ? undefined : 'value_not_coordinate';
    }
    case 'URL':
      return isUrl(value) ? undefined : 'value_not_url';
    case 'FILE_RESOURCE':
    case 'IMAGE':
      return UID.test(value) ? undefined : 'value_not_valid_file_resource_uid';
    case 'LETTER':
      return /^\p{L}$/u.test(value) ? undefined : 'value_not_valid_letter';
    default:
      return undefined;
  }
}

const TRUE_VARIANTS = new Set(['true', 'True', 'TRUE', 't', 'T', '1']);
const FALSE_VARIANTS = new Set(['false', 'False', 'FALSE', 'f', 'F', '0']);

/**
 * The canonical form of a boolean value (DHIS2 normalizeBoolean): `True`, `t`, `1` … become
 * `true`, and `False`, `f`, `0` … become `false` (not for TRUE_ONLY, where false is invalid).
 * Values of other types, and unrecognised text, are returned unchanged.
 */
export function normalizeBoolean(value: string, valueType: string): string {
  if (!isBooleanType(valueType)) return value;
  if (FALSE_VARIANTS.has(value) && valueType !== 'TRUE_ONLY') return 'false';
  if (TRUE_VARIANTS.has(value)) return 'true';
  // DHIS2 stores other spellings its validation accepts (`tRuE`) as written; Denw lower-cases
  // them so that every stored boolean reads `true` or `false`.
  const lower = value.toLowerCase();
  return lower === 'true' || (lower === 'false' && valueType !== 'TRUE_ONLY') ? lower : value;
}

/**
 * A zero that DHIS2 does not store (dataValueIsZeroAndInsignificant): a numeric data element
 * whose zeros are not significant, unless it aggregates by average (a zero then changes the
 * average).
 */
export function isInsignificantZero(value: string, element: { valueType: string; zeroIsSignificant: boolean; aggregationType: string }): boolean {
  return (
    isNumericType(element.valueType) &&
    ZERO.test(value) &&
    !element.zeroIsSignificant &&
    element.aggregationType !== 'AVERAGE_SUM_ORG_UNIT' &&
    element.aggregationType !== 'AVERAGE'
  );
}

/**
 * The number analytics adds up for a valid value: the value itself for numeric types, 1 and 0
 * for booleans (DHIS2 analytics counts `true` as 1), null for the other types.
 */
export function numericValue(value: string, valueType: string): number | null {
  if (isNumericType(valueType)) return Number(value);
  if (isBooleanType(valueType)) return value === 'true' ? 1 : 0;
  return null;
}
