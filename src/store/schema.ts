// Row types of the tables in ./migrations, for Kysely. Keep in step with the SQL files:
// the schema test compares these column lists with the live database.
import type { ColumnType, Generated } from 'kysely';

type Json = ColumnType<unknown, string | undefined, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A column with a database default: optional on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

interface Identified {
  id: Generated<number>;
  uid: string;
  code: string | null;
  name: string;
  name_en: string | null;
  /** DHIS2 translations as imported: [{property, locale, value}] (migration 004). */
  translations: Defaulted<Translations>;
}
type Translations = Array<{ property: string; locale: string; value: string }>;

/** DHIS2 attributes (migration 004); objects carry their values as {attribute UID: value}. */
export interface AttributeTable extends Identified {
  short_name: string | null;
  description: string | null;
  value_type: Defaulted<string>;
  object_types: Defaulted<string[]>;
  is_unique: Defaulted<boolean>;
  mandatory: Defaulted<boolean>;
}

export interface OrgUnitLevelTable {
  level: number;
  uid: string;
  code: string | null;
  name: string;
  name_en: string | null;
  translations: Defaulted<Translations>;
}

export interface OrgUnitTable extends Identified {
  short_name: string | null;
  description: string | null;
  parent_id: number | null;
  level: number;
  path: string;
  ancestor_ids: number[];
  opening_date: string | null;
  closed_date: string | null;
  geometry: Json | null;
  boundary_version: string | null;
  attributes: Json;
  source: string | null;
}

export interface OrgUnitGroupTable extends Identified {
  short_name: string | null;
  description: string | null;
}
export interface OrgUnitGroupMemberTable {
  org_unit_group_id: number;
  org_unit_id: number;
}
export interface OrgUnitGroupSetTable extends Identified {
  short_name: string | null;
  description: string | null;
  compulsory: Defaulted<boolean>;
  data_dimension: Defaulted<boolean>;
  include_subhierarchy_in_analytics: Defaulted<boolean>;
}
export interface OrgUnitGroupSetMemberTable {
  org_unit_group_set_id: number;
  org_unit_group_id: number;
}

export interface CategoryOptionTable extends Identified {
  short_name: string | null;
  description: string | null;
  start_date: string | null;
  end_date: string | null;
}
export interface CategoryTable extends Identified {
  short_name: string | null;
  description: string | null;
  data_dimension_type: Defaulted<'DISAGGREGATION' | 'ATTRIBUTE'>;
}
export interface CategoryCategoryOptionTable {
  category_id: number;
  sort_order: number;
  category_option_id: number;
}
export interface CategoryComboTable extends Identified {
  data_dimension_type: Defaulted<'DISAGGREGATION' | 'ATTRIBUTE'>;
}
export interface CategoryComboCategoryTable {
  category_combo_id: number;
  sort_order: number;
  category_id: number;
}
export interface CategoryOptionComboTable extends Identified {
  category_combo_id: number;
}
export interface CategoryOptionComboOptionTable {
  category_option_combo_id: number;
  category_option_id: number;
}

export interface DataElementTable extends Identified {
  short_name: string | null;
  form_name: string | null;
  description: string | null;
  value_type: Defaulted<string>;
  aggregation_type: Defaulted<string>;
  domain_type: Defaulted<'AGGREGATE' | 'TRACKER'>;
  category_combo_id: Defaulted<number>;
  zero_is_significant: Defaulted<boolean>;
  attributes: Json;
}

export interface DataSetTable extends Identified {
  short_name: string | null;
  description: string | null;
  period_type: string;
  category_combo_id: Defaulted<number>;
  open_future_periods: Defaulted<number>;
  expiry_days: Defaulted<number>;
  timely_days: Defaulted<number>;
  validation_blocking: Defaulted<boolean>;
}
export interface DataSetElementTable {
  data_set_id: number;
  data_element_id: number;
  category_combo_id: number | null;
}
export interface DataSetOrgUnitTable {
  data_set_id: number;
  org_unit_id: number;
}
export interface DataSetSectionTable extends Identified {
  description: string | null;
  data_set_id: number;
  sort_order: Defaulted<number>;
  data_element_ids: Defaulted<number[]>;
}

export interface IndicatorTypeTable extends Identified {
  factor: number;
  number: Defaulted<boolean>;
}
export interface IndicatorTable extends Identified {
  short_name: string | null;
  description: string | null;
  indicator_type_id: number;
  numerator: string;
  numerator_description: string | null;
  denominator: string;
  denominator_description: string | null;
  decimals: number | null;
  annualized: Defaulted<boolean>;
  attributes: Json;
}
export interface ConstantTable extends Identified {
  short_name: string | null;
  description: string | null;
  value: number;
}
export interface ValidationRuleTable extends Identified {
  description: string | null;
  instruction: string | null;
  importance: Defaulted<'HIGH' | 'MEDIUM' | 'LOW'>;
  operator: string;
  left_expression: string;
  left_description: string | null;
  left_missing_value_strategy: Defaulted<string>;
  right_expression: string;
  right_description: string | null;
  right_missing_value_strategy: Defaulted<string>;
  period_type: Defaulted<string>;
  organisation_unit_levels: Defaulted<number[]>;
}

export interface PopulationTable {
  org_unit_id: number;
  year: number;
  age_group: string;
  sex: 'F' | 'M' | 'T';
  value: number;
  source: string;
}

export interface RfGoalTable {
  id: Generated<number>;
  code: string;
  name: string;
  name_en: string | null;
  description: string | null;
  description_en: string | null;
  sort_order: Defaulted<number>;
}
export interface RfResultTable {
  id: Generated<number>;
  code: string;
  goal_id: number;
  kind: Defaulted<'KRC' | 'OUTCOME' | 'OUTPUT'>;
  name: string;
  name_en: string | null;
  sort_order: Defaulted<number>;
}
export interface RfIndicatorTable {
  id: Generated<number>;
  code: string;
  result_id: number;
  indicator_id: number | null;
  data_element_id: number | null;
  name: string;
  name_en: string | null;
  unit: Defaulted<string>;
  direction: Defaulted<'increase' | 'decrease'>;
  baseline_value: number | null;
  baseline_year: number | null;
  baseline_source: string | null;
  public: Defaulted<boolean>;
  public_max_level: Defaulted<number>;
  sort_order: Defaulted<number>;
}
export interface RfTargetTable {
  rf_indicator_id: number;
  org_unit_id: number;
  year: number;
  value: number;
  source: string;
}
export interface RfObservationTable {
  rf_indicator_id: number;
  org_unit_id: number;
  year: number;
  sex: Defaulted<'F' | 'M' | 'T'>;
  value: number;
  source: string;
  method: string | null;
  /** Revision year of an estimate (WUENIC 2023 revision → 2023), null for surveys and reports. */
  revision: Defaulted<number | null>;
  /** 95 % confidence interval and sample size of a survey estimate (migration 060), null otherwise. */
  ci_low: Defaulted<number | null>;
  ci_high: Defaulted<number | null>;
  sample_size: Defaulted<number | null>;
}

export interface PeriodTable {
  id: Generated<number>;
  iso: string;
  period_type: string;
  start_date: string;
  end_date: string;
}
export interface DataValueTable {
  data_element_id: number;
  period_id: number;
  org_unit_id: number;
  category_option_combo_id: number;
  attribute_option_combo_id: Defaulted<number>;
  value: string;
  numeric_value: number | null;
  stored_by: string | null;
  created: Timestamp;
  last_updated: Timestamp;
  comment: string | null;
  followup: Defaulted<boolean>;
  source: string | null;
  /** Its creation is in data_value_audit (written at the value's first change, migration 093). */
  create_audited: Defaulted<boolean>;
}
export interface DataValueAuditTable {
  id: Generated<number>;
  data_element_id: number;
  period_id: number;
  org_unit_id: number;
  category_option_combo_id: number;
  attribute_option_combo_id: number;
  audit_type: 'CREATE' | 'UPDATE' | 'DELETE';
  previous_value: string | null;
  value: string | null;
  modified_by: string | null;
  created: Timestamp;
}
export interface CompleteDataSetRegistrationTable {
  data_set_id: number;
  period_id: number;
  org_unit_id: number;
  attribute_option_combo_id: Defaulted<number>;
  completed_by: string | null;
  completed: Timestamp;
  source: string | null;
}

/** Sums of data values into every ancestor org unit, kept by triggers (migration 010). */
export interface AggregatedDataValueTable {
  data_element_id: number;
  org_unit_id: number;
  period_id: number;
  category_option_combo_id: number;
  attribute_option_combo_id: number;
  value_sum: number;
  value_count: number;
}

/** A child in the registry shared by vaccination and growth monitoring (migration 040). */
export interface ChildTable {
  id: Generated<number>;
  uid: string;
  org_unit_id: number;
  given_name: string;
  family_name: string;
  sex: 'F' | 'M';
  birth_date: string;
  mother_name: string | null;
  village: string | null;
  created: Timestamp;
  last_updated: Timestamp;
  created_by: string | null;
  source: string | null;
}

/** A measurement of a registered child, with its WHO z-scores, flags and classes (migration 050). */
export interface GrowthMeasurementTable {
  id: Generated<number>;
  child_id: number;
  org_unit_id: number;
  date: string;
  age_days: number;
  weight_kg: number | null;
  length_height_cm: number | null;
  measure: 'l' | 'h' | null;
  muac_mm: number | null;
  oedema: Defaulted<boolean>;
  zwei: number | null;
  zlen: number | null;
  zwfl: number | null;
  zbmi: number | null;
  zac: number | null;
  fwei: number | null;
  flen: number | null;
  fwfl: number | null;
  fbmi: number | null;
  fac: number | null;
  acute: 'SAM' | 'MAM' | 'normal' | null;
  wasting: 'SAM' | 'MAM' | 'normal' | null;
  stunting: 'severe' | 'moderate' | 'normal' | null;
  underweight: 'severe' | 'moderate' | 'normal' | null;
  created: Timestamp;
  created_by: string | null;
  source: string | null;
}

/** A dose given to a registered child (migration 041). */
export interface ImmunizationTable {
  id: Generated<number>;
  uid: string;
  child_id: number;
  vaccine: string;
  dose: number;
  date: string;
  lot_number: string | null;
  org_unit_id: number;
  status: Defaulted<'completed' | 'entered-in-error'>;
  valid: Defaulted<boolean>;
  created: Timestamp;
  created_by: string | null;
  source: string | null;
}

/** Where a data set's figures come from at an org unit from a date on (migration 041). */
export interface DataSetSourceTable {
  data_set_id: number;
  org_unit_id: number;
  starts: string;
  source: 'form' | 'registry';
  changed: Timestamp;
  changed_by: string | null;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  email: string | null;
  password_hash: string;
  role: 'superuser' | 'data_manager' | 'data_entry' | 'viewer';
  language: Defaulted<'fr' | 'en'>;
  disabled: Defaulted<boolean>;
  created: Timestamp;
  last_login: Date | null;
}
export interface AppUserOrgUnitTable {
  user_id: number;
  org_unit_id: number;
}
export interface AppSessionTable {
  token_hash: string;
  user_id: number;
  created: Timestamp;
  expires: Timestamp;
  last_seen: Timestamp;
}
export interface ApiTokenTable {
  id: Generated<number>;
  uid: string;
  token_hash: string;
  user_id: number;
  name: string;
  created: Timestamp;
  expires: Date | null;
  last_used: Date | null;
}

export interface Schema {
  attribute: AttributeTable;
  org_unit_level: OrgUnitLevelTable;
  org_unit: OrgUnitTable;
  org_unit_group: OrgUnitGroupTable;
  org_unit_group_member: OrgUnitGroupMemberTable;
  org_unit_group_set: OrgUnitGroupSetTable;
  org_unit_group_set_member: OrgUnitGroupSetMemberTable;
  category_option: CategoryOptionTable;
  category: CategoryTable;
  category_category_option: CategoryCategoryOptionTable;
  category_combo: CategoryComboTable;
  category_combo_category: CategoryComboCategoryTable;
  category_option_combo: CategoryOptionComboTable;
  category_option_combo_option: CategoryOptionComboOptionTable;
  data_element: DataElementTable;
  data_set: DataSetTable;
  data_set_element: DataSetElementTable;
  data_set_org_unit: DataSetOrgUnitTable;
  data_set_section: DataSetSectionTable;
  indicator_type: IndicatorTypeTable;
  indicator: IndicatorTable;
  constant: ConstantTable;
  validation_rule: ValidationRuleTable;
  population: PopulationTable;
  rf_goal: RfGoalTable;
  rf_result: RfResultTable;
  rf_indicator: RfIndicatorTable;
  rf_target: RfTargetTable;
  rf_observation: RfObservationTable;
  period: PeriodTable;
  data_value: DataValueTable;
  data_value_audit: DataValueAuditTable;
  complete_data_set_registration: CompleteDataSetRegistrationTable;
  aggregated_data_value: AggregatedDataValueTable;
  child: ChildTable;
  immunization: ImmunizationTable;
  growth_measurement: GrowthMeasurementTable;
  data_set_source: DataSetSourceTable;
  app_user: AppUserTable;
  app_user_org_unit: AppUserOrgUnitTable;
  app_session: AppSessionTable;
  api_token: ApiTokenTable;
}
