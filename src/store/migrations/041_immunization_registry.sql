-- The vaccination registry (issue 4): every dose given to a registered child (migration 040),
-- as OpenSRP's EIR and DHIS2's immunization tracker record them, and the choice, per data set
-- and org unit, of where the monthly aggregate figures come from (the monthly form or the
-- records of individuals), so that a facility is never counted twice.

-- One dose given. A dose recorded by mistake is not deleted but marked 'entered-in-error'
-- (FHIR R4 Immunization.status; the same record keeps its identifier and audit columns).
CREATE TABLE immunization (
  id           serial PRIMARY KEY,
  -- DHIS2-style 11-character identifier (the API's and FHIR Immunization.id), kept when the
  -- record comes from another system, generated otherwise.
  uid          text NOT NULL UNIQUE,
  child_id     integer NOT NULL REFERENCES child (id) ON DELETE CASCADE,
  -- Vaccine codes of the schedule engine (BCG, OPV, PENTA …); dose 0 is OPV's birth dose.
  vaccine      text NOT NULL,
  dose         smallint NOT NULL CHECK (dose >= 0),
  date         date NOT NULL,
  lot_number   text,
  -- Where the dose was given (a facility, or an outreach site's health area).
  org_unit_id  integer NOT NULL REFERENCES org_unit (id),
  status       text NOT NULL DEFAULT 'completed' CHECK (status IN ('completed', 'entered-in-error')),
  -- Whether the schedule engine found the dose valid (minimum age and interval respected) when
  -- the child's doses last changed: only valid doses roll up into the monthly figures.
  valid        boolean NOT NULL DEFAULT true,
  created      timestamptz NOT NULL DEFAULT now(),
  created_by   text,
  -- 'demo' for the synthetic demonstration data, 'fhir' for an import, NULL when entered.
  source       text
);
-- The defaulter list reads every dose of the children of a health area: by child.
CREATE INDEX immunization_child ON immunization (child_id, vaccine, dose);
-- The same dose entered twice (a double click, a resent import) is one record.
CREATE UNIQUE INDEX immunization_once ON immunization (child_id, vaccine, dose, date) WHERE status = 'completed';

-- Search by name, mother's name and village without accents or case ("Traoré" finds "TRAORE"):
-- the Latin letters with diacritics that French and Bambara spellings use replaced by their
-- base letter (capitals too: lower() folds only ASCII under the C locale), then lower case;
-- unaccent is an extension PGlite does not ship. A national search by family name uses the
-- index; a health area's children are filtered after the org-unit index of migration 040.
CREATE FUNCTION fold_text(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(translate($1, 'àáâãäåāçćčèéêëēėęìíîïīñńòóôõöøōùúûüūýÿžɛɔŋɲÀÁÂÃÄÅĀÇĆČÈÉÊËĒĖĘÌÍÎÏĪÑŃÒÓÔÕÖØŌÙÚÛÜŪÝŸŽƐƆŊƝ', 'aaaaaaaccceeeeeeeiiiiinnooooooouuuuuyyzeonnaaaaaaaccceeeeeeeiiiiinnooooooouuuuuyyzeonn'))
$$;
CREATE INDEX child_family_name_folded ON child (fold_text(family_name) text_pattern_ops);

-- Where a data set's figures come from at an org unit, from a period on: 'form' (the monthly
-- report, the default when no row applies) or 'registry' (the sums of individual records,
-- written by src/store/rollup in the same transaction as the record). The row with the
-- latest `starts` not after a period's start applies to that period.
CREATE TABLE data_set_source (
  data_set_id  integer NOT NULL REFERENCES data_set (id) ON DELETE CASCADE,
  org_unit_id  integer NOT NULL REFERENCES org_unit (id),
  starts       date NOT NULL,
  source       text NOT NULL CHECK (source IN ('form', 'registry')),
  changed      timestamptz NOT NULL DEFAULT now(),
  changed_by   text,
  PRIMARY KEY (data_set_id, org_unit_id, starts)
);
CREATE INDEX data_set_source_org_unit ON data_set_source (org_unit_id);
