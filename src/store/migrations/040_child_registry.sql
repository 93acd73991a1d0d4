-- The child registry: one row per child known to a health area, shared by the vaccination
-- registry (issue 4) and growth monitoring (issue 5), as OpenSRP's client and DHIS2's tracked
-- entity "person" are shared by their immunization and nutrition programmes. A child is
-- registered at a health area (org unit) and found by name, mother's name, village and birth date.
CREATE TABLE child (
  id            serial PRIMARY KEY,
  -- DHIS2-style 11-character identifier, kept when records come from another system (FHIR
  -- Patient.id, DHIS2 tracked entity), generated otherwise.
  uid           text NOT NULL UNIQUE,
  org_unit_id   integer NOT NULL REFERENCES org_unit (id),
  given_name    text NOT NULL,
  family_name   text NOT NULL,
  sex           text NOT NULL CHECK (sex IN ('F', 'M')),
  birth_date    date NOT NULL,
  mother_name   text,
  village       text,
  created       timestamptz NOT NULL DEFAULT now(),
  last_updated  timestamptz NOT NULL DEFAULT now(),
  created_by    text,
  -- 'demo' for the synthetic demonstration data, NULL for real records.
  source        text
);
CREATE INDEX child_org_unit_birth ON child (org_unit_id, birth_date);
CREATE INDEX child_family_name ON child (lower(family_name));
