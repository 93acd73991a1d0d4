-- Growth monitoring (issue 5 §2): the measurements of a registered child (migration 040) at a
-- visit, with the WHO z-scores, flags and nutritional classes computed when the measurement is
-- saved (src/store/growth/measurements.ts, with the engine of src/core/growth and the
-- thresholds of src/programmes/nutrition/growthClassification.ts), so that lists, charts and
-- monthly counts read stored values. Column names of the z-scores and flags are WHO anthro's.
CREATE TABLE growth_measurement (
  id               serial PRIMARY KEY,
  child_id         integer NOT NULL REFERENCES child (id) ON DELETE CASCADE,
  -- Where the child was measured: the child's health area when the measurement was saved.
  org_unit_id      integer NOT NULL REFERENCES org_unit (id),
  date             date NOT NULL,
  -- Age at the visit in days: visit date − birth date, as anthro computes it from dates.
  age_days         integer NOT NULL CHECK (age_days >= 0),
  weight_kg        double precision CHECK (weight_kg > 0),
  length_height_cm double precision CHECK (length_height_cm > 0),
  -- 'l' recumbent length, 'h' standing height (anthro's `measure`), NULL unknown.
  measure          text CHECK (measure IN ('l', 'h')),
  muac_mm          double precision CHECK (muac_mm > 0),
  oedema           boolean NOT NULL DEFAULT false,
  -- WHO 2006 z-scores (rounded to 2 decimals as anthro) and flags (1 = implausible).
  zwei             double precision,
  zlen             double precision,
  zwfl             double precision,
  zbmi             double precision,
  zac              double precision,
  fwei             smallint CHECK (fwei IN (0, 1)),
  flen             smallint CHECK (flen IN (0, 1)),
  fwfl             smallint CHECK (fwfl IN (0, 1)),
  fbmi             smallint CHECK (fbmi IN (0, 1)),
  fac              smallint CHECK (fac IN (0, 1)),
  -- Classes under the thresholds in force when saved; NULL = unclassified.
  acute            text CHECK (acute IN ('SAM', 'MAM', 'normal')),
  wasting          text CHECK (wasting IN ('SAM', 'MAM', 'normal')),
  stunting         text CHECK (stunting IN ('severe', 'moderate', 'normal')),
  underweight      text CHECK (underweight IN ('severe', 'moderate', 'normal')),
  created          timestamptz NOT NULL DEFAULT now(),
  created_by       text,
  -- 'demo' for the synthetic demonstration data, NULL when entered.
  source           text
);
-- A child's growth chart, and the latest measurement of a child in a month (the one counted).
CREATE INDEX growth_measurement_child_date ON growth_measurement (child_id, date, id);
-- A health area's measurements of a month (switching the monthly counts to the registry).
CREATE INDEX growth_measurement_org_unit_date ON growth_measurement (org_unit_id, date);
