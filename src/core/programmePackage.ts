// Programme packages: the metadata of one programme (immunization, nutrition, learning …) as
// data, in the shape of a DHIS2 metadata export (collection and field names as DHIS2 writes
// them, references as {"code": …}), plus Denw's results-framework collections and the
// dashboards the web application draws. DESIGN.md, "One platform, programmes as data".
//
// Names are French (the reference language); English goes in DHIS2 `translations` with locale
// `en`, as a DHIS2 export carries it (src/programmes/builders.ts writes both from one value).
// The code of a category option combo is its options' codes joined with `_` in the order of
// the combo's categories; the default combo is `default`. programmePackageCheck.ts checks that
// a list of packages hangs together.
import { expectedOptionCombos } from './metadata/optionCombos.ts';

export interface Bilingual {
  fr: string;
  en: string;
}

export interface Ref {
  code: string;
}

/** DHIS2 translatable properties used by the packages (dhis2-core TranslationProperty). */
export type TranslationProperty =
  | 'NAME'
  | 'SHORT_NAME'
  | 'DESCRIPTION'
  | 'FORM_NAME'
  | 'NUMERATOR_DESCRIPTION'
  | 'DENOMINATOR_DESCRIPTION'
  | 'INSTRUCTION'
  | 'LEFT_SIDE_DESCRIPTION'
  | 'RIGHT_SIDE_DESCRIPTION';

export interface Translation {
  property: TranslationProperty;
  locale: 'en';
  value: string;
}

interface Named {
  code: string;
  name: string;
  translations: Translation[];
}
interface ShortNamed extends Named {
  shortName: string;
  description?: string;
}

export type ValueType = 'INTEGER_ZERO_OR_POSITIVE' | 'INTEGER' | 'NUMBER' | 'PERCENTAGE';
/** Over time within the org unit; DHIS2 LAST takes the latest period and sums over org units. */
export type AggregationType = 'SUM' | 'AVERAGE' | 'LAST';
export type Importance = 'HIGH' | 'MEDIUM' | 'LOW';
export type Operator =
  | 'equal_to'
  | 'not_equal_to'
  | 'greater_than'
  | 'greater_than_or_equal_to'
  | 'less_than'
  | 'less_than_or_equal_to';
export type MissingValueStrategy = 'SKIP_IF_ANY_VALUE_MISSING' | 'SKIP_IF_ALL_VALUES_MISSING' | 'NEVER_SKIP';

export type CategoryOption = ShortNamed;
export interface Category extends ShortNamed {
  dataDimensionType: 'DISAGGREGATION';
  categoryOptions: Ref[];
}
export interface CategoryCombo extends Named {
  dataDimensionType: 'DISAGGREGATION';
  categories: Ref[];
}
export interface DataElement extends ShortNamed {
  valueType: ValueType;
  aggregationType: AggregationType;
  domainType: 'AGGREGATE';
  categoryCombo: Ref;
  zeroIsSignificant: boolean;
}
export interface Section extends Named {
  sortOrder: number;
  dataElements: Ref[];
}
export interface DataSet extends ShortNamed {
  periodType: string;
  dataSetElements: { dataElement: Ref }[];
  sections: Section[];
  /** Left empty: the org units a data set is assigned to are Mali's, set when the store is seeded. */
  organisationUnits: Ref[];
  expiryDays: number;
  timelyDays: number;
}
export interface IndicatorType extends Named {
  factor: number;
  number: boolean;
}
export interface Indicator extends ShortNamed {
  indicatorType: Ref;
  numerator: string;
  numeratorDescription: string;
  denominator: string;
  denominatorDescription: string;
  decimals: number;
  annualized: boolean;
}
export interface ValidationSide {
  expression: string;
  description: string;
  missingValueStrategy: MissingValueStrategy;
}
export interface ValidationRule extends Named {
  instruction: string;
  importance: Importance;
  operator: Operator;
  periodType: string;
  leftSide: ValidationSide;
  rightSide: ValidationSide;
}
export interface Constant extends ShortNamed {
  value: number;
}

// Denw's results framework: goal → result (a Key Result for Children, an outcome or an output)
// → result indicator with its baseline, yearly targets and survey or estimate values.
export interface Goal extends Named {
  description: string;
  sortOrder: number;
}
export type ResultKind = 'KRC' | 'OUTCOME' | 'OUTPUT';
export interface Result extends Named {
  goal: Ref;
  kind: ResultKind;
  sortOrder: number;
}
export type ResultUnit = 'percent' | 'number' | 'ratio';
export type Direction = 'increase' | 'decrease';
export interface ResultIndicator extends Named {
  result: Ref;
  /** The routine Denw indicator (or data element) whose values track this one, if any. */
  indicator?: Ref;
  dataElement?: Ref;
  unit: ResultUnit;
  direction: Direction;
  baselineValue?: number;
  baselineYear?: number;
  baselineSource?: string;
  public: boolean;
  /** The finest org-unit level the public page shows (1 = national only). */
  publicMaxLevel: number;
  sortOrder: number;
}
export interface Target {
  resultIndicator: Ref;
  orgUnit: Ref;
  year: number;
  value: number;
  source: string;
}
export type Sex = 'F' | 'M' | 'T';
export interface Observation {
  resultIndicator: Ref;
  orgUnit: Ref;
  year: number;
  sex: Sex;
  value: number;
  source: string;
  method: string;
  /** Revision year of an estimate that is revised back in time (WUENIC), absent otherwise. */
  revision?: number;
}

/** One metadata document, shaped like a DHIS2 metadata export plus Denw's own collections. */
export interface MetadataDocument {
  categoryOptions?: CategoryOption[];
  categories?: Category[];
  categoryCombos?: CategoryCombo[];
  dataElements?: DataElement[];
  dataSets?: DataSet[];
  indicatorTypes?: IndicatorType[];
  indicators?: Indicator[];
  validationRules?: ValidationRule[];
  constants?: Constant[];
  goals?: Goal[];
  results?: Result[];
  resultIndicators?: ResultIndicator[];
  targets?: Target[];
  observations?: Observation[];
}

export type DashboardItemType = 'column' | 'line' | 'map' | 'table' | 'singleValue';

/** A chart, map or table: analytics dimensions as the analytics API takes them. */
export interface DashboardItem {
  code: string;
  title: Bilingual;
  type: DashboardItemType;
  /** Indicator codes, data element codes, or `DE.COC` operands. */
  dx: string[];
  /** Period identifiers or relative periods (`LAST_12_MONTHS`). */
  pe: string[];
  /** Org-unit codes, `LEVEL-n`, `USER_ORGUNIT`, `USER_ORGUNIT_CHILDREN`. */
  ou: string[];
}
export interface Dashboard {
  code: string;
  title: Bilingual;
  items: DashboardItem[];
}

/** Which org units report a data set (health areas, cercles …): read by the seed and demo data. */
export interface DataSetAssignment {
  dataSet: string;
  orgUnitLevel: number;
}

export interface ProgrammePackage {
  /** Stable identifier, also the folder name under src/programmes/. */
  id: string;
  name: Bilingual;
  version: string;
  /** What the data sets and indicators are modelled on, said plainly. */
  modelledOn: Bilingual;
  /** Every document the package's definitions and values come from. */
  sources: string[];
  metadata: MetadataDocument;
  dataSetAssignments: DataSetAssignment[];
  dashboards: Dashboard[];
}

/** The codes of a combo's category option combos, generated as the metadata importer does (`0-11M_F`, …). */
export function optionComboCodes(combo: CategoryCombo, categories: ReadonlyMap<string, Category>): string[] {
  if (combo.code === 'default') return ['default'];
  const options = combo.categories.map((categoryRef) =>
    (categories.get(categoryRef.code)?.categoryOptions ?? []).map((option) => ({ key: option.code, uid: option.code, code: option.code, name: option.code, nameEn: null })),
  );
  return expectedOptionCombos(options).map((optionCombo) => optionCombo.code!);
}
