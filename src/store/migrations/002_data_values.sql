-- Aggregate data values, keyed as DHIS2 keys them: data element × period × org unit ×
-- category option combo × attribute option combo.

-- Every period that data refers to, registered on first use from its DHIS2 ISO id.
CREATE TABLE period (
  id          serial PRIMARY KEY,
  iso         text NOT NULL UNIQUE,
  period_type text NOT NULL,
  start_date  date NOT NULL,
  end_date    date NOT NULL,
  CHECK (end_date >= start_date)
);
CREATE INDEX period_dates ON period (start_date, end_date);

CREATE TABLE data_value (
  data_element_id          integer NOT NULL REFERENCES data_element (id),
  period_id                integer NOT NULL REFERENCES period (id),
  org_unit_id              integer NOT NULL REFERENCES org_unit (id),
  category_option_combo_id integer NOT NULL REFERENCES category_option_combo (id),
  attribute_option_combo_id integer NOT NULL DEFAULT 1 REFERENCES category_option_combo (id),
  -- The value as entered (DHIS2 stores every value type as text), and its number for
  -- analytics (NULL for non-numeric value types).
  value                    text NOT NULL,
  numeric_value            double precision,
  stored_by                text,
  created                  timestamptz NOT NULL DEFAULT now(),
  last_updated             timestamptz NOT NULL DEFAULT now(),
  comment                  text,
  followup                 boolean NOT NULL DEFAULT false,
  -- 'demo' for the synthetic demonstration data, NULL for real data.
  source                   text,
  PRIMARY KEY (data_element_id, period_id, org_unit_id, category_option_combo_id, attribute_option_combo_id)
);
CREATE INDEX data_value_org_unit_period ON data_value (org_unit_id, period_id);
CREATE INDEX data_value_period ON data_value (period_id);

-- Every change to a data value: who, when, the value before and after.
CREATE TABLE data_value_audit (
  id                        bigserial PRIMARY KEY,
  data_element_id           integer NOT NULL,
  period_id                 integer NOT NULL,
  org_unit_id               integer NOT NULL,
  category_option_combo_id  integer NOT NULL,
  attribute_option_combo_id integer NOT NULL,
  audit_type                text NOT NULL CHECK (audit_type IN ('CREATE', 'UPDATE', 'DELETE')),
  previous_value            text,
  value                     text,
  modified_by               text,
  created                   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX data_value_audit_key ON data_value_audit (data_element_id, period_id, org_unit_id);

-- A data set marked complete for an org unit and period (DHIS2 completeDataSetRegistration).
CREATE TABLE complete_data_set_registration (
  data_set_id               integer NOT NULL REFERENCES data_set (id) ON DELETE CASCADE,
  period_id                 integer NOT NULL REFERENCES period (id),
  org_unit_id               integer NOT NULL REFERENCES org_unit (id),
  attribute_option_combo_id integer NOT NULL DEFAULT 1 REFERENCES category_option_combo (id),
  completed_by              text,
  completed                 timestamptz NOT NULL DEFAULT now(),
  source                    text,
  PRIMARY KEY (data_set_id, period_id, org_unit_id, attribute_option_combo_id)
);
