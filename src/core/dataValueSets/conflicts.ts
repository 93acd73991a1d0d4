// Import conflicts: one per rejected data value, with the DHIS2 error code where DHIS2 has the
// same check, the field at fault, the identifier or value that caused it, and the row. The
// message is `conflict.<errorCode>` in i18n/fr.json and i18n/en.json, filled from `params`.
//
// DHIS2 codes (dhis-api feedback/ErrorCode.java): E7600–E7645 are the 2.42 importer's
// (dxf2/datavalueset/DataValueImportConflict.java and DataValueSetImportConflict.java);
// E8031 and E8128 exist only in 2.43's (datavalue/DefaultDataEntryService.java). Checks that
// DHIS2 does not make, or makes in the XML layer without a code (ADX categories), carry a
// Denw code in UPPER_SNAKE.

/** The DHIS2 property a conflict concerns (ImportConflict.property). */
export type ConflictField =
  | 'dataSet'
  | 'dataElement'
  | 'period'
  | 'orgUnit'
  | 'categoryOptionCombo'
  | 'attributeOptionCombo'
  | 'value'
  | 'comment'
  | 'storedBy'
  | 'completeDate'
  | 'row';

export const conflictCodes = {
  // Data value set (header or ADX group): the whole set is refused.
  E7600: 'dataSet', // data set not found
  E7603: 'orgUnit', // header org unit not found
  E7604: 'attributeOptionCombo', // header attribute option combo not found
  COMPLETE_DATE_INVALID: 'completeDate', // header or ADX group completeDate that is no date (Denw: DHIS2 ignores it)
  // Data value: identifiers and the value itself.
  E7610: 'dataElement', // data element not found
  E7611: 'period', // period not valid
  E7612: 'orgUnit', // org unit not found
  E7613: 'categoryOptionCombo', // category option combo not found
  E7615: 'attributeOptionCombo', // attribute option combo not found
  E7617: 'orgUnit', // org unit outside the user's hierarchy
  E7618: 'value', // no value
  E7619: 'value', // value does not match the value type
  E7620: 'comment', // comment too long
  // Data value: constraints (always checked by Denw; optional "strict" checks in DHIS2 2.42).
  E7632: 'period', // period type not that of the data set(s)
  E7633: 'dataElement', // data element not in the data set
  E7634: 'categoryOptionCombo', // category option combo not of the data element's combo
  E7635: 'attributeOptionCombo', // attribute option combo not of the data set's combo
  E7636: 'orgUnit', // data element not assigned to the org unit through a data set
  E7637: 'storedBy', // storedBy too long
  E7638: 'period', // period outside the attribute options' dates
  E7640: 'period', // today past the data set's expiry days for the period
  E7641: 'period', // period after the latest open future period
  E8031: 'period', // period starts outside the org unit's opening and closing dates
  E8128: 'row', // several values for the same data value
  DATA_SET_SOURCE_IS_REGISTRY: 'orgUnit', // the registry is the data set's source there (store/rollup): no second count
  // The whole set, after the write: a validation rule broken where a data set accepts only valid data (validCompleteOnly).
  VALIDATION_RULE_VIOLATED: 'dataSet',
  // Reading the file.
  ROW_INVALID: 'row', // a data value that is not an object of text fields
  ADX_CATEGORY_MISSING: 'categoryOptionCombo', // a category of the combo has no attribute
  ADX_CATEGORY_UNKNOWN: 'categoryOptionCombo', // an attribute names no category of the combo
  ADX_CATEGORY_OPTION_UNKNOWN: 'categoryOptionCombo', // no such option in the category
  ADX_ATTRIBUTE_CATEGORY_MISSING: 'attributeOptionCombo',
  ADX_ATTRIBUTE_CATEGORY_UNKNOWN: 'attributeOptionCombo',
  ADX_ATTRIBUTE_OPTION_UNKNOWN: 'attributeOptionCombo',
  ADX_ANNOTATION_MISSING: 'value', // a non-numeric data element without its annotation
} as const satisfies Record<string, ConflictField>;

export type ConflictCode = keyof typeof conflictCodes;

/** A rejected data value (or, without rows, a rejected header), before translation. */
export interface DataValueConflict {
  errorCode: ConflictCode;
  field: ConflictField;
  /** The identifier or value at fault, as written in the file. */
  object: string;
  params: Record<string, string | number>;
  /** 0-based value indexes (DHIS2 ImportConflict.indexes). */
  indexes: number[];
  /** 1-based rows as the user sees them; the first is the row of the conflict. */
  rows: number[];
}

/**
 * What a conflict shows of the text at fault: all of it up to 1,000 characters (every
 * identifier, a 256-character storedBy), else its beginning and an ellipsis — a file of
 * 50,000-character values would otherwise come back twice over in the summary (object and message).
 */
const SHOWN_MAX = 1_000;
const abbreviated = (text: string) => (text.length > SHOWN_MAX ? `${text.slice(0, SHOWN_MAX)}…` : text);

export function conflict(
  errorCode: ConflictCode,
  at: { index: number; row: number } | undefined,
  object: string | undefined,
  params: Record<string, string | number> = {},
): DataValueConflict {
  const shown = abbreviated(object ?? '');
  return { errorCode, field: conflictCodes[errorCode], object: shown, params: { object: shown, ...params }, indexes: at ? [at.index] : [], rows: at ? [at.row] : [] };
}
