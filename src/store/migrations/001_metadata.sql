-- Metadata, DHIS2-compatible. Every object has an internal integer id (joins, compact
-- analytics keys), a DHIS2 UID (11 characters, kept from imported files so that a country's
-- DHIS2 data files load unchanged) and a code (Denw's primary identifier for users and
-- files; nullable because DHIS2 does not require one). Names are French (the reference
-- language) with an English translation beside them.

CREATE TABLE org_unit_level (
  level    integer PRIMARY KEY CHECK (level >= 1),
  uid      text NOT NULL UNIQUE,
  code     text UNIQUE,
  name     text NOT NULL,
  name_en  text
);

CREATE TABLE org_unit (
  id               serial PRIMARY KEY,
  uid              text NOT NULL UNIQUE,
  code             text UNIQUE,
  name             text NOT NULL,
  short_name       text,
  name_en          text,
  parent_id        integer REFERENCES org_unit (id),
  level            integer NOT NULL CHECK (level >= 1),
  -- DHIS2 path of UIDs ('/uidRoot/uidRegion/...'), and the same path as internal ids,
  -- root first and the unit itself last: ancestor_ids[n] is the ancestor at level n.
  path             text NOT NULL,
  ancestor_ids     integer[] NOT NULL,
  opening_date     date,
  closed_date      date,
  geometry         jsonb,
  -- Which boundary set the code and geometry belong to (Mali reorganised its regions in
  -- 2016 and 2023 and reused codes): e.g. 'cercles2017'.
  boundary_version text,
  attributes       jsonb NOT NULL DEFAULT '{}'::jsonb,
  source           text -- 'demo' for the synthetic demonstration data, NULL otherwise
);
CREATE INDEX org_unit_parent ON org_unit (parent_id);
CREATE INDEX org_unit_path ON org_unit (path text_pattern_ops);

CREATE TABLE org_unit_group (
  id          serial PRIMARY KEY,
  uid         text NOT NULL UNIQUE,
  code        text UNIQUE,
  name        text NOT NULL,
  short_name  text,
  name_en     text
);

CREATE TABLE org_unit_group_member (
  org_unit_group_id integer NOT NULL REFERENCES org_unit_group (id) ON DELETE CASCADE,
  org_unit_id       integer NOT NULL REFERENCES org_unit (id) ON DELETE CASCADE,
  PRIMARY KEY (org_unit_group_id, org_unit_id)
);

CREATE TABLE org_unit_group_set (
  id          serial PRIMARY KEY,
  uid         text NOT NULL UNIQUE,
  code        text UNIQUE,
  name        text NOT NULL,
  name_en     text
);

CREATE TABLE org_unit_group_set_member (
  org_unit_group_set_id integer NOT NULL REFERENCES org_unit_group_set (id) ON DELETE CASCADE,
  org_unit_group_id     integer NOT NULL REFERENCES org_unit_group (id) ON DELETE CASCADE,
  PRIMARY KEY (org_unit_group_set_id, org_unit_group_id)
);

-- Disaggregation: category options → categories → category combos → category option combos.
CREATE TABLE category_option (
  id          serial PRIMARY KEY,
  uid         text NOT NULL UNIQUE,
  code        text UNIQUE,
  name        text NOT NULL,
  short_name  text,
  name_en     text,
  start_date  date,
  end_date    date
);

CREATE TABLE category (
  id                  serial PRIMARY KEY,
  uid                 text NOT NULL UNIQUE,
  code                text UNIQUE,
  name                text NOT NULL,
  short_name          text,
  name_en             text,
  data_dimension_type text NOT NULL DEFAULT 'DISAGGREGATION' CHECK (data_dimension_type IN ('DISAGGREGATION', 'ATTRIBUTE'))
);

CREATE TABLE category_category_option (
  category_id        integer NOT NULL REFERENCES category (id) ON DELETE CASCADE,
  sort_order         integer NOT NULL,
  category_option_id integer NOT NULL REFERENCES category_option (id),
  PRIMARY KEY (category_id, sort_order),
  UNIQUE (category_id, category_option_id)
);

CREATE TABLE category_combo (
  id                  serial PRIMARY KEY,
  uid                 text NOT NULL UNIQUE,
  code                text UNIQUE,
  name                text NOT NULL,
  name_en             text,
  data_dimension_type text NOT NULL DEFAULT 'DISAGGREGATION' CHECK (data_dimension_type IN ('DISAGGREGATION', 'ATTRIBUTE'))
);

CREATE TABLE category_combo_category (
  category_combo_id integer NOT NULL REFERENCES category_combo (id) ON DELETE CASCADE,
  sort_order        integer NOT NULL,
  category_id       integer NOT NULL REFERENCES category (id),
  PRIMARY KEY (category_combo_id, sort_order),
  UNIQUE (category_combo_id, category_id)
);

-- The code of a generated combo is its options' codes joined with '_' in the order of the
-- combo's categories; the default combo's code is 'default'.
CREATE TABLE category_option_combo (
  id                serial PRIMARY KEY,
  uid               text NOT NULL UNIQUE,
  code              text,
  name              text NOT NULL,
  name_en           text,
  category_combo_id integer NOT NULL REFERENCES category_combo (id) ON DELETE CASCADE,
  UNIQUE (category_combo_id, code)
);
CREATE INDEX category_option_combo_code ON category_option_combo (code);

CREATE TABLE category_option_combo_option (
  category_option_combo_id integer NOT NULL REFERENCES category_option_combo (id) ON DELETE CASCADE,
  category_option_id       integer NOT NULL REFERENCES category_option (id),
  PRIMARY KEY (category_option_combo_id, category_option_id)
);

-- DHIS2's default disaggregation, with DHIS2's own UIDs so that files that reference
-- them (HllvX50cXC0 is in nearly every DHIS2 data file) import unchanged.
INSERT INTO category_option (uid, code, name, name_en) VALUES ('xYerKDKCefk', 'default', 'default', 'default');
INSERT INTO category (uid, code, name, name_en) VALUES ('GLevLNI9wkl', 'default', 'default', 'default');
INSERT INTO category_category_option (category_id, sort_order, category_option_id) VALUES (1, 0, 1);
INSERT INTO category_combo (uid, code, name, name_en) VALUES ('bjDvmb4bfuf', 'default', 'default', 'default');
INSERT INTO category_combo_category (category_combo_id, sort_order, category_id) VALUES (1, 0, 1);
INSERT INTO category_option_combo (uid, code, name, name_en, category_combo_id) VALUES ('HllvX50cXC0', 'default', 'default', 'default', 1);
INSERT INTO category_option_combo_option (category_option_combo_id, category_option_id) VALUES (1, 1);

CREATE TABLE data_element (
  id                  serial PRIMARY KEY,
  uid                 text NOT NULL UNIQUE,
  code                text UNIQUE,
  name                text NOT NULL,
  short_name          text,
  form_name           text,
  name_en             text,
  description         text,
  value_type          text NOT NULL DEFAULT 'NUMBER',
  aggregation_type    text NOT NULL DEFAULT 'SUM',
  domain_type         text NOT NULL DEFAULT 'AGGREGATE' CHECK (domain_type IN ('AGGREGATE', 'TRACKER')),
  category_combo_id   integer NOT NULL DEFAULT 1 REFERENCES category_combo (id),
  zero_is_significant boolean NOT NULL DEFAULT false,
  attributes          jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE TABLE data_set (
  id                     serial PRIMARY KEY,
  uid                    text NOT NULL UNIQUE,
  code                   text UNIQUE,
  name                   text NOT NULL,
  short_name             text,
  name_en                text,
  period_type            text NOT NULL,
  -- The attribute category combo (DHIS2 "categoryCombo" of a data set).
  category_combo_id      integer NOT NULL DEFAULT 1 REFERENCES category_combo (id),
  open_future_periods    integer NOT NULL DEFAULT 0,
  -- Submission deadline: days after the end of the period (DHIS2 expiryDays; 0 = none)
  -- and the days within which a report counts as on time (DHIS2 timelyDays).
  expiry_days            integer NOT NULL DEFAULT 0,
  timely_days            integer NOT NULL DEFAULT 15,
  -- When true, validation-rule violations block completion and import (DHIS2 validCompleteOnly).
  validation_blocking    boolean NOT NULL DEFAULT false
);

CREATE TABLE data_set_element (
  data_set_id       integer NOT NULL REFERENCES data_set (id) ON DELETE CASCADE,
  data_element_id   integer NOT NULL REFERENCES data_element (id),
  -- Overrides the data element's disaggregation in this data set (DHIS2 allows it).
  category_combo_id integer REFERENCES category_combo (id),
  PRIMARY KEY (data_set_id, data_element_id)
);
CREATE INDEX data_set_element_de ON data_set_element (data_element_id);

CREATE TABLE data_set_org_unit (
  data_set_id integer NOT NULL REFERENCES data_set (id) ON DELETE CASCADE,
  org_unit_id integer NOT NULL REFERENCES org_unit (id) ON DELETE CASCADE,
  PRIMARY KEY (data_set_id, org_unit_id)
);
CREATE INDEX data_set_org_unit_ou ON data_set_org_unit (org_unit_id);

CREATE TABLE data_set_section (
  id           serial PRIMARY KEY,
  uid          text NOT NULL UNIQUE,
  code         text,
  data_set_id  integer NOT NULL REFERENCES data_set (id) ON DELETE CASCADE,
  name         text NOT NULL,
  name_en      text,
  sort_order   integer NOT NULL DEFAULT 0,
  -- Data element ids in display order.
  data_element_ids integer[] NOT NULL DEFAULT '{}'
);

CREATE TABLE indicator_type (
  id      serial PRIMARY KEY,
  uid     text NOT NULL UNIQUE,
  code    text UNIQUE,
  name    text NOT NULL,
  name_en text,
  factor  integer NOT NULL,
  number  boolean NOT NULL DEFAULT false
);

CREATE TABLE indicator (
  id                      serial PRIMARY KEY,
  uid                     text NOT NULL UNIQUE,
  code                    text UNIQUE,
  name                    text NOT NULL,
  short_name              text,
  name_en                 text,
  description             text,
  indicator_type_id       integer NOT NULL REFERENCES indicator_type (id),
  numerator               text NOT NULL,
  numerator_description   text,
  denominator             text NOT NULL,
  denominator_description text,
  decimals                integer,
  annualized              boolean NOT NULL DEFAULT false,
  attributes              jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE TABLE constant (
  id      serial PRIMARY KEY,
  uid     text NOT NULL UNIQUE,
  code    text UNIQUE,
  name    text NOT NULL,
  name_en text,
  value   double precision NOT NULL
);

CREATE TABLE validation_rule (
  id                                 serial PRIMARY KEY,
  uid                                text NOT NULL UNIQUE,
  code                               text UNIQUE,
  name                               text NOT NULL,
  name_en                            text,
  instruction                        text,
  importance                         text NOT NULL DEFAULT 'MEDIUM' CHECK (importance IN ('HIGH', 'MEDIUM', 'LOW')),
  operator                           text NOT NULL CHECK (operator IN ('equal_to', 'not_equal_to', 'greater_than', 'greater_than_or_equal_to', 'less_than', 'less_than_or_equal_to', 'compulsory_pair', 'exclusive_pair')),
  left_expression                    text NOT NULL,
  left_description                   text,
  left_missing_value_strategy        text NOT NULL DEFAULT 'SKIP_IF_ALL_VALUES_MISSING',
  right_expression                   text NOT NULL,
  right_description                  text,
  right_missing_value_strategy       text NOT NULL DEFAULT 'SKIP_IF_ALL_VALUES_MISSING',
  period_type                        text NOT NULL DEFAULT 'Monthly',
  organisation_unit_levels           integer[] NOT NULL DEFAULT '{}'
);

-- Population denominators: org unit × year × age group × sex, each with its source.
-- sex: 'F', 'M' or 'T' (both); age_group: 'total', '0-11m', '0-4y', 'births', '10y' ...
CREATE TABLE population (
  org_unit_id integer NOT NULL REFERENCES org_unit (id) ON DELETE CASCADE,
  year        integer NOT NULL,
  age_group   text NOT NULL,
  sex         text NOT NULL CHECK (sex IN ('F', 'M', 'T')),
  value       double precision NOT NULL CHECK (value >= 0),
  source      text NOT NULL,
  PRIMARY KEY (org_unit_id, year, age_group, sex)
);

-- Results framework: goal → result (a Key Result for Children or another outcome) →
-- indicator with baseline and yearly targets, national and per org unit.
CREATE TABLE rf_goal (
  id          serial PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  name_en     text,
  description text,
  description_en text,
  sort_order  integer NOT NULL DEFAULT 0
);

CREATE TABLE rf_result (
  id          serial PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  goal_id     integer NOT NULL REFERENCES rf_goal (id) ON DELETE CASCADE,
  kind        text NOT NULL DEFAULT 'OUTCOME' CHECK (kind IN ('KRC', 'OUTCOME', 'OUTPUT')),
  name        text NOT NULL,
  name_en     text,
  sort_order  integer NOT NULL DEFAULT 0
);

CREATE TABLE rf_indicator (
  id                serial PRIMARY KEY,
  code              text NOT NULL UNIQUE,
  result_id         integer NOT NULL REFERENCES rf_result (id) ON DELETE CASCADE,
  -- The Denw indicator or data element whose values track it (NULL when only survey values exist).
  indicator_id      integer REFERENCES indicator (id),
  data_element_id   integer REFERENCES data_element (id),
  name              text NOT NULL,
  name_en           text,
  unit              text NOT NULL DEFAULT 'percent',
  -- Whether progress means the value going up ('increase') or down ('decrease').
  direction         text NOT NULL DEFAULT 'increase' CHECK (direction IN ('increase', 'decrease')),
  baseline_value    double precision,
  baseline_year     integer,
  baseline_source   text,
  public            boolean NOT NULL DEFAULT false,
  -- The finest org-unit level shown on the public page (1 = national only).
  public_max_level  integer NOT NULL DEFAULT 2,
  sort_order        integer NOT NULL DEFAULT 0
);

CREATE TABLE rf_target (
  rf_indicator_id integer NOT NULL REFERENCES rf_indicator (id) ON DELETE CASCADE,
  org_unit_id     integer NOT NULL REFERENCES org_unit (id) ON DELETE CASCADE,
  year            integer NOT NULL,
  value           double precision NOT NULL,
  source          text NOT NULL,
  PRIMARY KEY (rf_indicator_id, org_unit_id, year)
);

-- Values measured outside routine reporting (surveys, estimates: DHS, MICS, SMART, WUENIC),
-- kept beside routine data with their source and method.
CREATE TABLE rf_observation (
  rf_indicator_id integer NOT NULL REFERENCES rf_indicator (id) ON DELETE CASCADE,
  org_unit_id     integer NOT NULL REFERENCES org_unit (id) ON DELETE CASCADE,
  year            integer NOT NULL,
  sex             text NOT NULL DEFAULT 'T' CHECK (sex IN ('F', 'M', 'T')),
  value           double precision NOT NULL,
  source          text NOT NULL,
  method          text,
  PRIMARY KEY (rf_indicator_id, org_unit_id, year, sex, source)
);
