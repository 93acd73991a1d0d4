// Builders of programme-package metadata: one Bilingual value gives the French field and its
// English translation, and defaults are the ones every package uses, so that a package file
// reads as a list of definitions. Shapes and field names: src/core/programmePackage.ts.
import type {
  AggregationType,
  Bilingual,
  Category,
  CategoryCombo,
  CategoryOption,
  DataElement,
  DataSet,
  Importance,
  Indicator,
  IndicatorType,
  Operator,
  Ref,
  Translation,
  TranslationProperty,
  ValidationRule,
  ValidationSide,
  ValueType,
} from '../core/programmePackage.ts';

export const ref = (code: string): Ref => ({ code });
export const refs = (codes: readonly string[]): Ref[] => codes.map(ref);

export function translated(entries: Partial<Record<TranslationProperty, string>>): Translation[] {
  return Object.entries(entries).map(([property, value]) => ({ property: property as TranslationProperty, locale: 'en', value: value! }));
}

/** `name`, `shortName` (the name when not given) and optional `description`, in French with English translations. */
export function names(name: Bilingual, shortName: Bilingual = name, description?: Bilingual) {
  return {
    name: name.fr,
    shortName: shortName.fr,
    ...(description ? { description: description.fr } : {}),
    translations: translated({ NAME: name.en, SHORT_NAME: shortName.en, ...(description ? { DESCRIPTION: description.en } : {}) }),
  };
}

export function categoryOption(code: string, name: Bilingual, shortName?: Bilingual): CategoryOption {
  return { code, ...names(name, shortName) };
}

export function category(code: string, name: Bilingual, optionCodes: readonly string[]): Category {
  return { code, ...names(name), dataDimensionType: 'DISAGGREGATION', categoryOptions: refs(optionCodes) };
}

export function categoryCombo(code: string, name: Bilingual, categoryCodes: readonly string[]): CategoryCombo {
  return { code, name: name.fr, translations: translated({ NAME: name.en }), dataDimensionType: 'DISAGGREGATION', categories: refs(categoryCodes) };
}

export interface DataElementSpec {
  code: string;
  name: Bilingual;
  shortName?: Bilingual;
  description?: Bilingual;
  categoryCombo?: string;
  valueType?: ValueType;
  aggregationType?: AggregationType;
  zeroIsSignificant?: boolean;
}

/** A count reported as a whole number ≥ 0, summed, with zeros kept (a reported 0 doses is data). */
export function dataElement(spec: DataElementSpec): DataElement {
  return {
    code: spec.code,
    ...names(spec.name, spec.shortName, spec.description),
    valueType: spec.valueType ?? 'INTEGER_ZERO_OR_POSITIVE',
    aggregationType: spec.aggregationType ?? 'SUM',
    domainType: 'AGGREGATE',
    categoryCombo: ref(spec.categoryCombo ?? 'default'),
    zeroIsSignificant: spec.zeroIsSignificant ?? true,
  };
}

export interface DataSetSpec {
  code: string;
  name: Bilingual;
  shortName?: Bilingual;
  description?: Bilingual;
  periodType: string;
  /** Days after the end of the period until which data can be entered (0 = no limit). */
  expiryDays?: number;
  timelyDays?: number;
  sections: { code: string; name: Bilingual; dataElements: readonly string[] }[];
}

/** A data set whose elements are those of its sections, in section order. */
export function dataSet(spec: DataSetSpec): DataSet {
  return {
    code: spec.code,
    ...names(spec.name, spec.shortName, spec.description),
    periodType: spec.periodType,
    dataSetElements: spec.sections.flatMap((section) => section.dataElements.map((code) => ({ dataElement: ref(code) }))),
    // Section codes are unique across data sets (DHIS2 codes are unique per object type).
    sections: spec.sections.map((section, index) => ({
      code: `${spec.code}_${section.code}`,
      name: section.name.fr,
      translations: translated({ NAME: section.name.en }),
      sortOrder: index + 1,
      dataElements: refs(section.dataElements),
    })),
    organisationUnits: [],
    expiryDays: spec.expiryDays ?? 0,
    timelyDays: spec.timelyDays ?? 15,
  };
}

export function indicatorType(code: string, name: Bilingual, factor: number, number = false): IndicatorType {
  return { code, name: name.fr, translations: translated({ NAME: name.en }), factor, number };
}

export interface ExpressionSpec {
  expression: string;
  description: Bilingual;
}
export interface IndicatorSpec {
  code: string;
  name: Bilingual;
  shortName?: Bilingual;
  /** The definition and its source (WHO, UNICEF, UIS …). */
  description: Bilingual;
  indicatorType: string;
  numerator: ExpressionSpec;
  denominator: ExpressionSpec;
  decimals?: number;
}

export function indicator(spec: IndicatorSpec): Indicator {
  const base = names(spec.name, spec.shortName, spec.description);
  return {
    code: spec.code,
    ...base,
    translations: [
      ...base.translations,
      ...translated({ NUMERATOR_DESCRIPTION: spec.numerator.description.en, DENOMINATOR_DESCRIPTION: spec.denominator.description.en }),
    ],
    indicatorType: ref(spec.indicatorType),
    numerator: spec.numerator.expression,
    numeratorDescription: spec.numerator.description.fr,
    denominator: spec.denominator.expression,
    denominatorDescription: spec.denominator.description.fr,
    decimals: spec.decimals ?? 1,
    annualized: false,
  };
}

export interface ValidationRuleSpec {
  code: string;
  name: Bilingual;
  instruction: Bilingual;
  importance: Importance;
  operator: Operator;
  periodType: string;
  left: ExpressionSpec;
  right: ExpressionSpec;
}

export function validationRule(spec: ValidationRuleSpec): ValidationRule {
  const side = (expression: ExpressionSpec): ValidationSide => ({
    expression: expression.expression,
    description: expression.description.fr,
    missingValueStrategy: 'SKIP_IF_ALL_VALUES_MISSING',
  });
  return {
    code: spec.code,
    name: spec.name.fr,
    translations: translated({
      NAME: spec.name.en,
      INSTRUCTION: spec.instruction.en,
      LEFT_SIDE_DESCRIPTION: spec.left.description.en,
      RIGHT_SIDE_DESCRIPTION: spec.right.description.en,
    }),
    instruction: spec.instruction.fr,
    importance: spec.importance,
    operator: spec.operator,
    periodType: spec.periodType,
    leftSide: side(spec.left),
    rightSide: side(spec.right),
  };
}

// ---- Expressions written from parts, so that long sums are generated, not typed. ----

/** `#{de.coc}`, or `#{de}` (all disaggregations) when no combo is given. */
export const operand = (dataElementCode: string, optionCombo?: string) =>
  optionCombo === undefined ? `#{${dataElementCode}}` : `#{${dataElementCode}.${optionCombo}}`;

/** The sum of the given terms, parenthesised so that it can be used as an operand. */
export const sum = (terms: readonly string[]) => (terms.length === 1 ? terms[0]! : `(${terms.join(' + ')})`);

